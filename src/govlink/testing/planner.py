"""Hypothesis strategies and checks for the sync planner (needs the ``testing`` extra).

>>> from hypothesis import given
>>> @given(populations())
... def test_unique(items):
...     assert len({item.key for item in items}) == len(items)
>>> test_unique()
"""

from __future__ import annotations

from collections import Counter

from hypothesis import strategies as st

from govlink.planner import Grid, Plan, SyncItem

__all__ = ["grids", "populations", "slot_violations"]

#: Window SPECs of different shapes: business hours, nightly (wrapping midnight), a few hours.
_SPECS = ("Mon-Fri 08:00-18:00", "Mon-Sun 22:00-06:00", "Tue,Thu 09:00-12:00", "Sat 10:00-11:00")


def populations(*, min_size: int = 0, max_size: int = 60) -> st.SearchStrategy[list[SyncItem]]:
    """Companies with unique keys, a few firms and heavy-tailed document counts (some unknown)."""
    item = st.builds(
        lambda firm, documents: (firm, documents),
        st.sampled_from(["f0", "f1", "f2", "f3", ""]),
        st.one_of(st.none(), st.integers(0, 30), st.integers(100, 2000)),
    )
    keys = st.lists(
        st.text("0123456789", min_size=10, max_size=10),
        min_size=min_size,
        max_size=max_size,
        unique=True,
    )
    return keys.flatmap(
        lambda ks: st.lists(item, min_size=len(ks), max_size=len(ks)).map(
            lambda rows: [
                SyncItem(key=key, firm=firm, documents=documents)
                for key, (firm, documents) in zip(ks, rows, strict=True)
            ]
        )
    )


def grids(*, capacity: float | None = None) -> st.SearchStrategy[Grid]:
    """Grids over one of :data:`_SPECS`, with 15- or 60-minute slots."""
    return st.builds(
        lambda spec, minutes: Grid.parse(spec, capacity=capacity, slot_minutes=minutes),
        st.sampled_from(_SPECS),
        st.sampled_from([15, 60]),
    )


def slot_violations(plan: Plan, hard: float | None = None) -> list[str]:
    """Slots of ``plan`` that are not allowed, above the absolute capacity, or (when ``hard`` is
    given) above ``hard`` times the mean with more than one company."""
    problems: list[str] = []
    allowed = {plan.grid.slot_time(slot) for slot in plan.grid.allowed}
    used = Counter(assignment.slot for assignment in plan.assignments())
    problems.extend(f"{slot} is not allowed" for slot in used if slot not in allowed)
    mean = plan.report.total_cost / plan.report.allowed_slots
    for load in plan.slot_loads():
        if load.capacity is not None and load.load > load.capacity + 1e-9:
            problems.append(f"{load.slot} carries {load.load} > capacity {load.capacity}")
        if hard is not None and load.companies > 1 and load.load > hard * mean + 1e-6:
            problems.append(f"{load.slot} carries {load.load} > {hard} x mean {mean}")
    return problems
