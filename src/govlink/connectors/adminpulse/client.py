"""The AdminPulse API client: relations, users, tasks and ``documents/add``.

Built on the shared toolkit (:mod:`govlink.connectors.http`): every call waits for the limiter
shared by all clients of the same credential (480 calls a minute overall, 8 a second, and 50 a
minute for ``documents/add``), is retried per :class:`~govlink.connectors.http.RetryPolicy`, and
fails with a typed :mod:`govlink.errors` exception carrying method, path and status. Listing
pages with ``page`` (from 0) and ``pageSize`` (400), accepts the envelope
``{results, currentPage, pageCount, pageSize, totalRowCount}`` and bare arrays, refuses page
sequences that repeat or go backwards, and yields every record exactly once even when the list
shifts while it is read (see :func:`~govlink.connectors.http.exactly_once`).

See ``docs/adminpulse.md`` for the settings and the assumptions behind them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, Final, Self

import attrs
import httpx

from govlink.clock import SYSTEM_CLOCK, Clock
from govlink.connectors.http import (
    Action,
    ApiSession,
    BearerToken,
    CredentialAuth,
    OAuth2Bearer,
    OAuth2Settings,
    Page,
    PageNumbers,
    Rate,
    RateLimiter,
    RetryPolicy,
    Secret,
    exactly_once,
    parse_json,
    shared_limiter,
)
from govlink.errors import ConfigurationError, FatalConnectorError
from govlink.store.rates import RateStore

__all__ = [
    "CONNECTOR",
    "DEFAULT_LIMITS",
    "DEFAULT_PAGE_SIZE",
    "DEFAULT_URL",
    "DOCUMENTS_ADD",
    "AdminPulseClient",
    "DocumentFields",
    "DocumentUpload",
    "date_param",
]

CONNECTOR: Final = "adminpulse"
DEFAULT_URL: Final = "https://api.adminpulse.be"
DEFAULT_PAGE_SIZE: Final = 400
DOCUMENTS_ADD: Final = "documents/add"
DEFAULT_LIMITS: Final[Mapping[str, tuple[Rate, ...]]] = {
    "all": (Rate(480, 60.0), Rate(8, 1.0)),
    DOCUMENTS_ADD: (Rate(50, 60.0),),
}
"""Documented: 480 calls/min overall, 50/min for documents/add; assumed: at most 8 a second."""

_HINTS: Final = {
    Action.CONFIGURATION: (
        "the API refused the credentials; check GOVLINK_ADMINPULSE_API_KEY (or the OAuth "
        "settings), that the key is an own-office integration key and that it has the scopes "
        "to read relations, users and tasks (and to add documents, for the push)"
    ),
}


def date_param(value: date) -> str:
    """A date as AdminPulse's query parameters want it: ``ddMMyyyy``.

    >>> date_param(date(2026, 4, 1))
    '01042026'
    """
    return value.strftime("%d%m%Y")


@attrs.frozen(kw_only=True)
class DocumentFields:
    """The multipart field names of ``documents/add`` (assumed from one public client).

    :param tag_separator: tags are joined with it into one field; ``None`` repeats the field.
    """

    file: str = "file"
    file_name: str = "fileName"
    relation: str = "relationIdentifier"
    task: str = "taskId"
    tags: str = "tagNames"
    document_type: str = "documentType"
    document_date: str = "documentDate"
    tag_separator: str | None = ","


@attrs.frozen(kw_only=True)
class DocumentUpload:
    """One document for ``documents/add``.

    :param content: the file's bytes (never shown in ``repr``).
    :param file_name: the name AdminPulse shows.
    :param relation_identifier: the relation's ``uniqueIdentifier`` (``APR00001``).
    :param document_date: sent as ``ddMMyyyy``.
    :param tag_names: folder tags.
    :param document_type: AdminPulse's document type code (``13`` for VAT documents, say).
    :param task_id: the main task to attach it to.
    :param content_type: the file's media type.
    """

    content: bytes = attrs.field(repr=False)
    file_name: str
    relation_identifier: str | None = None
    document_date: date | None = None
    tag_names: tuple[str, ...] = ()
    document_type: str | None = None
    task_id: str | None = None
    content_type: str = "application/pdf"

    def form(self, fields: DocumentFields) -> dict[str, str | list[str]]:
        """The non-file form fields, named per ``fields``."""
        data: dict[str, str | list[str]] = {fields.file_name: self.file_name}
        optional = {
            fields.relation: self.relation_identifier,
            fields.document_date: date_param(self.document_date) if self.document_date else None,
            fields.document_type: self.document_type,
            fields.task: self.task_id,
        }
        data |= {name: value for name, value in optional.items() if value is not None}
        if self.tag_names:
            separator = fields.tag_separator
            data[fields.tags] = (
                list(self.tag_names) if separator is None else separator.join(self.tag_names)
            )
        return data


def _base_url(base_url: str | None) -> str:
    url = (base_url or DEFAULT_URL).strip().rstrip("/")
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError(
            f"adminpulse: {url!r} is not an http(s) URL; check GOVLINK_ADMINPULSE_URL",
            connector=CONNECTOR,
        )
    return url


def _oauth_from_env(
    env: Mapping[str, str], transport: httpx.BaseTransport | None, timeout: float
) -> OAuth2Bearer:
    def need(name: str) -> str:
        value = env.get(f"GOVLINK_ADMINPULSE_{name}", "").strip()
        if not value:
            raise ConfigurationError(
                f"adminpulse: OAuth needs GOVLINK_ADMINPULSE_{name}", connector=CONNECTOR
            )
        return value

    settings = OAuth2Settings(
        connector=CONNECTOR,
        client_id=need("CLIENT_ID"),
        client_secret=Secret(need("CLIENT_SECRET")),
        authorize_url=env.get("GOVLINK_ADMINPULSE_AUTHORIZE_URL", "").strip(),
        token_url=need("TOKEN_URL"),
        redirect_url=env.get("GOVLINK_ADMINPULSE_REDIRECT_URL", "").strip(),
        scope=env.get("GOVLINK_ADMINPULSE_SCOPE") or None,
    )
    return OAuth2Bearer(
        settings,
        token={"refresh_token": need("REFRESH_TOKEN")},
        transport=transport,
        timeout=timeout,
    )


class AdminPulseClient:
    """A client of the AdminPulse API for one credential.

    :param auth: the credential: :class:`~govlink.connectors.http.BearerToken` for an API key,
        :class:`~govlink.connectors.http.OAuth2Bearer` for OAuth (see :meth:`from_env`).
    :param base_url: the API root; default ``$GOVLINK_ADMINPULSE_URL``, else
        ``https://api.adminpulse.be``.
    :param page_size: ``pageSize`` sent with every list call.
    :param max_pages: a list longer than this many pages is refused as a loop.
    :param timeout: seconds per attempt.
    :param retry: the retry policy.
    :param transport: an httpx transport (a simulator's, in tests).
    :param clock: the clock of the shared limiter and of retry waits.
    :param limits: the rate limits per bucket (``"all"`` and ``"documents/add"``).
    :param limiter: a limiter to use instead of the one shared per credential.
    :param rates: keep the limits in this store, shared with every process using it.
    """

    def __init__(
        self,
        auth: CredentialAuth,
        *,
        base_url: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_pages: int = 10_000,
        timeout: float | httpx.Timeout = 30.0,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        clock: Clock = SYSTEM_CLOCK,
        limits: Mapping[str, tuple[Rate, ...]] = DEFAULT_LIMITS,
        limiter: RateLimiter | None = None,
        rates: RateStore | None = None,
    ) -> None:
        self._auth = auth
        self._owns_auth = False
        self._page_size = page_size
        self._max_pages = max_pages
        self._session = ApiSession(
            connector=CONNECTOR,
            base_url=_base_url(base_url),
            auth=auth,
            limiter=limiter or shared_limiter(auth.fingerprint, limits, clock=clock, store=rates),
            retry=retry,
            timeout=timeout,
            transport=transport,
            hints=_HINTS,
        )

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str],
        *,
        transport: httpx.BaseTransport | None = None,
        **options: Any,
    ) -> Self:
        """A client configured from settings (``GOVLINK_ADMINPULSE_*``; never read from os itself).

        ``GOVLINK_ADMINPULSE_API_KEY`` selects API-key authentication; otherwise OAuth with
        ``GOVLINK_ADMINPULSE_CLIENT_ID``, ``_CLIENT_SECRET``, ``_TOKEN_URL`` and
        ``_REFRESH_TOKEN`` (plus optional ``_AUTHORIZE_URL``, ``_REDIRECT_URL``, ``_SCOPE``).
        ``GOVLINK_ADMINPULSE_URL`` overrides the base URL. Other ``options`` go to the
        constructor.
        """
        key = env.get("GOVLINK_ADMINPULSE_API_KEY", "").strip()
        if key:
            auth: CredentialAuth = BearerToken(Secret(key))
        elif env.get("GOVLINK_ADMINPULSE_CLIENT_ID", "").strip():
            timeout = options.get("timeout")
            seconds = float(timeout) if isinstance(timeout, int | float) else 30.0
            auth = _oauth_from_env(env, transport, seconds)
        else:
            raise ConfigurationError(
                "adminpulse: no credentials; set GOVLINK_ADMINPULSE_API_KEY (an own-office "
                "integration key from My profile > API keys) or the OAuth settings",
                connector=CONNECTOR,
            )
        base_url = options.pop("base_url", None) or env.get("GOVLINK_ADMINPULSE_URL")
        client = cls(auth, base_url=base_url, transport=transport, **options)
        client._owns_auth = True
        return client

    def __repr__(self) -> str:
        return f"AdminPulseClient(base_url={str(self._session.base_url)!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections (and the credential's, when :meth:`from_env` made it)."""
        self._session.close()
        if self._owns_auth:
            self._auth.close()

    @property
    def limiter(self) -> RateLimiter:
        """The limiter this client waits on (shared per credential by default)."""
        return self._session.limiter

    def relations(self, **filters: str) -> Iterator[dict[str, Any]]:
        """Every relation, once each (``filters`` are sent as extra query parameters)."""
        return self._list("/relations", filters)

    def users(self) -> Iterator[dict[str, Any]]:
        """The office's users (colleagues), once each."""
        return self._list("/users", {})

    def tasks(self, *, deadline_from: date, deadline_until: date) -> Iterator[dict[str, Any]]:
        """Main tasks whose deadline falls in the window, once each."""
        window = {"deadlineFrom": date_param(deadline_from)}
        window["deadlineUntil"] = date_param(deadline_until)
        return self._list("/tasks", window)

    def documents_add(self, upload: DocumentUpload, *, fields: DocumentFields | None = None) -> Any:
        """Upload one document; returns the response's JSON (or its text when not JSON).

        Not idempotent: retried only after a 429 or when the connection failed before the
        request was sent. A request that went out without an answer (timeout, dropped line),
        or whose 2xx answer labelled JSON cannot be read (cut short), raises
        :class:`~govlink.DeliveryUncertain`: the upload may have arrived, so the caller must
        never retry it blindly. An error response raises the usual typed error.
        """
        fields = fields or DocumentFields()
        return self._session.call(
            "POST",
            f"/{DOCUMENTS_ADD}",
            parse=_json_or_text,
            buckets=("all", DOCUMENTS_ADD),
            idempotent=False,
            data=upload.form(fields),
            files={fields.file: (upload.file_name, upload.content, upload.content_type)},
        )

    def _list(self, path: str, params: Mapping[str, str]) -> Iterator[dict[str, Any]]:
        return exactly_once(lambda: self._pages(path, params), _key, connector=CONNECTOR, path=path)

    def _pages(self, path: str, params: Mapping[str, str]) -> Iterator[Page[dict[str, Any]]]:
        pages = PageNumbers(0, connector=CONNECTOR, path=path, max_pages=self._max_pages)
        full = self._page_size
        while not pages.finished:
            number = pages.current
            payload = self._session.call(
                "GET",
                path,
                parse=parse_json,
                params={**params, "page": number, "pageSize": self._page_size},
            )
            page, count, echoed = _page(payload, path)
            if echoed is not None and echoed != number:
                raise FatalConnectorError(
                    f"adminpulse: GET {path} answered page {echoed} when asked for page {number}",
                    code="connector.pagination",
                    connector=CONNECTOR,
                    method="GET",
                    path=path,
                )
            size = len(page.items)
            if count is not None:
                last = number >= count - 1 or size == 0
            else:  # a bare array: only an empty page or one shorter than a full one ends it
                full = size if number == 0 and size < full else full
                last = size == 0 or (number > 0 and size < full)
            content = tuple(_key(item) for item in page.items) if size else None
            yield page
            pages.advance(None if last else number + 1, content=content)


def _key(item: Mapping[str, Any]) -> str | None:
    value = item.get("id")
    return str(value) if value is not None else None


def _page(payload: Any, path: str) -> tuple[Page[dict[str, Any]], int | None, int | None]:
    """The page's items and total, the announced page count, and the page number echoed."""
    if isinstance(payload, list):
        items, count, echoed, total = payload, None, None, None
    elif isinstance(payload, dict) and isinstance(payload.get("results"), list):
        items = payload["results"]
        count = _int(payload.get("pageCount"))
        echoed = _int(payload.get("currentPage"))
        total = _int(payload.get("totalRowCount"))
    else:
        raise FatalConnectorError(
            f"adminpulse: GET {path} returned neither a page envelope nor a list",
            connector=CONNECTOR,
            method="GET",
            path=path,
        )
    return Page([i for i in items if isinstance(i, dict)], total=total), count, echoed


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _json_or_text(response: httpx.Response) -> Any:
    """The JSON body, or the text of a body that does not claim to be JSON.

    :raises ValueError: a body labelled JSON that is not (cut short, garbled).
    """
    media = response.headers.get("content-type", "").partition(";")[0].strip().casefold()
    if media == "application/json" or media.endswith("+json"):
        return response.json() if response.content.strip() else None
    try:
        return response.json()
    except ValueError:
        return response.text
