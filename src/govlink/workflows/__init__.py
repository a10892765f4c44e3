"""The application layer: what the CLI and services call. Each workflow composes a source or
registry, a store and the pure core."""

from govlink.workflows.alerts import FALLBACK_RECIPIENT, configure_notifiers, deliver_alerts
from govlink.workflows.importing import (
    ImportPreview,
    ImportResult,
    ReadProgress,
    apply_import,
    preview_import,
)
from govlink.workflows.ingest import IngestReport, IngestStore, RejectedDocument, ingest

__all__ = [
    "FALLBACK_RECIPIENT",
    "ImportPreview",
    "ImportResult",
    "IngestReport",
    "IngestStore",
    "ReadProgress",
    "RejectedDocument",
    "apply_import",
    "configure_notifiers",
    "deliver_alerts",
    "ingest",
    "preview_import",
]
