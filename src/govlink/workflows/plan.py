"""The planning workflow: plan the weekly MyMinfin sync of the store's companies against the
saved plan and save the result; list the companies due in an interval.

Services and the CLI both call these functions; the CLI only renders what they return.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Final, Literal, TypeAlias

import attrs

from govlink.domain.sentinel import Sentinel
from govlink.errors import PlanningError, StaleStoreError
from govlink.planner import Grid, Occurrence, Plan, PlannerConfig, PlanReport, SyncItem, plan
from govlink.planner.spec import parse_windows
from govlink.store.base import PlanStore, StoredPlan

__all__ = ["SAVED", "PlanResult", "SavedType", "due", "make_plan"]

_ATTEMPTS: Final = 3
_YEARS: Final = range(2, 9999)


class _Saved(Sentinel):
    SAVED = "saved"


#: "As the saved plan has it" (the default when there is no saved plan yet).
SAVED: Final = _Saved.SAVED
SavedType: TypeAlias = Literal[_Saved.SAVED]


@attrs.frozen(kw_only=True)
class PlanResult:
    """A saved planning run: the new plan, its store revision, and the companies of ``costs``
    that are not in the store (ignored)."""

    plan: Plan
    revision: int
    unknown_costs: tuple[str, ...] = ()

    @property
    def report(self) -> PlanReport:
        """What the run did: sizes, balance, churn and shifts."""
        return self.plan.report


def _grid(
    saved: Grid | None,
    windows: str | SavedType,
    block: str | SavedType,
    capacity: float | SavedType | None,
) -> Grid:
    base = saved or Grid()
    return attrs.evolve(
        base,
        windows=base.windows if windows is SAVED else parse_windows(windows),
        blocked=base.blocked if block is SAVED else (parse_windows(block) if block.strip() else ()),
        capacity=base.capacity if capacity is SAVED else capacity,
    )


def _local(moment: datetime, grid: Grid) -> datetime:
    """``moment``, a naive one read as a wall-clock time in the grid's zone."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=grid.zone)


def make_plan(
    store: PlanStore,
    *,
    now: datetime,
    windows: str | SavedType = SAVED,
    block: str | SavedType = SAVED,
    capacity: float | SavedType | None = SAVED,
    costs: Mapping[str, float] | None = None,
    documents: Mapping[str, int] | None = None,
    config: PlannerConfig | None = None,
) -> PlanResult:
    """Plan the weekly sync of every company in ``store`` at ``now`` and save the plan.

    The saved plan is the previous plan (existing companies keep their slot). What is not given
    is kept from it, or defaults when none is saved: ``windows`` and ``block`` are window SPECs
    (``block=""``: none), ``capacity`` the absolute cost per slot (``None``: none), ``config``
    the planner's settings. A naive ``now`` is a wall-clock time in the plan's zone.

    A company's cost is ``costs[number]`` when given, else ``1 + 0.1 x documents[number]`` (the
    documents received in the last 12 weeks, 0 when unknown); both map the compact enterprise
    number. If another process saves a plan meanwhile, the run is planned again on top of it.

    :raises PlanningError: a bad SPEC or cost; :raises InsufficientCapacity: the companies do not
        fit ``capacity`` (nothing saved).
    """
    costs, documents = costs or {}, documents or {}
    attempt = 1
    while True:
        stored = store.load_plan()
        previous = None if stored is None else stored.plan
        grid = _grid(None if previous is None else previous.grid, windows, block, capacity)
        numbers = [company.enterprise_number.compact for company in store.companies()]
        items = [
            SyncItem(key=number, documents=documents.get(number), cost=costs.get(number))
            for number in numbers
        ]
        made = plan(
            items,
            grid=grid,
            now=_local(now, grid),
            config=config or (None if previous is None else previous.config),
            previous=previous,
        )
        try:
            saved = store.save_plan(made, replaces=None if stored is None else stored.revision)
        except StaleStoreError:
            if attempt == _ATTEMPTS:
                raise
            attempt += 1
        else:
            return PlanResult(
                plan=saved.plan,
                revision=saved.revision,
                unknown_costs=tuple(sorted(set(costs).difference(numbers))),
            )


def _saved(store: PlanStore) -> StoredPlan:
    stored = store.load_plan()
    if stored is None:
        raise PlanningError("no sync plan saved yet: make one first", code="planner.no_plan")
    return stored


def due(store: PlanStore, start: datetime, end: datetime) -> list[Occurrence]:
    """Every sync of the saved plan with ``start <= at < end``, onboarding and move transitions
    included, in time order then by enterprise number; ``at`` is aware, in the plan's zone.

    Naive ``start`` / ``end`` are wall-clock times in the plan's zone.

    :raises PlanningError: no plan is saved yet, ``end`` is before ``start``, or either lies
        outside the years 2 to 9998 (the calendar arithmetic needs a margin on both sides).
    """
    for moment in (start, end):
        if moment.year not in _YEARS:
            raise PlanningError(
                f"{moment.isoformat()} is out of range: give a time in the years "
                f"{_YEARS.start} to {_YEARS.stop - 1}"
            )
    saved = _saved(store).plan
    begin, finish = _local(start, saved.grid), _local(end, saved.grid)
    if finish < begin:
        raise PlanningError(
            f"the interval ends ({finish.isoformat()}) before it starts ({begin.isoformat()})"
        )
    return saved.occurrences(begin, finish)
