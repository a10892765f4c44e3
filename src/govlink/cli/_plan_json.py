"""The ``--json`` documents of ``govlink plan`` and ``govlink due`` (schemas in docs/cli.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from govlink.planner import Plan, SlotTime
from govlink.workflows.plan import DueCompany

__all__ = ["due_json", "plan_json"]


def _slot(slot: SlotTime) -> dict[str, Any]:
    return {"weekday": slot.weekday, "time": slot.time}


def plan_json(plan: Plan) -> dict[str, Any]:
    """The ``govlink plan --json`` document."""
    report, last = plan.report, plan.last_first_sync
    return {
        "timezone": plan.grid.timezone,
        "slot_minutes": plan.grid.slot_minutes,
        "companies": len(plan),
        "assignments": [
            {"enterprise_number": a.key, **_slot(a.slot), "cost": a.cost}
            for a in plan.assignments()
        ],
        "slots": [
            {**_slot(s.slot), "capacity": s.capacity, "load": s.load, "companies": s.companies}
            for s in plan.slot_loads()
        ],
        "balance": {
            "by_cost": report.balance.by_cost,
            "by_count": report.balance.by_count,
            "floor": report.balance.floor,
        },
        "moved": [
            {"enterprise_number": m.key, "from": _slot(m.source), "to": _slot(m.target)}
            for m in plan.moves
        ],
        "last_first_sync": None if last is None else last.isoformat(),
        "onboarding": [
            {"enterprise_number": o.key, "at": o.at.isoformat()} for o in plan.onboarding
        ],
    }


def due_json(due: Iterable[DueCompany]) -> dict[str, Any]:
    """The ``govlink due --json`` document."""
    return {
        "due": [
            {
                "enterprise_number": d.enterprise_number.compact,
                "name": d.name,
                "at": d.at.isoformat(),
            }
            for d in due
        ]
    }
