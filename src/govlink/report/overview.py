"""The overview workbook: one sheet per category of an import, for review and for fixing rows.

Everything a person reads is in the chosen language (:mod:`govlink.i18n`): sheet names, headers,
statuses, reasons. Each table has a bold, frozen header row with a filter and columns as wide as
their content. The summary sheet shows the source, the date, the preview token and the counts.

Matching companies show every field side by side (import, platform): differing fields are
highlighted, overwritten ones (after an apply) marked, unchanged ones greyed. Invalid rows show,
per problem, the user's column, the value, a sentence and the code, next to the original values,
so the user can fix the source and import again.

The workbook can be filled in and fed back (:mod:`govlink.report.selection`): an "add" column on
the new companies and an "overwrite" column on the matches; a hidden sheet
(:data:`META_SHEET`) keeps the preview token and the language, so a stale workbook is refused.

Formula-safe: a text value starting with ``=``, ``+``, ``-`` or ``@`` is written as text (with
Excel's quote prefix), so nothing in an imported file ever runs as a formula. Any text is safe
to write: control and bidi characters are escaped (``\x1b``, ``\u202e``; a workbook cannot hold
most of them) and a text longer than a cell holds (32,767 characters) is cut, ending in ``…``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from govlink._atomic import write_atomically
from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.domain.text_safety import MAX_CELL_CHARACTERS, escape_unsafe
from govlink.i18n import Translator, translator
from govlink.reconcile.model import ImportDiff, Match
from govlink.reconcile.policy import OVERWRITABLE_FIELDS, ApplyPlan
from govlink.reconcile.token import preview_token

__all__ = ["FORMULA_PREFIXES", "META_SHEET", "write_overview"]

#: Text starting with one of these would run as a formula in a spreadsheet.
FORMULA_PREFIXES: Final = ("=", "+", "-", "@")
#: The hidden sheet with the workbook's preview token and language (keys in column A).
META_SHEET: Final = "govlink"

_FIELDS: Final = COMPANY_FIELDS[1:]
_BOLD: Final = Font(bold=True)
_GREY: Final = Font(color="FF9E9E9E")
_CHANGED: Final = PatternFill("solid", start_color="FFFFF2CC")
_OVERWRITTEN: Final = PatternFill("solid", start_color="FFC6EFCE")
_UNCHANGED: Final = (_GREY, None)
_DIFFERENT: Final = (None, _CHANGED)
_WRITTEN: Final = (_BOLD, _OVERWRITTEN)
_TO_FILL: Final = PatternFill("solid", start_color="FFDDEBF7")
_MIN_WIDTH: Final = 8
_MAX_WIDTH: Final = 50
_WIDTH_SAMPLE: Final = 500  # rows measured for the column widths
_BRUSSELS: Final = ZoneInfo("Europe/Brussels")


def _text(value: str) -> str:
    """``value`` as a cell can hold it: unsafe characters escaped, cut to the cell limit."""
    text = escape_unsafe(value)
    if len(text) > MAX_CELL_CHARACTERS:
        return text[: MAX_CELL_CHARACTERS - 1] + "…"
    return text


def _plain(value: object) -> str | float | datetime | None:
    """Numbers, datetimes and blanks as they are; anything else as its (safe) text."""
    if value is None or isinstance(value, int | float | datetime):
        return value
    return _text(value if isinstance(value, str) else str(value))


def _cell(
    sheet: WriteOnlyWorksheet,
    value: object,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
) -> Cell:
    plain = _plain(value)
    cell = WriteOnlyCell(sheet, plain)
    if isinstance(plain, str) and plain.startswith(FORMULA_PREFIXES):
        cell.data_type = "s"
        cell.quotePrefix = True
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


class _Table:
    """One sheet: a bold, frozen header row with a filter, columns as wide as the first
    :data:`_WIDTH_SAMPLE` rows need, then the rows, streamed (only the sample is held)."""

    def __init__(
        self,
        book: Workbook,
        title: str,
        headers: Sequence[str],
        *,
        filtered: bool = True,
        fill_in: int | None = None,
        prompt: str = "",
    ) -> None:
        """:param fill_in: the 0-based column the user may fill in (shaded, with ``prompt``)."""
        self.sheet: WriteOnlyWorksheet = book.create_sheet(title)
        # openpyxl sets these on a write-only sheet at run time; its stubs do not declare them
        self._parts: Any = self.sheet
        self._headers = list(headers)
        self._filtered = filtered
        self._fill_in = fill_in
        self._prompt = prompt
        self._sample: list[list[Cell]] | None = []
        self._rows = 0

    def cell(
        self, value: object, *, font: Font | None = None, fill: PatternFill | None = None
    ) -> Cell:
        return _cell(self.sheet, value, font=font, fill=fill)

    def add(self, values: Iterable[object]) -> None:
        row = [v if isinstance(v, Cell) else _cell(self.sheet, v) for v in values]
        if self._fill_in is not None:
            row[self._fill_in].fill = _TO_FILL
        self._rows += 1
        if self._sample is None:
            self.sheet.append(row)
            return
        self._sample.append(row)
        if len(self._sample) == _WIDTH_SAMPLE:
            self._start()

    def _start(self) -> None:
        """Widths and frozen panes (both precede the rows in the file), the header, the
        sample."""
        sample, self._sample = self._sample or [], None
        widths = [len(h) for h in self._headers]
        for row in sample:
            for index, cell in enumerate(row[: len(widths)]):
                if cell.value is not None:
                    widths[index] = max(widths[index], len(str(cell.value)))
        for index, width in enumerate(widths, start=1):
            dimension = self._parts.column_dimensions[get_column_letter(index)]
            dimension.width = min(max(width + 2, _MIN_WIDTH), _MAX_WIDTH)
        self.sheet.freeze_panes = "A2"
        self.sheet.append([_cell(self.sheet, title, font=_BOLD) for title in self._headers])
        for row in sample:
            self.sheet.append(row)

    def close(self) -> None:
        """Write what is left; the filter and the hint (both follow the rows in the file)."""
        if self._sample is not None:
            self._start()
        last = self._rows + 1
        if self._filtered and self._headers:
            self._parts.auto_filter.ref = f"A1:{get_column_letter(len(self._headers))}{last}"
        if self._fill_in is not None and self._rows:
            letter = get_column_letter(self._fill_in + 1)
            rule = DataValidation(type="textLength", operator="lessThan", formula1="1000")
            rule.showInputMessage = True
            rule.promptTitle = self._headers[self._fill_in][:32]
            rule.prompt = self._prompt
            rule.add(f"{letter}2:{letter}{last}")
            self._parts.data_validations.dataValidation.append(rule)


def _company_values(company: Company) -> list[object]:
    row = company.origin.row if company.origin is not None else None
    return [company.enterprise_number.formatted, row, *(getattr(company, n) for n in _FIELDS)]


def _company_headers(t: Translator) -> list[str]:
    return [t.field("enterprise_number"), t("column.row"), *map(t.field, _FIELDS)]


def _new(book: Workbook, t: Translator, companies: Sequence[Company], added: set[str]) -> None:
    headers = [t("column.add"), *_company_headers(t)]
    table = _Table(book, t("sheet.only_in_source"), headers, fill_in=0, prompt="x")
    for company in companies:
        table.add(
            ["x" if company.enterprise_number.compact in added else None, *_company_values(company)]
        )
    table.close()


def _platform_only(book: Workbook, t: Translator, companies: Sequence[Company]) -> None:
    table = _Table(book, t("sheet.only_in_platform"), _company_headers(t))
    for company in companies:
        table.add(_company_values(company))
    table.close()


def _matching(
    book: Workbook, t: Translator, matches: Sequence[Match], overwritten: dict[str, set[str]]
) -> None:
    headers = [
        t("column.overwrite"),
        t.field("enterprise_number"),
        t("column.row"),
        t("column.status"),
    ]
    for name in _FIELDS:
        label = t.field(name)
        headers += [t("overview.import", field=label), t("overview.platform", field=label)]
    fields = ", ".join(sorted(OVERWRITABLE_FIELDS)) + ", all"
    table = _Table(book, t("sheet.matching"), headers, fill_in=0, prompt=fields)
    for match in matches:
        number = match.platform.enterprise_number
        written = overwritten.get(number.compact, set())
        changed = set(match.changed_fields)
        status = "overwritten" if written else ("changed" if changed else "unchanged")
        origin = match.source.origin
        cells = [
            table.cell(", ".join(n for n in _FIELDS if n in written) or None),
            table.cell(number.formatted),
            table.cell(origin.row if origin is not None else None),
            table.cell(t(f"status.{status}")),
        ]
        for name in _FIELDS:
            source, platform = getattr(match.source, name), getattr(match.platform, name)
            font, fill = (
                _WRITTEN if name in written else _DIFFERENT if name in changed else _UNCHANGED
            )
            cells += [
                table.cell(source, font=font, fill=fill),
                table.cell(platform, font=font, fill=fill),
            ]
        table.add(cells)
    table.close()


def _invalid(book: Workbook, t: Translator, diff: ImportDiff, headers: Mapping[str, str]) -> None:
    columns: dict[str, None] = {}
    for invalid in diff.invalid:
        columns.update(dict.fromkeys(str(key) for key in invalid.record.raw))
    table = _Table(
        book,
        t("sheet.invalid"),
        [
            t("column.row"),
            t("column.record"),
            t("column.column"),
            t("column.value"),
            t("column.reason"),
            t("column.code"),
            *columns,
        ],
    )
    for invalid in diff.invalid:
        raw = {str(key): value for key, value in invalid.record.raw.items()}
        for problem in invalid.problems:
            table.add(
                [
                    invalid.ref.row,
                    invalid.ref.record_id,
                    t.column(problem, headers),
                    problem.value,  # several candidate fields read "VATNr: ...; ..." (str)
                    t.reason(problem.code, problem.params),
                    problem.code,
                    *(raw.get(c) for c in columns),
                ]
            )
    table.close()


def _warnings(book: Workbook, t: Translator, diff: ImportDiff) -> None:
    table = _Table(
        book,
        t("sheet.warnings"),
        [t.field("enterprise_number"), t("column.row"), t("column.warning"), t("column.code")],
    )
    for warning in diff.warnings:
        table.add(
            [
                warning.enterprise_number.formatted,
                warning.ref.row,
                t.reason(warning.code, warning.params),
                warning.code,
            ]
        )
    table.close()


def _summary(
    book: Workbook,
    t: Translator,
    diff: ImportDiff,
    facts: Sequence[tuple[str, object]],
    applied: ApplyPlan | None,
) -> None:
    table = _Table(book, t("sheet.summary"), [t("sheet.summary"), ""], filtered=False)
    for key, value in facts:
        table.add([table.cell(t(key), font=_BOLD), value])
    table.add([None, None])
    counts: list[tuple[str, int]] = [
        ("summary.rows", diff.rows),
        ("summary.only_in_source", len(diff.only_in_source)),
        ("summary.only_in_platform", len(diff.only_in_platform)),
        ("summary.matching", len(diff.matching)),
        ("summary.changed", len(diff.changed)),
        ("summary.invalid", len(diff.invalid)),
        ("summary.warnings", len(diff.warnings)),
    ]
    if applied is not None:
        counts += [("summary.added", len(applied.add)), ("summary.updated", len(applied.update))]
    for key, count in counts:
        table.add([t(key), count])
    table.add([None, None])
    how = t(
        "summary.how",
        add=t("column.add"),
        new=t("sheet.only_in_source"),
        overwrite=t("column.overwrite"),
        matching=t("sheet.matching"),
    )
    table.add([how, None])
    table.close()


def _meta(book: Workbook, token: str, language: str) -> None:
    sheet = book.create_sheet(META_SHEET)
    sheet.sheet_state = "hidden"
    for key, value in (("token", token), ("language", language), ("format", "1")):
        sheet.append([key, value])


def write_overview(
    path: str | os.PathLike[str],
    diff: ImportDiff,
    *,
    source: str,
    applied: ApplyPlan | None = None,
    language: str = "en",
    location: str | None = None,
    headers: Mapping[str, str] | None = None,
    created: datetime | None = None,
) -> None:
    """Write the overview workbook of ``diff`` to ``path`` (``.xlsx``).

    :param source: the source's name, shown in the summary.
    :param applied: the plan that was applied, to mark the added companies and the
        overwritten fields.
    :param language: ``nl``, ``fr`` or ``en``: sheet names, headers, statuses and reasons.
    :param location: what the user opened (a file, a source name), shown in the summary.
    :param headers: the user's own header of each field (``ImportPreview.headers``), so invalid
        rows name the user's columns.
    :param created: the moment shown in the summary, in Brussels time (default: now).
    :raises OSError: when the file cannot be written.
    :raises UnknownLanguage: another language.
    """
    t = translator(language)
    overwritten: dict[str, set[str]] = {}
    for update in applied.update if applied is not None else ():
        overwritten[update.after.enterprise_number.compact] = set(update.fields)
    added = {c.enterprise_number.compact for c in applied.add} if applied is not None else set()
    token = preview_token(diff)
    local = (created or datetime.now(UTC)).astimezone(_BRUSSELS)
    moment = local.replace(tzinfo=None, microsecond=0)  # a spreadsheet holds no time zone
    facts: list[tuple[str, object]] = [
        ("summary.source", source),
        ("summary.location", location or source),
        ("summary.date", moment),
        ("summary.token", token),
    ]

    def save(temporary: Path) -> None:
        book = Workbook(write_only=True)
        _summary(book, t, diff, facts, applied)
        _new(book, t, diff.only_in_source, added)
        _platform_only(book, t, diff.only_in_platform)
        _matching(book, t, diff.matching, overwritten)
        _invalid(book, t, diff, headers or {})
        _warnings(book, t, diff)
        _meta(book, token, t.language)
        book.save(temporary)

    write_atomically(Path(path), save)
