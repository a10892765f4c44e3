"""``plan()``: the whole planning run, from companies and the previous plan to a new Plan."""

from __future__ import annotations

import functools
import math
import operator
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from itertools import islice, pairwise, repeat

from govlink.errors import InsufficientCapacity, PlanningError
from govlink.planner.board import Board, Tolerance, caps_for, totals
from govlink.planner.grid import Grid
from govlink.planner.hashing import stable_hash
from govlink.planner.initial import lpt
from govlink.planner.model import (
    Balance,
    Move,
    PlannerConfig,
    PlanReport,
    SyncItem,
    from_units,
    to_units,
)
from govlink.planner.repair import NEW, repair
from govlink.planner.result import Plan, instant
from govlink.planner.schedule import (
    DAY,
    Special,
    carry_over,
    onboard,
    onboarding_bound,
    transition,
)
from govlink.planner.timeline import aware, last_before, next_at_or_after

__all__ = ["plan"]


_FIELDS = operator.attrgetter("key", "firm", "cost", "documents")


class _Table:
    """The companies as columns in key order: keys, costs (thousandths), firm numbers.

    The columns are split in C (``attrgetter``, ``itemgetter``, ``map``), and input already in
    key order (as a store returns it) is not sorted again.
    """

    def __init__(self, companies: Iterable[SyncItem], config: PlannerConfig) -> None:
        fixed, per_document = to_units(config.fixed_cost), to_units(config.cost_per_document)
        rows = list(map(_FIELDS, companies))
        keys, names, explicit, documents = (
            list(map(operator.itemgetter(column), rows)) for column in range(4)
        )
        del rows
        costs = [fixed + per_document * (count or 0) for count in documents]
        if explicit.count(None) != len(explicit):
            for index, cost in enumerate(explicit):
                if cost is None:
                    continue
                if not (cost >= 0 and math.isfinite(cost)):
                    raise PlanningError(f"company {keys[index]}: invalid cost {cost}")
                costs[index] = to_units(cost)
        if all(map(operator.lt, keys, islice(keys, 1, None))):
            self.keys = keys
        else:
            order = sorted(range(len(keys)), key=keys.__getitem__)
            keys = list(map(keys.__getitem__, order))
            costs = list(map(costs.__getitem__, order))
            names = list(map(names.__getitem__, order))
            self.keys = keys
            if any(map(operator.eq, keys, islice(keys, 1, None))):
                twice = next(a for a, b in pairwise(keys) if a == b)
                raise PlanningError(f"company {twice} is listed twice")
        if keys and not keys[0]:
            raise PlanningError("a company has an empty key")
        if min(costs, default=0) < 0:
            raise PlanningError("a company has a negative document count")
        self.costs = array("q", costs)
        unique = sorted(set(names))
        numbers = dict(zip(unique, range(len(unique)), strict=True))
        self.firms = array("l", map(numbers.__getitem__, names))
        sizes = Counter(self.firms)
        self.firm_sizes = [sizes[firm] for firm in range(len(unique))]


def _check_capacity(table: _Table, grid: Grid) -> int | None:
    """The absolute capacity in thousandths; raises when the total or one company cannot fit."""
    if grid.capacity is None:
        return None
    absolute = to_units(grid.capacity)
    slots = len(grid.allowed)
    total, largest = sum(table.costs), max(table.costs, default=0)
    if largest > absolute:
        heaviest = table.keys[table.costs.index(largest)]
        raise _shortfall(table, grid, f"company {heaviest} alone exceeds the capacity of a slot")
    if total > absolute * slots:
        raise _shortfall(table, grid, "the companies do not fit the capacity")
    return absolute


def _shortfall(table: _Table, grid: Grid, what: str) -> InsufficientCapacity:
    slots, capacity = len(grid.allowed), grid.capacity or 0.0
    total, largest = from_units(sum(table.costs)), from_units(max(table.costs, default=0))
    return InsufficientCapacity(
        f"{what}: total cost {total:g} (largest company {largest:g}), {slots} slots "
        f"x capacity {capacity:g} = {slots * capacity:g}",
        total_cost=total,
        capacity=capacity,
        slots=slots,
        largest_cost=largest,
    )


def _previous_slots(previous: Plan, keys: Sequence[str], grid: Grid) -> array[int]:
    """Each company's slot in ``previous`` on this grid (:data:`NEW` if it was not there)."""
    old_keys, old_slots, _ = previous.columns()
    ratio = previous.grid.slot_minutes
    step = grid.slot_minutes
    mapped = (
        old_slots if ratio == step else array("H", (slot * ratio // step for slot in old_slots))
    )
    if old_keys == keys:
        return array("H", mapped)
    where = dict(zip(old_keys, mapped, strict=True))
    return array("H", map(where.get, keys, repeat(NEW)))


def _tolerated(previous: Plan, grid: Grid, costs: Sequence[int]) -> Tolerance:
    """What ``previous`` left in each slot of ``grid``, and the scales to compare it with today
    relative to the mean (integers, so the same inputs compare exactly equal)."""
    keys, old_slots, old_costs = previous.columns()
    ratio, step = previous.grid.slot_minutes, grid.slot_minutes
    if ratio == step:
        load, count = previous.slot_totals()
    else:
        mapped = [slot * ratio // step for slot in old_slots]
        load, count = totals(mapped, old_costs, grid.slots_per_week)
    before, now = len(previous.grid.allowed), len(grid.allowed)
    return Tolerance(
        load=load,
        count=count,
        cost_scale=(sum(costs) * before, max(1, sum(old_costs)) * now),
        count_scale=(len(costs) * before, max(1, len(keys)) * now),
    )


def _balance(
    table: _Table, load: Sequence[int], count: Sequence[int], grid: Grid
) -> tuple[Balance, float, float]:
    allowed = grid.allowed
    total = sum(table.costs)
    mean = total / len(allowed)
    mean_count = len(table.keys) / len(allowed)
    largest = max(table.costs, default=0)

    def ratio(top: int, average: float) -> float:
        return round(top / average, 4) if average else 1.0

    balance = Balance(
        by_cost=ratio(max(load[s] for s in allowed), mean),
        by_count=ratio(max(count[s] for s in allowed), mean_count),
        floor=ratio(max(largest, math.ceil(mean)), mean),
    )
    return balance, from_units(total), from_units(round(mean))


def _room(
    config: PlannerConfig, loads: Sequence[int], allowed: Sequence[int], absolute: int | None
) -> list[int]:
    """Per slot, the onboarding cost one run may take: up to :func:`onboarding_bound` with the
    steady load, and at most ``onboarding_budget``."""
    bound = onboarding_bound(loads, allowed, absolute)
    room = [max(0, bound - load) for load in loads]
    if config.onboarding_budget is None:
        return room
    budget = to_units(config.onboarding_budget)
    return [min(budget, spare) for spare in room]


def _busy(inherited: Mapping[str, Special], table: _Table) -> dict[int, int]:
    """The onboarding cost a previous plan already put at each instant (instant -> cost)."""
    busy: dict[int, int] = {}
    if inherited:
        where = dict(zip(table.keys, table.costs, strict=True))
        for key, (extra, _, first) in inherited.items():
            if first and extra is not None and key in where:
                busy[extra] = busy.get(extra, 0) + where[key]
    return busy


def _shifts(moves: Sequence[Move], near_minutes: float) -> tuple[int, int, int]:
    shifts = sorted(abs(move.shift_minutes) for move in moves)
    if not shifts:
        return 0, 0, 0
    beyond = sum(1 for shift in shifts if shift > near_minutes)
    return beyond, shifts[-1], shifts[max(0, math.ceil(0.99 * len(shifts)) - 1)]


def plan(
    companies: Iterable[SyncItem],
    *,
    grid: Grid,
    now: datetime,
    config: PlannerConfig | None = None,
    previous: Plan | None = None,
) -> Plan:
    """Plan the weekly sync of ``companies`` on ``grid`` at ``now`` (an aware datetime).

    Without ``previous`` the plan is built from scratch (LPT); with it, ``previous`` is repaired
    (existing companies keep their slot unless their slot was lost or is over the repair cap).
    The result depends only on the inputs: never on their order or on ``PYTHONHASHSEED``.

    Raises :class:`govlink.PlanningError` on bad input and :class:`govlink.InsufficientCapacity`
    when the companies do not fit the absolute capacity.
    """
    config = config or PlannerConfig()
    moment = instant(now)
    table = _Table(companies, config)
    absolute = _check_capacity(table, grid)
    allowed = grid.allowed
    costs, firms = table.costs, table.firms
    min_cost = min(costs, default=1) or min((c for c in costs if c), default=1)
    caps = caps_for(
        costs,
        len(allowed),
        config.epsilon,
        config.epsilon_hard,
        absolute,
        min_cost,
    )
    shared = max(1, len(allowed) - caps.heavy)  # the slots not held by a heavy company alone
    firm_caps = (
        [math.ceil(size / shared) + 1 for size in table.firm_sizes] if config.spread_firms else None
    )
    near = math.floor(config.max_shift_hours * 60 / grid.slot_minutes)
    board = Board(
        grid=grid,
        caps=caps,
        firm_caps=firm_caps,
        min_cost=min_cost,
        near_slots=near,
        tolerated=None if previous is None else _tolerated(previous, grid, costs),
    )
    inherited: dict[str, Special] = {}
    raw_moves: list[tuple[int, int, int]] = []
    if previous is None:
        newcomers = sorted(range(len(costs)), key=costs.__getitem__, reverse=True)
        slots, unplaced = lpt(costs, firms, newcomers, allowed, caps, firm_caps)
        removed = 0
    else:
        before = _previous_slots(previous, table.keys, grid)
        fresh = [index for index, slot in enumerate(before) if slot == NEW]
        hashed = [(index, stable_hash(table.keys[index])) for index in fresh]
        placement = repair(board, costs, firms, before, hashed)
        slots, unplaced, raw_moves = placement.slots, placement.unplaced, placement.moves
        newcomers = sorted(fresh, key=costs.__getitem__, reverse=True)
        removed = len(previous) - (len(costs) - len(fresh))
        if moment < previous.pending_until:
            inherited = carry_over(previous.special(), moment)
    if unplaced is not None:
        raise _shortfall(table, grid, f"no room left for company {table.keys[unplaced]}")
    keys, zone = table.keys, grid.zone
    special = {key: inherited[key] for key in keys if key in inherited} if inherited else {}
    moves = []
    if raw_moves:
        last_runs, next_runs = last_before(grid, moment), next_at_or_after(grid, moment)

        @functools.cache
        def soonest(start: int) -> int:
            runs = next_at_or_after(grid, start)
            return min(runs[slot] for slot in allowed)

        for index, source, target in raw_moves:
            shift = board.distance(source, target)
            key = keys[index]
            special[key] = transition(
                grid, special.get(key), source, shift, moment, last_runs, next_runs, soonest
            )
            moves.append(
                Move(
                    key=key,
                    source=grid.slot_time(source),
                    target=grid.slot_time(target),
                    shift_minutes=shift * grid.slot_minutes,
                )
            )
        moves.sort(key=lambda move: move.key)
    if previous is None:
        loads, counts = totals(slots, costs, grid.slots_per_week)
    else:
        loads, counts = board.load, board.count
    first_runs, last_first = onboard(
        grid,
        newcomers,
        slots,
        costs,
        _room(config, loads, allowed, absolute),
        _busy(inherited, table),
        moment,
        round(config.onboarding_horizon_hours * 3600),
    )
    if previous is not None:
        carried = previous.report.last_first_sync
        if carried is not None and carried >= moment:
            last_first = max(carried, last_first or carried)
    for index, at in first_runs.items():
        special[keys[index]] = (at, at + DAY, True)
    balance, total, mean = _balance(table, loads, counts, grid)
    beyond, largest_shift, p99_shift = _shifts(moves, near * grid.slot_minutes)
    report = PlanReport(
        companies=len(keys),
        allowed_slots=len(allowed),
        total_cost=total,
        mean_cost=mean,
        balance=balance,
        added=len(newcomers),
        removed=removed,
        moved=len(moves),
        moved_beyond_shift_cap=beyond,
        max_shift_minutes=largest_shift,
        p99_shift_minutes=p99_shift,
        onboarding=len(first_runs),
        last_first_sync=last_first,
    )
    return Plan(
        grid=grid,
        config=config,
        since=aware(zone, moment),
        keys=keys,
        slots=slots,
        costs=costs,
        special=special,
        moves=tuple(moves),
        report=report,
        totals=(list(loads), list(counts)),
    )
