"""The pure reconciler: source records against platform companies, matched on enterprise number."""

from __future__ import annotations

import operator
from collections.abc import Collection, Iterable
from typing import Final

import attrs

from govlink.domain.company import COMPANY_FIELDS, Company, field_policy
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.reasons import ReasonCode
from govlink.domain.records import RawRecord, SourceRef
from govlink.domain.validation import InvalidRecord, Problem, RecordWarning, Validator
from govlink.errors import DomainError
from govlink.reconcile.model import ChangeKind, FieldChange, ImportDiff, Match

__all__ = ["diff_companies", "reconcile"]

_COMPARED: Final = tuple(
    (name, field_policy(name).compare_key) for name in COMPANY_FIELDS if name != "enterprise_number"
)
_VALUES: Final = operator.attrgetter(*(name for name, _ in _COMPARED))
# Sort keys: the compact number of a Company (or warning, or invalid record), of a Match.
_KEY: Final = operator.attrgetter("enterprise_number.compact")
_SOURCE_KEY: Final = operator.attrgetter("source.enterprise_number.compact")

# What validation gives per row: the Company (warnings come later) or the invalid record.
_Outcome = Company | InvalidRecord


def diff_companies(platform: Company, source: Company) -> tuple[FieldChange, ...]:
    """The field-level changes from ``platform`` to ``source``.

    A field the source leaves blank is missing data, never a change; a field the platform
    leaves blank is ``added``. Values compare through each field's ``compare_key``.
    """
    old_values, new_values = _VALUES(platform), _VALUES(source)
    if old_values == new_values:  # the common case of a re-import: nothing changed
        return ()
    changes: list[FieldChange] = []
    for (name, key), old, new in zip(_COMPARED, old_values, new_values, strict=True):
        if not new or old == new:
            continue
        if not old:
            changes.append(FieldChange(field=name, platform=old, source=new, kind=ChangeKind.ADDED))
        elif key(old) != key(new):
            changes.append(
                FieldChange(field=name, platform=old, source=new, kind=ChangeKind.CHANGED)
            )
    return tuple(changes)


def _index_platform(platform_companies: Iterable[Company]) -> dict[str, Company]:
    """The platform companies by compact number (plain strings hash fastest)."""
    companies = tuple(platform_companies)
    index = dict(zip(map(_KEY, companies), companies, strict=True))
    if len(index) < len(companies):
        seen: set[str] = set()
        for company in companies:
            if company.enterprise_number.compact in seen:
                raise DomainError(
                    f"the platform lists enterprise number "
                    f"{company.enterprise_number.formatted} twice",
                    code="platform.duplicate",
                )
            seen.add(company.enterprise_number.compact)
    return index


def _others(refs: list[SourceRef]) -> dict[str, str]:
    """The ``params`` of a duplicate: the other rows (``others``), or, when a record has no
    row, the other records (and ``records``)."""
    if all(ref.row is not None for ref in refs):
        return {"others": ", ".join(str(ref.row) for ref in refs)}
    return {"others": ", ".join(str(ref) for ref in refs), "records": "yes"}


def _duplicates(
    number: EnterpriseNumber, group: list[tuple[_Outcome, RawRecord]], match: Company | None
) -> list[InvalidRecord]:
    """Every row of a group sharing one number becomes invalid, naming the other rows."""
    refs = sorted((record.ref for _, record in group), key=lambda ref: ref.sort_key())
    invalid: list[InvalidRecord] = []
    for outcome, record in group:
        other_refs = [ref for ref in refs if ref is not record.ref]
        others = ", ".join(str(ref) for ref in other_refs)
        problem = Problem(
            code=ReasonCode.ENTERPRISE_NUMBER_DUPLICATE,
            field="enterprise_number",
            value=record.fields.get("enterprise_number"),
            message=f"enterprise number {number.formatted} also appears in {others}",
            params=_others(other_refs),
        )
        problems = (
            (*outcome.problems, problem) if isinstance(outcome, InvalidRecord) else (problem,)
        )
        invalid.append(
            InvalidRecord(
                record=record, problems=problems, enterprise_number=number, platform_match=match
            )
        )
    return invalid


def reconcile(
    source_records: Iterable[RawRecord],
    platform_companies: Iterable[Company],
    *,
    known_colleagues: Collection[str] | None = None,
) -> ImportDiff:
    """Validate ``source_records`` and compare them with ``platform_companies``.

    Pure: reads its arguments only and writes nothing. The result does not depend on the order
    of either input (given distinct source references).

    :param source_records: raw records from a source, in any order.
    :param platform_companies: the companies already on the platform (unique numbers).
    :param known_colleagues: e-mails of the firm's colleagues, for ``responsible.unknown``.
    :raises DomainError: when ``platform_companies`` holds an enterprise number twice.
    """
    platform = _index_platform(platform_companies)
    validator = Validator(known_colleagues=known_colleagues)
    check, warning_of = validator.check, validator.warning
    rows: dict[str, RawRecord] = {}  # by compact number: the first row with that number
    repeated: dict[str, list[tuple[_Outcome, RawRecord]]] = {}  # further rows, rarely any
    only_in_source: list[Company] = []
    matching: list[Match] = []
    invalid: list[InvalidRecord] = []
    warnings: list[RecordWarning] = []
    # One pass, while each row's objects are still in the CPU cache; sorted at the end.
    for record in source_records:
        outcome = check(record)
        number = outcome.enterprise_number
        if number is None:
            invalid.append(outcome)  # type: ignore[arg-type]  # only InvalidRecord lacks one
            continue
        key = number.compact
        if key in rows:
            repeated.setdefault(key, []).append((outcome, record))
            continue
        rows[key] = record
        match = platform.get(key)
        if isinstance(outcome, InvalidRecord):
            invalid.append(attrs.evolve(outcome, platform_match=match) if match else outcome)
            continue
        if match is None:
            only_in_source.append(outcome)
        else:
            matching.append(
                Match(platform=match, source=outcome, changes=diff_companies(match, outcome))
            )
        warning = warning_of(outcome, record.ref)
        if warning is not None:
            warnings.append(warning)

    if repeated:  # the first row of each repeated number joins its duplicates
        only_in_source = [c for c in only_in_source if _KEY(c) not in repeated]
        matching = [m for m in matching if _SOURCE_KEY(m) not in repeated]
        warnings = [w for w in warnings if _KEY(w) not in repeated]
        invalid = [r for r in invalid if r.enterprise_number is None or _KEY(r) not in repeated]
        for key, others in repeated.items():
            first = rows[key]
            group = [(check(first), first), *others]  # validation is pure: same outcome again
            invalid.extend(_duplicates(_number_of(group[0][0]), group, platform.get(key)))

    only_in_source.sort(key=_KEY)
    matching.sort(key=_SOURCE_KEY)
    warnings.sort(key=_KEY)
    invalid.sort(key=_invalid_key)
    return ImportDiff(
        only_in_source=tuple(only_in_source),
        only_in_platform=tuple(map(platform.__getitem__, sorted(platform.keys() - rows.keys()))),
        matching=tuple(matching),
        invalid=tuple(invalid),
        warnings=tuple(warnings),
    )


def _number_of(outcome: _Outcome) -> EnterpriseNumber:
    number = outcome.enterprise_number
    assert number is not None  # grouped outcomes always carry a number
    return number


def _invalid_key(record: InvalidRecord) -> tuple[tuple[str, int, str], tuple[str, ...]]:
    return (record.ref.sort_key(), record.codes)
