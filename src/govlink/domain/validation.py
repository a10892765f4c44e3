"""Validation: a raw source record becomes a Company, or an invalid record listing every problem.

>>> from govlink.domain.records import NumberCandidates, RawRecord, SourceRef
>>> ref = SourceRef(source="excel", row=7)
>>> result = validate(RawRecord(fields={"enterprise_number": "0417497107", "email": "x@"}, ref=ref))
>>> [p.code for p in result.problems]
['enterprise_number.checksum', 'name.missing', 'email.invalid']
>>> result.problems[2].message
"'x@' is not a valid e-mail address"
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from govlink.domain import normalize
from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.reasons import ReasonCode, WarningCode
from govlink.domain.records import NumberCandidates, RawRecord, SourceRef
from govlink.domain.text_safety import MAX_CELL_CHARACTERS, has_unsafe_characters
from govlink.errors import InvalidEnterpriseNumber

__all__ = [
    "InvalidRecord",
    "Problem",
    "RecordWarning",
    "ValidRecord",
    "Validator",
    "validate",
]


@attrs.frozen(kw_only=True)
class Problem:
    """One reason a record is invalid: the code, the field, the raw value and a message.

    ``message`` is one English line; ``params`` are the plain values a translated sentence
    needs (``govlink.i18n.Translator.reason``): ``others`` (and ``records``) for a duplicate,
    ``numbers`` for a conflict, ``length`` and ``limit`` for a value too long, ``column`` when
    the value came from one of several source fields.
    """

    code: str = attrs.field(converter=str)
    field: str
    value: Any
    message: str
    params: Mapping[str, str] = attrs.field(factory=dict, hash=False)


@attrs.frozen(kw_only=True)
class RecordWarning:
    """A warning about a valid record (``responsible.missing``, ``responsible.not_email``,
    ``responsible.unknown``, ``company.archived``)."""

    code: str = attrs.field(converter=str)
    enterprise_number: EnterpriseNumber
    ref: SourceRef
    message: str
    params: Mapping[str, str] = attrs.field(factory=dict, hash=False)


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


# How each Company text field is normalised after normalize.text(): None keeps the text as is;
# a normaliser returning None marks the value invalid (see _INVALID).
_NORMALISERS: Final[dict[str, Callable[[str], str | None] | None]] = {
    name: None for name in COMPANY_FIELDS if name != "enterprise_number"
} | {
    "email": normalize.email,
    "language": normalize.language,
    "responsible": str.casefold,
    "country_code": normalize.country_code,
}
_INVALID: Final = {
    "email": (ReasonCode.EMAIL_INVALID, "is not a valid e-mail address"),
    "language": (ReasonCode.LANGUAGE_INVALID, "is not one of nl, fr, de, en"),
}
# The fields with a normaliser, in field order.
_CHECKED: Final = tuple((name, check) for name, check in _NORMALISERS.items() if check is not None)
_FIELD_ORDER: Final = {name: index for index, name in enumerate(COMPANY_FIELDS)}
# A warning's code, message and parameters; at most this many responsibles keep theirs shared.
_Reason = tuple[WarningCode, str, Mapping[str, str]]
_SHARED_REASONS: Final = 4096
_NO_PARAMS: Final[Mapping[str, str]] = MappingProxyType({})


def _number_problem(raw: Any, error: InvalidEnterpriseNumber, column: str | None = None) -> Problem:
    return Problem(
        code=error.code,
        field="enterprise_number",
        value=raw,
        message=str(error) if column is None else f"{column}: {error}",
        params={} if column is None else {"column": column},
    )


def _number(raw: Any, problems: list[Problem]) -> EnterpriseNumber | None:
    if isinstance(raw, NumberCandidates):
        return _candidate_number(raw, problems)
    try:
        return EnterpriseNumber(raw)
    except InvalidEnterpriseNumber as error:
        problems.append(_number_problem(raw, error))
        return None


def _candidate_number(
    candidates: NumberCandidates, problems: list[Problem]
) -> EnterpriseNumber | None:
    """The one valid number among the candidates; a problem when there are none or several."""
    found: dict[EnterpriseNumber, list[str]] = {}
    first_error: tuple[str, Any, InvalidEnterpriseNumber] | None = None
    for field, raw in candidates.fields:
        try:
            found.setdefault(EnterpriseNumber(raw), []).append(field)
        except InvalidEnterpriseNumber as error:
            if first_error is None and error.code != ReasonCode.ENTERPRISE_NUMBER_MISSING:
                first_error = (field, raw, error)
    if len(found) == 1:
        return next(iter(found))
    if found:
        listing = "; ".join(f"{', '.join(f)}: {n.formatted}" for n, f in found.items())
        problems.append(
            Problem(
                code=ReasonCode.ENTERPRISE_NUMBER_CONFLICT,
                field="enterprise_number",
                value=candidates,
                message=f"the source fields carry different enterprise numbers ({listing})",
                params={"numbers": listing},
            )
        )
    elif first_error is not None:
        field, raw, failure = first_error
        problems.append(_number_problem(raw, failure, column=field))
    else:
        problems.append(
            Problem(
                code=ReasonCode.ENTERPRISE_NUMBER_MISSING,
                field="enterprise_number",
                value=candidates,
                message="the enterprise number is missing",
            )
        )
    return None


def _unsafe(field: str, raw: Any, value: str) -> Problem | None:
    """The problem of a value that may not be stored as it is: control characters (they would
    act on a terminal or break a workbook) or more than a spreadsheet cell holds."""
    if has_unsafe_characters(value):
        return Problem(
            code=ReasonCode.VALUE_CONTROL_CHARACTERS,
            field=field,
            value=raw,
            message=f"{normalize.preview(raw)} contains control characters",
        )
    if len(value) > MAX_CELL_CHARACTERS:
        return Problem(
            code=ReasonCode.VALUE_TOO_LONG,
            field=field,
            value=raw,
            message=f"the {field} has {len(value):,} characters, more than a spreadsheet cell "
            f"holds ({MAX_CELL_CHARACTERS:,})",
            params={"length": str(len(value)), "limit": str(MAX_CELL_CHARACTERS)},
        )
    return None


class Validator:
    """Validates raw records against the firm's known colleagues (see :func:`validate`)."""

    __slots__ = ("_colleagues", "_reasons")

    def __init__(self, *, known_colleagues: Collection[str] | None = None) -> None:
        self._colleagues = (
            None
            if known_colleagues is None
            else frozenset(n.strip().casefold() for n in known_colleagues)
        )
        # The warning of each responsible seen: rows naming the same colleague share its
        # message and parameters (100k warnings: about 40 MB less).
        self._reasons: dict[str | None, _Reason | None] = {}

    def __call__(self, record: RawRecord) -> ValidRecord | InvalidRecord:
        """Validate one record; see :func:`validate`."""
        outcome = self.check(record)
        if isinstance(outcome, InvalidRecord):
            return outcome
        warning = self.warning(outcome, record.ref)
        return ValidRecord(company=outcome, warnings=() if warning is None else (warning,))

    def check(self, record: RawRecord) -> Company | InvalidRecord:
        """The Company of ``record``, or its problems; warnings come from :meth:`warning`.

        Calling a validator is ``check`` then ``warning``; the reconciler calls the two
        directly and so keeps no :class:`ValidRecord` per row.
        """
        problems: list[Problem] = []
        fields = record.fields
        number = _number(fields.get("enterprise_number"), problems)
        texts: dict[str, str] = {}
        for field, raw in fields.items():
            if field not in _NORMALISERS:
                continue
            if type(raw) is str and raw.isascii():
                value = " ".join(raw.split())  # normalize.text() of ASCII text, without the call
                if value == raw:
                    value = raw  # the Company shares the record's string instead of a copy
            else:
                value = normalize.text(raw) or ""
            if value:
                texts[field] = value
        # One look over all values together; the fields are looked at one by one only when
        # something is wrong.
        if len(joined := "".join(texts.values())) > MAX_CELL_CHARACTERS or has_unsafe_characters(
            joined
        ):
            for field, text in list(texts.items()):
                if (unsafe := _unsafe(field, fields[field], text)) is not None:
                    problems.append(unsafe)
                    del texts[field]
        values: dict[str, Any] = texts
        for field, normaliser in _CHECKED:
            if (found := texts.get(field)) is None:
                continue
            checked = normaliser(found)
            if checked is None and field in _INVALID:
                code, what = _INVALID[field]
                raw = fields[field]
                message = f"{normalize.preview(raw)} {what}"
                problems.append(Problem(code=code, field=field, value=raw, message=message))
            values[field] = checked
        if "name" not in values and not any(p.field == "name" for p in problems):
            problems.append(
                Problem(
                    code=ReasonCode.NAME_MISSING,
                    field="name",
                    value=fields.get("name"),
                    message="the company name is missing",
                )
            )
        if problems or number is None:
            problems.sort(key=lambda p: _FIELD_ORDER[p.field])
            return InvalidRecord(record=record, problems=tuple(problems), enterprise_number=number)
        return Company(enterprise_number=number, origin=record.ref, **values)

    def warning(self, company: Company, ref: SourceRef) -> RecordWarning | None:
        """The warning about a valid ``company``, if any (at most one applies)."""
        responsible = company.responsible
        reasons = self._reasons
        if responsible in reasons:
            found = reasons[responsible]
        else:
            found = self._reason(responsible)
            if len(reasons) < _SHARED_REASONS:
                reasons[responsible] = found
        if found is None:
            return None
        code, message, params = found
        return RecordWarning(
            code=code,
            enterprise_number=company.enterprise_number,
            ref=ref,
            message=message,
            params=params,
        )

    def _reason(self, responsible: str | None) -> _Reason | None:
        """The code, message and parameters of the warning about ``responsible``, if any."""
        if responsible is None:
            return WarningCode.RESPONSIBLE_MISSING, "no responsible colleague is set", _NO_PARAMS
        if normalize.email(responsible) is None:
            message = (
                f"the responsible colleague {responsible!r} is not an e-mail address, "
                "so alerts cannot reach them"
            )
            code = WarningCode.RESPONSIBLE_NOT_EMAIL
        elif self._colleagues is not None and responsible not in self._colleagues:
            message = f"the responsible colleague {responsible!r} is not a known colleague"
            code = WarningCode.RESPONSIBLE_UNKNOWN
        else:
            return None
        return code, message, MappingProxyType({"responsible": responsible})


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
