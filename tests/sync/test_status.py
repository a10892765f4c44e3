"""govlink.sync.sync_status: last and next sync, failures by cause, latency, backlog."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import attrs

from govlink.store.sync import AttemptOutcome
from govlink.sync import run_due, sync_status
from govlink.sync.status import percentile
from govlink.testing.myminfin import Fault
from govlink.testing.sync import in_process_fetcher
from govlink.workflows.plan import due

from .conftest import START, World, build_world


def test_before_any_run_everything_due_is_backlog_and_has_a_next_sync(world: World) -> None:
    now = START + timedelta(days=2)
    status = sync_status(world.store, now=now)
    assert status.backlog == len(due(world.store, START, now)) > 0
    assert status.attempts == 0
    assert status.latency == {}
    assert [c.enterprise_number.compact for c in status.companies] == sorted(world.numbers)
    assert all(c.last_at is None and c.next_at is not None for c in status.companies)
    assert all(now <= c.next_at <= now + timedelta(days=8) for c in status.companies if c.next_at)


def test_failures_latency_and_no_mandate_after_a_week(tmp_path: Path) -> None:
    world = build_world(tmp_path, latency=3.0)
    fetcher = in_process_fetcher(world.sim)
    world.clock.advance_to(START + timedelta(days=7))
    run_due(world.store, world.registry, fetcher, options=world.options)
    status = sync_status(world.store, now=world.clock.now())
    refused = sorted(set(world.numbers) - world.sim.mandates)
    assert status.backlog == 0
    assert [c.enterprise_number.compact for c in status.no_mandate] == refused
    assert set(status.failures) == {AttemptOutcome.NO_MANDATE}
    durations = [a.seconds for a in world.store.sync_attempts() if a.outcome.succeeded]
    assert min(durations) >= 6.0, "a listing and at least one download, 3 s each"
    assert status.latency == {r: percentile(durations, r) for r in (50, 90, 99)}
    for company in status.companies:
        assert company.last_at is not None
        assert company.next_at is not None
        assert company.next_at > status.now


def test_a_retry_backing_off_is_backlog_and_the_next_sync(tmp_path: Path) -> None:
    world = build_world(tmp_path, no_mandate_every=0, faults={Fault.SERVER_ERROR: 1})
    fetcher = in_process_fetcher(world.sim)
    first = due(world.store, START, START + timedelta(days=8))[0].at
    world.clock.advance_to(first + timedelta(minutes=1))
    options = attrs.evolve(world.options, max_wait=0.0)
    run_due(world.store, world.registry, fetcher, options=options)
    status = sync_status(world.store, now=world.clock.now())
    pending = {
        o.enterprise_number.compact: o.not_before
        for o in world.store.sync_occurrences()
        if o.not_before is not None
    }
    assert pending
    assert status.failures == {AttemptOutcome.UNAVAILABLE: len(pending)}
    assert status.backlog >= len(pending)
    rows = {c.enterprise_number.compact: c for c in status.companies}
    for number, retry_at in pending.items():
        assert rows[number].next_at == retry_at
        assert rows[number].last_outcome is AttemptOutcome.UNAVAILABLE
        assert rows[number].last_success_at is None
