"""The sync runner: ``run_due`` (every occurrence due up to a moment, once) and ``work`` (a
worker that polls forever until told to stop, after the company in hand).

Any number of runs and workers, in threads or processes, may share one store: occurrences are
claimed with leases (a crashed worker's claims are taken over when they lapse) and the portal
permits in the store hold the concurrency cap and the rate limit across all of them.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Protocol

import attrs

from govlink.clock import SYSTEM_CLOCK
from govlink.plugins.fetchers import Fetcher, FetcherOptions
from govlink.plugins.registry import Registry
from govlink.store.base import PlanStore
from govlink.store.sync import AttemptOutcome, OccurrenceState, SyncAttempt
from govlink.sync.company import CompanySync, SyncWorkStore
from govlink.sync.enqueue import enqueue_due
from govlink.sync.options import SyncOptions
from govlink.workflows.pushing import worker_id

__all__ = ["RunnerStore", "SyncReport", "open_fetcher", "run_due", "work"]


class RunnerStore(SyncWorkStore, PlanStore, Protocol):
    """Everything the runner needs from the store."""


@attrs.frozen(kw_only=True)
class SyncReport:
    """What a run or a worker did: its attempts, skipped occurrences, and what is left.

    :param pending: occurrences due by the run's end that still wait (retries backing off).
    """

    worker: str
    attempts: tuple[SyncAttempt, ...] = ()
    skipped: int = 0
    pending: int = 0

    @property
    def outcomes(self) -> Mapping[AttemptOutcome, int]:
        """Attempts per outcome."""
        return Counter(attempt.outcome for attempt in self.attempts)

    @property
    def documents(self) -> int:
        """New documents fetched."""
        return sum(attempt.documents for attempt in self.attempts)


def open_fetcher(registry: Registry, options: SyncOptions, settings: Mapping[str, str]) -> Fetcher:
    """Open the fetcher ``options.fetcher`` with the environment-style ``settings``."""
    return registry.open_fetcher(
        options.fetcher, FetcherOptions(settings=settings, timeout=options.fetch_timeout)
    )


class _Loop:
    def __init__(
        self,
        store: RunnerStore,
        registry: Registry,
        fetcher: Fetcher,
        options: SyncOptions,
        owner: str | None,
    ) -> None:
        self.store = store
        self.options = options
        self.company = CompanySync(store, registry, fetcher, options, owner or worker_id())
        self.attempts: list[SyncAttempt] = []
        self.skipped = 0

    def step(self, due_until: datetime) -> bool:
        """Claim and run one occurrence due by ``due_until``; False when none is claimable."""
        options = self.options
        claim = self.store.claim_sync(
            owner=self.company.owner,
            now=options.clock.now(),
            due_until=due_until,
            lease=options.lease,
        )
        if claim is None:
            return False
        attempt = self.company.run(claim)
        if attempt is None:
            self.skipped += 1
        else:
            self.attempts.append(attempt)
        return True

    def report(self, due_until: datetime) -> SyncReport:
        waiting = self.store.sync_occurrences({OccurrenceState.PENDING, OccurrenceState.CLAIMED})
        return SyncReport(
            worker=self.company.owner,
            attempts=tuple(self.attempts),
            skipped=self.skipped,
            pending=sum(1 for o in waiting if o.due_at <= due_until),
        )


def run_due(
    store: RunnerStore,
    registry: Registry,
    fetcher: Fetcher,
    *,
    options: SyncOptions | None = None,
    until: datetime | None = None,
    owner: str | None = None,
) -> SyncReport:
    """Run every occurrence due up to ``until`` (default: now) once, then return.

    Temporary failures are retried within their day: the run waits for a retry when it is due
    within ``options.max_wait`` seconds, else leaves it pending for the next run or a worker.

    :raises PlanningError: no plan is saved yet.
    :raises ConfigurationError: the fetcher refused its credentials (the run stops).
    """
    options = options or SyncOptions()
    clock = options.clock
    end = until or clock.now()
    enqueue_due(store, end)
    loop = _Loop(store, registry, fetcher, options, owner)
    while True:
        while loop.step(end):
            pass
        retry = store.next_sync_due(due_until=end)
        now = clock.now()
        if retry is None or (retry - now).total_seconds() > options.max_wait:
            return loop.report(end)
        clock.sleep(max((retry - now).total_seconds(), 0.0))


def work(
    store: RunnerStore,
    registry: Registry,
    fetcher: Fetcher,
    *,
    stop: threading.Event,
    options: SyncOptions | None = None,
    owner: str | None = None,
    idle: Callable[[], None] | None = None,
) -> SyncReport:
    """Poll the plan and run what is due until ``stop`` is set (checked between companies).

    The plan's new occurrences are enqueued when the worker finds nothing to claim, and at
    least every ``options.poll`` seconds while it is busy.

    :param idle: called each time the worker finds nothing to do (tests, progress).
    :raises ConfigurationError: the fetcher refused its credentials (the worker stops).
    """
    options = options or SyncOptions()
    clock = options.clock
    loop = _Loop(store, registry, fetcher, options, owner)
    enqueued: datetime | None = None
    while not stop.is_set():
        now = clock.now()
        if enqueued is None or (now - enqueued).total_seconds() >= options.poll:
            enqueue_due(store, now)
            enqueued = now
        if loop.step(now):
            continue
        if enqueued < now:
            enqueue_due(store, now)
            enqueued = now
            if loop.step(now):
                continue
        if idle is not None:
            idle()
        if clock is SYSTEM_CLOCK:
            stop.wait(options.poll)
        else:
            clock.sleep(options.poll)
    return loop.report(clock.now())
