"""Reconciliation: the pure reconciler, its result model and the overwrite policy. No I/O.

The overwrite policy (:mod:`govlink.reconcile.policy`) is imported on first use of one of its
names (:pep:`562`): a preview does not need it, and ``import govlink`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from govlink.reconcile.model import ChangeKind, FieldChange, ImportDiff, Match
from govlink.reconcile.reconciler import diff_companies, reconcile

if TYPE_CHECKING:
    from govlink.reconcile.policy import (
        ALL,
        OVERWRITABLE_FIELDS,
        AllType,
        ApplyPlan,
        Selection,
        Update,
        plan_apply,
    )

__all__ = [
    "ALL",
    "OVERWRITABLE_FIELDS",
    "AllType",
    "ApplyPlan",
    "ChangeKind",
    "FieldChange",
    "ImportDiff",
    "Match",
    "Selection",
    "Update",
    "diff_companies",
    "plan_apply",
    "reconcile",
]

_POLICY: Final = frozenset(
    {"ALL", "OVERWRITABLE_FIELDS", "AllType", "ApplyPlan", "Selection", "Update", "plan_apply"}
)


def __getattr__(name: str) -> Any:
    if name not in _POLICY:
        raise AttributeError(f"module 'govlink.reconcile' has no attribute {name!r}")
    from govlink.reconcile import policy

    value = getattr(policy, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_POLICY})
