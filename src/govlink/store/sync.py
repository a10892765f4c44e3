"""The store protocol of the MyMinfin sync: occurrences with leases, attempts, per-company sync
state, fetched portal ids, and the portal permits shared by every worker.

:class:`SyncStore` is what the runner (:mod:`govlink.sync`) needs besides documents, companies,
settings and the plan; :class:`~govlink.store.SQLiteStore` implements it. Every write is one
transaction, so several workers (threads or processes) can share one store.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol, runtime_checkable

import attrs

from govlink.domain.alerts import Alert
from govlink.domain.enterprise_number import EnterpriseNumber

__all__ = [
    "AttemptOutcome",
    "ClaimedSync",
    "FetchedId",
    "OccurrenceState",
    "OccurrenceStep",
    "PortalGrant",
    "PortalLimits",
    "SyncAttempt",
    "SyncCompany",
    "SyncLoads",
    "SyncOccurrence",
    "SyncStore",
]


class OccurrenceState(StrEnum):
    """Where one planned sync of one company stands."""

    PENDING = "pending"
    """Waiting to run (``not_before`` set while a retry backs off)."""
    CLAIMED = "claimed"
    """A worker holds it (until its lease lapses)."""
    DONE = "done"
    """Ran to an outcome: documents, nothing new, or no mandate."""
    GAVE_UP = "gave_up"
    """Every retry of the day failed; the next planned sync runs as usual."""
    SKIPPED = "skipped"
    """Not run: a successful sync less than 24 h before, or the company left the platform or
    is archived."""


class AttemptOutcome(StrEnum):
    """What one attempt came to: the fetcher's outcome, or ``error`` when it failed oddly."""

    OK = "ok"
    NOTHING_NEW = "nothing_new"
    NO_MANDATE = "no_mandate"
    UNAVAILABLE = "unavailable"
    THROTTLED = "throttled"
    ERROR = "error"

    @property
    def succeeded(self) -> bool:
        """True when the portal was read (documents or nothing new)."""
        return self in (AttemptOutcome.OK, AttemptOutcome.NOTHING_NEW)


@attrs.frozen(kw_only=True)
class ClaimedSync:
    """An occurrence a worker holds: the company, when it was due, attempts so far, the owner."""

    enterprise_number: EnterpriseNumber
    due_at: datetime
    attempts: int
    owner: str


@attrs.frozen(kw_only=True)
class OccurrenceStep:
    """How an occurrence moves on: its new state, the retry time, the outcome in words."""

    state: OccurrenceState
    not_before: datetime | None = None
    outcome: str | None = None


@attrs.frozen(kw_only=True)
class SyncAttempt:
    """One attempt, as recorded: company, occurrence, worker, start, duration, documents,
    outcome and one line of message."""

    enterprise_number: EnterpriseNumber
    due_at: datetime
    worker: str
    started_at: datetime
    seconds: float
    documents: int
    outcome: AttemptOutcome
    message: str = ""


@attrs.frozen(kw_only=True)
class SyncOccurrence:
    """One planned sync of one company, as stored."""

    enterprise_number: EnterpriseNumber
    due_at: datetime
    state: OccurrenceState
    attempts: int
    not_before: datetime | None = None
    lease_owner: str | None = None
    lease_until: datetime | None = None
    outcome: str | None = None


@attrs.frozen(kw_only=True)
class SyncCompany:
    """A company's sync state.

    :param watermark: the publication time of the newest document stored (the next ``since``).
    :param last_success_at: when the portal was last read for it.
    :param no_mandate_since: when a sync first found no mandate (``None`` once one succeeds);
        the alert is raised once, when this is set.
    :param load_documents: the exponentially weighted average of new documents per sync.
    :param load_seconds: the same for the duration of a sync, in seconds.
    :param syncs: successful syncs counted in the averages.
    """

    enterprise_number: EnterpriseNumber
    watermark: datetime | None = None
    last_success_at: datetime | None = None
    no_mandate_since: datetime | None = None
    load_documents: float | None = None
    load_seconds: float | None = None
    syncs: int = 0


@attrs.frozen(kw_only=True)
class FetchedId:
    """A portal document already handled for a company: its portal id and SHA-256."""

    portal_id: str
    sha256: str


@attrs.frozen(kw_only=True)
class PortalLimits:
    """The portal limits every worker shares: at most ``concurrency`` syncs at once and at most
    ``calls`` syncs in any ``per`` seconds (a sync counts from its start until ``per`` after its
    end); a permit whose worker died lapses after ``lease``."""

    concurrency: int = attrs.field(validator=attrs.validators.gt(0))
    calls: int = attrs.field(validator=attrs.validators.gt(0))
    per: float = attrs.field(validator=attrs.validators.gt(0))
    lease: timedelta = timedelta(minutes=15)


@attrs.frozen(kw_only=True)
class PortalGrant:
    """The answer to a permit request: the permit's id, or how many seconds to wait first."""

    permit: int | None
    wait: float = 0.0


@runtime_checkable
class SyncLoads(Protocol):
    """The load the sync measured per company: what the planner costs companies by."""

    def sync_companies(self) -> list[SyncCompany]:
        """Every company's sync state, by enterprise number."""
        ...


@runtime_checkable
class SyncStore(Protocol):
    """The sync's own state; every write is one transaction."""

    def enqueued_until(self) -> datetime | None:
        """Up to when the plan's occurrences have been enqueued (``None``: never)."""
        ...

    def enqueue(
        self, occurrences: Sequence[tuple[EnterpriseNumber, datetime]], *, until: datetime
    ) -> int:
        """Add these occurrences (those already there are left alone) and move the enqueue
        horizon to ``until`` (never backwards); returns how many were added."""
        ...

    def claim_sync(
        self, *, owner: str, now: datetime, due_until: datetime, lease: timedelta
    ) -> ClaimedSync | None:
        """Claim the earliest occurrence due at or before ``due_until`` that is pending (and
        past its backoff) or claimed with a lapsed lease, of a company no other live claim
        holds; ``None`` when there is none."""
        ...

    def finish_sync(
        self,
        claim: ClaimedSync,
        *,
        step: OccurrenceStep,
        attempt: SyncAttempt | None,
        no_mandate_alert: Alert | None = None,
        smoothing: float = 0.3,
    ) -> bool:
        """Record ``attempt`` and move the occurrence on as ``step`` says, in one transaction.

        The occurrence moves only if ``claim.owner`` still holds it (returns whether it did);
        the attempt and the company's state are recorded either way. A successful attempt sets
        ``last_success_at``, clears ``no_mandate_since`` and updates the load averages
        (``new = smoothing x value + (1 - smoothing) x old``); a ``no_mandate`` attempt stores
        ``no_mandate_alert`` only when ``no_mandate_since`` was not set yet.
        """
        ...

    def release_sync(self, claim: ClaimedSync) -> None:
        """Give a claimed occurrence back, pending, no attempt counted (if the owner holds it)."""
        ...

    def renew_sync(self, claim: ClaimedSync, *, now: datetime, lease: timedelta) -> bool:
        """Extend the claim's lease to ``now + lease`` if ``claim.owner`` still holds it (even
        lapsed, as long as nobody took it over); False when the claim was lost."""
        ...

    def release_sync_orphans(self, alive: Callable[[str], bool], *, now: datetime) -> int:
        """Give back the claims of every owner that is not ``alive`` (pending again, no attempt
        counted) and end their portal permits at ``now``; returns how many claims."""
        ...

    def next_sync_due(self, *, due_until: datetime) -> datetime | None:
        """The earliest moment a pending occurrence due by ``due_until`` can be claimed."""
        ...

    def fetched_ids(self, number: EnterpriseNumber) -> frozenset[str]:
        """The portal ids already handled for the company."""
        ...

    def record_fetched(
        self, number: EnterpriseNumber, fetched: Sequence[FetchedId], *, watermark: datetime | None
    ) -> None:
        """Remember these portal documents as handled and move the company's watermark to
        ``watermark`` (never backwards). Called only after their ingest committed."""
        ...

    def sync_company(self, number: EnterpriseNumber) -> SyncCompany | None:
        """The company's sync state, or ``None`` before its first attempt."""
        ...

    def sync_companies(self) -> list[SyncCompany]:
        """Every company's sync state, by enterprise number."""
        ...

    def sync_attempts(self, *, since: datetime | None = None) -> list[SyncAttempt]:
        """Recorded attempts (started at or after ``since``), oldest first."""
        ...

    def sync_occurrences(
        self, states: Collection[OccurrenceState] | None = None
    ) -> list[SyncOccurrence]:
        """Stored occurrences (optionally in these states), by due time then company."""
        ...

    def acquire_portal(self, *, owner: str, now: datetime, limits: PortalLimits) -> PortalGrant:
        """Take a portal permit if ``limits`` allow one now, else say how long to wait."""
        ...

    def release_portal(self, permit: int, *, now: datetime, used: bool = True) -> None:
        """End a permit (its sync finished at ``now``); ``used=False``: the sync never reached
        the portal, so the permit is dropped and counts for nothing."""
        ...
