"""When each company actually syncs around a plan change: onboarding and moves.

A steady company syncs at every run of its slot. A company with a *special* schedule
``(extra, weekly_from, onboarding)`` syncs once at ``extra`` (when set) and at the runs of its
slot from ``weekly_from`` on:

- a newcomer whose slot does not run within the onboarding horizon gets an onboarding sync in a
  run with spare room (:func:`onboard`), and its weekly runs start 24 h after it; when no run
  before its own slot's has room, its first sync is simply its slot's first run;
- a moved company's next sync is its last sync + 7 days + the shift; when that moment has
  already passed, it syncs once more in its old slot (or, if that slot is gone, at the first
  allowed run 24 h or more after its last sync) and then weekly in the new one. So a moved
  company never skips a week and never syncs twice within 24 h.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Final

from govlink.planner.grid import MINUTES_PER_DAY, Grid
from govlink.planner.timeline import HOUR, WEEK, aware, slot_instants, wall_instant

__all__ = ["DAY", "Special", "carry_over", "onboard", "onboarding_bound", "transition"]

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


def onboarding_bound(loads: Sequence[int], allowed: Sequence[int], capacity: int | None) -> int:
    """The most steady plus onboarding cost one run may carry: twice the mean steady slot load or
    the heaviest steady slot, whichever is higher (never above an absolute ``capacity``)."""
    steady = [loads[slot] for slot in allowed]
    bound = max(2 * sum(steady) // len(steady), max(steady))
    return bound if capacity is None else min(bound, capacity)


def onboard(
    grid: Grid,
    candidates: Sequence[int],
    slots: Sequence[int],
    costs: Sequence[int],
    room: Sequence[int],
    busy: Mapping[int, int],
    now: int,
    horizon: int,
) -> tuple[dict[int, int], int | None]:
    """Onboarding instants for the ``candidates`` (indices, largest first) whose slot does not run
    within ``horizon`` seconds of ``now``, and the instant of the last first sync of any candidate
    (``None`` without candidates).

    Onboarding uses spare room only: ``room[slot]`` is the onboarding cost each run of ``slot``
    may take, less the onboarding already there (``busy``: instant -> cost, from the previous
    plan). Runs are filled in time order over the next 7 days, each with the largest pending
    companies that fit; a company whose own slot runs first needs no onboarding sync.
    """
    result: dict[int, int] = {}
    if not candidates:
        return result, None
    end = now + WEEK + 2 * HOUR  # one run of every allowed slot, even across a DST change
    runs = list(slot_instants(grid, now, end, grid.allowed))
    first = {slot: at for at, slot in reversed(runs)}
    pending: dict[int, list[int]] = {}
    waiting_for: dict[int, list[int]] = {}
    for index in reversed(candidates):
        slot = slots[index]
        if first[slot] >= now + horizon:
            pending.setdefault(costs[index], []).append(index)
            waiting_for.setdefault(slot, []).append(index)
    sizes = sorted(pending)
    done: set[int] = set()
    for at, slot in runs:
        if not sizes:
            break
        done.update(waiting_for.pop(slot, ()))
        spare = room[slot] - busy.get(at, 0)
        while sizes and spare >= sizes[0]:
            size = sizes[bisect_right(sizes, spare) - 1]
            bucket = pending[size]
            index = bucket.pop()
            if not bucket:
                del pending[size]
                sizes.remove(size)
            if index in done:
                continue
            result[index] = at
            spare -= size
    last = max(result.get(index, first[slots[index]]) for index in candidates)
    return result, last
