"""Canonical JSON of a plan: identical inputs give byte-identical text, which loads back.

Keys are sorted, separators fixed, costs are integer thousandths and instants POSIX seconds, so
nothing depends on dict order, float printing or the process.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final

import attrs

from govlink.errors import PlanningError
from govlink.planner.grid import Grid
from govlink.planner.model import Balance, Move, PlannerConfig, PlanReport
from govlink.planner.result import Plan
from govlink.planner.spec import parse_windows

__all__ = [
    "FORMAT",
    "dumps",
    "grid_fields",
    "grid_from_fields",
    "loads",
    "report_from_fields",
    "saved_move",
]

FORMAT: Final = 1


def grid_fields(grid: Grid) -> dict[str, Any]:
    """The grid as plain values: windows and blocked periods as lists of SPEC strings."""
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
        "grid": grid_fields(plan.grid),
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
        grid = grid_from_fields(document["grid"])
        rows = document["assignments"]
        moves = tuple(saved_move(grid, *move) for move in document["moves"])
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
            report=report_from_fields(document["report"]),
        )
    except PlanningError:
        raise
    except (ValueError, KeyError, TypeError, OverflowError) as error:
        raise PlanningError(f"invalid saved plan: {error}", code="planner.saved") from error


def grid_from_fields(fields: Mapping[str, Any]) -> Grid:
    """A grid back from :func:`grid_fields`."""
    return Grid(
        windows=tuple(w for spec in fields["windows"] for w in parse_windows(spec)),
        blocked=tuple(w for spec in fields["blocked"] for w in parse_windows(spec)),
        capacity=fields["capacity"],
        slot_minutes=fields["slot_minutes"],
        timezone=fields["timezone"],
    )


def report_from_fields(fields: Mapping[str, Any]) -> PlanReport:
    """A report back from ``attrs.asdict(report)``."""
    return PlanReport(**{**fields, "balance": Balance(**fields["balance"])})


def saved_move(grid: Grid, key: str, source: int, target: int) -> Move:
    """A saved move (slot numbers on ``grid``), with its signed nearest wall-clock shift."""
    width = grid.slots_per_week
    half = width // 2
    shift = (target - source + half) % width - half
    return Move(
        key=key,
        source=grid.slot_time(source),
        target=grid.slot_time(target),
        shift_minutes=shift * grid.slot_minutes,
    )
