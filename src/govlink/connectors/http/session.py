"""``ApiSession``: one httpx client plus the limiter, the retry policy and the error table.

Every call goes: wait for the shared :class:`~govlink.connectors.http.limiter.RateLimiter` ->
send -> classify the response -> parse the body. A failure is retried when the
:class:`~govlink.connectors.http.retry.RetryPolicy` allows it (rate limits always; transient
failures only for idempotent calls, or when the connection failed before anything was sent),
each retry waiting outside the limiter and then queueing in it again. What cannot be retried
becomes the typed error of :func:`~govlink.connectors.http.errors.connector_error`.

A call that gets no answer at all (connection refused, no route, no answer in time, a dropped
line) and outlasts its retries raises :class:`~govlink.errors.Unreachable`, naming the host and
the cause. Until a session has had its first answer, the server may simply not be there: such
failures are retried only within the timeout budget (by default the longest per-attempt
timeout; attempts in real seconds plus the waits), so a wrong URL or a dead host fails fast.

Log lines (logger ``govlink.connectors.http``) carry the method, the path and the status: never
headers, query strings or bodies.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any, Final, Literal, TypeVar

import httpx

from govlink.connectors.http.auth import CredentialAuth
from govlink.connectors.http.errors import (
    Action,
    classify,
    connector_error,
    describe_transport_error,
    host_of,
)
from govlink.connectors.http.limiter import RateLimiter
from govlink.connectors.http.retry import RetryPolicy, parse_retry_after
from govlink.errors import ConnectorError, DeliveryUncertain, Unreachable

__all__ = ["ApiSession", "parse_json"]

T = TypeVar("T")

_LOG: Final = logging.getLogger("govlink.connectors.http")
_IDEMPOTENT: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_NOT_SENT: Final = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def _uncertain(error: ConnectorError) -> DeliveryUncertain:
    """A non-idempotent call that went out and got no answer: it may have been carried out."""
    return DeliveryUncertain(
        f"{error.message}; the request was sent, so it may have been carried out",
        connector=error.connector,
        method=error.method,
        path=error.path,
    )


def _unreadable(
    connector: str, request: httpx.Request, response: httpx.Response, error: ValueError
) -> DeliveryUncertain:
    """A non-idempotent call answered 2xx with a body that cannot be read: it was most likely
    carried out, but nothing says so for sure; it is never retried blindly."""
    status = f"{response.status_code} {response.reason_phrase}".rstrip()
    return DeliveryUncertain(
        f"{connector}: {request.method} {request.url.path} returned {status} but its body "
        f"could not be read ({type(error).__name__}); it was probably carried out",
        connector=connector,
        method=request.method,
        path=request.url.path,
        status=response.status_code,
    )


def _budget(timeout: float | httpx.Timeout) -> float | None:
    if not isinstance(timeout, httpx.Timeout):
        return float(timeout)
    values = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    given = [value for value in values if value is not None]
    return max(given) if given else None


def parse_json(response: httpx.Response) -> Any:
    """The JSON body; a malformed body raises :class:`ValueError`: retried when the call is
    idempotent, else :class:`~govlink.errors.DeliveryUncertain` (it may have been carried out)."""
    return response.json()


class ApiSession:
    """Sends calls for one connector and one credential.

    :param connector: the connector's name, used in errors and logs.
    :param base_url: the API root; paths are relative to it.
    :param auth: adds the credential to each request and names the secrets to scrub.
    :param limiter: the limiter shared by every client of the same credential (see
        :func:`~govlink.connectors.http.limiter.shared_limiter`).
    :param retry: the retry policy.
    :param timeout: seconds (or an :class:`httpx.Timeout`) per attempt.
    :param budget: seconds (attempts plus waits) within which a call that gets no answer is
        retried, until the session's first answer (default: the longest of ``timeout``;
        ``None``: only the retry policy bounds it).
    :param transport: an httpx transport (a simulator's, in tests).
    :param headers: extra headers sent with every call.
    :param classifier: maps a response to an :class:`Action` (default: :func:`classify`).
    :param hints: per action, the sentence telling the user what to check.
    """

    def __init__(
        self,
        *,
        connector: str,
        base_url: str,
        auth: CredentialAuth,
        limiter: RateLimiter,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout = 30.0,
        transport: httpx.BaseTransport | None = None,
        headers: Mapping[str, str] | None = None,
        classifier: Callable[[httpx.Response], Action] = classify,
        hints: Mapping[Action, str] | None = None,
        budget: float | Literal["timeout"] | None = "timeout",
    ) -> None:
        self.connector = connector
        self.budget = _budget(timeout) if budget == "timeout" else budget
        self._answered = False
        self.limiter = limiter
        self.retry = retry or RetryPolicy()
        self._classify = classifier
        self._hints = dict(hints or {})
        self._auth = auth
        self._client = httpx.Client(
            base_url=base_url,
            auth=auth,
            timeout=timeout,
            transport=transport,
            headers={"Accept": "application/json", **(headers or {})},
        )

    def __repr__(self) -> str:
        return f"ApiSession(connector={self.connector!r}, base_url={str(self.base_url)!r})"

    @property
    def base_url(self) -> httpx.URL:
        """The API root."""
        return self._client.base_url

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def call(
        self,
        method: str,
        path: str,
        *,
        parse: Callable[[httpx.Response], T],
        params: Mapping[str, str | int] | None = None,
        buckets: tuple[str, ...] = ("all",),
        idempotent: bool | None = None,
        **content: Any,
    ) -> T:
        """Send one call, retrying as the policy allows, and return ``parse(response)``.

        :param parse: turns a successful response into the result; a :class:`ValueError` from
            it (malformed body) counts as a transient failure of an idempotent call, and makes
            any other call :class:`~govlink.errors.DeliveryUncertain` (never retried).
        :param buckets: the limiter buckets this call counts against.
        :param idempotent: whether a transient failure may be retried (default: by method).
        :param content: ``data``, ``files``, ``json`` or ``content`` for
            :meth:`httpx.Client.build_request`.
        :raises ConnectorError: a subclass saying what the caller can do about it.
        """
        if idempotent is None:
            idempotent = method.upper() in _IDEMPOTENT
        retry = 0
        spent = 0.0  # real seconds of the attempts plus the waits, while no answer came
        while True:
            request = self._client.build_request(method, path, params=params, **content)
            response: httpx.Response | None = None
            sent = True
            problem = ""
            silent: httpx.TransportError | None = None
            with self.limiter.acquire(*buckets):
                began = time.monotonic()
                try:
                    response = self._client.send(request)
                    self._answered = True
                except httpx.TransportError as error:
                    spent += time.monotonic() - began
                    silent = error
                    sent = not isinstance(error, _NOT_SENT)
                    problem = (
                        f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
                    )
            if response is None:
                action = Action.RETRY
            else:
                action = self._classify(response)
                _LOG.debug(
                    "%s %s %s -> %s", self.connector, method, request.url.path, response.status_code
                )
                if action is Action.OK:
                    try:
                        return parse(response)
                    except ValueError as error:
                        if not idempotent:
                            raise _unreadable(self.connector, request, response, error) from None
                        action, problem = (
                            Action.RETRY,
                            f"unreadable response ({type(error).__name__})",
                        )
            retry_after = (
                None if response is None else parse_retry_after(response, clock=self.limiter.clock)
            )
            wait = self._wait(action, retry, retry_after, idempotent=idempotent, sent=sent)
            if silent is not None and wait is not None and self._spent(spent, wait):
                wait = None
            if wait is None:
                failure = self._error(action, request, response, problem, retry_after)
                if response is None and sent and not idempotent:
                    raise _uncertain(failure)
                if silent is not None:
                    raise self._unreachable(request, silent, retry + 1) from None
                raise failure
            _LOG.info(
                "%s %s %s: %s; retry %d in %.1f s",
                self.connector,
                method,
                request.url.path,
                problem or (response.status_code if response is not None else action),
                retry + 1,
                wait,
            )
            self.limiter.clock.sleep(wait)
            spent += wait
            retry += 1

    def _spent(self, spent: float, wait: float) -> bool:
        """Whether waiting ``wait`` more seconds overruns the budget of a server never heard."""
        if self.budget is None or self._answered:
            return False
        return spent + wait > self.budget

    def _unreachable(
        self, request: httpx.Request, error: httpx.TransportError, attempts: int
    ) -> Unreachable:
        tries = "1 attempt" if attempts == 1 else f"{attempts} attempts"
        message = (
            f"{self.connector}: cannot reach {host_of(request.url)}: "
            f"{describe_transport_error(error, self._client.timeout)} "
            f"({request.method} {request.url.path}, {tries})"
        )
        hint = self._hints.get(Action.RETRY)
        if hint:
            message = f"{message}; {hint}"
        secrets = tuple(self._auth.secrets())
        for secret in secrets:
            message = secret.scrub(message)
        return Unreachable(
            message, connector=self.connector, method=request.method, path=request.url.path
        )

    def _wait(
        self, action: Action, retry: int, retry_after: float | None, *, idempotent: bool, sent: bool
    ) -> float | None:
        if action is Action.RATE_LIMITED or (action is Action.RETRY and (idempotent or not sent)):
            return self.retry.wait(
                retry, rate_limited=action is Action.RATE_LIMITED, retry_after=retry_after
            )
        return None

    def _error(
        self,
        action: Action,
        request: httpx.Request,
        response: httpx.Response | None,
        problem: str,
        retry_after: float | None,
    ) -> ConnectorError:
        hint = self._hints.get(action, "")
        return connector_error(
            action,
            connector=self.connector,
            request=request,
            response=response,
            problem="; ".join(p for p in (problem, hint) if p),
            secrets=self._auth.secrets(),
            retry_after=retry_after,
        )
