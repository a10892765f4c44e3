"""The pure domain core: enterprise number, Company, raw records and validation. No I/O."""

from govlink.domain.company import COMPANY_FIELDS, Company, FieldPolicy, field_policy
from govlink.domain.enterprise_number import EnterpriseNumber, EnterpriseNumberReason, is_valid
from govlink.domain.records import RawRecord, SourceRef
from govlink.domain.validation import (
    InvalidRecord,
    Problem,
    ReasonCode,
    RecordWarning,
    Validator,
    ValidRecord,
    WarningCode,
    validate,
)

__all__ = [
    "COMPANY_FIELDS",
    "Company",
    "EnterpriseNumber",
    "EnterpriseNumberReason",
    "FieldPolicy",
    "InvalidRecord",
    "Problem",
    "RawRecord",
    "ReasonCode",
    "RecordWarning",
    "SourceRef",
    "ValidRecord",
    "Validator",
    "WarningCode",
    "field_policy",
    "is_valid",
    "validate",
]
