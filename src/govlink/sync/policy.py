"""What becomes of an occurrence after an attempt: done, retried later the same day, or given up.

Pure: the runner passes the attempt's outcome, the occurrence and ``now``.

>>> from datetime import UTC, datetime, timedelta
>>> due = datetime(2026, 3, 2, 9, tzinfo=UTC)
>>> step = next_step(AttemptOutcome.THROTTLED, due_at=due, now=due, attempts=1, retry_after=300)
>>> step.state.value, step.not_before - due
('pending', datetime.timedelta(seconds=300))
>>> next_step(AttemptOutcome.UNAVAILABLE, due_at=due, now=due + timedelta(hours=13),
...           attempts=5).state.value
'gave_up'
"""

from __future__ import annotations

from datetime import datetime, timedelta

import attrs

from govlink.domain.backoff import Backoff
from govlink.store.sync import AttemptOutcome, OccurrenceState, OccurrenceStep

__all__ = ["RetryRule", "next_step"]


@attrs.frozen(kw_only=True)
class RetryRule:
    """Backoff for temporary failures, bounded to the occurrence's day.

    :param backoff: the wait after each failed attempt, 2 minutes doubling up to an hour (and
        at least what the portal's ``Retry-After`` asked).
    :param window: retries stop this long after the occurrence was due, so a failing sync never
        runs into the next one: the weekly slot is kept and the next week starts afresh.
    """

    backoff: Backoff = attrs.field(factory=lambda: Backoff(first=120.0, longest=3600.0))
    window: timedelta = timedelta(hours=12)

    def delay(self, attempts: int, retry_after: float | None) -> timedelta:
        """The wait after the ``attempts``-th failed attempt."""
        return timedelta(seconds=self.backoff.delay(attempts - 1, at_least=retry_after))


def next_step(
    outcome: AttemptOutcome,
    *,
    due_at: datetime,
    now: datetime,
    attempts: int,
    retry_after: float | None = None,
    rule: RetryRule | None = None,
) -> OccurrenceStep:
    """The occurrence's next state after an attempt that came to ``outcome``.

    :param attempts: attempts made for this occurrence, this one included.
    """
    rule = rule or RetryRule()
    if outcome.succeeded or outcome is AttemptOutcome.NO_MANDATE:
        return OccurrenceStep(state=OccurrenceState.DONE, outcome=outcome.value)
    retry_at = now + rule.delay(attempts, retry_after)
    if retry_at > due_at + rule.window:
        return OccurrenceStep(state=OccurrenceState.GAVE_UP, outcome=outcome.value)
    return OccurrenceStep(state=OccurrenceState.PENDING, not_before=retry_at, outcome=outcome.value)
