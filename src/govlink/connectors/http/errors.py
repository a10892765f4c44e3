"""What a response means for the caller, and the typed error that says so.

:func:`classify` maps a response to an :class:`Action` (Airbyte's "error resolution as data");
a connector whose API bends HTTP (a 403 meaning "throttled", a 404 meaning "empty") passes its
own classifier to :class:`~govlink.connectors.http.session.ApiSession`. :func:`connector_error`
builds the :mod:`govlink.errors` exception for an action: it carries the method, the URL path
(never the query string, never credentials), the status and the body scrubbed of every secret.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Final

import httpx

from govlink.connectors.http.secret import Secret
from govlink.errors import (
    ConfigurationError,
    ConnectorError,
    FatalConnectorError,
    RateLimited,
    RetriableConnectorError,
)

__all__ = ["Action", "classify", "connector_error", "describe_transport_error", "host_of"]

_BODY_LIMIT: Final = 2000
_ERRNO: Final = re.compile(r"^\[Errno -?\d+\]\s*")
_TIMEOUTS: Final[dict[type[httpx.TimeoutException], tuple[str, str]]] = {
    httpx.ConnectTimeout: ("no connection within", "connect"),
    httpx.ReadTimeout: ("no answer within", "read"),
    httpx.WriteTimeout: ("the request could not be sent within", "write"),
    httpx.PoolTimeout: ("no free connection within", "pool"),
}


class Action(StrEnum):
    """What the caller does with a response."""

    OK = "ok"
    RETRY = "retry"
    RATE_LIMITED = "rate_limited"
    CONFIGURATION = "configuration"
    FATAL = "fatal"


def classify(response: httpx.Response) -> Action:
    """The default table: 2xx ok; 401/403 configuration; 408/5xx retry; 429 rate limited."""
    status = response.status_code
    if 200 <= status < 300:
        return Action.OK
    if status in (401, 403):
        return Action.CONFIGURATION
    if status == 429:
        return Action.RATE_LIMITED
    if status == 408 or status >= 500:
        return Action.RETRY
    return Action.FATAL


_ERROR_TYPES: Final[dict[Action, type[ConnectorError]]] = {
    Action.RETRY: RetriableConnectorError,
    Action.RATE_LIMITED: RateLimited,
    Action.CONFIGURATION: ConfigurationError,
    Action.FATAL: FatalConnectorError,
}


def _scrub(text: str, secrets: Iterable[Secret]) -> str:
    for secret in secrets:
        text = secret.scrub(text)
    return text


def connector_error(
    action: Action,
    *,
    connector: str,
    request: httpx.Request,
    response: httpx.Response | None = None,
    problem: str = "",
    secrets: Iterable[Secret] = (),
    retry_after: float | None = None,
) -> ConnectorError:
    """The typed error for a failed call.

    :param problem: what went wrong when no response says it (``"timed out"``), or the hint for
        the user (``"check GOVLINK_ADMINPULSE_API_KEY"``).
    :param secrets: credentials to remove from the body and message.
    """
    secrets = tuple(secrets)
    method, path = request.method, request.url.path
    if response is None:
        what = "failed"
        status = None
        body = ""
    else:
        status = response.status_code
        what = f"returned {status} {response.reason_phrase}".rstrip()
        body = _scrub(response.text[:_BODY_LIMIT], secrets)
    message = f"{connector}: {method} {path} {what}"
    if problem:
        message = f"{message}: {problem}"
    return _ERROR_TYPES[action](
        _scrub(message, secrets),
        connector=connector,
        method=method,
        path=path,
        status=status,
        body=body,
        retry_after=retry_after,
    )


def describe_transport_error(error: httpx.TransportError, timeout: httpx.Timeout) -> str:
    """Why no answer came, in a few words ("connection refused", "no answer within 0.5 s")."""
    for kind, (words, phase) in _TIMEOUTS.items():
        if isinstance(error, kind):
            seconds = getattr(timeout, phase)
            return words if seconds is None else f"{words} {seconds:g} s"
    if isinstance(error, httpx.RemoteProtocolError):
        return "the connection closed without an answer"
    text = _ERRNO.sub("", str(error)).strip()
    if not text:
        return type(error).__name__
    return text[0].lower() + text[1:]


def host_of(url: httpx.URL) -> str:
    """``host:port`` of ``url`` (the host alone when the URL gives no port)."""
    return f"{url.host}:{url.port}" if url.port is not None else url.host
