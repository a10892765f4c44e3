"""Issue 15, point 4: onboarding uses spare room only, never bursts, and says when it ends."""

from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlink.planner import Grid, Plan, PlannerConfig, SyncItem, plan
from govlink.testing.planner import grids, populations

NOW = datetime(2026, 3, 23, 9, 7, tzinfo=ZoneInfo("Europe/Brussels"))
WEEK = timedelta(days=7)


def run_loads(result: Plan, start: datetime) -> tuple[Counter[datetime], float]:
    """The steady plus onboarding cost of every run in the week from ``start``, and the bound
    max(2 x mean steady slot load, heaviest steady slot)."""
    cost = {a.key: a.cost for a in result.assignments()}
    runs: Counter[datetime] = Counter()
    for sync in result.occurrences(start, start + WEEK + timedelta(hours=2)):
        runs[sync.at] += cost[sync.key]
    steady = [s.load for s in result.slot_loads()]
    return runs, max(2 * sum(steady) / len(steady), max(steady))


def first_syncs(result: Plan, keys: set[str]) -> dict[str, datetime]:
    found: dict[str, datetime] = {}
    for sync in result.occurrences(result.since, result.since + WEEK + timedelta(hours=2)):
        if sync.key in keys:
            found.setdefault(sync.key, sync.at)
    return found


@pytest.mark.slow
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(items=populations(min_size=1, max_size=60), grid=grids(), hours=st.sampled_from([0, 24]))
def test_onboarding_never_bursts_and_everyone_syncs_within_the_week(
    items: list[SyncItem], grid: Grid, hours: int
) -> None:
    result = plan(items, grid=grid, now=NOW, config=PlannerConfig(onboarding_horizon_hours=hours))
    runs, bound = run_loads(result, NOW)
    assert max(runs.values()) <= bound + 1e-6
    first = first_syncs(result, {item.key for item in items})
    assert set(first) == {item.key for item in items}
    assert result.last_first_sync == max(first.values())
    assert result.last_first_sync < NOW + WEEK + timedelta(hours=1)


def test_a_fresh_firm_of_3000_onboards_within_the_week_without_a_burst() -> None:
    items = [
        SyncItem(key=f"{n:010d}", firm=f"firm{n % 75}", documents=(n * 7919) % 60)
        for n in range(3000)
    ]
    grid = Grid.parse("Mon-Fri 08:00-18:00")
    result = plan(items, grid=grid, now=NOW)
    runs, bound = run_loads(result, NOW)
    assert max(runs.values()) <= bound + 1e-6
    assert result.report.onboarding > 1000, "most companies onboard before their own slot"
    assert result.last_first_sync is not None
    assert result.last_first_sync < NOW + WEEK
    assert result.last_first_sync == max(first_syncs(result, set(result.keys())).values())


def test_a_budget_caps_onboarding_per_run_and_pending_onboarding_is_counted_again() -> None:
    items = [SyncItem(key=f"{n:010d}", cost=1) for n in range(400)]
    grid = Grid.parse("Mon-Fri 08:00-18:00")
    first = plan(items, grid=grid, now=NOW, config=PlannerConfig(onboarding_budget=1))
    per_run = Counter(o.at for o in first.onboarding)
    assert first.onboarding
    assert max(per_run.values()) == 1
    grown = items + [SyncItem(key=f"1{n:09d}", cost=1) for n in range(200)]
    later = plan(grown, grid=grid, now=NOW + timedelta(hours=1), previous=first)
    runs, bound = run_loads(later, NOW + timedelta(hours=1))
    assert max(runs.values()) <= bound + 1e-6


def test_onboarding_stays_under_the_absolute_capacity() -> None:
    items = [SyncItem(key=f"{n:010d}", cost=1) for n in range(400)]
    grid = Grid.parse("Mon-Fri 08:00-18:00", capacity=3)
    result = plan(items, grid=grid, now=NOW)
    runs, _ = run_loads(result, NOW)
    assert result.report.onboarding > 0
    assert max(runs.values()) == 3
