"""The saved sync plan in two tables (shared by the SQLite and PostgreSQL stores).

``sync_plan`` holds one row: the revision, when the plan was made (``made_at``, the planner's
``now``) and saved, the grid and config it was made with, and its report. ``sync_plan_companies``
holds every company's weekly slot (local weekday and minute), its cost in thousandths, its
pending one-off sync and the instant its weekly runs start from (onboarding or a move in
progress), and the slot it moved from in this run. Instants are UTC text, second precision.
"""

from __future__ import annotations

import functools
import json
import time
from array import array
from datetime import UTC, datetime
from typing import Any, Final

import attrs

from govlink.clock import utc_timestamp
from govlink.errors import StaleStoreError
from govlink.planner.grid import MINUTES_PER_DAY
from govlink.planner.model import PlannerConfig
from govlink.planner.result import Plan
from govlink.planner.serialise import (
    grid_fields,
    grid_from_fields,
    report_from_fields,
    saved_move,
)
from govlink.store._sql import Connection
from govlink.store.base import StoredPlan

__all__ = ["read_plan", "write_plan"]

_HEADER: Final = (
    "revision",
    "made_at",
    "saved_at",
    "timezone",
    "slot_minutes",
    "windows",
    "blocked",
    "capacity",
    "config",
    "report",
)
_ROW: Final = (
    "enterprise_number",
    "weekday",
    "minute",
    "cost_milli",
    "once_at",
    "weekly_from",
    "onboarding",
    "moved_from_weekday",
    "moved_from_minute",
)
_INSTANT: Final = "%Y-%m-%dT%H:%M:%SZ"


@functools.lru_cache(maxsize=4096)
def _text(instant: int | None) -> str | None:
    """An instant as UTC text (cached: a plan's pending instants are a few slot runs)."""
    return None if instant is None else time.strftime(_INSTANT, time.gmtime(instant))


@functools.lru_cache(maxsize=4096)
def _instant(text: str) -> int:
    return int(datetime.fromisoformat(text).timestamp())


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _revision(db: Connection) -> int | None:
    row = db.execute("SELECT revision FROM sync_plan").fetchone()
    return None if row is None else int(row[0])


def write_plan(db: Connection, plan: Plan, replaces: int | None, *, now: datetime) -> StoredPlan:
    """Replace the saved plan with ``plan`` inside the caller's write transaction, saved ``now``."""
    current = _revision(db)
    if current != replaces:
        raise StaleStoreError(
            f"another sync plan was saved meanwhile (revision {current}, expected {replaces}); "
            "nothing was written, plan again"
        )
    grid = plan.grid
    fields = grid_fields(grid)
    saved_at = now.astimezone(UTC).replace(microsecond=0)
    revision = (current or 0) + 1
    db.execute("DELETE FROM sync_plan_companies")
    db.execute("DELETE FROM sync_plan")
    db.execute(
        f"INSERT INTO sync_plan (id, {', '.join(_HEADER)}) VALUES (1, {', '.join('?' * 10)})",
        (
            revision,
            plan.since.isoformat(),
            utc_timestamp(saved_at),
            grid.timezone,
            grid.slot_minutes,
            _json(fields["windows"]),
            _json(fields["blocked"]),
            grid.capacity,
            _json(attrs.asdict(plan.config)),
            _json(attrs.asdict(plan.report)),
        ),
    )
    special = plan.special()
    moved = {move.key: move.source for move in plan.moves}
    keys, slots, costs = plan.columns()
    step = grid.slot_minutes
    rows = []
    for key, slot, cost in zip(keys, slots, costs, strict=True):
        minute = slot * step
        extra, weekly_from, first = special.get(key, (None, None, False))
        source = moved.get(key)
        rows.append(
            (
                key,
                minute // MINUTES_PER_DAY,
                minute % MINUTES_PER_DAY,
                cost,
                _text(extra),
                _text(weekly_from),
                int(first),
                None if source is None else source.weekday,
                None if source is None else source.minute,
            )
        )
    db.executemany(
        f"INSERT INTO sync_plan_companies ({', '.join(_ROW)}) VALUES ({', '.join('?' * 9)})", rows
    )
    return StoredPlan(plan=plan, revision=revision, saved_at=saved_at)


def read_plan(db: Connection) -> StoredPlan | None:
    """The saved plan, or ``None``."""
    header = db.execute(f"SELECT {', '.join(_HEADER)} FROM sync_plan").fetchone()
    if header is None:
        return None
    grid = grid_from_fields(
        {
            "timezone": header["timezone"],
            "slot_minutes": header["slot_minutes"],
            "windows": json.loads(header["windows"]),
            "blocked": json.loads(header["blocked"]),
            "capacity": header["capacity"],
        }
    )
    step = grid.slot_minutes
    keys: list[str] = []
    slots: array[int] = array("H")
    costs: array[int] = array("q")
    special = {}
    moves = []
    for row in db.execute(
        f"SELECT {', '.join(_ROW)} FROM sync_plan_companies ORDER BY enterprise_number"
    ):
        key = row[0]
        keys.append(key)
        slot = (row[1] * MINUTES_PER_DAY + row[2]) // step
        slots.append(slot)
        costs.append(row[3])
        if row[5] is not None:
            extra = None if row[4] is None else _instant(row[4])
            special[key] = (extra, _instant(row[5]), bool(row[6]))
        if row[7] is not None:
            moves.append(saved_move(grid, key, (row[7] * MINUTES_PER_DAY + row[8]) // step, slot))
    plan = Plan(
        grid=grid,
        config=PlannerConfig(**json.loads(header["config"])),
        since=datetime.fromisoformat(header["made_at"]),
        keys=keys,
        slots=slots,
        costs=costs,
        special=special,
        moves=tuple(moves),
        report=report_from_fields(json.loads(header["report"])),
    )
    return StoredPlan(
        plan=plan,
        revision=header["revision"],
        saved_at=datetime.fromisoformat(header["saved_at"]),
    )
