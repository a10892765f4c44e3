"""The one set of reason codes: why a record is invalid, and what is worth a warning.

Every code is a stable string (``enterprise_number.checksum``) documented in
``docs/reason-codes.md``; :class:`~govlink.errors.InvalidEnterpriseNumber` carries one of
:data:`ENTERPRISE_NUMBER_REASONS` as its ``code``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

__all__ = ["ENTERPRISE_NUMBER_REASONS", "ReasonCode", "WarningCode"]


class ReasonCode(StrEnum):
    """Why a record is invalid. A record may carry several."""

    ENTERPRISE_NUMBER_MISSING = "enterprise_number.missing"
    ENTERPRISE_NUMBER_FORMAT = "enterprise_number.format"
    ENTERPRISE_NUMBER_LENGTH = "enterprise_number.length"
    ENTERPRISE_NUMBER_CHECKSUM = "enterprise_number.checksum"
    ENTERPRISE_NUMBER_ESTABLISHMENT_UNIT = "enterprise_number.establishment_unit"
    ENTERPRISE_NUMBER_PLACEHOLDER = "enterprise_number.placeholder"
    ENTERPRISE_NUMBER_DUPLICATE = "enterprise_number.duplicate"
    ENTERPRISE_NUMBER_CONFLICT = "enterprise_number.conflict"
    NAME_MISSING = "name.missing"
    EMAIL_INVALID = "email.invalid"
    LANGUAGE_INVALID = "language.invalid"
    VALUE_CONTROL_CHARACTERS = "value.control_characters"
    VALUE_TOO_LONG = "value.too_long"


class WarningCode(StrEnum):
    """Something worth fixing that does not make a record invalid."""

    RESPONSIBLE_MISSING = "responsible.missing"
    RESPONSIBLE_UNKNOWN = "responsible.unknown"
    RESPONSIBLE_NOT_EMAIL = "responsible.not_email"
    COMPANY_ARCHIVED = "company.archived"


#: The codes a value that is not an enterprise number gets (``InvalidEnterpriseNumber.code``).
ENTERPRISE_NUMBER_REASONS: Final = (
    ReasonCode.ENTERPRISE_NUMBER_MISSING,
    ReasonCode.ENTERPRISE_NUMBER_FORMAT,
    ReasonCode.ENTERPRISE_NUMBER_LENGTH,
    ReasonCode.ENTERPRISE_NUMBER_CHECKSUM,
    ReasonCode.ENTERPRISE_NUMBER_ESTABLISHMENT_UNIT,
    ReasonCode.ENTERPRISE_NUMBER_PLACEHOLDER,
)
