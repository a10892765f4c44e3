"""A claim never lapses while its worker waits for a portal permit, a worker whose claim was
lost (it stalled past its lease) does not run the company, and a dead worker's claim and permit
are taken over at once on its host."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta

import attrs

from govlink.store.sync import ClaimedSync, OccurrenceState, PortalLimits
from govlink.sync import run_due
from govlink.sync.company import CompanySync
from govlink.sync.enqueue import enqueue_due
from govlink.testing.clock import SimulatedClock
from govlink.testing.sync import in_process_fetcher
from govlink.workflows.pushing import worker_id

from .conftest import START, World

LEASE = timedelta(minutes=15)


class _Interrupted:
    """``clock``, but the first sleep that ends at or after ``at`` runs ``action`` (what other
    workers do meanwhile)."""

    def __init__(self, clock: SimulatedClock, at: datetime, action: Callable[[], None]) -> None:
        self.clock, self.at, self.action = clock, at, action

    def now(self) -> datetime:
        return self.clock.now()

    def monotonic(self) -> float:
        return self.clock.monotonic()

    def sleep(self, seconds: float) -> None:
        self.clock.sleep(seconds)
        action, self.action = self.action, lambda: None
        if self.clock.now() >= self.at:
            action()
        else:
            self.action = action


def _ran(world: World) -> Counter[tuple[str, datetime]]:
    return Counter((a.enterprise_number.compact, a.due_at) for a in world.store.sync_attempts())


def _waiting_worker(world: World, stall: bool) -> tuple[CompanySync, ClaimedSync]:
    """After a first week synced, worker "a" holds the first claim of the second and must wait
    an hour for a permit (its limits allow one sync an hour, and one just ran). 40 minutes in,
    worker "b" runs everything due at once (its own limits are looser, so that it finishes
    while "a" waits); with ``stall``, "a" froze past its lease first. Returns "a" and its
    claim."""
    store, clock = world.store, world.clock
    clock.advance_to(START + timedelta(days=7))
    fetcher = in_process_fetcher(world.sim)
    run_due(store, world.registry, fetcher, options=world.options)
    clock.advance_to(START + timedelta(days=14))
    options = attrs.evolve(
        world.options, lease=LEASE, limits=PortalLimits(concurrency=4, calls=1, per=3600)
    )
    assert world.options.lease == LEASE
    blocker = store.acquire_portal(owner="blocker", now=clock.now(), limits=options.limits)
    assert blocker.permit is not None
    store.release_portal(blocker.permit, now=clock.now())

    def other_worker() -> None:
        if stall:
            clock.advance_to(clock.now() + 2 * LEASE)
        run_due(store, world.registry, fetcher, options=world.options, owner="b")

    interrupted = _Interrupted(clock, clock.now() + timedelta(minutes=40), other_worker)
    a = CompanySync(
        store, world.registry, fetcher, attrs.evolve(options, clock=interrupted), owner="a"
    )
    enqueue_due(store, clock.now())
    claim = store.claim_sync(owner="a", now=clock.now(), due_until=clock.now(), lease=LEASE)
    assert claim is not None
    return a, claim


def test_a_claim_does_not_lapse_while_its_worker_waits_for_a_permit(world: World) -> None:
    a, claim = _waiting_worker(world, stall=False)
    attempt = a.run(claim)
    assert attempt is not None, "a kept its claim through a wait of over an hour"
    assert a.lost == 0
    ran = _ran(world)
    assert set(ran.values()) == {1}, "no occurrence ran twice"
    assert not world.store.sync_occurrences({OccurrenceState.PENDING, OccurrenceState.CLAIMED})


def test_a_worker_that_lost_its_claim_does_not_run_the_company(world: World) -> None:
    a, claim = _waiting_worker(world, stall=True)
    assert a.run(claim) is None
    assert a.lost == 1
    assert set(_ran(world).values()) == {1}, "no occurrence ran twice"
    ran = [
        attempt.worker
        for attempt in world.store.sync_attempts()
        if (attempt.enterprise_number, attempt.due_at) == (claim.enterprise_number, claim.due_at)
    ]
    assert ran == ["b"], "b took the lapsed claim over; a did not run it again"


def _dead_owner() -> str:
    """The owner name of a worker process of this host that has exited."""
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    host = worker_id().partition(":")[0]
    return f"{host}:{proc.stdout.strip()}:dead0000"


def test_a_dead_workers_claim_and_permit_are_taken_over_at_once(world: World) -> None:
    store, clock = world.store, world.clock
    clock.advance_to(START + timedelta(days=7))
    enqueue_due(store, clock.now())
    dead = _dead_owner()
    claim = store.claim_sync(owner=dead, now=clock.now(), due_until=clock.now(), lease=LEASE)
    assert claim is not None
    limits = PortalLimits(concurrency=1, calls=30, per=60)
    assert store.acquire_portal(owner=dead, now=clock.now(), limits=limits).permit is not None
    options = attrs.evolve(world.options, lease=LEASE, limits=limits, max_wait=0.0)
    report = run_due(store, world.registry, in_process_fetcher(world.sim), options=options)
    assert report.pending == 0
    ran = _ran(world)
    assert ran[(claim.enterprise_number.compact, claim.due_at)] == 1
    assert clock.now() < START + timedelta(days=7) + LEASE, "nobody waited for the lease"
