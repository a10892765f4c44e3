"""The Admin-IS token: exchanged for the API key, sent as ``synetonToken``, renewed early.

``TimeToLive`` is undocumented: a number is read as seconds, text as an ISO date-time (the
expiry moment; without an offset it is the server's local time, taken as ours). The token is
renewed at 80 % of its life; :class:`SynetonToken` only holds it and adds the header, the client
decides when to exchange.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator, Iterable
from datetime import datetime
from typing import Any, Final
from urllib.parse import quote

import httpx

from govlink.clock import Clock
from govlink.connectors.http import CredentialAuth, Secret

__all__ = [
    "FALLBACK_LIFE",
    "HEADER",
    "MIN_LIFE",
    "RENEW_AT",
    "SecretScrubber",
    "SynetonToken",
    "lifetime_seconds",
]

#: The header every call carries.
HEADER: Final = "synetonToken"
#: Renew when this share of the token's life has passed.
RENEW_AT: Final = 0.8
#: The life assumed when ``TimeToLive`` is missing, unreadable or already past.
FALLBACK_LIFE: Final = 300.0
#: The life assumed when the expiry moment has already passed (the clocks disagree).
MIN_LIFE: Final = 60.0

_LOG: Final = logging.getLogger("govlink.connectors.adminis")


def lifetime_seconds(value: Any, *, now: datetime) -> float:
    """Seconds a token lives, from ``TimeToLive`` (seconds, or an ISO expiry moment), ``now``
    being the client clock's time; an expiry without a zone is the server's local time, taken
    as this machine's.

    >>> from datetime import UTC
    >>> now = datetime(2030, 1, 1, tzinfo=UTC)
    >>> lifetime_seconds(3600, now=now), lifetime_seconds("1200", now=now)
    (3600.0, 1200.0)
    >>> lifetime_seconds("2030-01-01T01:00:00+00:00", now=now)
    3600.0
    >>> lifetime_seconds("2030-01-01T01:00:00", now=datetime(2030, 1, 1))
    3600.0
    >>> lifetime_seconds("soon", now=now), lifetime_seconds("2000-01-01T00:00:00", now=now)
    (300.0, 60.0)
    """
    seconds: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    elif isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            seconds = float(text)
        except ValueError:
            seconds = _until(text, now)
    if seconds is None or seconds != seconds:  # missing, unreadable or NaN
        _LOG.warning("unreadable TimeToLive; assuming %.0f s", FALLBACK_LIFE)
        return FALLBACK_LIFE
    return seconds if seconds > 0 else MIN_LIFE


def _until(text: str, now: datetime) -> float | None:
    try:
        expiry = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    # An expiry (or a now) without a zone is local time: the server's, taken as this machine's.
    return (_aware(expiry) - _aware(now)).total_seconds()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()


class SynetonToken(CredentialAuth):
    """Adds ``synetonToken: <TokenGuid>`` to every call once a token is set.

    :param key: the API key (a secret: it sits in the exchange URL's path).
    :param clock: decides when the token is due for renewal.
    """

    def __init__(self, key: Secret, *, clock: Clock) -> None:
        self._key = key
        quoted = quote(key.reveal(), safe="")
        self._hidden = (key,) if quoted == key.reveal() else (key, Secret(quoted))
        self._clock = clock
        self._lock = threading.Lock()
        self._token: Secret | None = None
        self._renew_at = 0.0

    def __repr__(self) -> str:
        return "SynetonToken(***)"

    def exchange_path(self) -> str:
        """The token exchange's path, relative to ``/api/v1/`` (it holds the key)."""
        return "token/" + quote(self._key.reveal(), safe="")

    @property
    def fingerprint(self) -> str:
        """The API key's SHA-256 (the rate-limiter key)."""
        return self._key.fingerprint

    def secrets(self) -> Iterable[Secret]:
        """The API key (as given and URL-encoded) and the current token."""
        with self._lock:
            return self._hidden if self._token is None else (*self._hidden, self._token)

    def due(self) -> bool:
        """Whether there is no token or 80 % of its life has passed."""
        with self._lock:
            return self._token is None or self._clock.monotonic() >= self._renew_at

    def set(self, token: str, life: float) -> None:
        """Use ``token`` from now on; it lives ``life`` seconds."""
        with self._lock:
            self._token = Secret(token)
            self._renew_at = self._clock.monotonic() + RENEW_AT * life

    def clear(self) -> None:
        """Forget the token (it was refused)."""
        with self._lock:
            self._token = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the header (no header before the first exchange)."""
        with self._lock:
            token = self._token
        if token is not None:
            request.headers[HEADER] = token.reveal()
        yield request


class SecretScrubber(logging.Filter):
    """A log filter masking every secret ``secrets()`` names, in the formatted message.

    The API key sits in the token exchange's URL path, which httpx logs at INFO level and the
    toolkit at DEBUG; the client attaches this filter to those loggers while it is open.
    """

    def __init__(self, secrets: Callable[[], Iterable[Secret]]) -> None:
        super().__init__()
        self._secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message with the secrets masked; never drops a record."""
        message = record.getMessage()
        clean = message
        for secret in self._secrets():
            clean = secret.scrub(clean)
        if clean != message:
            record.msg, record.args = clean, None
        return True
