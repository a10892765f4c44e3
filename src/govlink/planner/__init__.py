"""The MyMinfin sync planner: balanced, stable, DST-correct weekly slots. Pure: no I/O, no clock.

``plan(companies, grid=..., now=..., previous=...)`` gives a :class:`Plan`; see docs/planner.md.
"""

from govlink.planner.grid import DEFAULT_BLOCK, DEFAULT_WINDOWS, Grid
from govlink.planner.hashing import stable_hash
from govlink.planner.model import (
    Assignment,
    Balance,
    Move,
    Occurrence,
    Onboarding,
    PlannerConfig,
    PlanReport,
    SlotLoad,
    SlotTime,
    SyncItem,
)
from govlink.planner.planner import plan
from govlink.planner.result import Plan
from govlink.planner.serialise import dumps, loads
from govlink.planner.spec import Window, parse_windows

__all__ = [
    "DEFAULT_BLOCK",
    "DEFAULT_WINDOWS",
    "Assignment",
    "Balance",
    "Grid",
    "Move",
    "Occurrence",
    "Onboarding",
    "Plan",
    "PlanReport",
    "PlannerConfig",
    "SlotLoad",
    "SlotTime",
    "SyncItem",
    "Window",
    "dumps",
    "loads",
    "parse_windows",
    "plan",
    "stable_hash",
]
