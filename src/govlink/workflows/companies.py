"""Acting on the platform's companies after an import: complete a company's responsible
colleague or name, archive the clients that left, and restore them.

An edit goes through the same validation as an imported row and is recorded like an import run
(source ``manual``, with the values before and after), in one store transaction that refuses
when the company changed meanwhile. An archived company keeps its data and documents; it
leaves the sync plan, the syncs due and the push, and the import no longer lists it as "only on
the platform" (see docs/cli.md).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import UTC, datetime
from typing import Final

import attrs

from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.records import RawRecord, SourceRef
from govlink.domain.validation import InvalidRecord, RecordWarning, Validator
from govlink.errors import DomainError
from govlink.reconcile.policy import ApplyPlan, Update
from govlink.store.base import (
    CompanyArchive,
    CompanyReader,
    ImportCounts,
    ImportRun,
    ImportStore,
    RunInfo,
)

__all__ = [
    "MANUAL_SOURCE",
    "ArchiveResult",
    "CompanyEdit",
    "archive_companies",
    "edit_company",
    "restore_companies",
]

#: The ``source`` of the import run that records a manual edit.
MANUAL_SOURCE: Final = "manual"
_EDITABLE: Final = ("name", "responsible")


@attrs.frozen(kw_only=True)
class CompanyEdit:
    """An edit of one company: before and after, the fields written (empty: nothing changed),
    the warnings about the result and the run that records it (``None`` when nothing
    changed)."""

    before: Company
    after: Company
    fields: tuple[str, ...]
    warnings: tuple[RecordWarning, ...]
    run: ImportRun | None


@attrs.frozen(kw_only=True)
class ArchiveResult:
    """What an archive or a restore did: the companies it changed and those that already were
    so (both sorted by enterprise number)."""

    changed: tuple[Company, ...]
    unchanged: tuple[Company, ...]


def _number(value: EnterpriseNumber | str) -> EnterpriseNumber:
    return value if isinstance(value, EnterpriseNumber) else EnterpriseNumber.parse(value)


def _unknown(numbers: Iterable[EnterpriseNumber]) -> DomainError:
    listed = ", ".join(n.formatted for n in sorted(numbers))
    return DomainError(
        f"not on the platform: {listed}; import the company first (nothing was changed)",
        code="company.unknown",
    )


def _colleagues(store: CompanyReader, number: EnterpriseNumber) -> frozenset[str] | None:
    """The responsibles of the platform's other companies (``None`` when there are none)."""
    known = frozenset(
        c.responsible
        for c in store.companies()
        if c.responsible is not None and c.enterprise_number != number
    )
    return known or None


def edit_company(
    store: ImportStore,
    number: EnterpriseNumber | str,
    *,
    actor: str,
    name: str | None = None,
    responsible: str | None = None,
    known_colleagues: Collection[str] | None = None,
    at: datetime | None = None,
) -> CompanyEdit:
    """Set a company's ``name`` and/or ``responsible`` colleague (``None``: leave as is; an
    empty ``responsible`` removes it), validated like an imported value.

    The warning ``responsible.missing``, ``responsible.not_email`` or ``responsible.unknown``
    tells about the result; ``known_colleagues`` are the firm's colleagues (default: the
    responsibles of the platform's other companies, when there are any).

    :param actor: who made the edit, for the run record.
    :raises DomainError: ``company.unknown`` when the company is not on the platform, or the
        reason code of a value that cannot be stored (``name.missing``,
        ``value.control_characters``, ...); nothing was written.
    :raises StaleStoreError: the company changed since it was read; nothing was written.
    """
    key = _number(number)
    before = store.company(key)
    if before is None:
        raise _unknown([key])
    values: dict[str, object] = {field: getattr(before, field) for field in COMPANY_FIELDS}
    values["enterprise_number"] = key.compact
    wanted = {"name": name, "responsible": responsible}
    values.update({field: value for field, value in wanted.items() if value is not None})
    ref = SourceRef(source=MANUAL_SOURCE)
    colleagues = _colleagues(store, key) if known_colleagues is None else known_colleagues
    validator = Validator(known_colleagues=colleagues)
    checked = validator.check(RawRecord(fields=values, ref=ref))
    if isinstance(checked, InvalidRecord):
        problem = checked.problems[0]
        raise DomainError(f"{problem.field}: {problem.message}", code=problem.code)
    fields = tuple(f for f in _EDITABLE if getattr(checked, f) != getattr(before, f))
    after = attrs.evolve(before, **{f: getattr(checked, f) for f in fields})
    warning = validator.warning(after, ref)
    warnings = () if warning is None else (warning,)
    if not fields:
        return CompanyEdit(before=before, after=before, fields=(), warnings=warnings, run=None)
    counts = ImportCounts(
        rows=1, only_in_source=0, only_in_platform=0, matching=1, changed=1, invalid=0
    )
    info = RunInfo(
        at=at or datetime.now(UTC),
        source=MANUAL_SOURCE,
        location=key.compact,
        actor=actor,
        counts=counts,
    )
    plan = ApplyPlan(update=(Update(before=before, after=after, fields=fields),))
    run = store.apply(plan, info)
    return CompanyEdit(before=before, after=after, fields=fields, warnings=warnings, run=run)


def _set_archived(
    store: CompanyArchive, numbers: Iterable[EnterpriseNumber | str], *, archived: bool
) -> ArchiveResult:
    keys = {_number(n) for n in numbers}
    companies = {c.enterprise_number: c for c in store.companies() if c.enterprise_number in keys}
    missing = keys - companies.keys()
    if missing:
        raise _unknown(missing)
    changed = set(store.set_archived(keys, archived=archived))
    ordered = sorted(keys)
    return ArchiveResult(
        changed=tuple(companies[n] for n in ordered if n in changed),
        unchanged=tuple(companies[n] for n in ordered if n not in changed),
    )


def archive_companies(
    store: CompanyArchive, numbers: Iterable[EnterpriseNumber | str]
) -> ArchiveResult:
    """Archive these companies (clients that left), in one transaction.

    Their data and documents stay; they leave the sync plan at its next run, the syncs due at
    once, and the push: no document of theirs is queued or pushed until they are restored.

    :raises InvalidEnterpriseNumber: a number that does not parse.
    :raises DomainError: ``company.unknown`` when one is not on the platform; nothing changed.
    """
    return _set_archived(store, numbers, archived=True)


def restore_companies(
    store: CompanyArchive, numbers: Iterable[EnterpriseNumber | str]
) -> ArchiveResult:
    """Undo :func:`archive_companies`: the companies are due and pushed again (documents
    queued before the archive go out; those stored meanwhile were not queued, ``push
    --backfill`` queues them). A company the plan dropped meanwhile gets a slot at the next
    planning run.

    :raises InvalidEnterpriseNumber: a number that does not parse.
    :raises DomainError: ``company.unknown`` when one is not on the platform; nothing changed.
    """
    return _set_archived(store, numbers, archived=False)
