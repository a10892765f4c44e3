"""When each company actually syncs around a plan change: onboarding and moves.

A steady company syncs at every run of its slot. A company with a *special* schedule
``(extra, weekly_from, onboarding)`` syncs once at ``extra`` (when set) and at the runs of its
slot from ``weekly_from`` on:

- a newcomer whose slot does not run within the onboarding horizon gets an onboarding sync in the
  horizon, spread over the allowed slot runs there (least total load first), and its weekly runs
  start 24 h after it;
- a moved company's next sync is its last sync + 7 days + the shift; when that moment has
  already passed, it syncs once more in its old slot (or, if that slot is gone, at the first
  allowed run 24 h or more after its last sync) and then weekly in the new one. So a moved
  company never skips a week and never syncs twice within 24 h.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Final

from govlink.planner.grid import MINUTES_PER_DAY, Grid
from govlink.planner.timeline import HOUR, WEEK, aware, slot_instants, wall_instant

__all__ = ["DAY", "Special", "carry_over", "onboard", "transition"]

#: ``(extra sync or None, weekly runs from, is an onboarding sync)``, instants in POSIX seconds.
Special = tuple[int | None, int, bool]
DAY: Final = 86400
_SLACK: Final = 3 * HOUR


def carry_over(special: Mapping[str, Special], now: int) -> dict[str, Special]:
    """The special schedules of a previous plan that still matter at ``now``."""
    return {
        key: entry
        for key, entry in special.items()
        if (entry[0] is not None and entry[0] >= now) or entry[1] > now
    }


def transition(
    grid: Grid,
    previous: Special | None,
    source: int,
    shift_slots: int,
    now: int,
    last_runs: Sequence[int],
    next_runs: Sequence[int],
    soonest: Callable[[int], int],
) -> Special:
    """The schedule of a company moved from slot ``source`` by ``shift_slots`` slots at ``now``.

    ``last_runs`` / ``next_runs`` give every slot's last run before / first run at or after
    ``now``; ``soonest(t)`` is the first run of any allowed slot at or after ``t``.
    """
    extra, weekly_from = (None, 0) if previous is None else previous[:2]
    if extra is not None and extra >= now:
        return (extra, extra + DAY, previous is not None and previous[2])
    last = last_runs[source] if last_runs[source] >= weekly_from else None
    if extra is not None and (last is None or extra > last):
        return (None, max(now, extra + DAY), False)
    if last is None:
        return (None, max(now, weekly_from), False)
    zone, step = grid.zone, grid.slot_minutes
    local = aware(zone, last)
    nominal = datetime(local.year, local.month, local.day) + timedelta(
        days=7, minutes=source * step % MINUTES_PER_DAY + shift_slots * step
    )
    due = wall_instant(zone, nominal.date(), nominal.hour * 60 + nominal.minute)
    if due >= now:
        return (None, due, False)
    catch_up = next_runs[source] if grid.mask[source] else soonest(max(now, last + DAY))
    return (catch_up, due + WEEK - _SLACK, False)


def onboard(
    grid: Grid,
    candidates: Sequence[int],
    slots: Sequence[int],
    costs: Sequence[int],
    loads: Sequence[int],
    now: int,
    horizon: int,
    budget: int | None,
) -> dict[int, int]:
    """Onboarding instants for the ``candidates`` (indices, in placement order) whose slot does
    not run within ``horizon`` seconds of ``now``: each goes to the horizon slot run with the
    least load (steady ``loads`` plus onboarding so far) and room under ``budget``."""
    runs = [(at, slot) for at, slot in slot_instants(grid, now, now + horizon) if grid.mask[slot]]
    if not runs:
        return {}
    first = {slot: at for at, slot in reversed(runs)}
    shift = len(runs).bit_length()
    mask = (1 << shift) - 1
    heap = [(loads[slot] << shift) | position for position, (_, slot) in enumerate(runs)]
    heapq.heapify(heap)
    extra = [0] * len(runs)
    result = {}
    for index in candidates:
        if slots[index] in first:
            continue
        cost = costs[index]
        entry = heap[0]
        position = entry & mask
        if budget is not None and extra[position] + cost > budget:
            continue
        extra[position] += cost
        heapq.heapreplace(heap, entry + (cost << shift))
        result[index] = runs[position][0]
    return result
