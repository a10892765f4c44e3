"""Issue 15: the first plan reaches the floor on a small firm, a plan is a fixed point, and a
window change moves only the companies of the lost slots, never beyond the shift cap."""

import random
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlink.planner import Grid, Plan, SyncItem, plan
from govlink.testing.planner import grids, populations, slot_violations

NOW = datetime(2026, 3, 23, 9, 7, tzinfo=ZoneInfo("Europe/Brussels"))
WEEK = timedelta(days=7)
SLOW = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
#: Few slots: 4, 2 and 1 allowed slots, and business hours with 60-minute slots.
FEW = (
    Grid.parse("Mon 08:00-09:00"),
    Grid.parse("Mon 08:00-10:00", slot_minutes=60),
    Grid.parse("Sat 10:00-11:00", slot_minutes=60),
    Grid.parse("Mon-Fri 08:00-18:00", slot_minutes=60),
)


@st.composite
def uneven(draw: st.DrawFn, *, max_size: int = 40, prefix: str = "0") -> list[SyncItem]:
    """Companies with many equal costs (ties) and outliers heavier than a whole slot."""
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["f0", "f1", ""]),
                st.sampled_from([1.0, 1.0, 1.0, 2.0, 3.5, 40.0, 250.0]),
            ),
            min_size=1,
            max_size=max_size,
        )
    )
    return [
        SyncItem(key=f"{prefix}{index:09d}", firm=firm, cost=cost)
        for index, (firm, cost) in enumerate(rows)
    ]


def any_population() -> st.SearchStrategy[list[SyncItem]]:
    return st.one_of(populations(min_size=1, max_size=60), uneven())


def any_grid() -> st.SearchStrategy[Grid]:
    return st.one_of(grids(), st.sampled_from(FEW))


def slots(result: Plan) -> dict[str, object]:
    return {a.key: a.slot for a in result.assignments()}


def small_firm(n: int, seed: int, outliers: int) -> list[SyncItem]:
    """``n`` companies over ``n // 40`` firms, lognormal documents, and ``outliers`` companies at
    50 times the median cost."""
    rng = random.Random(seed)
    keys = sorted({f"{rng.randrange(10**10):010d}" for _ in range(2 * n)})[:n]
    documents = [int(rng.lognormvariate(3, 1.2)) for _ in keys]
    heavy = 50 * (1 + 0.1 * sorted(documents)[n // 2])
    chosen = set(rng.sample(range(n), outliers))
    return [
        SyncItem(
            key=key,
            firm=f"firm{rng.randrange(max(1, n // 40))}",
            documents=count,
            cost=heavy if index in chosen else None,
        )
        for index, (key, count) in enumerate(zip(keys, documents, strict=True))
    ]


BUSINESS = Grid.parse("Mon-Fri 08:00-18:00")


def test_the_first_plan_of_a_small_firm_reaches_the_floor() -> None:
    items = small_firm(3000, 15, outliers=5)
    result = plan(items, grid=BUSINESS, now=NOW)
    balance = result.report.balance
    assert len(BUSINESS.allowed) == 200
    assert balance.floor > 1.5, "the outliers must be bigger than a slot"
    assert balance.by_cost <= max(1.05, balance.floor + 0.01)
    assert balance.by_count <= 1.10
    heavy = {i.key for i in items if i.cost is not None}
    per_slot = Counter(a.slot for a in result.assignments())
    assert all(per_slot[result.slot_of(key)] == 1 for key in heavy)


@pytest.mark.slow
@SLOW
@given(items=any_population(), grid=any_grid())
def test_planning_again_with_the_same_inputs_moves_nobody(
    items: list[SyncItem], grid: Grid
) -> None:
    first = plan(items, grid=grid, now=NOW)
    second = plan(items, grid=grid, now=NOW + WEEK, previous=first)
    third = plan(items, grid=grid, now=NOW + 2 * WEEK, previous=second)
    assert (second.report.moved, third.report.moved) == (0, 0)
    assert slots(first) == slots(second) == slots(third)


@pytest.mark.slow
@SLOW
@given(items=any_population(), extra=st.data(), grid=any_grid())
def test_adding_companies_moves_nobody_and_stays_a_fixed_point(
    items: list[SyncItem], extra: st.DataObject, grid: Grid
) -> None:
    first = plan(items, grid=grid, now=NOW)
    known = {item.key for item in items}
    drawn = extra.draw(uneven(max_size=max(1, len(items) // 100), prefix="1"))
    added = [item for item in drawn if item.key not in known]
    grown = plan(items + added, grid=grid, now=NOW + WEEK, previous=first)
    assert grown.report.moved == 0
    assert {key: grown.slot_of(key) for key in slots(first)} == slots(first)
    again = plan(items + added, grid=grid, now=NOW + 2 * WEEK, previous=grown)
    assert again.report.moved == 0
    assert slot_violations(again) == []


def test_a_small_firm_stays_put_when_nothing_changes_or_one_percent_is_added() -> None:
    items = small_firm(3000, 16, outliers=5)
    first = plan(items, grid=BUSINESS, now=NOW)
    same = plan(items, grid=BUSINESS, now=NOW + WEEK, previous=first)
    grown = plan(items + small_firm(30, 17, 0), grid=BUSINESS, now=NOW + WEEK, previous=first)
    assert (same.report.moved, grown.report.moved) == (0, 0)


def _within_a_day(grid: Grid, source: int) -> bool:
    """Whether some allowed slot of ``grid`` other than ``source`` is within 24 h of it."""
    width, day = grid.slots_per_week, 24 * 60 // grid.slot_minutes
    return any(
        0 < abs((slot - source + width // 2) % width - width // 2) <= day for slot in grid.allowed
    )


@pytest.mark.slow
@SLOW
@given(
    items=any_population(),
    grid=st.sampled_from([BUSINESS, Grid.parse("Mon-Sun 22:00-06:00"), FEW[3]]),
    block=st.sampled_from(["Wed 10:00-14:00", "Tue 08:00-12:00", "Mon 22:00-24:00", "Thu-Fri"]),
)
def test_a_window_change_moves_only_lost_slots_and_never_beyond_the_shift_cap(
    items: list[SyncItem], grid: Grid, block: str
) -> None:
    spec = "Thu-Fri 00:00-24:00" if block == "Thu-Fri" else block
    narrower = Grid.parse(
        "; ".join(map(str, grid.windows)),
        f"Sun 02:00-03:00; {spec}",
        slot_minutes=grid.slot_minutes,
    )
    before = plan(items, grid=grid, now=NOW)
    after = plan(items, grid=narrower, now=NOW + WEEK, previous=before)
    allowed = {narrower.slot_time(slot) for slot in narrower.allowed}
    lost = {a.key for a in before.assignments() if a.slot not in allowed}
    assert {move.key for move in after.moves} == lost
    beyond = [m for m in after.moves if abs(m.shift_minutes) > 24 * 60]
    assert all(not _within_a_day(narrower, narrower.slot_at(m.source)) for m in beyond)
    assert after.report.moved_beyond_shift_cap == len(beyond)
    assert plan(items, grid=narrower, now=NOW + 2 * WEEK, previous=after).report.moved == 0


def test_a_blocked_window_of_a_small_firm_moves_its_companies_only_and_within_24_hours() -> None:
    items = small_firm(3000, 18, outliers=5)
    before = plan(items, grid=BUSINESS, now=NOW)
    narrower = Grid.parse("Mon-Fri 08:00-18:00", "Sun 02:00-03:00; Wed 10:00-14:00")
    after = plan(items, grid=narrower, now=NOW + WEEK, previous=before)
    lost = {
        a.key for a in before.assignments() if a.slot.weekday == 2 and 600 <= a.slot.minute < 840
    }
    assert {move.key for move in after.moves} == lost
    assert max(abs(move.shift_minutes) for move in after.moves) <= 24 * 60
    assert after.report.balance.by_cost >= after.report.balance.floor
