"""The :class:`Plan`: every company's weekly slot, the slot loads, what changed, and when each
company syncs in any interval."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from datetime import datetime
from types import MappingProxyType

from govlink.errors import PlanningError
from govlink.planner.board import totals
from govlink.planner.grid import Grid
from govlink.planner.model import (
    Assignment,
    Move,
    Occurrence,
    Onboarding,
    PlannerConfig,
    PlanReport,
    SlotLoad,
    SlotTime,
    from_units,
)
from govlink.planner.schedule import Special
from govlink.planner.timeline import aware, slot_instants

__all__ = ["Plan", "instant"]


def instant(when: datetime) -> int:
    """An aware datetime as whole POSIX seconds; a naive one is refused."""
    if when.tzinfo is None or when.utcoffset() is None:
        raise PlanningError(f"{when.isoformat()} has no time zone", code="planner.input")
    return int(when.timestamp())


class Plan:
    """A weekly sync plan. Build one with :func:`govlink.planner.plan`; save it with
    :func:`govlink.planner.dumps` and pass it back as ``previous`` next time.

    Companies are kept in key order; ``since`` is the moment the plan was made (``now``).
    """

    def __init__(
        self,
        *,
        grid: Grid,
        config: PlannerConfig,
        since: datetime,
        keys: list[str],
        slots: array[int],
        costs: array[int],
        special: Mapping[str, Special],
        moves: tuple[Move, ...],
        report: PlanReport,
        totals: tuple[list[int], list[int]] | None = None,
    ) -> None:
        self.grid = grid
        self.config = config
        self.since = since
        self.moves = moves
        self.report = report
        self._keys = keys
        self._slots = slots
        self._costs = costs
        self._special = dict(special)
        self.pending_until = max(
            (max(extra or 0, start) for extra, start, _ in self._special.values()), default=0
        )
        """The instant after which no company's syncs differ from its slot's runs any more."""
        self._totals = totals
        self._index: dict[str, int] | None = None
        self._members: list[list[int]] | None = None

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._positions()

    def __repr__(self) -> str:
        return f"<Plan of {len(self)} companies since {self.since.isoformat()}>"

    def _positions(self) -> dict[str, int]:
        if self._index is None:
            self._index = {key: index for index, key in enumerate(self._keys)}
        return self._index

    def keys(self) -> list[str]:
        """The planned companies' keys, sorted."""
        return list(self._keys)

    def slot_of(self, key: str) -> SlotTime:
        """The weekly slot of company ``key``; raises ``KeyError`` for an unknown key."""
        return self.grid.slot_time(self._slots[self._positions()[key]])

    def assignments(self) -> Iterator[Assignment]:
        """Every company's slot and cost, in key order."""
        slot_time = self.grid.slot_time
        for key, slot, cost in zip(self._keys, self._slots, self._costs, strict=True):
            yield Assignment(key=key, slot=slot_time(slot), cost=from_units(cost))

    def slot_totals(self) -> tuple[list[int], list[int]]:
        """The cost (thousandths) and company count of every slot number (computed once)."""
        if self._totals is None:
            self._totals = totals(self._slots, self._costs, self.grid.slots_per_week)
        return self._totals

    def slot_loads(self) -> tuple[SlotLoad, ...]:
        """The load of every allowed slot, in time order."""
        load, count = self.slot_totals()
        return tuple(
            SlotLoad(
                slot=self.grid.slot_time(slot),
                capacity=self.grid.capacity,
                load=from_units(load[slot]),
                companies=count[slot],
            )
            for slot in self.grid.allowed
        )

    @property
    def onboarding(self) -> tuple[Onboarding, ...]:
        """The pending onboarding syncs of companies new to the plan, in key order."""
        zone = self.grid.zone
        return tuple(
            Onboarding(key=key, at=aware(zone, extra))
            for key, (extra, _, first) in sorted(self._special.items())
            if first and extra is not None
        )

    @property
    def last_first_sync(self) -> datetime | None:
        """When the last company new to this plan syncs for the first time (onboarding sync or
        its slot's first run; ``None``: no newcomer)."""
        at = self.report.last_first_sync
        return None if at is None else aware(self.grid.zone, at)

    def special(self) -> Mapping[str, Special]:
        """The companies whose syncs differ from their slot's runs around this plan's change:
        ``key -> (extra sync, weekly runs from, is onboarding)`` in POSIX seconds (read-only)."""
        return MappingProxyType(self._special)

    def occurrences(self, start: datetime, end: datetime) -> list[Occurrence]:
        """Every sync with ``start <= at < end`` (aware datetimes in the grid's zone), in time
        order, then by key; onboarding and move transitions included."""
        begin, finish = instant(start), instant(end)
        if self._members is None:
            self._members = [[] for _ in range(self.grid.slots_per_week)]
            for index, slot in enumerate(self._slots):
                self._members[slot].append(index)
        special, keys = self._special, self._keys
        found = []
        used = [slot for slot, members in enumerate(self._members) if members]
        for at, slot in slot_instants(self.grid, begin, finish, used):
            for index in self._members[slot]:
                key = keys[index]
                entry = special.get(key)
                if entry is None or at >= entry[1]:
                    found.append((at, key))
        found.extend(
            (extra, key)
            for key, (extra, _, _) in special.items()
            if extra is not None and begin <= extra < finish
        )
        found.sort()
        zone = self.grid.zone
        return [Occurrence(at=aware(zone, at), key=key) for at, key in found]

    def columns(self) -> tuple[list[str], array[int], array[int]]:
        """The raw columns (keys, slot numbers, costs in thousandths), for serialisers."""
        return self._keys, self._slots, self._costs
