"""The pure domain core: enterprise number, Company, raw records and validation. No I/O."""

from govlink.domain.company import COMPANY_FIELDS, Company, FieldPolicy, field_policy
from govlink.domain.enterprise_number import EnterpriseNumber, is_valid
from govlink.domain.reasons import ENTERPRISE_NUMBER_REASONS, ReasonCode, WarningCode
from govlink.domain.records import (
    NumberCandidates,
    RawRecord,
    RowMapping,
    SkippedRecord,
    SourceRef,
    row_record,
)
from govlink.domain.validation import (
    InvalidRecord,
    Problem,
    RecordWarning,
    Validator,
    ValidRecord,
    validate,
)

__all__ = [
    "COMPANY_FIELDS",
    "ENTERPRISE_NUMBER_REASONS",
    "Company",
    "EnterpriseNumber",
    "FieldPolicy",
    "InvalidRecord",
    "NumberCandidates",
    "Problem",
    "RawRecord",
    "ReasonCode",
    "RecordWarning",
    "RowMapping",
    "SkippedRecord",
    "SourceRef",
    "ValidRecord",
    "Validator",
    "WarningCode",
    "field_policy",
    "is_valid",
    "row_record",
    "validate",
]
