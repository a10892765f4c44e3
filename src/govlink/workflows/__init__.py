"""The application layer: what the CLI and services call. Each workflow composes a source or
registry, a store and the pure core."""

from govlink.workflows.alerts import FALLBACK_RECIPIENT, alert_status, deliver_alerts
from govlink.workflows.costs import read_costs
from govlink.workflows.importing import (
    ImportPreview,
    ImportResult,
    ReadProgress,
    apply_import,
    preview_import,
)
from govlink.workflows.ingesting import (
    IngestReport,
    IngestStore,
    RejectedDocument,
    ingest,
    ingest_files,
)
from govlink.workflows.plan import SAVED, PlanResult, due, make_plan
from govlink.workflows.pushing import (
    PushOptions,
    PushReport,
    PushStatus,
    PushStore,
    disable_sink,
    enable_sink,
    push,
    push_status,
)
from govlink.workflows.settings import CORE_SETTINGS, known_settings, set_setting

__all__ = [
    "CORE_SETTINGS",
    "FALLBACK_RECIPIENT",
    "SAVED",
    "ImportPreview",
    "ImportResult",
    "IngestReport",
    "IngestStore",
    "PlanResult",
    "PushOptions",
    "PushReport",
    "PushStatus",
    "PushStore",
    "ReadProgress",
    "RejectedDocument",
    "alert_status",
    "apply_import",
    "deliver_alerts",
    "disable_sink",
    "due",
    "enable_sink",
    "ingest",
    "ingest_files",
    "known_settings",
    "make_plan",
    "preview_import",
    "push",
    "push_status",
    "read_costs",
    "set_setting",
]
