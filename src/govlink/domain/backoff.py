"""The one backoff: how long to wait before trying again.

Every retry in govlink waits by a :class:`Backoff`: an HTTP call (with jitter, per
:class:`govlink.connectors.http.RetryPolicy`), a document delivery
(:class:`govlink.domain.outbox.DeliveryRetry`) and a company sync
(:class:`govlink.sync.RetryRule`). Each of those only adds when to give up.

>>> steps = Backoff(first=2, longest=10)
>>> [steps.delay(retry) for retry in range(5)], steps.delay(0, at_least=30)
([2.0, 4.0, 8.0, 10.0, 10.0], 30.0)
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

__all__ = ["Backoff"]


@attrs.frozen(kw_only=True)
class Backoff:
    """Exponential backoff, capped, optionally jittered.

    :param first: the first wait, in seconds.
    :param longest: the longest wait, in seconds.
    :param factor: each further retry waits this many times longer.
    :param jitter: a source of random numbers in [0, 1) for "equal jitter" (half the wait
        fixed, half random), so many clients do not retry in step; ``None``: no jitter.
    """

    first: float = attrs.field(validator=attrs.validators.ge(0))
    longest: float = attrs.field(validator=attrs.validators.ge(0))
    factor: float = attrs.field(default=2.0, validator=attrs.validators.ge(1))
    jitter: Callable[[], float] | None = attrs.field(default=None, eq=False)

    def delay(self, retry: int, *, at_least: float | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (0 for the first), and never less than
        ``at_least`` (what the server asked for in ``Retry-After``)."""
        try:
            ceiling = min(self.longest, self.first * self.factor ** max(retry, 0))
        except OverflowError:
            ceiling = self.longest
        wait = ceiling if self.jitter is None else ceiling / 2 + self.jitter() * ceiling / 2
        return float(max(wait, at_least or 0.0))
