"""govlink: import, reconcile and sync Belgian client companies for accounting firms.

The names below are the public API; modules and names starting with an underscore are private.
``import govlink`` loads the pure core's errors, domain value types and reconciler only; every
other name here (the overwrite policy, the planner, documents and alerts, :func:`ingest`,
:data:`hookimpl`) is imported on first use (:pep:`562`), so the workflows, the store, pluggy,
httpx, smtplib and openpyxl load only when something needs them. The rest lives in its
subpackage: ``govlink.workflows``, ``govlink.store``, ``govlink.plugins``, ``govlink.connectors``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from govlink._lazy import lazy_names
from govlink.domain import (
    COMPANY_FIELDS,
    Company,
    EnterpriseNumber,
    InvalidRecord,
    NumberCandidates,
    Problem,
    RawRecord,
    ReasonCode,
    RecordWarning,
    SkippedRecord,
    SourceRef,
    Validator,
    ValidRecord,
    WarningCode,
    validate,
)
from govlink.errors import (
    ConfigurationError,
    ConnectorError,
    DeliveryUncertain,
    DomainError,
    EmptyWorkbook,
    EncryptedWorkbook,
    FatalConnectorError,
    GovlinkError,
    HeaderNotFound,
    InsufficientCapacity,
    InvalidDocument,
    InvalidEnterpriseNumber,
    PlanningError,
    PluginError,
    RateLimited,
    RetriableConnectorError,
    SheetNotFound,
    SourceError,
    StaleStoreError,
    StoreError,
    UnknownSource,
    Unreachable,
    UnsafeWorkbook,
    WorkbookError,
    WorkbookFormatError,
)
from govlink.reconcile import ChangeKind, FieldChange, ImportDiff, Match, reconcile

if TYPE_CHECKING:
    from govlink.domain.alerts import Alert, AlertKind
    from govlink.domain.documents import Document, DocumentKind
    from govlink.planner import Grid, Plan, PlannerConfig, SyncItem, plan
    from govlink.plugins import hookimpl
    from govlink.reconcile.policy import ALL, ApplyPlan, Selection, Update, plan_apply
    from govlink.workflows.ingesting import IngestReport, ingest

__version__ = "0.1.0.dev0"

__all__ = [
    "ALL",
    "COMPANY_FIELDS",
    "Alert",
    "AlertKind",
    "ApplyPlan",
    "ChangeKind",
    "Company",
    "ConfigurationError",
    "ConnectorError",
    "DeliveryUncertain",
    "Document",
    "DocumentKind",
    "DomainError",
    "EmptyWorkbook",
    "EncryptedWorkbook",
    "EnterpriseNumber",
    "FatalConnectorError",
    "FieldChange",
    "GovlinkError",
    "Grid",
    "HeaderNotFound",
    "ImportDiff",
    "IngestReport",
    "InsufficientCapacity",
    "InvalidDocument",
    "InvalidEnterpriseNumber",
    "InvalidRecord",
    "Match",
    "NumberCandidates",
    "Plan",
    "PlannerConfig",
    "PlanningError",
    "PluginError",
    "Problem",
    "RateLimited",
    "RawRecord",
    "ReasonCode",
    "RecordWarning",
    "RetriableConnectorError",
    "Selection",
    "SheetNotFound",
    "SkippedRecord",
    "SourceError",
    "SourceRef",
    "StaleStoreError",
    "StoreError",
    "SyncItem",
    "UnknownSource",
    "Unreachable",
    "UnsafeWorkbook",
    "Update",
    "ValidRecord",
    "Validator",
    "WarningCode",
    "WorkbookError",
    "WorkbookFormatError",
    "__version__",
    "hookimpl",
    "ingest",
    "plan",
    "plan_apply",
    "reconcile",
    "validate",
]

#: The names imported on first use, by the module each comes from.
_LAZY_MODULES: Final = {
    "govlink.domain.alerts": ("Alert", "AlertKind"),
    "govlink.domain.documents": ("Document", "DocumentKind"),
    "govlink.planner": ("Grid", "Plan", "PlannerConfig", "SyncItem", "plan"),
    "govlink.plugins": ("hookimpl",),
    "govlink.reconcile.policy": ("ALL", "ApplyPlan", "Selection", "Update", "plan_apply"),
    "govlink.workflows.ingesting": ("IngestReport", "ingest"),
}


__getattr__, __dir__ = lazy_names(__name__, _LAZY_MODULES, globals())
