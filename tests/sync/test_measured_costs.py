"""Point 6: the load the sync measures drives the plan (the costs file stays an override), and
re-planning with measured costs keeps the planner's stability rules."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from govlink.planner import Plan, SlotTime
from govlink.sync import run_due
from govlink.testing.sync import in_process_fetcher
from govlink.workflows.costs import measured_costs
from govlink.workflows.plan import PlanResult, make_plan

from .conftest import START, World, build_world


def _synced_week(tmp_path: Path, n: int, windows: str | None = None) -> World:
    """``n`` companies synced for 8 days; each portal answer takes 5 simulated seconds, so a
    sync lasts 5 s per call (one listing, one download per new document)."""
    world = build_world(tmp_path, n, windows=windows, latency=5.0)
    fetcher = in_process_fetcher(world.sim)
    for day in range(1, 9):
        world.clock.advance_to(START + timedelta(days=day))
        run_due(world.store, world.registry, fetcher, options=world.options)
    return world


def test_measured_load_becomes_the_cost_and_the_costs_file_overrides_it(tmp_path: Path) -> None:
    world = _synced_week(tmp_path, 9)
    loads = {s.enterprise_number.compact: s for s in world.store.sync_companies()}
    measured = measured_costs(loads.values())
    mandated = sorted(world.sim.mandates)
    assert sorted(measured) == mandated
    assert len(set(measured.values())) > 1, "companies with more documents cost more"
    slowest = max(mandated, key=lambda n: loads[n].load_seconds or 0)
    fastest = min(mandated, key=lambda n: loads[n].load_seconds or 0)
    assert measured[slowest] > measured[fastest]

    overridden = mandated[0]
    result = make_plan(world.store, now=world.clock.now(), costs={overridden: 7.5})
    costs = {a.key: a.cost for a in result.plan.assignments()}
    assert costs[overridden] == 7.5
    for number in mandated[1:]:
        assert costs[number] == pytest.approx(measured[number], abs=1e-3)
    for number in set(world.numbers) - world.sim.mandates:
        assert costs[number] == 1.0, "never measured: the planner's default"
    assert result.unknown_costs == ()

    plain = make_plan(world.store, now=world.clock.now(), measured=False)
    assert {a.cost for a in plain.plan.assignments()} == {1.0}


def _check_repair(before: Plan, after: PlanResult) -> None:
    """The planner's sticky-repair rules: a company keeps its slot unless its old slot, at the
    new costs, was over the repair cap; nobody is added or removed."""
    report, config = after.report, after.plan.config
    costs = {a.key: a.cost for a in after.plan.assignments()}
    old_slot = {a.key: a.slot for a in before.assignments()}
    old_load: dict[SlotTime, float] = {}
    for key, slot in old_slot.items():
        old_load[slot] = old_load.get(slot, 0.0) + costs[key]
    assert report.added == report.removed == 0
    repair_cap = (1 + config.epsilon_hard) * report.mean_cost
    for move in after.plan.moves:
        assert old_slot[move.key] == move.source
        assert old_load[move.source] > repair_cap, "only an overloaded slot sheds companies"
    moved = {m.key for m in after.plan.moves}
    assert all(a.slot == old_slot[a.key] for a in after.plan.assignments() if a.key not in moved)


@pytest.mark.slow
def test_replanning_with_measured_costs_keeps_the_stability_rules(tmp_path: Path) -> None:
    world = _synced_week(tmp_path, 200, windows="Mon-Fri 08:00-10:00")
    before = world.store.load_plan()
    assert before is not None
    first = make_plan(world.store, now=world.clock.now())
    assert len({a.cost for a in first.plan.assignments()}) > 1
    assert first.report.moved_beyond_shift_cap == 0
    _check_repair(before.plan, first)
    again = make_plan(world.store, now=world.clock.now())
    _check_repair(first.plan, again)
