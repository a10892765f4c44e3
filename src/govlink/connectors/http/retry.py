"""When to try a call again, and how long to wait first.

* ``Retry-After`` (seconds or an HTTP-date) is honoured when the server sends it; a wait longer
  than :attr:`RetryPolicy.max_retry_after` is not worth sitting through and ends the retries.
* Otherwise the wait is a :class:`~govlink.domain.backoff.Backoff` with "equal jitter" (half
  fixed, half random): rate-limit answers start at 30 s, capped at 120 s (``rate_limited``, as
  public AdminPulse clients do), transient failures at 0.5 s, capped at 8 s (``transient``, as
  openai-python does).
* Transient failures (5xx, timeouts, dropped connections, unreadable bodies) are retried only for
  idempotent requests; a non-idempotent one is retried only when the server said "too many
  requests" or the connection failed before the request was sent.

Waiting happens on the caller's :class:`~govlink.clock.Clock`, which is why this
is a few lines of our own rather than tenacity or httpx-retries: both sleep on the real clock and
the retry must re-enter the shared rate limiter, which a transport-level retry would bypass.
"""

from __future__ import annotations

import email.utils
import random

import attrs
import httpx

from govlink.clock import SYSTEM_CLOCK, Clock
from govlink.domain.backoff import Backoff

__all__ = ["RetryPolicy", "parse_retry_after"]


def parse_retry_after(response: httpx.Response, *, clock: Clock = SYSTEM_CLOCK) -> float | None:
    """Seconds the server asked us to wait (``Retry-After`` as seconds or HTTP-date), if any.

    An HTTP-date is measured against the response's own ``Date`` header when present, so clock
    skew between client and server does not matter; otherwise against ``clock``.
    """
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    date = response.headers.get("date")
    try:
        now = email.utils.parsedate_to_datetime(date) if date else clock.now()
    except (TypeError, ValueError):
        now = clock.now()
    if when.tzinfo is None or now.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds())


def _jittered(first: float, longest: float) -> Backoff:
    return Backoff(first=first, longest=longest, jitter=random.random)


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How often and how long to retry one call.

    :param max_retries: retries after the first attempt, per call.
    :param transient: the wait after a transient failure, per retry.
    :param rate_limited: the wait after a 429 without ``Retry-After``, per retry.
    :param max_retry_after: a ``Retry-After`` longer than this ends the retries at once.
    """

    max_retries: int = 5
    transient: Backoff = attrs.field(factory=lambda: _jittered(0.5, 8.0))
    rate_limited: Backoff = attrs.field(factory=lambda: _jittered(30.0, 120.0))
    max_retry_after: float = 600.0

    def wait(self, retry: int, *, rate_limited: bool, retry_after: float | None) -> float | None:
        """Seconds to wait before retry ``retry``, or ``None`` when retrying is not worth it."""
        if retry >= self.max_retries:
            return None
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        return (self.rate_limited if rate_limited else self.transient).delay(retry)
