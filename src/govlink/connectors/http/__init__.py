"""The HTTP toolkit every built-in connector shares (AdminPulse, Admin-IS).

=====================  ==============================================================
module                 what it gives
=====================  ==============================================================
``secret``             :class:`Secret`: a credential that never shows in repr/str/logs
``limiter``            :class:`RateLimiter`, :class:`Rate`, :func:`shared_limiter`
``retry``              :class:`RetryPolicy`, :func:`parse_retry_after`
``errors``             :class:`Action`, :func:`classify`, :func:`connector_error`,
                       :func:`describe_transport_error`, :func:`host_of`
``paging``             :class:`Paginator`, :class:`PageNumbers`, :class:`NextLinks`,
                       :class:`Page`, :func:`exactly_once`
``auth``               :class:`CredentialAuth`, :class:`BearerToken`,
                       :class:`OAuth2Bearer`, :class:`OAuth2Settings`
``session``            :class:`ApiSession`: limiter + retries + error table per call
=====================  ==============================================================

A connector builds an :class:`ApiSession` with its credential, a limiter from
:func:`shared_limiter` keyed by the credential's fingerprint, its hints for configuration errors
and, when its API bends HTTP, its own classifier; then it calls ``session.call(method, path,
parse=...)`` and walks pages with a :class:`Paginator`. Time is read from a
:class:`govlink.clock.Clock`; tests pass a simulator's transport and a
:class:`govlink.testing.clock.ScaledClock`. See ``docs/http.md``.

This package is public: third-party connectors build on it. Every name in :data:`__all__` is
versioned with govlink (a breaking change is listed in ``CHANGELOG.md`` and waits for the next
minor release before 1.0, the next major after it); the modules' other names are private.
"""

from govlink.connectors.http.auth import BearerToken, CredentialAuth, OAuth2Bearer, OAuth2Settings
from govlink.connectors.http.errors import (
    Action,
    classify,
    connector_error,
    describe_transport_error,
    host_of,
)
from govlink.connectors.http.limiter import Rate, RateLimiter, shared_limiter
from govlink.connectors.http.paging import NextLinks, Page, PageNumbers, Paginator, exactly_once
from govlink.connectors.http.retry import RetryPolicy, parse_retry_after
from govlink.connectors.http.secret import Secret
from govlink.connectors.http.session import ApiSession, parse_json

__all__ = [
    "Action",
    "ApiSession",
    "BearerToken",
    "CredentialAuth",
    "NextLinks",
    "OAuth2Bearer",
    "OAuth2Settings",
    "Page",
    "PageNumbers",
    "Paginator",
    "Rate",
    "RateLimiter",
    "RetryPolicy",
    "Secret",
    "classify",
    "connector_error",
    "describe_transport_error",
    "exactly_once",
    "host_of",
    "parse_json",
    "parse_retry_after",
    "shared_limiter",
]
