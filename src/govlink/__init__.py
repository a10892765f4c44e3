"""govlink: import, reconcile and sync Belgian client companies for accounting firms.

The names below are the public API; modules and names starting with an underscore are private.
"""

from govlink.domain import (
    COMPANY_FIELDS,
    Company,
    EnterpriseNumber,
    InvalidRecord,
    Problem,
    RawRecord,
    ReasonCode,
    RecordWarning,
    SourceRef,
    Validator,
    ValidRecord,
    WarningCode,
    validate,
)
from govlink.domain.alerts import Alert, AlertKind
from govlink.domain.documents import Document, DocumentKind
from govlink.errors import (
    ConfigurationError,
    ConnectorError,
    DomainError,
    FatalConnectorError,
    GovlinkError,
    InvalidEnterpriseNumber,
    PluginError,
    RateLimited,
    RetriableConnectorError,
    SourceError,
    StoreError,
)
from govlink.reconcile import (
    ALL,
    ApplyPlan,
    ChangeKind,
    FieldChange,
    ImportDiff,
    Match,
    Selection,
    Update,
    plan_apply,
    reconcile,
)
from govlink.workflows.ingest import IngestReport, ingest

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
    "Document",
    "DocumentKind",
    "DomainError",
    "EnterpriseNumber",
    "FatalConnectorError",
    "FieldChange",
    "GovlinkError",
    "ImportDiff",
    "IngestReport",
    "InvalidEnterpriseNumber",
    "InvalidRecord",
    "Match",
    "PluginError",
    "Problem",
    "RateLimited",
    "RawRecord",
    "ReasonCode",
    "RecordWarning",
    "RetriableConnectorError",
    "Selection",
    "SourceError",
    "SourceRef",
    "StoreError",
    "Update",
    "ValidRecord",
    "Validator",
    "WarningCode",
    "__version__",
    "ingest",
    "plan_apply",
    "reconcile",
    "validate",
]
