"""The application layer: what the CLI and services call. Each workflow composes a source or
registry, a store and the pure core."""

from govlink.workflows.costs import read_costs
from govlink.workflows.importing import (
    ImportPreview,
    ImportResult,
    ReadProgress,
    apply_import,
    preview_import,
)
from govlink.workflows.plan import SAVED, PlanResult, due, make_plan

__all__ = [
    "SAVED",
    "ImportPreview",
    "ImportResult",
    "PlanResult",
    "ReadProgress",
    "apply_import",
    "due",
    "make_plan",
    "preview_import",
    "read_costs",
]
