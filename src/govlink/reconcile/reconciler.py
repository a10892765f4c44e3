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

_Result = ValidRecord | InvalidRecord


def diff_companies(platform: Company, source: Company) -> tuple[FieldChange, ...]:
    """The field-level changes from ``platform`` to ``source``.

    A field the source leaves blank is missing data, never a change; a field the platform
    leaves blank is ``added``. Values compare through each field's ``compare_key``.
    """
    changes: list[FieldChange] = []
    for name, key in _COMPARED:
        new = getattr(source, name)
        if not new:
            continue
        old = getattr(platform, name)
        if not old:
            changes.append(FieldChange(field=name, platform=old, source=new, kind=ChangeKind.ADDED))
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


def _duplicates(
    number: EnterpriseNumber, group: list[tuple[_Result, RawRecord]], match: Company | None
) -> list[InvalidRecord]:
    """Every row of a group sharing one number becomes invalid, naming the other rows."""
    refs = sorted((record.ref for _, record in group), key=lambda ref: ref.sort_key())
    invalid: list[InvalidRecord] = []
    for result, record in group:
        others = ", ".join(str(ref) for ref in refs if ref is not record.ref)
        problem = Problem(
            code=ReasonCode.ENTERPRISE_NUMBER_DUPLICATE,
            field="enterprise_number",
            value=record.fields.get("enterprise_number"),
            message=f"enterprise number {number.formatted} also appears in {others}",
        )
        problems = (*result.problems, problem) if isinstance(result, InvalidRecord) else (problem,)
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
    validate = Validator(known_colleagues=known_colleagues)
    by_number: dict[EnterpriseNumber, list[tuple[_Result, RawRecord]]] = {}
    invalid: list[InvalidRecord] = []
    for record in source_records:
        result = validate(record)
        if isinstance(result, ValidRecord):
            number = result.company.enterprise_number
        elif result.enterprise_number is None:
            invalid.append(result)
            continue
        else:
            number = result.enterprise_number
        group = by_number.get(number)
        if group is None:
            by_number[number] = [(result, record)]
        else:
            group.append((result, record))

    only_in_source: list[Company] = []
    matching: list[Match] = []
    warnings: list[RecordWarning] = []
    for number, group in by_number.items():
        match = platform.pop(number, None)
        if len(group) > 1:
            invalid.extend(_duplicates(number, group, match))
            continue
        result = group[0][0]
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
        invalid=tuple(sorted(invalid, key=_invalid_key)),
        warnings=tuple(sorted(warnings, key=lambda w: (w.enterprise_number.compact, w.code))),
    )


def _company_key(company: Company) -> str:
    return company.enterprise_number.compact


def _invalid_key(record: InvalidRecord) -> tuple[tuple[str, int, str], tuple[str, ...]]:
    return (record.ref.sort_key(), record.codes)
