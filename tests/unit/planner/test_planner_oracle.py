"""The number of moves of a forced repair against the exact optimum (brute force, small cases)."""

from datetime import datetime, timedelta
from itertools import combinations, product
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlink.planner import Grid, Plan, PlannerConfig, SyncItem, plan

NOW = datetime(2026, 3, 23, 9, 7, tzinfo=ZoneInfo("Europe/Brussels"))
# epsilon == epsilon_hard: repair and placement share one cap (the forced worst case).
FORCED = PlannerConfig(epsilon=0.1, epsilon_hard=0.1, spread_firms=False)


def _fits(loads: list[float], counts: list[int], cap: float, count_cap: int) -> bool:
    return all(
        n <= 1 or (load <= cap + 1e-9 and n <= count_cap)
        for load, n in zip(loads, counts, strict=True)
    )


def _fewest_moves(
    start: list[int], costs: list[float], slots: int, cap: float, count_cap: int, movable: list[int]
) -> int | None:
    """The fewest ``movable`` companies to move so every slot fits the caps (None: never)."""
    for k in range(len(movable) + 1):
        for moved in combinations(movable, k):
            for targets in product(range(slots), repeat=k):
                where = list(start)
                for index, target in zip(moved, targets, strict=True):
                    where[index] = target
                loads, counts = [0.0] * slots, [0] * slots
                for index, slot in enumerate(where):
                    loads[slot] += costs[index]
                    counts[slot] += 1
                if _fits(loads, counts, cap, count_cap):
                    return k
    return None


def _repair(before: list[int], after: list[int], slots: int) -> tuple[Plan, list[int], float, int]:
    grid = Grid.parse(f"Mon 08:00-{8 + slots:02d}:00", "", slot_minutes=60)
    keys = [f"{i:010d}" for i in range(len(before))]
    first = plan(
        [SyncItem(key=k, cost=c) for k, c in zip(keys, before, strict=True)],
        grid=grid,
        now=NOW,
        config=FORCED,
    )
    start = [grid.slot_at(first.slot_of(k)) - grid.allowed[0] for k in keys]
    items = [SyncItem(key=k, cost=c) for k, c in zip(keys, after, strict=True)]
    second = plan(items, grid=grid, now=NOW + timedelta(days=7), previous=first, config=FORCED)
    mean, mean_count = sum(after) / slots, len(after) / slots
    cap = max(int(1.1 * mean * 1000), int(mean * 1000) + min(after) * 1000) / 1000
    count_cap = max(-(-len(after) // slots), int(1.1 * mean_count + 1e-9))
    return second, start, cap, count_cap


def _valid(result: Plan, cap: float, count_cap: int) -> bool:
    loads = result.slot_loads()
    return _fits([s.load for s in loads], [s.companies for s in loads], cap, count_cap)


SMALL = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=60)


@SMALL
@given(
    before=st.lists(st.integers(1, 20), min_size=2, max_size=6),
    growth=st.lists(st.integers(0, 40), min_size=6, max_size=6),
    slots=st.integers(2, 4),
)
def test_repair_never_moves_more_than_the_optimum_plus_10_percent(
    before: list[int], growth: list[int], slots: int
) -> None:
    after = [c + g for c, g in zip(before, growth, strict=False)]
    result, start, cap, count_cap = _repair(before, after, slots)
    best = _fewest_moves(start, after, slots, cap, count_cap, list(range(len(after))))
    if best is not None and _valid(result, cap, count_cap):
        assert result.report.moved <= best + best // 10


@SMALL
@given(data=st.data(), size=st.integers(4, 9), slots=st.integers(2, 4))
def test_unit_cost_repair_after_removals_is_valid_and_optimal(
    data: st.DataObject, size: int, slots: int
) -> None:
    """Unit costs, some companies removed: the optimum only sheds from over-full slots
    (sum of max(0, count - cap)), so the repair must reach it exactly and be valid."""
    grid = Grid.parse(f"Mon 08:00-{8 + slots:02d}:00", "", slot_minutes=60)
    keys = [f"{i:010d}" for i in range(size)]
    first = plan([SyncItem(key=k, cost=1) for k in keys], grid=grid, now=NOW, config=FORCED)
    kept = data.draw(st.lists(st.sampled_from(keys), min_size=1, unique=True))
    kept.sort()
    second = plan(
        [SyncItem(key=k, cost=1) for k in kept],
        grid=grid,
        now=NOW + timedelta(days=7),
        previous=first,
        config=FORCED,
    )
    start = [grid.slot_at(first.slot_of(k)) - grid.allowed[0] for k in kept]
    mean = len(kept) / slots
    cap = max(int(1.1 * mean * 1000), int(mean * 1000) + 1000) / 1000
    count_cap = max(-(-len(kept) // slots), int(1.1 * mean + 1e-9))
    best = _fewest_moves(start, [1.0] * len(kept), slots, cap, count_cap, list(range(len(kept))))
    assert best is not None
    assert _valid(second, cap, count_cap)
    assert second.report.moved == best
