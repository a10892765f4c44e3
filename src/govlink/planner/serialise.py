"""Canonical JSON of a plan: identical inputs give byte-identical text, which loads back.

Keys are sorted, separators fixed, costs are integer thousandths and instants POSIX seconds, so
nothing depends on dict order, float printing or the process.
"""

from __future__ import annotations

import json
from array import array
from datetime import datetime
from typing import Any, Final

import attrs

from govlink.errors import PlanningError
from govlink.planner.grid import Grid
from govlink.planner.model import Balance, Move, PlannerConfig, PlanReport
from govlink.planner.result import Plan
from govlink.planner.spec import parse_windows

__all__ = ["FORMAT", "dumps", "loads"]

FORMAT: Final = 1


def _grid(grid: Grid) -> dict[str, Any]:
    return {
        "timezone": grid.timezone,
        "slot_minutes": grid.slot_minutes,
        "windows": [str(window) for window in grid.windows],
        "blocked": [str(window) for window in grid.blocked],
        "capacity": grid.capacity,
    }


def dumps(plan: Plan) -> str:
    """The plan as canonical JSON text."""
    keys, slots, costs = plan.columns()
    document = {
        "format": FORMAT,
        "since": plan.since.isoformat(),
        "grid": _grid(plan.grid),
        "config": attrs.asdict(plan.config),
        "assignments": [list(row) for row in zip(keys, slots, costs, strict=True)],
        "special": sorted([key, *entry] for key, entry in plan.special().items()),
        "moves": [
            [move.key, plan.grid.slot_at(move.source), plan.grid.slot_at(move.target)]
            for move in plan.moves
        ],
        "report": attrs.asdict(plan.report),
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def loads(text: str) -> Plan:
    """A plan back from :func:`dumps` text; raises :class:`govlink.PlanningError` if invalid."""
    try:
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise PlanningError("not a saved plan of a supported format", code="planner.saved")
        raw_grid = document["grid"]
        grid = Grid(
            windows=tuple(w for spec in raw_grid["windows"] for w in parse_windows(spec)),
            blocked=tuple(w for spec in raw_grid["blocked"] for w in parse_windows(spec)),
            capacity=raw_grid["capacity"],
            slot_minutes=raw_grid["slot_minutes"],
            timezone=raw_grid["timezone"],
        )
        rows = document["assignments"]
        step = grid.slot_minutes
        moves = tuple(
            Move(
                key=key,
                source=grid.slot_time(source),
                target=grid.slot_time(target),
                shift_minutes=_shift(grid, source, target) * step,
            )
            for key, source, target in document["moves"]
        )
        report = dict(document["report"])
        report["balance"] = Balance(**report["balance"])
        return Plan(
            grid=grid,
            config=PlannerConfig(**document["config"]),
            since=datetime.fromisoformat(document["since"]),
            keys=[row[0] for row in rows],
            slots=array("H", (row[1] for row in rows)),
            costs=array("q", (row[2] for row in rows)),
            special={
                key: (extra, start, bool(first)) for key, extra, start, first in document["special"]
            },
            moves=moves,
            report=PlanReport(**report),
        )
    except PlanningError:
        raise
    except (ValueError, KeyError, TypeError, OverflowError) as error:
        raise PlanningError(f"invalid saved plan: {error}", code="planner.saved") from error


def _shift(grid: Grid, source: int, target: int) -> int:
    width = grid.slots_per_week
    half = width // 2
    return (target - source + half) % width - half
