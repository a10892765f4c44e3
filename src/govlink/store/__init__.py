"""The platform's side: the store protocols and the embedded SQLite default."""

from govlink.store.base import (
    AppliedChange,
    CompanyReader,
    ImportCounts,
    ImportRun,
    ImportStore,
    RunInfo,
    SettingsStore,
    Store,
    WriteProgress,
)
from govlink.store.sqlite import SQLiteStore

__all__ = [
    "AppliedChange",
    "CompanyReader",
    "ImportCounts",
    "ImportRun",
    "ImportStore",
    "RunInfo",
    "SQLiteStore",
    "SettingsStore",
    "Store",
    "WriteProgress",
]
