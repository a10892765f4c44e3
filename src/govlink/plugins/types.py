"""The typed records plugins hand to govlink: source and sink descriptions and their contracts.

Plugins yield these from the hooks in :mod:`govlink.plugins.hookspecs`; each type names the hook
that yields it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from govlink.domain.documents import Document
from govlink.domain.records import RawRecord, SkippedRecord

if TYPE_CHECKING:
    from govlink.store.rates import RateStore

__all__ = [
    "Delivery",
    "DeliveryStatus",
    "Sink",
    "SinkOptions",
    "SinkSpec",
    "Source",
    "SourceOptions",
    "SourceSpec",
    "SourceWithColumns",
    "SourceWithHeaders",
    "SourceWithSkips",
]


@attrs.frozen(kw_only=True)
class SourceOptions:
    """What the user asked for when opening a source.

    :param location: a path (``clients.xlsx``) or the source's name (``adminpulse``).
    :param sheet: for files with sheets, the sheet to read (default: the first visible one).
    :param template: only the clients of this task template / taskflow (CRM sources).
    :param settings: extra settings (environment-style ``KEY -> value``); secrets may be here,
        so a source never logs or echoes them.
    :param rates: where API limits are shared with other processes (``None``: this process).
    """

    location: str
    sheet: str | None = None
    template: str | None = None
    settings: Mapping[str, str] = attrs.field(factory=dict, repr=False)
    rates: RateStore | None = attrs.field(default=None, repr=False)


@runtime_checkable
class Source(Protocol):
    """An opened source: yields raw records lazily, so a large source streams.

    For input it cannot read at all it raises only :class:`~govlink.SourceError` or a
    :class:`~govlink.ConnectorError` subclass; row problems are left to validation.
    """

    @property
    def name(self) -> str:
        """The source's name as shown to the user (``excel``, ``adminpulse``)."""
        ...

    def records(self) -> Iterator[RawRecord]:
        """Yield the raw records, each with its :class:`~govlink.SourceRef`."""
        ...

    @property
    def skipped(self) -> Mapping[str, int]:
        """Records left out on purpose so far (persons, prospects, ...), counted by reason."""
        ...

    def known_colleagues(self) -> Collection[str] | None:
        """The firm's colleagues' e-mails, when the source knows them (else ``None``)."""
        ...


@runtime_checkable
class SourceWithColumns(Source, Protocol):
    """A source read from a table (a sheet, a CSV file) that can say which of its columns
    govlink does not know: the import lists them, so a user sees what was not taken over."""

    @property
    def unknown_columns(self) -> tuple[str, ...]:
        """The headers of the columns govlink ignored, in the table's order."""
        ...


@runtime_checkable
class SourceWithHeaders(Source, Protocol):
    """A table source that says which of the user's headers each Company field came from, so
    an invalid row names the user's own column ("BTW-nr.", not ``enterprise_number``)."""

    @property
    def columns(self) -> Mapping[str, str]:
        """The recognised headers: the Company field each header text maps to."""
        ...


@runtime_checkable
class SourceWithSkips(Source, Protocol):
    """A source that keeps each record it left out on purpose, with its reason and raw fields,
    so the import can show why a client did not come over (``skipped`` in ``import --json``)."""

    @property
    def skipped_records(self) -> Sequence[SkippedRecord]:
        """The records left out so far, in source order."""
        ...


@attrs.frozen(kw_only=True)
class SourceSpec:
    """A kind of source a plugin offers (yielded by ``govlink_sources``).

    :param name: unique name (``excel``, ``adminpulse``); what ``govlink import NAME`` takes.
    :param description: one line for ``govlink plugins``.
    :param open: builds an opened :class:`Source` from the user's :class:`SourceOptions`.
    """

    name: str
    description: str
    open: Callable[[SourceOptions], Source]


@attrs.frozen(kw_only=True)
class SinkOptions:
    """What the user configured for a sink.

    :param settings: settings (environment-style ``KEY -> value``); secrets may be here, so a
        sink never logs or echoes them.
    :param tags: the tag (folder) names to file each document under, as given to
        ``govlink sink enable NAME --tags``.
    :param rates: where API limits are shared with other processes (``None``: this process);
        a sink passes it to its client so all workers together keep the API's limits.
    """

    settings: Mapping[str, str] = attrs.field(factory=dict, repr=False)
    tags: tuple[str, ...] = ()
    rates: RateStore | None = attrs.field(default=None, repr=False)


class DeliveryStatus(StrEnum):
    """What became of one document handed to a sink."""

    DELIVERED = "delivered"
    SKIPPED = "skipped"


@attrs.frozen(kw_only=True)
class Delivery:
    """The outcome of :meth:`Sink.deliver`.

    :param status: delivered, or skipped on purpose (no target, several targets, ...).
    :param target_ref: where it went, in the sink's terms (an AdminPulse relation id, ...).
    :param message: one line for the user (why it was skipped, or where it went).
    """

    status: DeliveryStatus
    target_ref: str | None = None
    message: str = ""


@runtime_checkable
class Sink(Protocol):
    """An opened sink: receives company documents (see ``govlink_sinks``).

    A document that has no place in the sink (yet) gives a ``SKIPPED`` delivery: the push holds
    it and retries it on its next run. A failure raises a :class:`~govlink.ConnectorError`
    subclass, which tells the push what to do: :class:`~govlink.RetriableConnectorError`
    (and :class:`~govlink.RateLimited`) retry with backoff; :class:`~govlink.FatalConnectorError`
    parks the document after a bounded number of tries; :class:`~govlink.DeliveryUncertain`
    (sent, no answer) puts it aside for a person to check; :class:`~govlink.ConfigurationError`
    stops the run. A sink must not retry a document that may have arrived.
    """

    @property
    def name(self) -> str:
        """The sink's name as shown to the user (``adminpulse``)."""
        ...

    def deliver(self, document: Document, target_ref: str | None = None) -> Delivery:
        """Hand over one document.

        :param document: the document, with its content or path.
        :param target_ref: where it should go when the caller knows (for example the record id
            the company was imported from); ``None`` lets the sink find the target by the
            document's enterprise number.
        """
        ...


@attrs.frozen(kw_only=True)
class SinkSpec:
    """A kind of sink a plugin offers (yielded by ``govlink_sinks``).

    :param name: unique name (``adminpulse``).
    :param description: one line for ``govlink plugins``.
    :param open: builds an opened :class:`Sink` from :class:`SinkOptions`.
    """

    name: str
    description: str
    open: Callable[[SinkOptions], Sink]
