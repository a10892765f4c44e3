"""The window SPEC language: ``Mon-Fri 08:00-18:00``, ``Mon-Sun 22:00-06:00``, ``Sun 02:00-06:00``.

A SPEC is one or more windows separated by ``;``. A window is a day part (``Mon``, ``Mon-Fri``,
``Fri-Mon``, ``Mon,Wed,Fri``) and a time range ``HH:MM-HH:MM``. Days are English, Dutch or
French, short or in full, in any case, with or without a dot: ``Mon``/``Monday``,
``ma``/``maandag``, ``lun``/``lundi`` (so ``ma-vr 08:00-18:00`` and ``lun-ven 08:00-18:00``).
The range starts on each listed day; an end at or before the start wraps past midnight into the
next day, and ``24:00`` means midnight at the end of the day.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from govlink.errors import PlanningError

__all__ = ["DAY_NAMES", "Window", "parse_windows"]

DAY_NAMES: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Monday to Sunday: English, Dutch and French, short and full. No short name is another
# day's (French two-letter forms would be: "ma" is maandag, "di" dinsdag).
_DAY_WORDS: Final = (
    ("mon", "monday", "ma", "maandag", "lun", "lundi"),
    ("tue", "tuesday", "di", "dinsdag", "mar", "mardi"),
    ("wed", "wednesday", "wo", "woensdag", "mer", "mercredi"),
    ("thu", "thursday", "do", "donderdag", "jeu", "jeudi"),
    ("fri", "friday", "vr", "vrijdag", "ven", "vendredi"),
    ("sat", "saturday", "za", "zaterdag", "sam", "samedi"),
    ("sun", "sunday", "zo", "zondag", "dim", "dimanche"),
)
_DAY_INDEX: Final = {word: i for i, words in enumerate(_DAY_WORDS) for word in words}
_WINDOW: Final = re.compile(
    r"^\s*(?P<days>[A-Za-z.,\s-]+?)\s+(?P<start>\d\d?:\d\d)\s*-\s*(?P<end>\d\d?:\d\d)\s*$"
)
_MINUTES_PER_DAY: Final = 1440


@attrs.frozen
class Window:
    """A weekly recurring period: from ``start`` minutes after midnight on each of ``days``
    (0 = Monday) for ``length`` minutes (up to 24 h, possibly past midnight)."""

    days: tuple[int, ...]
    start: int
    length: int

    def minutes(self) -> list[tuple[int, int]]:
        """The covered ``[begin, end)`` minutes of the week (a range may pass the week end)."""
        return [
            (d * _MINUTES_PER_DAY + self.start, d * _MINUTES_PER_DAY + self.start + self.length)
            for d in self.days
        ]

    def __str__(self) -> str:
        end = (self.start + self.length) % _MINUTES_PER_DAY
        if end == 0 and self.start + self.length == _MINUTES_PER_DAY:
            end_text = "24:00"
        else:
            end_text = _clock(end)
        return f"{','.join(DAY_NAMES[d] for d in self.days)} {_clock(self.start)}-{end_text}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _time(text: str, spec: str, *, allow_24: bool) -> int:
    hours, minutes = (int(part) for part in text.split(":"))
    if minutes >= 60 or hours > 24 or (hours == 24 and (minutes or not allow_24)):
        raise PlanningError(f"invalid time {text!r} in window {spec!r}", code="planner.spec")
    return hours * 60 + minutes


def _day(name: str, spec: str) -> int:
    index = _DAY_INDEX.get(name.strip().rstrip(".").casefold())
    if index is None:
        raise PlanningError(
            f"unknown day {name.strip()!r} in window {spec!r} (e.g. Mon, ma, lun)",
            code="planner.spec",
        )
    return index


def _days(text: str, spec: str) -> tuple[int, ...]:
    days: list[int] = []
    for part in text.split(","):
        if "-" in part:
            first, last = (_day(name, spec) for name in part.split("-", 1))
            days.extend((first + i) % 7 for i in range((last - first) % 7 + 1))
        else:
            days.append(_day(part, spec))
    return tuple(sorted(set(days)))


def parse_windows(spec: str) -> tuple[Window, ...]:
    """Parse a SPEC into windows; raises :class:`govlink.PlanningError` on anything else."""
    windows = []
    for text in spec.split(";"):
        if not text.strip():
            continue
        match = _WINDOW.match(text)
        if match is None:
            raise PlanningError(
                f"invalid window {text.strip()!r}: expected e.g. 'Mon-Fri 08:00-18:00'",
                code="planner.spec",
            )
        start = _time(match["start"], text.strip(), allow_24=False)
        end = _time(match["end"], text.strip(), allow_24=True)
        length = (end - start) % _MINUTES_PER_DAY or _MINUTES_PER_DAY
        windows.append(Window(_days(match["days"], text.strip()), start, length))
    if not windows:
        raise PlanningError(f"empty window SPEC {spec!r}", code="planner.spec")
    return tuple(windows)
