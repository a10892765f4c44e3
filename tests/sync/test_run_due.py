"""govlink.sync.run_due: one worker runs every due occurrence once, with typed outcomes."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from govlink import EnterpriseNumber
from govlink.domain.alerts import AlertKind
from govlink.errors import ConfigurationError, PlanningError
from govlink.store import SQLiteStore
from govlink.store.sync import AttemptOutcome, OccurrenceState
from govlink.sync import run_due
from govlink.testing.myminfin import Fault
from govlink.testing.sync import in_process_fetcher
from govlink.workflows.plan import due

from .conftest import START, World, build_world


def _stored_ids(world: World) -> Counter[str]:
    return Counter(d.document.file_name for d in world.store.documents())


def _expected(world: World) -> set[str]:
    """The documents of mandated companies published by each company's last sync."""
    last = {}
    for attempt in world.store.sync_attempts():
        if attempt.outcome.succeeded:
            last[attempt.enterprise_number.compact] = attempt.started_at
    return {
        d.file_name
        for d in world.sim.published(world.clock.now())
        if d.enterprise_number in last and d.published_at <= last[d.enterprise_number]
    }


def test_two_weeks_every_document_exactly_once(world: World) -> None:
    fetcher = in_process_fetcher(world.sim)
    for day in range(1, 15):
        world.clock.advance_to(START + timedelta(days=day))
        run_due(world.store, world.registry, fetcher, options=world.options)
    stored = _stored_ids(world)
    assert set(stored) == _expected(world)
    assert max(stored.values()) == 1
    attempts = world.store.sync_attempts()
    planned = {(o.key, o.at) for o in due(world.store, START, world.clock.now())}
    ran = Counter((a.enterprise_number.compact, a.due_at) for a in attempts)
    assert set(ran) == planned
    assert set(ran.values()) == {1}
    assert len(planned) >= 2 * len(world.numbers)
    assert {a.outcome for a in attempts} <= {
        AttemptOutcome.OK,
        AttemptOutcome.NOTHING_NEW,
        AttemptOutcome.NO_MANDATE,
    }
    assert all(a.worker and a.seconds >= 0 for a in attempts)
    assert world.sim.count("/api/documents/") == sum(stored.values())


def test_no_mandate_alerts_the_responsible_once(world: World) -> None:
    fetcher = in_process_fetcher(world.sim)
    for week in range(3):
        world.clock.advance_to(START + timedelta(days=7 * week + 1))
        run_due(world.store, world.registry, fetcher, options=world.options)
    refused = sorted(set(world.numbers) - world.sim.mandates)
    alerts = [a for a in world.store.alerts() if a.alert.kind is AlertKind.SYNC_FAILED]
    assert sorted(a.alert.enterprise_number.compact for a in alerts) == refused
    assert {a.alert.recipient for a in alerts} == {"an@firm.example"}
    assert all("mandate" in a.alert.subject for a in alerts)
    states = {s.enterprise_number.compact: s for s in world.store.sync_companies()}
    assert all(states[number].no_mandate_since is not None for number in refused)


def test_a_mandate_granted_later_clears_the_flag_and_a_new_loss_alerts_again(
    world: World,
) -> None:
    fetcher = in_process_fetcher(world.sim)
    refused = sorted(set(world.numbers) - world.sim.mandates)[0]
    number = EnterpriseNumber.parse(refused)

    def week(days: int) -> None:
        world.clock.advance_to(START + timedelta(days=days))
        run_due(world.store, world.registry, fetcher, options=world.options)

    week(1)
    world.sim.mandates.add(refused)
    week(8)
    state = world.store.sync_company(number)
    assert state is not None
    assert state.no_mandate_since is None
    world.sim.mandates.discard(refused)
    week(15)
    alerts = [
        a
        for a in world.store.alerts()
        if a.alert.kind is AlertKind.SYNC_FAILED and a.alert.enterprise_number == number
    ]
    assert len(alerts) == 2


def test_temporary_failures_retry_the_same_day(tmp_path: Path) -> None:
    world = build_world(tmp_path, no_mandate_every=0, faults={Fault.SERVER_ERROR: 5})
    fetcher = in_process_fetcher(world.sim)
    outcomes: Counter[AttemptOutcome] = Counter()
    for hour in range(31):
        world.clock.advance_to(START + timedelta(hours=hour))
        outcomes += run_due(world.store, world.registry, fetcher, options=world.options).outcomes
    assert outcomes[AttemptOutcome.UNAVAILABLE] > 0
    occurrences = world.store.sync_occurrences()
    assert {o.state for o in occurrences} == {OccurrenceState.DONE}
    assert max(o.attempts for o in occurrences) > 1
    attempts = world.store.sync_attempts()
    assert all(a.started_at - a.due_at < timedelta(hours=12) for a in attempts)
    assert max(_stored_ids(world).values()) == 1
    world.store.close()


def test_a_day_long_maintenance_gives_up_and_keeps_the_weekly_slot(tmp_path: Path) -> None:
    world = build_world(
        tmp_path,
        no_mandate_every=0,
        maintenance=[(START, START + timedelta(days=2))],
    )
    fetcher = in_process_fetcher(world.sim)
    world.clock.advance_to(START + timedelta(days=1, hours=12))
    run_due(world.store, world.registry, fetcher, options=world.options)
    gave_up = world.store.sync_occurrences({OccurrenceState.GAVE_UP})
    assert len(gave_up) == len(world.numbers)
    attempts = world.store.sync_attempts()
    assert {a.outcome for a in attempts} == {AttemptOutcome.UNAVAILABLE}
    assert all("maintenance" in a.message for a in attempts)
    world.clock.advance_to(START + timedelta(days=8))
    run_due(world.store, world.registry, fetcher, options=world.options)
    weekly = list(world.store.sync_occurrences({OccurrenceState.DONE}))
    assert len(weekly) == len(world.numbers)
    assert all(o.due_at >= START + timedelta(days=1) for o in weekly)
    world.store.close()


def test_a_short_maintenance_is_waited_out(tmp_path: Path) -> None:
    window = (START + timedelta(hours=2), START + timedelta(hours=5))
    world = build_world(tmp_path, no_mandate_every=0, maintenance=[window])
    fetcher = in_process_fetcher(world.sim)
    for hour in range(31):
        world.clock.advance_to(START + timedelta(hours=hour))
        run_due(world.store, world.registry, fetcher, options=world.options)
    attempts = world.store.sync_attempts()
    refused = [a for a in attempts if a.outcome is AttemptOutcome.UNAVAILABLE]
    assert refused
    assert all(window[0] <= a.started_at < window[1] for a in refused)
    assert {o.state for o in world.store.sync_occurrences()} == {OccurrenceState.DONE}
    world.store.close()


def test_throttling_waits_at_least_retry_after(tmp_path: Path) -> None:
    world = build_world(
        tmp_path, n=2, no_mandate_every=0, faults={Fault.THROTTLE: 1}, retry_after=1500
    )
    fetcher = in_process_fetcher(world.sim)
    for quarter in range(4 * 40):
        world.clock.advance_to(START + timedelta(minutes=15 * quarter))
        run_due(world.store, world.registry, fetcher, options=world.options)
    attempts = world.store.sync_attempts()
    assert {a.outcome for a in attempts} == {AttemptOutcome.THROTTLED}
    by_occurrence: dict[object, list[datetime]] = {}
    for attempt in attempts:
        by_occurrence.setdefault((attempt.enterprise_number, attempt.due_at), []).append(
            attempt.started_at
        )
    for starts in by_occurrence.values():
        assert len(starts) > 2
        assert all(b - a >= timedelta(seconds=1500) for a, b in itertools.pairwise(starts))
        assert starts[-1] - starts[0] <= timedelta(hours=12)
    assert {o.state for o in world.store.sync_occurrences()} == {OccurrenceState.GAVE_UP}
    world.store.close()


def test_no_second_sync_within_24_hours_of_a_success(world: World) -> None:
    fetcher = in_process_fetcher(world.sim)
    world.clock.advance_to(START + timedelta(days=1))
    run_due(world.store, world.registry, fetcher, options=world.options)
    number = world.store.companies()[0].enterprise_number
    world.store.enqueue([(number, world.clock.now())], until=world.clock.now())
    report = run_due(world.store, world.registry, fetcher, options=world.options)
    assert report.attempts == ()
    assert report.skipped == 1
    (skipped,) = world.store.sync_occurrences({OccurrenceState.SKIPPED})
    assert skipped.outcome == "synced less than 24 h before"


def test_bad_credentials_stop_the_run_and_leave_the_occurrence(world: World) -> None:
    fetcher = in_process_fetcher(world.sim, token="wrong")
    world.clock.advance_to(START + timedelta(days=1))
    with pytest.raises(ConfigurationError):
        run_due(world.store, world.registry, fetcher, options=world.options)
    assert world.store.sync_attempts() == []
    assert not world.store.sync_occurrences({OccurrenceState.CLAIMED})


def test_without_a_plan_the_run_is_a_planning_error(tmp_path: Path, world: World) -> None:
    with SQLiteStore(tmp_path / "empty.db") as empty, pytest.raises(PlanningError, match="plan"):
        run_due(empty, world.registry, in_process_fetcher(world.sim), options=world.options)


def test_the_no_mandate_subject_follows_the_alert_language_setting(world: World) -> None:
    world.store.set_setting("alert_language", "nl")
    world.clock.advance_to(START + timedelta(days=1))
    run_due(world.store, world.registry, in_process_fetcher(world.sim), options=world.options)
    alerts = [a for a in world.store.alerts() if a.alert.kind is AlertKind.SYNC_FAILED]
    assert alerts
    assert all(a.alert.subject.startswith("Geen MyMinfin-mandaat voor ") for a in alerts)
