"""The import workflow: preview a source against the store, then apply the user's selection.

Services and the CLI both call these functions; the CLI only renders what they return.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Mapping
from datetime import UTC, datetime
from typing import Final

import attrs

from govlink.domain.company import Company
from govlink.domain.reasons import WarningCode
from govlink.domain.records import RawRecord, SkippedRecord
from govlink.domain.validation import RecordWarning
from govlink.errors import PreviewChanged, StaleStoreError
from govlink.plugins.types import Source, SourceWithColumns, SourceWithHeaders, SourceWithSkips
from govlink.reconcile.model import ImportDiff
from govlink.reconcile.policy import ApplyPlan, Selection, plan_apply
from govlink.reconcile.reconciler import reconcile
from govlink.reconcile.token import preview_token
from govlink.store.base import (
    CompanyReader,
    ImportCounts,
    ImportRun,
    ImportStore,
    RunInfo,
    WriteProgress,
)

__all__ = [
    "ImportPreview",
    "ImportResult",
    "ReadProgress",
    "apply_import",
    "preview_import",
]

#: Called as ``progress(records_read)`` while a preview reads its source.
ReadProgress = Callable[[int], None]

_ATTEMPTS: Final = 3


@attrs.frozen(kw_only=True)
class ImportPreview:
    """What an import would do: the diff, plus what is needed to apply it later.

    :param source: the source's name; :param location: what the user opened.
    :param records: the raw records read, kept so an apply can re-reconcile if the store moved.
    :param skipped: records the source left out on purpose, counted by reason.
    :param unknown_columns: the columns of a table source that govlink ignored.
    :param skipped_records: the records left out on purpose, when the source keeps them.
    :param headers: the user's own header(s) of each Company field, for a table source.
    :param archived: the archived companies that are not in the import; they are left out of
        ``diff.only_in_platform`` (an archived company in the import is a match, with the
        warning ``company.archived``).
    """

    source: str
    location: str
    diff: ImportDiff
    records: tuple[RawRecord, ...] = attrs.field(repr=False)
    known_colleagues: frozenset[str] | None = attrs.field(default=None, repr=False)
    skipped: Mapping[str, int] = attrs.field(factory=dict)
    unknown_columns: tuple[str, ...] = ()
    skipped_records: tuple[SkippedRecord, ...] = attrs.field(default=(), repr=False)
    headers: Mapping[str, str] = attrs.field(factory=dict, repr=False)
    archived: tuple[Company, ...] = attrs.field(default=(), repr=False)

    @functools.cached_property
    def token(self) -> str:
        """The preview token: pass it to :func:`apply_import` to apply exactly this preview
        (computed once: 0.15 s on 100k rows)."""
        return preview_token(self.diff)

    def plan(self, selection: Selection) -> ApplyPlan:
        """What applying ``selection`` would write: companies to add, fields before -> after.

        :raises DomainError: as :func:`~govlink.reconcile.policy.plan_apply`.
        """
        return plan_apply(self.diff, selection)

    @property
    def counts(self) -> ImportCounts:
        """The size of each category."""
        return ImportCounts.of(self.diff, skipped=sum(self.skipped.values()))

    def refreshed(self, store: CompanyReader) -> ImportPreview:
        """The same records reconciled again against the store as it is now."""
        diff, archived = _reconcile(self.records, store, self.known_colleagues)
        return attrs.evolve(self, diff=diff, archived=archived)


@attrs.frozen(kw_only=True)
class ImportResult:
    """An applied import: the preview the plan was made from, the plan, and the run record."""

    preview: ImportPreview
    plan: ApplyPlan
    run: ImportRun


def _colleagues(known: Collection[str] | None) -> frozenset[str] | None:
    return None if known is None else frozenset(known)


def _headers(source: Source) -> dict[str, str]:
    """Each Company field's header(s) as the user wrote them (``"BTW-nr."``)."""
    if not isinstance(source, SourceWithHeaders):
        return {}
    found: dict[str, list[str]] = {}
    for header, field in source.columns.items():
        found.setdefault(field, []).append(header)
    return {field: ", ".join(headers) for field, headers in found.items()}


def _archived_warning(platform: Company, source: Company) -> RecordWarning | None:
    """The warning of an archived ``platform`` company that the import names again."""
    ref = source.origin
    if ref is None:
        return None
    number = platform.enterprise_number.formatted
    return RecordWarning(
        code=WarningCode.COMPANY_ARCHIVED,
        enterprise_number=platform.enterprise_number,
        ref=ref,
        message=f"{number} is archived: the import can update it, but it is not synced until "
        f"restored (govlink companies restore {number})",
        params={"number": number},
    )


def _reconcile(
    records: Collection[RawRecord], store: CompanyReader, colleagues: frozenset[str] | None
) -> tuple[ImportDiff, tuple[Company, ...]]:
    """The diff against every platform company, and the archived ones not in the import
    (moved out of ``only_in_platform``)."""
    diff = reconcile(records, store.companies(), known_colleagues=colleagues)
    archived = store.archived()
    if not archived:
        return diff, ()
    warnings = (
        _archived_warning(m.platform, m.source)
        for m in diff.matching
        if m.platform.enterprise_number in archived
    )
    left = tuple(c for c in diff.only_in_platform if c.enterprise_number in archived)
    kept = tuple(c for c in diff.only_in_platform if c.enterprise_number not in archived)
    diff = attrs.evolve(
        diff,
        only_in_platform=kept,
        warnings=(*diff.warnings, *(w for w in warnings if w is not None)),
    )
    return diff, left


def preview_import(
    source: Source,
    store: CompanyReader,
    *,
    location: str | None = None,
    progress: ReadProgress | None = None,
) -> ImportPreview:
    """Read ``source`` and reconcile it with the store's companies; writes nothing.

    :param location: what the user opened, for the run record (default: the source's name).
    :raises SourceError: or a ``ConnectorError`` when the source cannot be read.
    """
    records: list[RawRecord] = []
    for record in source.records():
        records.append(record)
        if progress is not None:
            progress(len(records))
    colleagues = _colleagues(source.known_colleagues())
    diff, archived = _reconcile(records, store, colleagues)
    return ImportPreview(
        source=source.name,
        location=source.name if location is None else location,
        diff=diff,
        archived=archived,
        records=tuple(records),
        known_colleagues=colleagues,
        skipped=dict(source.skipped),
        unknown_columns=source.unknown_columns if isinstance(source, SourceWithColumns) else (),
        skipped_records=tuple(source.skipped_records)
        if isinstance(source, SourceWithSkips)
        else (),
        headers=_headers(source),
    )


def apply_import(
    preview: ImportPreview,
    store: ImportStore,
    selection: Selection,
    *,
    actor: str,
    at: datetime | None = None,
    progress: WriteProgress | None = None,
    token: str | None = None,
) -> ImportResult:
    """Apply ``selection`` to the preview's diff and record the run, in one store transaction.

    If another process changed the store since the preview, the records are reconciled again
    against the store as it is now and the selection re-planned (a few times at most) -- unless
    a ``token`` is given: then the apply writes only while the preview still has that token.

    :param actor: who applies the import, for the run record.
    :param token: the :attr:`ImportPreview.token` the user confirmed.
    :raises PreviewChanged: ``token`` is not (or no longer) the preview's; nothing was written.
    :raises DomainError: the selection names a field that may not be overwritten, or a company
        that is not new.
    :raises StaleStoreError: the store kept changing under the apply; nothing was written.
    :raises StoreError: the store cannot be written; nothing was written.
    """
    when = datetime.now(UTC) if at is None else at
    attempt = 1
    while True:
        if token is not None and preview.token != token:
            raise PreviewChanged(
                f"the platform or the source changed since preview {token} "
                f"(now {preview.token}); preview again, nothing was written"
            )
        plan = plan_apply(preview.diff, selection)
        info = RunInfo(
            at=when,
            source=preview.source,
            location=preview.location,
            actor=actor,
            counts=preview.counts,
        )
        try:
            run = store.apply(plan, info, progress=progress)
        except StaleStoreError:
            if attempt == _ATTEMPTS:
                raise
            attempt += 1
            preview = preview.refreshed(store)
        else:
            return ImportResult(preview=preview, plan=plan, run=run)
