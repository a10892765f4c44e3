"""The application layer: what the CLI and services call. Each workflow composes a source or
registry, a store and the pure core.

Each name here is imported from its module on first use (:pep:`562`): ``govlink import`` loads
the import workflow, not the sync, document or push ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from govlink._lazy import lazy_names

if TYPE_CHECKING:
    from govlink.workflows.alerts import (
        ALERT_LANGUAGE,
        FALLBACK_RECIPIENT,
        alert_status,
        deliver_alerts,
    )
    from govlink.workflows.companies import (
        MANUAL_SOURCE,
        ArchiveResult,
        CompanyEdit,
        archive_companies,
        edit_company,
        restore_companies,
    )
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
    from govlink.workflows.plan import (
        SAVED,
        DueCompany,
        PlanResult,
        due,
        due_companies,
        due_interval,
        make_plan,
        moment,
    )
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
    from govlink.workflows.settings import (
        CORE_SETTINGS,
        known_settings,
        set_setting,
    )

__all__ = [
    "ALERT_LANGUAGE",
    "CORE_SETTINGS",
    "FALLBACK_RECIPIENT",
    "MANUAL_SOURCE",
    "SAVED",
    "ArchiveResult",
    "CompanyEdit",
    "DueCompany",
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
    "archive_companies",
    "deliver_alerts",
    "disable_sink",
    "due",
    "due_companies",
    "due_interval",
    "edit_company",
    "enable_sink",
    "ingest",
    "ingest_files",
    "known_settings",
    "make_plan",
    "moment",
    "preview_import",
    "push",
    "push_status",
    "read_costs",
    "restore_companies",
    "set_setting",
]

#: The names imported on first use, by the module each comes from.
_HOMES: Final = {
    "govlink.workflows.alerts": (
        "ALERT_LANGUAGE",
        "FALLBACK_RECIPIENT",
        "alert_status",
        "deliver_alerts",
    ),
    "govlink.workflows.companies": (
        "MANUAL_SOURCE",
        "ArchiveResult",
        "CompanyEdit",
        "archive_companies",
        "edit_company",
        "restore_companies",
    ),
    "govlink.workflows.costs": ("read_costs",),
    "govlink.workflows.importing": (
        "ImportPreview",
        "ImportResult",
        "ReadProgress",
        "apply_import",
        "preview_import",
    ),
    "govlink.workflows.ingesting": (
        "IngestReport",
        "IngestStore",
        "RejectedDocument",
        "ingest",
        "ingest_files",
    ),
    "govlink.workflows.plan": (
        "SAVED",
        "DueCompany",
        "PlanResult",
        "due",
        "due_companies",
        "due_interval",
        "make_plan",
        "moment",
    ),
    "govlink.workflows.pushing": (
        "PushOptions",
        "PushReport",
        "PushStatus",
        "PushStore",
        "disable_sink",
        "enable_sink",
        "push",
        "push_status",
    ),
    "govlink.workflows.settings": ("CORE_SETTINGS", "known_settings", "set_setting"),
}
__getattr__, __dir__ = lazy_names(__name__, _HOMES, globals())
