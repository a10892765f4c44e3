"""The fetcher contract: how the sync gets a company's documents from MyMinfin.

A plugin offers fetchers through ``govlink_fetchers`` (a :class:`FetcherSpec` each). The sync
runner opens one per worker and calls :meth:`Fetcher.fetch` once per company sync, with a
:class:`FetchRequest` (the company, its office, the mandate / credential reference and the
``since`` watermark); the fetcher answers with a :class:`FetchResult`: the new documents, or a
typed outcome (nothing new, no mandate, portal unavailable, throttled).

>>> FetchResult.throttled(30.0).retriable, FetchResult.no_mandate().outcome
(True, <FetchOutcome.NO_MANDATE: 'no_mandate'>)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Final, Protocol, runtime_checkable

import attrs

from govlink.domain.enterprise_number import EnterpriseNumber

__all__ = [
    "FetchOutcome",
    "FetchRequest",
    "FetchResult",
    "FetchedDocument",
    "Fetcher",
    "FetcherOptions",
    "FetcherSpec",
]


class FetchOutcome(StrEnum):
    """What one fetch came to."""

    OK = "ok"
    """New documents (at least one)."""
    NOTHING_NEW = "nothing_new"
    """The portal answered; nothing since the watermark."""
    NO_MANDATE = "no_mandate"
    """The office has no (active) mandate for the company, or access was refused."""
    UNAVAILABLE = "unavailable"
    """The portal is down, in maintenance, slow past the timeout, or the connection failed."""
    THROTTLED = "throttled"
    """The portal asked to come back later (``retry_after`` seconds, when it said)."""


_RETRIABLE: Final = frozenset({FetchOutcome.UNAVAILABLE, FetchOutcome.THROTTLED})


@attrs.frozen(kw_only=True)
class FetchRequest:
    """One company to fetch.

    :param enterprise_number: the company.
    :param office: the accountancy office (firm) whose mandate is used.
    :param mandate: the reference of the mandate / CSAM credential to use (never the secret
        itself: the fetcher looks it up in its own settings).
    :param since: the watermark: the publication time of the newest document already stored
        (``None``: never synced). Return documents published at or after it; returning an
        older one again is harmless (the sync deduplicates by portal id and content).
    :param known: portal ids already stored for the company; a fetcher need not download them
        again (the watermark's own document is listed again when ``since`` is inclusive).
    """

    enterprise_number: EnterpriseNumber
    office: str = ""
    mandate: str = ""
    since: datetime | None = None
    known: frozenset[str] = frozenset()


@attrs.frozen(kw_only=True)
class FetchedDocument:
    """One document as the portal gives it.

    :param content: the bytes.
    :param file_name: the file name.
    :param kind_label: the portal's label (``Aanslagbiljet``, ``Demande de renseignements``).
    :param portal_id: the portal's stable id for the document.
    :param published_at: when the portal published it (timezone-aware); the next watermark.
    :param document_date: the date printed on it, when known.
    :param title: a title, when the portal gives one (default: the file name).
    :param content_type: the MIME type the portal declared, if any (checked against the bytes).
    """

    content: bytes = attrs.field(repr=False)
    file_name: str
    kind_label: str
    portal_id: str
    published_at: datetime | None = None
    document_date: date | None = None
    title: str | None = None
    content_type: str | None = None


@attrs.frozen(kw_only=True)
class FetchResult:
    """The answer to one :class:`FetchRequest`; build it with the class methods.

    :param outcome: what the fetch came to.
    :param documents: the documents (only with ``OK``).
    :param retry_after: seconds the portal asked to wait (``THROTTLED``, ``UNAVAILABLE``).
    :param message: one line for people (never a secret).
    """

    outcome: FetchOutcome
    documents: tuple[FetchedDocument, ...] = ()
    retry_after: float | None = None
    message: str = ""

    @classmethod
    def ok(cls, documents: tuple[FetchedDocument, ...]) -> FetchResult:
        """New documents; an empty tuple means nothing new."""
        if not documents:
            return cls.nothing_new()
        return cls(outcome=FetchOutcome.OK, documents=documents)

    @classmethod
    def nothing_new(cls) -> FetchResult:
        """The portal answered with nothing since the watermark."""
        return cls(outcome=FetchOutcome.NOTHING_NEW)

    @classmethod
    def no_mandate(cls, message: str = "no active mandate for this company") -> FetchResult:
        """No mandate, or access refused."""
        return cls(outcome=FetchOutcome.NO_MANDATE, message=message)

    @classmethod
    def unavailable(
        cls, message: str = "the portal is unavailable", retry_after: float | None = None
    ) -> FetchResult:
        """The portal cannot be used now (maintenance, errors, timeouts)."""
        return cls(outcome=FetchOutcome.UNAVAILABLE, message=message, retry_after=retry_after)

    @classmethod
    def throttled(
        cls, retry_after: float | None = None, message: str = "the portal throttled the request"
    ) -> FetchResult:
        """The portal asked to slow down."""
        return cls(outcome=FetchOutcome.THROTTLED, message=message, retry_after=retry_after)

    @property
    def retriable(self) -> bool:
        """True when trying again later may help (unavailable, throttled)."""
        return self.outcome in _RETRIABLE


@runtime_checkable
class Fetcher(Protocol):
    """An opened fetcher (see ``govlink_fetchers``); one per worker, used by one thread.

    :meth:`fetch` answers every portal situation with a :class:`FetchResult`; it may also raise
    :class:`~govlink.RetriableConnectorError` (unavailable; :class:`~govlink.RateLimited`:
    throttled) or :class:`~govlink.ConfigurationError` (bad credentials: the run stops).
    Anything else it raises is recorded as an ``error`` attempt and retried like
    ``UNAVAILABLE``. It never retries on its own: the runner owns backoff and the portal's
    shared limits, and calls :meth:`fetch` only while it holds a portal permit.
    """

    @property
    def name(self) -> str:
        """The fetcher's name (``myminfin-sim``)."""
        ...

    def fetch(self, request: FetchRequest) -> FetchResult:
        """Fetch the company's documents published since ``request.since``."""
        ...


@attrs.frozen(kw_only=True)
class FetcherOptions:
    """What a fetcher is opened with.

    :param settings: environment-style settings (URLs, credentials); secrets may be here, so a
        fetcher never logs or echoes them.
    :param timeout: seconds one portal call may take before it counts as unavailable.
    """

    settings: Mapping[str, str] = attrs.field(factory=dict, repr=False)
    timeout: float = 30.0


@attrs.frozen(kw_only=True)
class FetcherSpec:
    """A kind of fetcher a plugin offers (yielded by ``govlink_fetchers``).

    :param name: unique name (``myminfin-sim``); what the ``sync_fetcher`` setting names.
    :param description: one line for ``govlink plugins``.
    :param open: builds an opened :class:`Fetcher` from :class:`FetcherOptions`.
    """

    name: str
    description: str
    open: Callable[[FetcherOptions], Fetcher]
