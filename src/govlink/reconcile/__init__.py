"""Reconciliation: the pure reconciler, its result model and the overwrite policy. No I/O."""

from govlink.reconcile.model import ChangeKind, FieldChange, ImportDiff, Match
from govlink.reconcile.policy import (
    ALL,
    OVERWRITABLE_FIELDS,
    AllType,
    ApplyPlan,
    Selection,
    Update,
    plan_apply,
)
from govlink.reconcile.reconciler import diff_companies, reconcile

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
