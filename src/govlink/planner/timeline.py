"""Weekly slots as real instants: the DST-correct mapping from wall-clock slots to time.

A slot is a local wall-clock time. On a given date it maps to the aware instant of that wall time
with ``fold=0``: a time repeated when clocks go back runs once, at its first occurrence; a time
skipped when clocks go forward runs at the same instant as the previous week's offset would give,
which is the first existing local time after the gap (02:30 → 03:30 in Europe/Brussels). So
consecutive runs of a slot are 7 local days apart: 168 h, or 167 / 169 h across a change.

Instants are whole POSIX seconds (``int``) inside the planner.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from govlink.planner.grid import MINUTES_PER_DAY, Grid

__all__ = [
    "HOUR",
    "WEEK",
    "aware",
    "last_before",
    "next_at_or_after",
    "slot_instants",
    "wall_instant",
]

WEEK: Final = 7 * 86400
HOUR: Final = 3600


def wall_instant(zone: ZoneInfo, day: date, minute: int) -> int:
    """The POSIX second of local wall time ``day`` + ``minute`` in ``zone`` (see module doc)."""
    naive = datetime(day.year, day.month, day.day) + timedelta(minutes=minute)
    return int(naive.replace(tzinfo=zone).astimezone(UTC).timestamp())


def aware(zone: ZoneInfo, instant: int) -> datetime:
    """A POSIX second as an aware local datetime (with the right ``fold``)."""
    return datetime.fromtimestamp(instant, zone)


def slot_instants(
    grid: Grid, start: int, end: int, slots: Iterable[int] | None = None
) -> Iterator[tuple[int, int]]:
    """Every ``(instant, slot)`` of the ``slots`` of ``grid`` (default: all) with
    ``start <= instant < end``, in time order (slots of one instant by slot number)."""
    zone, step = grid.zone, grid.slot_minutes
    per_day = MINUTES_PER_DAY // step
    wanted: list[list[int]] = [[] for _ in range(7)]
    for slot in range(grid.slots_per_week) if slots is None else sorted(slots):
        wanted[slot // per_day].append(slot % per_day)
    first = aware(zone, start).date() - timedelta(days=1)
    last = aware(zone, end).date() + timedelta(days=1)
    found = []
    day = first
    while day <= last:
        base = day.weekday() * per_day
        for index in wanted[day.weekday()]:
            instant = wall_instant(zone, day, index * step)
            if start <= instant < end:
                found.append((instant, base + index))
        day += timedelta(days=1)
    found.sort()
    yield from found


def next_at_or_after(grid: Grid, instant: int) -> list[int]:
    """For every slot, its first run at or after ``instant``."""
    result = [0] * grid.slots_per_week
    seen = bytearray(grid.slots_per_week)
    for at, slot in slot_instants(grid, instant, instant + WEEK + 2 * HOUR):
        if not seen[slot]:
            seen[slot] = 1
            result[slot] = at
    return result


def last_before(grid: Grid, instant: int) -> list[int]:
    """For every slot, its last run before ``instant``."""
    result = [0] * grid.slots_per_week
    for at, slot in slot_instants(grid, instant - WEEK - 2 * HOUR, instant):
        result[slot] = at
    return result
