"""The weekly slot grid: local wall-clock slots, allowed windows, blocked periods and capacity.

Slot ``s`` starts ``s * slot_minutes`` minutes after Monday 00:00 local time. A slot is allowed
when its start lies in a window and no part of it touches a blocked period.
"""

from __future__ import annotations

from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from govlink.errors import PlanningError
from govlink.planner.model import SlotTime
from govlink.planner.spec import Window, parse_windows

__all__ = ["DEFAULT_BLOCK", "DEFAULT_WINDOWS", "MINUTES_PER_DAY", "MINUTES_PER_WEEK", "Grid"]

MINUTES_PER_DAY: Final = 1440
MINUTES_PER_WEEK: Final = 7 * MINUTES_PER_DAY
DEFAULT_WINDOWS: Final = "Mon-Sun 00:00-24:00"
#: The spring-forward gap and the repeated autumn hour of Europe/Brussels: Sunday 02:00-03:00.
DEFAULT_BLOCK: Final = "Sun 02:00-03:00"


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise PlanningError(f"unknown time zone {name!r}", code="planner.spec") from error


def _marks(windows: tuple[Window, ...]) -> bytearray:
    marks = bytearray(MINUTES_PER_WEEK)
    for window in windows:
        for begin, end in window.minutes():
            for minute in range(begin, end):
                marks[minute % MINUTES_PER_WEEK] = 1
    return marks


@attrs.frozen
class Grid:
    """Where syncs may run: the slots of a week in ``timezone`` and their capacity.

    ``allowed`` lists the allowed slot numbers in time order; ``mask[slot]`` is 1 for those.

    ``capacity`` is the absolute cost one slot may carry (``None``: no absolute limit, only the
    planner's relative caps). Build one from SPEC strings with :meth:`parse`.
    """

    windows: tuple[Window, ...] = attrs.field(factory=lambda: parse_windows(DEFAULT_WINDOWS))
    blocked: tuple[Window, ...] = attrs.field(factory=lambda: parse_windows(DEFAULT_BLOCK))
    capacity: float | None = None
    slot_minutes: int = 15
    timezone: str = "Europe/Brussels"
    allowed: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    mask: bytes = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.slot_minutes <= 0 or MINUTES_PER_DAY % self.slot_minutes:
            raise PlanningError(
                f"slot length {self.slot_minutes} min does not divide a day", code="planner.spec"
            )
        if self.capacity is not None and not self.capacity > 0:
            raise PlanningError(
                f"capacity must be positive, got {self.capacity}", code="planner.spec"
            )
        _zone(self.timezone)
        inside, blocked = _marks(self.windows), _marks(self.blocked)
        step = self.slot_minutes
        allowed = tuple(
            slot
            for slot in range(MINUTES_PER_WEEK // step)
            if inside[slot * step] and not any(blocked[slot * step : (slot + 1) * step])
        )
        if not allowed:
            raise PlanningError("the windows leave no allowed slot", code="planner.spec")
        mask = bytearray(MINUTES_PER_WEEK // step)
        for slot in allowed:
            mask[slot] = 1
        object.__setattr__(self, "allowed", allowed)
        object.__setattr__(self, "mask", bytes(mask))

    @classmethod
    def parse(
        cls,
        windows: str | None = None,
        block: str | None = None,
        *,
        capacity: float | None = None,
        slot_minutes: int = 15,
        timezone: str = "Europe/Brussels",
    ) -> Grid:
        """A grid from SPEC strings (``None``: the whole week / the default Sunday block).

        Pass ``block=""`` for no blocked period at all.
        """
        return cls(
            windows=parse_windows(windows if windows is not None else DEFAULT_WINDOWS),
            blocked=parse_windows(block if block is not None else DEFAULT_BLOCK)
            if block != ""
            else (),
            capacity=capacity,
            slot_minutes=slot_minutes,
            timezone=timezone,
        )

    @property
    def zone(self) -> ZoneInfo:
        """The time zone the slots are wall-clock times in."""
        return _zone(self.timezone)

    @property
    def slots_per_week(self) -> int:
        """The number of slots in a week, allowed or not."""
        return MINUTES_PER_WEEK // self.slot_minutes

    def slot_time(self, slot: int) -> SlotTime:
        """The weekday and local start time of ``slot``."""
        minute = slot * self.slot_minutes
        return SlotTime(minute // MINUTES_PER_DAY, minute % MINUTES_PER_DAY)

    def slot_at(self, when: SlotTime) -> int:
        """The slot that starts at ``when``; raises :class:`govlink.PlanningError` off the grid."""
        minute = when.weekday * MINUTES_PER_DAY + when.minute
        if minute % self.slot_minutes or not 0 <= minute < MINUTES_PER_WEEK:
            raise PlanningError(f"{when} is not a slot start", code="planner.input")
        return minute // self.slot_minutes
