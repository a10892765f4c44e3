"""Where the sync stands: last and next sync per company, failures by cause, the portal's
latency, the backlog, and the companies without a mandate (``govlink sync status``).

Read-only: it reads the saved plan, the stored occurrences and the recorded attempts.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Final, Protocol

import attrs

from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.store.base import CompanyReader, PlanStore
from govlink.store.sync import AttemptOutcome, OccurrenceState, SyncAttempt, SyncStore

__all__ = ["CompanyStatus", "StatusStore", "SyncStatus", "percentile", "sync_status"]

_PERCENTILES: Final = (50, 90, 99)
_AHEAD: Final = timedelta(days=8)


class StatusStore(SyncStore, PlanStore, CompanyReader, Protocol):
    """The sync's state, the plan and the companies."""


def percentile(values: Sequence[float], rank: float) -> float | None:
    """The nearest-rank ``rank``-th percentile of ``values`` (``None`` when there are none).

    >>> percentile([4.0, 1.0, 3.0, 2.0], 50), percentile([4.0, 1.0, 3.0, 2.0], 99)
    (2.0, 4.0)
    """
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(rank / 100 * len(ordered)), 1) - 1]


@attrs.frozen(kw_only=True)
class CompanyStatus:
    """One company's sync: its last attempt (when, outcome), its last success, its next sync
    (planned or a retry), and since when it has had no mandate (``None``: it has one)."""

    enterprise_number: EnterpriseNumber
    name: str
    last_at: datetime | None = None
    last_outcome: AttemptOutcome | None = None
    last_success_at: datetime | None = None
    next_at: datetime | None = None
    no_mandate_since: datetime | None = None


@attrs.frozen(kw_only=True)
class SyncStatus:
    """The sync at ``now``.

    :param failures: failed attempts since ``since``, by cause (outcome).
    :param latency: seconds a sync that read the portal took since ``since``, at the 50th,
        90th and 99th percentile (empty without such syncs).
    :param backlog: occurrences due by ``now`` that have not run yet (waiting, backing off,
        claimed, or not even enqueued).
    :param gave_up: occurrences whose retries all failed, since ``since``.
    """

    now: datetime
    since: datetime
    companies: tuple[CompanyStatus, ...]
    attempts: int
    failures: Mapping[AttemptOutcome, int]
    latency: Mapping[int, float]
    backlog: int
    gave_up: int

    @property
    def no_mandate(self) -> tuple[CompanyStatus, ...]:
        """The companies whose last sync found no mandate."""
        return tuple(c for c in self.companies if c.no_mandate_since is not None)


def _last_attempts(attempts: Sequence[SyncAttempt]) -> dict[str, SyncAttempt]:
    last: dict[str, SyncAttempt] = {}
    for attempt in attempts:
        last[attempt.enterprise_number.compact] = attempt
    return last


def sync_status(
    store: StatusStore, *, now: datetime, window: timedelta = timedelta(days=7)
) -> SyncStatus:
    """The sync's status at ``now``; failures, latency and gave-up count the last ``window``."""
    since = now - window
    attempts = store.sync_attempts()
    recent = [a for a in attempts if a.started_at >= since]
    last = _last_attempts(attempts)
    states = {s.enterprise_number.compact: s for s in store.sync_companies()}
    stored = store.sync_occurrences()
    backlog = sum(
        1
        for o in stored
        if o.due_at <= now and o.state in (OccurrenceState.PENDING, OccurrenceState.CLAIMED)
    )
    next_at: dict[str, datetime] = {}
    for o in stored:
        if o.state is OccurrenceState.PENDING:
            key = o.enterprise_number.compact
            at = max(o.due_at, o.not_before or o.due_at)
            next_at[key] = min(next_at.get(key, at), at)
    saved = store.load_plan()
    if saved is not None:
        enqueued = store.enqueued_until() or saved.plan.since
        if enqueued < now:
            backlog += len(saved.plan.occurrences(enqueued, now))
        for occurrence in saved.plan.occurrences(max(now, enqueued), now + _AHEAD):
            next_at.setdefault(occurrence.key, occurrence.at)
    companies = []
    for company in store.companies():
        key = company.enterprise_number.compact
        attempt, state = last.get(key), states.get(key)
        companies.append(
            CompanyStatus(
                enterprise_number=company.enterprise_number,
                name=company.name,
                last_at=None if attempt is None else attempt.started_at,
                last_outcome=None if attempt is None else attempt.outcome,
                last_success_at=None if state is None else state.last_success_at,
                next_at=next_at.get(key),
                no_mandate_since=None if state is None else state.no_mandate_since,
            )
        )
    durations = [a.seconds for a in recent if a.outcome.succeeded]
    latency = {rank: percentile(durations, rank) for rank in _PERCENTILES}
    return SyncStatus(
        now=now,
        since=since,
        companies=tuple(sorted(companies, key=lambda c: c.enterprise_number.compact)),
        attempts=len(recent),
        failures=dict(Counter(a.outcome for a in recent if not a.outcome.succeeded)),
        latency={rank: value for rank, value in latency.items() if value is not None},
        backlog=backlog,
        gave_up=sum(
            1
            for o in stored
            if o.state is OccurrenceState.GAVE_UP and o.due_at >= since and o.due_at <= now
        ),
    )
