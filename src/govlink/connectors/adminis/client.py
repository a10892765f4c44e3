"""The Admin-IS | Consult API client: token, settings, paging, filters and error semantics.

>>> from govlink.testing.adminis import AdminisSimulator, sample_data
>>> from govlink.testing.clock import ScaledClock
>>> clock = ScaledClock(1000)
>>> simulator = AdminisSimulator(sample_data(25), api_key="k3y", clock=clock)
>>> config = AdminisConfig(base_url="http://adminis:2100", api_key=Secret("k3y"))
>>> from govlink.connectors.adminis.filters import field
>>> with AdminisClient(config, transport=simulator.transport(), clock=clock) as client:
...     ids = [c["CustomerId"] for c in client.rows("customers", field("IsCompany").eq(False))]
>>> ids
[1003, 1007, 1013, 1023]

Every call goes through the shared :class:`~govlink.connectors.http.ApiSession` (rate limiter,
retries, typed errors). On top of it, this module adds what the Admin-IS API does its own way:
the token exchange and its renewal, ``apisettings``, ``Link`` paging, the meaning of 403 / 404 /
414 answers (see ``docs/adminis.md``) and the masking of the API key, which sits in a URL path.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, TypeVar

import attrs
import httpx

from govlink._closing import Closing
from govlink.clock import SYSTEM_CLOCK, Clock
from govlink.connectors.adminis._token import SecretScrubber, SynetonToken, lifetime_seconds
from govlink.connectors.adminis.filters import DEFAULT_CHUNK, Filter
from govlink.connectors.http import (
    Action,
    ApiSession,
    NextLinks,
    Rate,
    RateLimiter,
    RetryPolicy,
    Secret,
    classify,
    shared_limiter,
)
from govlink.domain.backoff import Backoff
from govlink.errors import ConfigurationError, ConnectorError, FatalConnectorError
from govlink.store.rates import RateStore

__all__ = [
    "CONNECTOR",
    "DEFAULT_RATE_LIMIT",
    "AdminisClient",
    "AdminisConfig",
    "ApiLimits",
    "Row",
]

T = TypeVar("T")
#: One JSON object of a listing (a customer, an address, a taskflow row).
Row = dict[str, Any]

#: The connector's name in errors and logs.
CONNECTOR: Final = "adminis"
#: Calls per 60 s when ``apisettings`` gives no ``RateLimit`` (and before it is read).
DEFAULT_RATE_LIMIT: Final = 60
_WINDOW: Final = 60.0
#: A 429 without Retry-After waits out the minute window (and at most two).
_RETRY: Final = RetryPolicy(
    rate_limited=Backoff(first=_WINDOW, longest=2 * _WINDOW, jitter=random.random)
)
_API_ROOT: Final = "/api/v1/"
_EMPTY_MESSAGES: Final = ("nothing found", "no taskdata found", "no extradata found")
_LOGGERS: Final = ("httpx", "govlink.connectors.http", "govlink.connectors.adminis")
_HINTS: Final = {
    Action.RETRY: "check GOVLINK_ADMINIS_URL and that the Admin-IS API server is reachable",
    Action.RATE_LIMITED: "the server kept throttling; try again later",
}


def _normalised_url(value: str) -> str:
    """``https://host:port`` from what the user typed (scheme optional, ``/api/v1`` dropped)."""
    text = value.strip()
    if "://" not in text:
        text = "https://" + text
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL:
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(
            f"{CONNECTOR}: {value!r} is not an API URL; set GOVLINK_ADMINIS_URL to "
            "https://host:port (the address and port shown in Syneton's Marketplace Manager)",
            connector=CONNECTOR,
        )
    path = url.path.rstrip("/").removesuffix("/api/v1")
    return str(url.copy_with(path=path or "/", query=None, fragment=None)).rstrip("/")


@attrs.frozen(kw_only=True)
class AdminisConfig:
    """Where the firm's Admin-IS API server is and how to reach it.

    :param base_url: ``https://host:port`` (a missing scheme means https; a trailing
        ``/api/v1`` is dropped).
    :param api_key: the key created in Syneton's management console.
    :param timeout: seconds per call attempt.
    :param verify_tls: check the server's certificate (on by default).
    :param chunk_size: values per ``CustomerId in (…)`` filter.
    """

    base_url: str = attrs.field(converter=_normalised_url)
    api_key: Secret = attrs.field(repr=False)
    timeout: float = 30.0
    verify_tls: bool = True
    chunk_size: int = DEFAULT_CHUNK


@attrs.frozen(kw_only=True)
class ApiLimits:
    """What ``apisettings`` allows: rows per page (``None``: send no ``per_page``), calls/60 s."""

    per_page: int | None
    rate_limit: int

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> ApiLimits:
        """Read ``MaxRecordsPerPage`` (else ``DefaultRecordsPerPage``) and ``RateLimit``."""
        per_page = _positive(body.get("MaxRecordsPerPage")) or _positive(
            body.get("DefaultRecordsPerPage")
        )
        return cls(
            per_page=per_page, rate_limit=_positive(body.get("RateLimit")) or DEFAULT_RATE_LIMIT
        )


def _positive(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _server_message(text: str) -> str:
    """The ``ErrorMessage`` of an error body (an object or a list of them), else ``""``."""
    try:
        body = json.loads(text)
    except ValueError:
        return ""
    items = body if isinstance(body, list) else [body]
    return ", ".join(
        str(item["ErrorMessage"])
        for item in items
        if isinstance(item, dict) and "ErrorMessage" in item
    )


def _classify(response: httpx.Response) -> Action:
    """Admin-IS bends HTTP: 403 may mean "throttled", 404 may mean "empty"."""
    status = response.status_code
    if status in (403, 404):
        message = _server_message(response.text).casefold()
        if status == 403 and "throttling" in message:
            return Action.RATE_LIMITED
        if status == 404:
            return Action.OK if any(m in message for m in _EMPTY_MESSAGES) else Action.CONFIGURATION
    return classify(response)


def _page(response: httpx.Response) -> tuple[list[Row], str | None]:
    """One page's rows and the absolute URL of the next page (``None`` on the last)."""
    if response.status_code == 404:  # "nothing found"
        return [], None
    body = response.json()
    if isinstance(body, dict):
        body = [body]
    if not isinstance(body, list) or not all(isinstance(row, dict) for row in body):
        raise ValueError("expected a list of objects")
    link = response.links.get("next", {}).get("url")
    return body, str(response.url.join(link)) if link else None


def _token_failure(error: ConfigurationError) -> bool:
    """401, or a 403 about the token that is neither throttling nor missing rights."""
    if error.status == 401:
        return True
    message = error.body.casefold()
    return error.status == 403 and "token" in message and "no valid configuration" not in message


class AdminisClient(Closing):
    """Reads the Admin-IS API for one firm; close it (or use it as a context manager).

    :param config: the URL, key and options.
    :param transport: an httpx transport (a simulator's, in tests); default: a real one.
    :param clock: where time is read and waited on (a scaled clock in tests).
    :param retry: the retry policy (default: back off a whole 60 s window when throttled).
    :param rates: keep the limits in this store, shared with every process using it.
    """

    def __init__(
        self,
        config: AdminisConfig,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Clock = SYSTEM_CLOCK,
        retry: RetryPolicy | None = None,
        rates: RateStore | None = None,
    ) -> None:
        self.config = config
        self._clock = clock
        self._rates = rates
        self._auth = SynetonToken(config.api_key, clock=clock)
        self._transport = _CountingTransport(
            transport or httpx.HTTPTransport(verify=config.verify_tls)
        )
        self._session = ApiSession(
            connector=CONNECTOR,
            base_url=config.base_url + _API_ROOT,
            auth=self._auth,
            limiter=self._limiter(DEFAULT_RATE_LIMIT),
            retry=retry or _RETRY,
            timeout=config.timeout,
            transport=self._transport,
            classifier=_classify,
            hints=_HINTS,
        )
        self._scrubber = SecretScrubber(self._auth.secrets)
        for name in _LOGGERS:
            logging.getLogger(name).addFilter(self._scrubber)
        self._limits: ApiLimits | None = None

    def __repr__(self) -> str:
        return f"AdminisClient(base_url={self.config.base_url!r})"

    def close(self) -> None:
        """Close the connections and detach the log filter."""
        self._session.close()
        for name in _LOGGERS:
            logging.getLogger(name).removeFilter(self._scrubber)

    def _limiter(self, rate_limit: int) -> RateLimiter:
        return shared_limiter(
            self._auth.fingerprint,
            {"all": (Rate(rate_limit, _WINDOW),)},
            clock=self._clock,
            store=self._rates,
        )

    # -- calls ----------------------------------------------------------------------------------

    def _call(self, path: str, parse: Callable[[httpx.Response], T], **params: Any) -> T:
        """One GET under the limits of ``apisettings``, with a fresh token."""
        self.limits()
        return self._authorised(path, parse, params)

    def _authorised(
        self, path: str, parse: Callable[[httpx.Response], T], params: Mapping[str, Any]
    ) -> T:
        """One GET with a fresh token; re-exchanged once if the server refuses it."""
        for attempt in range(2):
            if self._auth.due():
                self._exchange()
            try:
                return self._send(path, parse, params)
            except ConfigurationError as error:
                if attempt or not _token_failure(error):
                    raise
                self._auth.clear()
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(
        self, path: str, parse: Callable[[httpx.Response], T], params: Mapping[str, Any]
    ) -> T:
        try:
            return self._session.call("GET", path, parse=parse, params=params or None)
        except ConnectorError as error:
            raise self._restated(error) from None

    def _exchange(self) -> None:
        body = self._send(self._auth.exchange_path(), _json_object, {})
        token = body.get("TokenGuid")
        if not isinstance(token, str) or not token.strip():
            raise ConfigurationError(
                f"{CONNECTOR}: the token exchange returned no TokenGuid; check GOVLINK_ADMINIS_URL",
                connector=CONNECTOR,
                method="GET",
                path=_API_ROOT + "token/***",
            )
        self._auth.set(token, lifetime_seconds(body.get("TimeToLive"), now=self._clock.now()))

    def _restated(self, error: ConnectorError) -> ConnectorError:
        """The error with the server's ErrorMessage, a hint, and every secret masked."""
        secrets = tuple(self._auth.secrets())

        def scrub(text: str) -> str:
            for secret in secrets:
                text = secret.scrub(text)
            return text

        path = scrub(error.path)
        message = error.message
        said = _server_message(error.body)
        if said:
            message += f" (Admin-IS says: {said})"
        endpoint = path.removeprefix(_API_ROOT)
        if error.status == 403 and isinstance(error, ConfigurationError):
            message += (
                f"; the API key has no rights for {endpoint!r}: allow it in Syneton's console"
            )
        elif error.status == 404:
            message += "; check GOVLINK_ADMINIS_URL (host and port of the Admin-IS API server)"
        elif error.status == 401 and endpoint.startswith("token/"):
            message += "; check GOVLINK_ADMINIS_API_KEY"
        return type(error)(
            scrub(message),
            code=error.code,
            connector=error.connector,
            method=error.method,
            path=path,
            status=error.status,
            body=error.body,
            retry_after=error.retry_after,
        )

    def limits(self) -> ApiLimits:
        """``apisettings`` (read once); from then on the client obeys its ``RateLimit``."""
        if self._limits is None:
            limits = ApiLimits.from_json(self._authorised("apisettings", _json_object, {}))
            limiter = self._limiter(limits.rate_limit)
            for _ in range(self._transport.sent):  # carry over the calls made so far
                with limiter.acquire("all"):
                    pass
            self._session.limiter = limiter
            self._limits = limits
        return self._limits

    # -- listings -------------------------------------------------------------------------------

    def pages(self, endpoint: str, **params: Any) -> Iterator[list[Row]]:
        """The pages of a listing, following ``Link: rel="next"`` on the same host only.

        :raises FatalConnectorError: on a next link seen before (a loop) or to another host.
        """
        per_page = self.limits().per_page
        if per_page is not None:
            params["per_page"] = per_page
        first = self._session.base_url.join(endpoint).copy_merge_params(params)
        links = NextLinks(str(first), connector=CONNECTOR, path=_API_ROOT + endpoint)
        while not links.finished:
            rows, following = self._call(links.current, _page)
            if following is not None and not self._same_origin(following):
                raise FatalConnectorError(
                    f"{CONNECTOR}: GET {_API_ROOT}{endpoint} sent a next-page link to another "
                    "host; stopped rather than follow it",
                    code="connector.pagination",
                    connector=CONNECTOR,
                    method="GET",
                    path=_API_ROOT + endpoint,
                )
            links.advance(following)
            yield rows

    def _same_origin(self, url: str) -> bool:
        base, other = self._session.base_url, httpx.URL(url)
        return (other.scheme, other.host, other.port) == (base.scheme, base.host, base.port)

    def rows(self, endpoint: str, filter: Filter | None = None, **params: Any) -> Iterator[Row]:
        """Every row of a listing, optionally filtered.

        A filter the server finds too long (414) is split into smaller ones; each filter's
        rows are read completely before any is yielded, so a split never repeats a row.
        """
        if filter is None:
            for page in self.pages(endpoint, **params):
                yield from page
            return
        pending = [filter]
        while pending:
            current = pending.pop()
            try:
                pages = self.pages(endpoint, Filter=str(current), **params)
                found = [row for page in pages for row in page]
            except FatalConnectorError as error:
                halves = current.split() if error.status == 414 else None
                if halves is None:
                    raise
                pending.extend(reversed(halves))
                continue
            yield from found


def _json_object(response: httpx.Response) -> Mapping[str, Any]:
    body = response.json()
    if not isinstance(body, dict):
        raise ValueError("expected a JSON object")
    return body


class _CountingTransport(httpx.BaseTransport):
    """Counts the requests sent, so calls made before ``apisettings`` carry over."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self._inner = inner
        self.sent = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Count and forward."""
        self.sent += 1
        return self._inner.handle_request(request)

    def close(self) -> None:
        """Close the inner transport."""
        self._inner.close()
