"""The platform's side: the store protocols, the embedded SQLite default and, by URL, the
PostgreSQL store (``govlink[postgres]``)."""

from govlink.store._open import is_url, open_store
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
    AlertStore,
    DocumentArchive,
    DocumentStore,
    OutboxEntry,
    OutboxStore,
    StoredAlert,
    StoredDocument,
)
from govlink.store.offices import DEFAULT_OFFICE, OfficeDirectory
from govlink.store.sqlite import SQLiteStore

__all__ = [
    "DEFAULT_OFFICE",
    "AlertStatus",
    "AlertStore",
    "AppliedChange",
    "CompanyArchive",
    "CompanyPage",
    "CompanyReader",
    "DocumentArchive",
    "DocumentStore",
    "ImportCounts",
    "ImportRun",
    "ImportStore",
    "OfficeDirectory",
    "OutboxEntry",
    "OutboxStore",
    "PlanStore",
    "RunInfo",
    "SQLiteStore",
    "SettingsStore",
    "Store",
    "StoredAlert",
    "StoredDocument",
    "StoredPlan",
    "WriteProgress",
    "is_url",
    "open_store",
]
