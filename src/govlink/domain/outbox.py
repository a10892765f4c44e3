"""The document outbox: one entry per (document, sink), and how a delivery attempt moves it.

States::

    pending --claim--> claimed(lease, attempts) --> done
                                                +-> held(reason)     retried on the next run
                                                +-> pending          transient failure, backoff
                                                +-> parked(reason)   permanent failure, bounded
                                                +-> unknown(reason)  timeout after sending

A claimed entry whose lease expired (its worker died) is claimable again: that re-upload is the
one window in which a document can be delivered twice. ``unknown`` is never retried blindly; a
person reviews it.

>>> from datetime import datetime, UTC
>>> now = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
>>> step = next_step(Outcome.transient("HTTP 503"), attempts=1, now=now, policy=DeliveryRetry())
>>> step.state, step.not_before.isoformat()
(<OutboxState.PENDING: 'pending'>, '2026-05-04T09:00:02+00:00')
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

import attrs

from govlink.domain.backoff import Backoff

__all__ = ["DeliveryRetry", "OutboxState", "Outcome", "OutcomeKind", "Step", "next_step"]


class OutboxState(StrEnum):
    """Where an outbox entry stands."""

    PENDING = "pending"
    CLAIMED = "claimed"
    DONE = "done"
    HELD = "held"
    PARKED = "parked"
    UNKNOWN = "unknown"


class OutcomeKind(StrEnum):
    """What one delivery attempt came to."""

    DELIVERED = "delivered"
    HELD = "held"
    TRANSIENT = "transient"
    PERMANENT = "permanent"
    UNKNOWN = "unknown"


@attrs.frozen
class Outcome:
    """The result of one delivery attempt, as a sink reports it.

    :param reason: one line for the user (never a secret); empty when delivered.
    :param retry_after: for a transient failure, the wait the remote asked for, in seconds.
    """

    kind: OutcomeKind
    reason: str = ""
    retry_after: float | None = None

    @classmethod
    def delivered(cls) -> Outcome:
        """The remote accepted the document."""
        return cls(OutcomeKind.DELIVERED)

    @classmethod
    def held(cls, reason: str) -> Outcome:
        """Not sent: something outside govlink must change first (retried on the next run)."""
        return cls(OutcomeKind.HELD, reason)

    @classmethod
    def transient(cls, reason: str, retry_after: float | None = None) -> Outcome:
        """A failure that may pass (5xx, 429, connection refused): retried with backoff."""
        return cls(OutcomeKind.TRANSIENT, reason, retry_after)

    @classmethod
    def permanent(cls, reason: str) -> Outcome:
        """The remote refused the document (400): parked after a bounded number of tries."""
        return cls(OutcomeKind.PERMANENT, reason)

    @classmethod
    def unknown(cls, reason: str) -> Outcome:
        """The request went out but no answer came back: a person must check the remote."""
        return cls(OutcomeKind.UNKNOWN, reason)


@attrs.frozen(kw_only=True)
class DeliveryRetry:
    """How failed deliveries are retried.

    :param max_permanent_tries: tries before a refused document is parked.
    :param backoff: the wait after each failed attempt (at least what the remote asked for).
    """

    max_permanent_tries: int = attrs.field(default=3, validator=attrs.validators.ge(1))
    backoff: Backoff = attrs.field(factory=lambda: Backoff(first=2.0, longest=300.0))

    def wait(self, attempts: int, retry_after: float | None = None) -> timedelta:
        """The wait after the ``attempts``-th failed attempt."""
        return timedelta(seconds=self.backoff.delay(attempts - 1, at_least=retry_after))


@attrs.frozen(kw_only=True)
class Step:
    """The state an entry moves to after an attempt, with its reason and next attempt time."""

    state: OutboxState
    reason: str | None = None
    not_before: datetime | None = None


def next_step(outcome: Outcome, *, attempts: int, now: datetime, policy: DeliveryRetry) -> Step:
    """Where an entry goes after an attempt; ``attempts`` counts this one."""
    match outcome.kind:
        case OutcomeKind.DELIVERED:
            return Step(state=OutboxState.DONE)
        case OutcomeKind.HELD:
            return Step(state=OutboxState.HELD, reason=outcome.reason)
        case OutcomeKind.UNKNOWN:
            return Step(state=OutboxState.UNKNOWN, reason=outcome.reason)
        case OutcomeKind.PERMANENT if attempts >= policy.max_permanent_tries:
            return Step(state=OutboxState.PARKED, reason=outcome.reason)
    wait = policy.wait(attempts, outcome.retry_after)
    return Step(state=OutboxState.PENDING, reason=outcome.reason, not_before=now + wait)
