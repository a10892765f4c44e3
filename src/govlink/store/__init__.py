"""The platform's side: the store protocols and the embedded SQLite default."""

from govlink.store.base import (
    AppliedChange,
    CompanyReader,
    ImportCounts,
    ImportRun,
    ImportStore,
    PlanStore,
    RunInfo,
    SettingsStore,
    Store,
    StoredPlan,
    WriteProgress,
)
from govlink.store.sqlite import SQLiteStore

__all__ = [
    "AppliedChange",
    "CompanyReader",
    "ImportCounts",
    "ImportRun",
    "ImportStore",
    "PlanStore",
    "RunInfo",
    "SQLiteStore",
    "SettingsStore",
    "Store",
    "StoredPlan",
    "WriteProgress",
]
