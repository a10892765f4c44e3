"""Planner invariants: every company exactly once a week, capacity never exceeded, stability on
additions and removals, determinism, balance, firm spread and the shift cap."""

import math
import random
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govlink import InsufficientCapacity, PlanningError
from govlink.planner import Grid, Plan, PlannerConfig, SyncItem, dumps, plan
from govlink.planner.model import to_units
from govlink.testing.planner import grids, populations, slot_violations

NOW = datetime(2026, 3, 23, 9, 7, tzinfo=ZoneInfo("Europe/Brussels"))
WEEK = timedelta(days=7)
SLOW = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def _over_sources(previous: Plan, current: Plan) -> set[str]:
    """Slots of ``previous`` that the repair may empty under ``current``'s figures: lost slots and
    slots of continuing companies above the repair cap by cost or count."""
    eps = current.config.epsilon_hard
    allowed = {current.grid.slot_time(s) for s in current.grid.allowed}
    mean = current.report.total_cost / current.report.allowed_slots
    mean_count = current.report.companies / current.report.allowed_slots
    count_cap = max(math.ceil(mean_count), math.floor((1 + eps) * mean_count + 1e-9))
    cost = {a.key: a.cost for a in current.assignments()}
    load: Counter[str] = Counter()
    count: Counter[str] = Counter()
    for a in previous.assignments():
        if a.key in cost:
            load[str(a.slot)] += cost[a.key]
            count[str(a.slot)] += 1
    over = {
        s for s in count if count[s] > 1 and (load[s] > (1 + eps) * mean or count[s] > count_cap)
    }
    lost = {str(a.slot) for a in previous.assignments() if a.slot not in allowed}
    return over | lost


@given(items=populations(max_size=80), grid=grids())
def test_each_company_syncs_exactly_once_a_week(items: list[SyncItem], grid: Grid) -> None:
    result = plan(items, grid=grid, now=NOW)
    start = NOW + timedelta(days=9)
    for offset in (timedelta(0), timedelta(hours=37)):
        keys = [o.key for o in result.occurrences(start + offset, start + offset + WEEK)]
        assert Counter(keys) == Counter(item.key for item in items)
    assert slot_violations(result) == []


@given(items=populations(min_size=1, max_size=60), grid=grids(), factor=st.floats(0.2, 3.0))
@example(  # a capacity a float rounding below the cost, equal to it in thousandths
    items=[SyncItem(key="0000000000", documents=491)],
    grid=Grid.parse("Mon-Fri 08:00-18:00"),
    factor=0.99999,
)
def test_capacity_is_never_exceeded(items: list[SyncItem], grid: Grid, factor: float) -> None:
    config = PlannerConfig()
    costs = [config.cost_of(item) for item in items]
    capacity = round(max(max(costs), sum(costs) / len(grid.allowed)) * factor, 3) + 0.001
    bounded = Grid(
        windows=grid.windows,
        blocked=grid.blocked,
        capacity=capacity,
        slot_minutes=grid.slot_minutes,
    )
    # The planner compares costs in integer thousandths, so the test does too (not floats).
    units, limit = [to_units(cost) for cost in costs], to_units(capacity)
    if max(units) > limit or sum(units) > limit * len(grid.allowed):
        with pytest.raises(InsufficientCapacity) as caught:
            plan(items, grid=bounded, now=NOW)
        assert (caught.value.capacity, caught.value.slots) == (capacity, len(grid.allowed))
        assert f"{caught.value.total_cost:g}" in str(caught.value)
        return
    try:
        result = plan(items, grid=bounded, now=NOW)
    except InsufficientCapacity:  # the cost fits in total but not slot by slot
        return
    assert slot_violations(result) == []


@pytest.mark.slow
@SLOW
@given(items=populations(min_size=1, max_size=80), extra=populations(max_size=20), grid=grids())
def test_additions_move_no_existing_company(
    items: list[SyncItem], extra: list[SyncItem], grid: Grid
) -> None:
    before = plan(items, grid=grid, now=NOW)
    known = {item.key for item in items}
    added = [item for item in extra if item.key not in known]
    after = plan(items + added, grid=grid, now=NOW + WEEK, previous=before)
    sources = _over_sources(before, after)
    assert all(str(move.source) in sources for move in after.moves)
    assert after.report.added == len(added)
    assert slot_violations(after) == []


@pytest.mark.slow
@SLOW
@given(items=populations(min_size=1, max_size=80), data=st.data(), grid=grids())
def test_removals_move_no_company_while_slots_stay_under_the_cap(
    items: list[SyncItem], data: st.DataObject, grid: Grid
) -> None:
    before = plan(items, grid=grid, now=NOW)
    kept = data.draw(st.lists(st.sampled_from(items), unique_by=lambda i: i.key))
    after = plan(kept, grid=grid, now=NOW + WEEK, previous=before)
    sources = _over_sources(before, after)
    assert all(str(move.source) in sources for move in after.moves)
    assert after.report.removed == len(items) - len(kept)


def _population(n: int, seed: int, firms: int = 50, sigma: float = 1.2) -> list[SyncItem]:
    rng = random.Random(seed)
    return [
        SyncItem(
            key=f"{rng.randrange(10**10):010d}",
            firm=f"firm{rng.randrange(firms)}",
            documents=int(rng.lognormvariate(3, sigma)),
        )
        for _ in range(n)
    ]


def test_realistic_additions_and_removals_move_nobody() -> None:
    grid = Grid.parse("Mon-Fri 08:00-18:00")
    items = _population(6000, 1)
    before = plan(items, grid=grid, now=NOW)
    grown = plan(items + _population(60, 2), grid=grid, now=NOW + WEEK, previous=before)
    shrunk = plan(items[60:], grid=grid, now=NOW + WEEK, previous=before)
    assert (grown.report.moved, shrunk.report.moved) == (0, 0)
    assert [grown.slot_of(i.key) for i in items] == [before.slot_of(i.key) for i in items]
    heaviest = max(PlannerConfig().cost_of(item) for item in _population(60, 2))
    assert grown.report.balance.by_cost <= 1.10 + heaviest / grown.report.mean_cost


def test_first_plan_is_balanced_and_spreads_firms() -> None:
    grid = Grid.parse("Mon-Fri 08:00-18:00")
    items = _population(8000, 3)
    result = plan(items, grid=grid, now=NOW)
    assert result.report.balance.by_cost <= max(1.05, result.report.balance.floor)
    assert result.report.balance.by_count <= 1.10
    slots = len(grid.allowed)
    firm_of = {i.key: i.firm for i in items}
    size = Counter(firm_of.values())
    per = Counter((firm_of[a.key], a.slot) for a in result.assignments())
    assert all(n <= math.ceil(size[firm] / slots) + 1 for (firm, _), n in per.items())


def test_a_removed_window_moves_only_its_companies_within_24_hours() -> None:
    grid = Grid.parse(slot_minutes=60)
    items = _population(10000, 4, sigma=0.3)  # no company heavier than the room in a slot
    before = plan(items, grid=grid, now=NOW)
    narrower = Grid.parse(None, "Sun 02:00-03:00; Wed 10:00-14:00", slot_minutes=60)
    after = plan(items, grid=narrower, now=NOW + WEEK, previous=before)
    lost = {
        a.key for a in before.assignments() if a.slot.weekday == 2 and 600 <= a.slot.minute < 840
    }
    assert {move.key for move in after.moves} == lost
    assert all(abs(move.shift_minutes) <= 24 * 60 for move in after.moves)
    assert after.report.moved_beyond_shift_cap == 0
    assert slot_violations(after) == []


def test_a_blocked_morning_moves_only_its_companies_within_24_hours_at_any_balance() -> None:
    """No room within 24 h under the balance cap: the shift cap wins, the balance is reported."""
    grid = Grid.parse("Mon-Fri 08:00-18:00")
    items = _population(4000, 5)
    before = plan(items, grid=grid, now=NOW)
    narrower = Grid.parse("Mon-Fri 08:00-18:00", "Tue 08:00-12:00")
    after = plan(items, grid=narrower, now=NOW + WEEK, previous=before)
    lost = {a.key for a in before.assignments() if a.slot.weekday == 1 and a.slot.minute < 720}
    assert {move.key for move in after.moves} == lost
    assert max(abs(m.shift_minutes) for m in after.moves) <= 24 * 60
    assert after.report.moved_beyond_shift_cap == 0
    loads = after.slot_loads()
    top = max(s.load for s in loads) / (sum(s.load for s in loads) / len(loads))
    assert after.report.balance.by_cost == round(top, 4) > 1 + after.config.epsilon_hard
    assert slot_violations(after) == []


@pytest.mark.slow
@given(items=populations(max_size=60), grid=grids(), seed=st.integers(0, 2**32))
def test_output_does_not_depend_on_input_order(
    items: list[SyncItem], grid: Grid, seed: int
) -> None:
    shuffled = list(items)
    random.Random(seed).shuffle(shuffled)
    first, second = plan(items, grid=grid, now=NOW), plan(shuffled, grid=grid, now=NOW)
    assert dumps(first) == dumps(second)
    kept = items[: len(items) // 2]
    kept_shuffled = random.Random(seed + 1).sample(kept, len(kept))
    again = plan(kept, grid=grid, now=NOW + WEEK, previous=first)
    again_shuffled = plan(kept_shuffled, grid=grid, now=NOW + WEEK, previous=second)
    assert dumps(again) == dumps(again_shuffled)


def test_bad_inputs_raise_one_line_errors() -> None:
    with pytest.raises(PlanningError, match="listed twice"):
        plan([SyncItem(key="1"), SyncItem(key="1")], grid=Grid(), now=NOW)
    with pytest.raises(PlanningError, match="invalid cost"):
        plan([SyncItem(key="1", cost=-1)], grid=Grid(), now=NOW)
    with pytest.raises(PlanningError, match="no time zone"):
        plan([], grid=Grid(), now=datetime(2026, 1, 1))
    with pytest.raises(PlanningError, match="epsilon"):
        PlannerConfig(epsilon=0.2, epsilon_hard=0.1)
    with pytest.raises(InsufficientCapacity, match="largest company 5"):
        plan([SyncItem(key="1", cost=5)], grid=Grid.parse(capacity=4), now=NOW)


def test_a_company_heavier_than_the_cap_sits_alone() -> None:
    grid = Grid.parse("Mon 08:00-09:00")
    items = [SyncItem(key=f"{i}", cost=1) for i in range(12)] + [SyncItem(key="big", cost=50)]
    result = plan(items, grid=grid, now=NOW)
    big = result.slot_of("big")
    assert [a.key for a in result.assignments() if a.slot == big] == ["big"]


@pytest.mark.parametrize(
    ("windows", "days"), [("Mon-Fri 08:00-18:00", 5), ("Mon-Sun 00:00-24:00", 7)]
)
def test_a_small_population_spreads_over_every_day(windows: str, days: int) -> None:
    items = [SyncItem(key=f"{n:010d}") for n in range(40)]
    result = plan(items, grid=Grid.parse(windows, ""), now=NOW)
    per_day = Counter(result.slot_of(item.key).weekday for item in items)
    assert len(per_day) == days
    assert max(per_day.values()) - min(per_day.values()) <= 2
