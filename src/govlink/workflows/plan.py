"""The planning workflow: plan the weekly MyMinfin sync of the store's companies against the
saved plan and save the result; list the companies due in an interval.

Services and the CLI both call these functions; the CLI only renders what they return.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import UTC, datetime, timedelta
from typing import Final, Literal, TypeAlias

import attrs

from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.sentinel import Sentinel
from govlink.errors import PlanningError, StaleStoreError
from govlink.planner import Grid, Occurrence, Plan, PlannerConfig, PlanReport, SyncItem, plan
from govlink.planner.spec import parse_windows
from govlink.store.base import PlanStore, StoredPlan
from govlink.store.sync import SyncStore
from govlink.workflows.costs import measured_costs

__all__ = [
    "SAVED",
    "DueCompany",
    "PlanResult",
    "SavedType",
    "due",
    "due_companies",
    "due_interval",
    "make_plan",
    "moment",
]

_ATTEMPTS: Final = 3
_YEARS: Final = range(2, 9999)
_RELATIVE: Final = re.compile(r"([+-])\s*(\d{1,6})\s*([mhdw])")
_UNITS: Final = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_DAYS: Final = {"today": 0, "tomorrow": 1, "yesterday": -1}


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
    measured: bool = True,
) -> PlanResult:
    """Plan the weekly sync of every company in ``store`` at ``now`` and save the plan.

    The saved plan is the previous plan (existing companies keep their slot). What is not given
    is kept from it, or defaults when none is saved: ``windows`` and ``block`` are window SPECs
    (``block=""``: none), ``capacity`` the absolute cost per slot (``None``: none), ``config``
    the planner's settings. A naive ``now`` is a wall-clock time in the plan's zone.

    A company's cost is ``costs[number]`` when given (an override, e.g. the costs file), else
    its load measured by the sync (:func:`~govlink.workflows.costs.measured_costs`, when
    ``measured`` and the store keeps the sync's state), else ``1 + 0.1 x documents[number]``
    (the documents received in the last 12 weeks, 0 when unknown); all map the compact
    enterprise number. If another process saves a plan meanwhile, the run is planned again on
    top of it.

    :raises PlanningError: a bad SPEC or cost; :raises InsufficientCapacity: the companies do not
        fit ``capacity`` (nothing saved).
    """
    explicit, documents = costs or {}, documents or {}
    if measured and isinstance(store, SyncStore):
        costs = {**measured_costs(store.sync_companies()), **explicit}
    else:
        costs = dict(explicit)
    attempt = 1
    while True:
        stored = store.load_plan()
        previous = None if stored is None else stored.plan
        grid = _grid(None if previous is None else previous.grid, windows, block, capacity)
        archived = store.archived()
        everyone = [company.enterprise_number for company in store.companies()]
        numbers = [number.compact for number in everyone if number not in archived]
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
                unknown_costs=tuple(sorted(set(explicit).difference(n.compact for n in everyone))),
            )


def _saved(store: PlanStore) -> StoredPlan:
    stored = store.load_plan()
    if stored is None:
        raise PlanningError("no sync plan saved yet: make one first", code="planner.no_plan")
    return stored


def due(
    store: PlanStore, start: datetime, end: datetime, *, only: Collection[str] | None = None
) -> list[Occurrence]:
    """Every sync of the saved plan with ``start <= at < end``, onboarding and move transitions
    included, in time order then by enterprise number; ``at`` is aware, in the plan's zone.
    Archived companies are left out (their slot stays in the plan until the next planning run).

    ``only``: the compact enterprise numbers to list (one office's companies); ``None``: all.

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
    archived = {number.compact for number in store.archived()}
    wanted = None if only is None else frozenset(only)
    return [
        o
        for o in saved.occurrences(begin, finish)
        if o.key not in archived and (wanted is None or o.key in wanted)
    ]


def moment(text: str, *, now: datetime, base: datetime | None = None) -> datetime:
    """One end of a due interval, as a person types it.

    ``now``; ``today``, ``tomorrow``, ``yesterday`` (midnight in ``now``'s zone); ``+7d``,
    ``-2h`` (units ``m``, ``h``, ``d``, ``w``; counted from ``base``, default ``now``, in
    wall-clock time); or an ISO date or date-time (naive: read in the plan's zone by
    :func:`due`).

    >>> now = datetime(2026, 3, 25, 14, 30, tzinfo=UTC)
    >>> moment("today", now=now).isoformat(), moment("+7d", now=now, base=now).isoformat()
    ('2026-03-25T00:00:00+00:00', '2026-04-01T14:30:00+00:00')

    :raises PlanningError: ``planner.moment`` for anything else.
    """
    word = " ".join(text.split()).casefold()
    if word == "now":
        return now
    if word in _DAYS:
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        return midnight + timedelta(days=_DAYS[word])
    relative = _RELATIVE.fullmatch(word)
    if relative is not None:
        sign, amount, unit = relative.groups()
        step = timedelta(**{_UNITS[unit]: int(amount)})
        try:
            return (now if base is None else base) + (step if sign == "+" else -step)
        except OverflowError as error:
            raise PlanningError(f"{text!r} is out of range", code="planner.moment") from error
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise PlanningError(
            f"{text!r} is not a time: give now, today, tomorrow, +7d, -2h or an ISO date-time "
            "(e.g. 2026-03-23T09:00 or 2026-03-23T09:00+01:00)",
            code="planner.moment",
        ) from None


@attrs.frozen(kw_only=True)
class DueCompany:
    """One sync due: the company (its name, ``None`` if no longer on the platform) and when."""

    enterprise_number: EnterpriseNumber
    name: str | None
    at: datetime


def due_interval(
    store: PlanStore,
    start: datetime | str,
    end: datetime | str,
    *,
    now: datetime | None = None,
) -> tuple[datetime, datetime]:
    """``start`` and ``end`` as times :func:`due` takes: :func:`moment` texts are read at
    ``now`` (default: the current time) in the plan's zone, a relative ``end`` counting from
    ``start``; a naive ISO time stays naive (a wall-clock time in the plan's zone).

    :raises PlanningError: no plan is saved yet, or a text that is not a moment.
    """
    grid = _saved(store).plan.grid
    current = _local(now or datetime.now(UTC), grid).astimezone(grid.zone)
    begin = start if isinstance(start, datetime) else moment(start, now=current)
    finish = end if isinstance(end, datetime) else moment(end, now=current, base=begin)
    return begin, finish


def due_companies(
    store: PlanStore,
    start: datetime | str = "today",
    end: datetime | str = "+7d",
    *,
    now: datetime | None = None,
    only: Collection[str] | None = None,
) -> list[DueCompany]:
    """The syncs due from ``start`` up to ``end`` with each company's name, as :func:`due`
    lists them; by default this week (from today's midnight for 7 days).

    ``start`` and ``end`` may be :func:`moment` texts, read at ``now`` (default: the current
    time) in the plan's zone; a relative ``end`` counts from ``start``; ``only`` as in
    :func:`due`.

    :raises PlanningError: as :func:`due`, or a text that is not a moment.
    """
    begin, finish = due_interval(store, start, end, now=now)
    names = {company.enterprise_number.compact: company.name for company in store.companies()}
    return [
        DueCompany(
            enterprise_number=EnterpriseNumber.from_trusted(o.key), name=names.get(o.key), at=o.at
        )
        for o in due(store, begin, finish, only=only)
    ]
