"""Slot loads under caps, and the search for the nearest slot in time with room.

A :class:`Board` holds the cost, company count and per-firm count of every slot, and the caps
of each :class:`Tier`. :meth:`Board.nearest` walks the allowed slots by distance in time from a
source slot and returns the first that fits; since placement only adds load, it remembers per
source and tier where the saturated prefix ends, so a long run of placements stays linear.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import IntEnum

import attrs

from govlink.planner.grid import Grid

__all__ = ["Board", "Caps", "Tier", "Tolerance", "caps_for", "totals"]

_UNLIMITED = 1 << 62


class Tier(IntEnum):
    """How tight a placement is: under the placement cap, under the repair cap, or only under
    the absolute capacity (relative, count and firm caps ignored)."""

    PLACE = 0
    HARD = 1
    ABSOLUTE = 2


@attrs.frozen
class Caps:
    """Cost caps (integer thousandths) and count caps, one per :class:`Tier`; ``heavy`` is the
    number of companies heavier than the placement cost cap (each sits alone)."""

    cost: tuple[int, int, int]
    count: tuple[int, int, int]
    absolute: int | None
    heavy: int = 0


@attrs.frozen
class Tolerance:
    """What the previous plan left in each slot: ``load`` and ``count`` per slot number, and the
    ``cost_scale`` / ``count_scale`` ``(today, then)`` that compare them relative to the mean:
    ``value`` now is above ``then`` when ``value * scale[1] > then * scale[0]``."""

    load: Sequence[int]
    count: Sequence[int]
    cost_scale: tuple[int, int]
    count_scale: tuple[int, int]

    def worse(self, slot: int, load: int, count: int) -> tuple[bool, bool]:
        """Whether ``slot``'s load and count are above, relative to the mean, what it had."""
        (cost_now, cost_then), (count_now, count_then) = self.cost_scale, self.count_scale
        return (
            load * cost_then > self.load[slot] * cost_now,
            count * count_then > self.count[slot] * count_now,
        )


def caps_for(
    costs: Sequence[int],
    slots: int,
    epsilon: float,
    epsilon_hard: float,
    absolute: int | None,
    min_cost: int,
) -> Caps:
    """The caps for companies of ``costs`` over ``slots`` allowed slots.

    A relative cost cap is never below the mean plus the smallest cost. A count cap is never below
    the mean count rounded up, nor below what the other slots need when each company heavier than
    the placement cost cap sits alone: ``ceil((n - k) / (S - k))`` for ``k`` such companies. So
    tiny populations are not found over a cap no plan can meet, and a slot holding an outlier does
    not have to take small companies because the others are full.
    """
    total, companies = sum(costs), len(costs)
    mean, mean_count = total / slots, companies / slots
    limit = _UNLIMITED if absolute is None else absolute
    place = min(limit, max(math.floor((1 + epsilon) * mean), math.floor(mean) + min_cost))
    hard = min(limit, max(math.floor((1 + epsilon_hard) * mean), math.floor(mean) + min_cost))
    heavy = sum(1 for cost in costs if cost > place)
    alone = math.ceil((companies - heavy) / (slots - heavy)) if heavy < slots else 0

    def count_cap(eps: float) -> int:
        return max(math.ceil(mean_count), math.floor((1 + eps) * mean_count + 1e-9), alone)

    return Caps(
        cost=(place, hard, limit),
        count=(count_cap(epsilon), count_cap(epsilon_hard), _UNLIMITED),
        absolute=absolute,
        heavy=heavy,
    )


def totals(slots: Sequence[int], costs: Sequence[int], width: int) -> tuple[list[int], list[int]]:
    """The summed cost and the company count of each of ``width`` slots."""
    load, count = [0] * width, [0] * width
    for slot, cost in zip(slots, costs, strict=True):
        load[slot] += cost
        count[slot] += 1
    return load, count


class Board:
    """The mutable loads of one planning run (indexed by slot number)."""

    def __init__(
        self,
        *,
        grid: Grid,
        caps: Caps,
        firm_caps: Sequence[int] | None,
        min_cost: int,
        near_slots: int,
        tolerated: Tolerance | None = None,
    ) -> None:
        self.slots = grid.slots_per_week
        self.allowed = grid.allowed
        self.mask = grid.mask
        self.caps = caps
        self.firm_caps = firm_caps
        self.min_cost = min_cost
        self.near_slots = near_slots
        self.tolerated = tolerated
        self.load = [0] * self.slots
        self.count = [0] * self.slots
        self.firm: dict[int, int] = {}
        self._orders: dict[int, list[int]] = {}
        self._near: dict[int, int] = {}
        self._memo: dict[tuple[int, int], int] = {}

    def add(self, slot: int, cost: int, firm: int) -> None:
        """Put one company of ``cost`` and ``firm`` in ``slot``."""
        self.load[slot] += cost
        self.count[slot] += 1
        if self.firm_caps is not None:
            key = firm << 16 | slot
            self.firm[key] = self.firm.get(key, 0) + 1

    def remove(self, slot: int, cost: int, firm: int) -> None:
        """Take one company out of ``slot``. Only a slot above the repair cap may lose load once
        :meth:`nearest` has run: it is saturated for every relative tier anyway."""
        self.load[slot] -= cost
        self.count[slot] -= 1
        if self.firm_caps is not None:
            self.firm[firm << 16 | slot] -= 1

    def over(self, slot: int) -> bool:
        """Whether ``slot`` needs repair: above the absolute capacity, or holding more than one
        company above the repair cap (by cost or count) and above what the previous plan left
        there relative to the mean (``tolerated``). So a slot the previous plan left above the
        cap on purpose (no room within the shift cap, a company heavier than any room) is not
        repaired again unless it got worse."""
        caps, load, count = self.caps, self.load[slot], self.count[slot]
        if caps.absolute is not None and load > caps.absolute:
            return True
        if count <= 1:
            return False
        cost_over, count_over = load > caps.cost[Tier.HARD], count > caps.count[Tier.HARD]
        if self.tolerated is not None and (cost_over or count_over):
            worse_cost, worse_count = self.tolerated.worse(slot, load, count)
            cost_over, count_over = cost_over and worse_cost, count_over and worse_count
        return cost_over or count_over

    def fits(self, slot: int, cost: int, firm: int, tier: Tier) -> bool:
        """Whether a company of ``cost`` and ``firm`` may join ``slot`` under ``tier``; an empty
        slot takes any company within the absolute capacity."""
        count = self.count[slot]
        if count == 0:
            return cost <= self.caps.cost[Tier.ABSOLUTE]
        if count >= self.caps.count[tier] or self.load[slot] + cost > self.caps.cost[tier]:
            return False
        if tier is Tier.ABSOLUTE or self.firm_caps is None:
            return True
        return self.firm.get(firm << 16 | slot, 0) < self.firm_caps[firm]

    def _saturated(self, slot: int, tier: Tier) -> bool:
        count = self.count[slot]
        return count > 0 and (
            count >= self.caps.count[tier] or self.caps.cost[tier] - self.load[slot] < self.min_cost
        )

    def distance(self, source: int, target: int) -> int:
        """The signed nearest shift in slots from ``source`` to ``target`` on the weekly circle."""
        half = self.slots // 2
        return (target - source + half) % self.slots - half

    def _order(self, source: int) -> list[int]:
        order = self._orders.get(source)
        if order is None:
            order = sorted(
                self.allowed,
                key=lambda t: (abs(self.distance(source, t)), self.distance(source, t) < 0),
            )
            self._orders[source] = order
            self._near[source] = sum(
                1 for t in order if abs(self.distance(source, t)) <= self.near_slots
            )
        return order

    def nearest(
        self, source: int, cost: int, firm: int, tier: Tier, *, near: bool, leave: bool
    ) -> int | None:
        """The nearest allowed slot to ``source`` in time where the company fits under ``tier``
        (only within the shift cap when ``near``; never ``source`` itself when ``leave``)."""
        order = self._order(source)
        stop = self._near[source] if near else len(order)
        start = self._memo.get((source, tier), 0)
        while start < stop and self._saturated(order[start], tier):
            start += 1
        self._memo[source, tier] = start
        for index in range(start, stop):
            target = order[index]
            if self.fits(target, cost, firm, tier) and not (leave and target == source):
                return target
        return None

    def place(
        self,
        source: int,
        cost: int,
        firm: int,
        *,
        leave: bool,
        last_resort: bool = True,
        moving: bool = False,
    ) -> int | None:
        """The nearest slot with room, tightest tier first: placement cap then repair cap within
        the shift cap, then (unless ``moving``) the same anywhere; failing all, the least-loaded
        slot under the absolute capacity (within the shift cap if any, nearest on ties) when
        ``last_resort``, or ``None``.

        ``moving`` is for an existing company: the shift cap is hard, so it never leaves the
        shift cap unless no slot within it is under the absolute capacity.
        """
        tiers = [(Tier.PLACE, True), (Tier.HARD, True)]
        if not moving:
            tiers += [(Tier.PLACE, False), (Tier.HARD, False)]
        for tier, near in tiers:
            slot = self.nearest(source, cost, firm, tier, near=near, leave=leave)
            if slot is not None:
                return slot
        if not last_resort:
            return None
        order = self._order(source)
        candidates = [
            slot
            for slot in order
            if self.fits(slot, cost, firm, Tier.ABSOLUTE) and not (leave and slot == source)
        ]
        close = set(order[: self._near[source]])
        return min(
            candidates,
            key=lambda slot: (slot not in close, self.load[slot]),
            default=None,
        )
