"""The pure reconciler: source records against platform companies, matched on enterprise number."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Final

import attrs

from govlink.domain.company import COMPANY_FIELDS, Company, field_policy
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.records import RawRecord
from govlink.domain.validation import (
    InvalidRecord,
    Problem,
    ReasonCode,
    RecordWarning,
    Validator,
    ValidRecord,
)
from govlink.errors import DomainError
from govlink.reconcile.model import ChangeKind, FieldChange, ImportDiff, Match

__all__ = ["diff_companies", "reconcile"]

_COMPARED: Final = tuple(
    (name, field_policy(name).compare_key) for name in COMPANY_FIELDS if name != "enterprise_number"
)


def diff_companies(platform: Company, source: Company) -> tuple[FieldChange, ...]:
    """The field-level changes from ``platform`` to ``source``.

    A field the source leaves blank is missing data, never a change.
    """
    changes: list[FieldChange] = []
    for name, key in _COMPARED:
        new = getattr(source, name)
        if new is None:
            continue
        old = getattr(platform, name)
        if old is None:
            changes.append(
                FieldChange(field=name, platform=None, source=new, kind=ChangeKind.ADDED)
            )
        elif old != new and key(old) != key(new):
            changes.append(
                FieldChange(field=name, platform=old, source=new, kind=ChangeKind.CHANGED)
            )
    return tuple(changes)


def _index_platform(companies: Iterable[Company]) -> dict[EnterpriseNumber, Company]:
    index: dict[EnterpriseNumber, Company] = {}
    for company in companies:
        if index.setdefault(company.enterprise_number, company) is not company:
            raise DomainError(
                f"the platform lists enterprise number {company.enterprise_number.formatted} twice",
                code="platform.duplicate",
            )
    return index


def _duplicate_problem(
    record: ValidRecord | InvalidRecord, group: list[ValidRecord | InvalidRecord]
) -> Problem:
    others = ", ".join(str(_ref(other)) for other in group if other is not record)
    number = _number(record)
    assert number is not None
    return Problem(
        code=ReasonCode.ENTERPRISE_NUMBER_DUPLICATE,
        field="enterprise_number",
        value=number.compact,
        message=f"enterprise number {number.formatted} also appears in {others}",
    )


def _ref(result: ValidRecord | InvalidRecord) -> object:
    return result.company.origin if isinstance(result, ValidRecord) else result.ref


def _number(result: ValidRecord | InvalidRecord) -> EnterpriseNumber | None:
    if isinstance(result, ValidRecord):
        return result.company.enterprise_number
    return result.enterprise_number


def _as_duplicate(
    result: ValidRecord | InvalidRecord, group: list[ValidRecord | InvalidRecord], record: RawRecord
) -> InvalidRecord:
    problem = _duplicate_problem(result, group)
    if isinstance(result, InvalidRecord):
        return attrs.evolve(result, problems=(*result.problems, problem))
    return InvalidRecord(
        record=record, problems=(problem,), enterprise_number=result.company.enterprise_number
    )


def reconcile(
    source_records: Iterable[RawRecord],
    platform_companies: Iterable[Company],
    *,
    known_colleagues: Collection[str] | None = None,
) -> ImportDiff:
    """Validate ``source_records`` and compare them with ``platform_companies``.

    Pure: reads its arguments only and writes nothing. The result does not depend on the order
    of either input.

    :param source_records: raw records from a source, in any order.
    :param platform_companies: the companies already on the platform (unique numbers).
    :param known_colleagues: e-mails of the firm's colleagues, for ``responsible.unknown``.
    :raises DomainError: when ``platform_companies`` holds an enterprise number twice.
    """
    platform = _index_platform(platform_companies)
    validate = Validator(known_colleagues=known_colleagues)
    by_number: dict[EnterpriseNumber, list[ValidRecord | InvalidRecord]] = {}
    records: dict[int, RawRecord] = {}
    invalid: list[InvalidRecord] = []
    for record in source_records:
        result = validate(record)
        number = _number(result)
        if number is None:
            assert isinstance(result, InvalidRecord)
            invalid.append(result)
            continue
        records[id(result)] = record
        group = by_number.get(number)
        if group is None:
            by_number[number] = [result]
        else:
            group.append(result)

    only_in_source: list[Company] = []
    matching: list[Match] = []
    warnings: list[RecordWarning] = []
    for number, group in by_number.items():
        match = platform.pop(number, None)
        if len(group) > 1:
            for result in group:
                duplicate = _as_duplicate(result, group, records[id(result)])
                invalid.append(attrs.evolve(duplicate, platform_match=match))
            continue
        result = group[0]
        if isinstance(result, InvalidRecord):
            invalid.append(attrs.evolve(result, platform_match=match) if match else result)
            continue
        source = result.company
        warnings.extend(result.warnings)
        if match is None:
            only_in_source.append(source)
        else:
            matching.append(
                Match(platform=match, source=source, changes=diff_companies(match, source))
            )

    return ImportDiff(
        only_in_source=tuple(sorted(only_in_source, key=_company_key)),
        only_in_platform=tuple(sorted(platform.values(), key=_company_key)),
        matching=tuple(sorted(matching, key=lambda m: m.platform.enterprise_number.compact)),
        invalid=tuple(sorted(invalid, key=lambda r: r.ref.sort_key())),
        warnings=tuple(sorted(warnings, key=lambda w: (w.enterprise_number.compact, w.code))),
    )


def _company_key(company: Company) -> str:
    return company.enterprise_number.compact
