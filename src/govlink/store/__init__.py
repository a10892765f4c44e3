"""The platform's side: the store protocols and the embedded SQLite default."""

from govlink.store.base import (
    AppliedChange,
    CompanyArchive,
    CompanyPage,
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
from govlink.store.documents import (
    AlertStatus,
    DocumentStore,
    OutboxEntry,
    StoredAlert,
    StoredDocument,
)
from govlink.store.sqlite import SQLiteStore

__all__ = [
    "AlertStatus",
    "AppliedChange",
    "CompanyArchive",
    "CompanyPage",
    "CompanyReader",
    "DocumentStore",
    "ImportCounts",
    "ImportRun",
    "ImportStore",
    "OutboxEntry",
    "PlanStore",
    "RunInfo",
    "SQLiteStore",
    "SettingsStore",
    "Store",
    "StoredAlert",
    "StoredDocument",
    "StoredPlan",
    "WriteProgress",
]
