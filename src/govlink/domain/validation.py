"""Validation: a raw source record becomes a Company, or an invalid record listing every problem.

>>> from govlink.domain.records import RawRecord, SourceRef
>>> ref = SourceRef(source="excel", row=7)
>>> result = validate(RawRecord(fields={"enterprise_number": "0417497107", "email": "x@"}, ref=ref))
>>> [p.code for p in result.problems]
['enterprise_number.checksum', 'name.missing', 'email.invalid']
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from enum import StrEnum
from typing import Any, Final

import attrs

from govlink.domain import normalize
from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.records import RawRecord, SourceRef
from govlink.errors import InvalidEnterpriseNumber

__all__ = [
    "InvalidRecord",
    "Problem",
    "ReasonCode",
    "RecordWarning",
    "ValidRecord",
    "Validator",
    "WarningCode",
    "validate",
]


class ReasonCode(StrEnum):
    """Why a record is invalid. A record may carry several."""

    ENTERPRISE_NUMBER_MISSING = "enterprise_number.missing"
    ENTERPRISE_NUMBER_FORMAT = "enterprise_number.format"
    ENTERPRISE_NUMBER_LENGTH = "enterprise_number.length"
    ENTERPRISE_NUMBER_CHECKSUM = "enterprise_number.checksum"
    ENTERPRISE_NUMBER_ESTABLISHMENT_UNIT = "enterprise_number.establishment_unit"
    ENTERPRISE_NUMBER_DUPLICATE = "enterprise_number.duplicate"
    ENTERPRISE_NUMBER_CONFLICT = "enterprise_number.conflict"
    NAME_MISSING = "name.missing"
    EMAIL_INVALID = "email.invalid"
    LANGUAGE_INVALID = "language.invalid"


class WarningCode(StrEnum):
    """Something worth fixing that does not make a record invalid."""

    RESPONSIBLE_MISSING = "responsible.missing"
    RESPONSIBLE_UNKNOWN = "responsible.unknown"


@attrs.frozen(kw_only=True)
class Problem:
    """One reason a record is invalid: the code, the field, the raw value and a message."""

    code: str = attrs.field(converter=str)
    field: str
    value: Any
    message: str


@attrs.frozen(kw_only=True)
class RecordWarning:
    """A warning about a valid record (``responsible.missing``, ``responsible.unknown``)."""

    code: str = attrs.field(converter=str)
    enterprise_number: EnterpriseNumber
    ref: SourceRef
    message: str


@attrs.frozen(kw_only=True)
class ValidRecord:
    """A record that validated: its Company and any warnings."""

    company: Company
    warnings: tuple[RecordWarning, ...] = ()


@attrs.frozen(kw_only=True)
class InvalidRecord:
    """A record that cannot be imported, with every problem found.

    ``enterprise_number`` is set when the record carries a valid number despite its problems;
    ``platform_match`` (set by the reconciler) is the platform company it would have matched.
    """

    record: RawRecord
    problems: tuple[Problem, ...]
    enterprise_number: EnterpriseNumber | None = None
    platform_match: Company | None = None

    @property
    def ref(self) -> SourceRef:
        """Where the record came from."""
        return self.record.ref

    @property
    def codes(self) -> tuple[str, ...]:
        """The reason codes, in the order found."""
        return tuple(p.code for p in self.problems)


def _checked(
    code: ReasonCode, check: Callable[[str], str | None], what: str
) -> Callable[[str, str, Any, list[Problem]], str | None]:
    def normalise(name: str, value: str, raw: Any, problems: list[Problem]) -> str | None:
        result = check(value)
        if result is None:
            problems.append(Problem(code=code, field=name, value=raw, message=f"{raw!r} {what}"))
        return result

    return normalise


def _plain(name: str, value: str, raw: Any, problems: list[Problem]) -> str | None:
    return value


def _folded(name: str, value: str, raw: Any, problems: list[Problem]) -> str | None:
    return value.casefold()


def _country(name: str, value: str, raw: Any, problems: list[Problem]) -> str | None:
    return normalize.country_code(value)


_NORMALISERS: Final = {
    name: _plain for name in COMPANY_FIELDS if name not in ("enterprise_number", "name")
} | {
    "email": _checked(ReasonCode.EMAIL_INVALID, normalize.email, "is not a valid e-mail address"),
    "language": _checked(
        ReasonCode.LANGUAGE_INVALID, normalize.language, "is not one of nl, fr, de, en"
    ),
    "responsible": _folded,
    "country_code": _country,
}


def _number(raw: Any, problems: list[Problem]) -> EnterpriseNumber | None:
    if isinstance(raw, tuple):
        return _candidate_number(raw, problems)
    try:
        return EnterpriseNumber(raw)
    except InvalidEnterpriseNumber as error:
        problems.append(
            Problem(code=error.code, field="enterprise_number", value=raw, message=error.message)
        )
        return None


def _candidate_number(raw: tuple[Any, ...], problems: list[Problem]) -> EnterpriseNumber | None:
    """Several source fields may hold the number (a CRM's VAT and enterprise number fields).

    The convention: ``fields["enterprise_number"]`` is then a tuple of the raw candidates in order
    of preference. Blank ones are ignored; the valid ones must agree (else
    ``enterprise_number.conflict``); when none is valid, the first non-blank one's problem counts.
    """
    present = [value for value in raw if normalize.text(value) is not None]
    found: dict[EnterpriseNumber, None] = {}
    first_problems: list[Problem] = []
    for value in present:
        number = _number(value, first_problems if not first_problems else [])
        if number is not None:
            found[number] = None
    if len(found) > 1:
        problems.append(
            Problem(
                code=ReasonCode.ENTERPRISE_NUMBER_CONFLICT,
                field="enterprise_number",
                value=raw,
                message="different enterprise numbers: " + ", ".join(n.formatted for n in found),
            )
        )
        return None
    if found:
        return next(iter(found))
    if not present:
        return _number(None, problems)
    problems.extend(first_problems)
    return None


class Validator:
    """Validates raw records against the firm's known colleagues (see :func:`validate`)."""

    __slots__ = ("_colleagues",)

    def __init__(self, *, known_colleagues: Collection[str] | None = None) -> None:
        self._colleagues = (
            None
            if known_colleagues is None
            else frozenset(n.strip().casefold() for n in known_colleagues)
        )

    def __call__(self, record: RawRecord) -> ValidRecord | InvalidRecord:
        """Validate one record; see :func:`validate`."""
        problems: list[Problem] = []
        fields = record.fields
        number = _number(fields.get("enterprise_number"), problems)
        values: dict[str, Any] = {}
        name = normalize.text(fields.get("name"))
        if name is None:
            problems.append(
                Problem(
                    code=ReasonCode.NAME_MISSING,
                    field="name",
                    value=fields.get("name"),
                    message="the company name is missing",
                )
            )
        for field, raw in fields.items():
            normaliser = _NORMALISERS.get(field)
            if normaliser is None or raw is None:
                continue
            value = normalize.text(raw)
            if value is not None:
                values[field] = normaliser(field, value, raw, problems)
        if problems or number is None or name is None:
            return InvalidRecord(record=record, problems=tuple(problems), enterprise_number=number)
        company = Company(enterprise_number=number, name=name, origin=record.ref, **values)
        return ValidRecord(company=company, warnings=self._warnings(company, record.ref))

    def _warnings(self, company: Company, ref: SourceRef) -> tuple[RecordWarning, ...]:
        responsible = company.responsible
        if responsible is None:
            code, message = WarningCode.RESPONSIBLE_MISSING, "no responsible colleague is set"
        elif self._colleagues is not None and responsible not in self._colleagues:
            code = WarningCode.RESPONSIBLE_UNKNOWN
            message = f"the responsible colleague {responsible!r} is not a known colleague"
        else:
            return ()
        return (
            RecordWarning(
                code=code, enterprise_number=company.enterprise_number, ref=ref, message=message
            ),
        )


def validate(
    record: RawRecord, *, known_colleagues: Collection[str] | None = None
) -> ValidRecord | InvalidRecord:
    """Validate one raw record.

    :param record: the raw record; fields that are not Company fields are ignored.
    :param known_colleagues: the e-mail addresses of the firm's colleagues; when given, a
        responsible colleague not among them gives the warning ``responsible.unknown``.
    :returns: a :class:`ValidRecord`, or an :class:`InvalidRecord` listing every problem.
    """
    return Validator(known_colleagues=known_colleagues)(record)
