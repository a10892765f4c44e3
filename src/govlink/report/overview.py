"""The overview workbook: one sheet per category of an import, for review and for fixing rows.

Matching companies show every field side by side (import, platform): differing fields are
highlighted, overwritten ones (after an apply) marked, unchanged ones greyed. Invalid rows show
their reasons next to the original values, so the user can fix the source and import again.

Formula-safe: a text value starting with ``=``, ``+``, ``-`` or ``@`` is written as text (with
Excel's quote prefix), so nothing in an imported file ever runs as a formula. Any text is safe
to write: control and bidi characters are escaped (``\x1b``, ``\u202e``; a workbook cannot hold
most of them) and a text longer than a cell holds (32,767 characters) is cut, ending in ``…``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Final

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from govlink._atomic import write_atomically
from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.domain.text_safety import MAX_CELL_CHARACTERS, escape_unsafe
from govlink.reconcile.model import ImportDiff, Match
from govlink.reconcile.policy import ApplyPlan

__all__ = ["FORMULA_PREFIXES", "write_overview"]

#: Text starting with one of these would run as a formula in a spreadsheet.
FORMULA_PREFIXES: Final = ("=", "+", "-", "@")

_FIELDS: Final = COMPANY_FIELDS[1:]
_BOLD: Final = Font(bold=True)
_GREY: Final = Font(color="FF9E9E9E")
_CHANGED: Final = PatternFill("solid", start_color="FFFFF2CC")
_OVERWRITTEN: Final = PatternFill("solid", start_color="FFC6EFCE")
_UNCHANGED: Final = (_GREY, None)
_DIFFERENT: Final = (None, _CHANGED)
_WRITTEN: Final = (_BOLD, _OVERWRITTEN)


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


def _header(sheet: WriteOnlyWorksheet, titles: Iterable[str]) -> None:
    sheet.append([_cell(sheet, title, font=_BOLD) for title in titles])
    sheet.freeze_panes = "A2"


def _row(sheet: WriteOnlyWorksheet, values: Iterable[object]) -> None:
    sheet.append([_cell(sheet, value) for value in values])


def _company_values(company: Company) -> list[object]:
    row = company.origin.row if company.origin is not None else None
    return [company.enterprise_number.formatted, row, *(getattr(company, n) for n in _FIELDS)]


def _companies(book: Workbook, title: str, companies: Sequence[Company]) -> None:
    sheet = book.create_sheet(title)
    _header(sheet, ["enterprise_number", "row", *_FIELDS])
    for company in companies:
        _row(sheet, _company_values(company))


def _matching(book: Workbook, matches: Sequence[Match], overwritten: dict[str, set[str]]) -> None:
    sheet = book.create_sheet("Matching")
    titles = ["enterprise_number", "row", "status"]
    for name in _FIELDS:
        titles += [f"{name} (import)", f"{name} (platform)"]
    _header(sheet, titles)
    for match in matches:
        number = match.platform.enterprise_number
        written = overwritten.get(number.compact, set())
        changed = set(match.changed_fields)
        status = "overwritten" if written else ("changed" if changed else "unchanged")
        origin = match.source.origin
        cells = [
            _cell(sheet, number.formatted),
            _cell(sheet, origin.row if origin is not None else None),
            _cell(sheet, status),
        ]
        for name in _FIELDS:
            source, platform = getattr(match.source, name), getattr(match.platform, name)
            font, fill = (
                _WRITTEN if name in written else _DIFFERENT if name in changed else _UNCHANGED
            )
            cells += [
                _cell(sheet, source, font=font, fill=fill),
                _cell(sheet, platform, font=font, fill=fill),
            ]
        sheet.append(cells)


def _invalid(book: Workbook, diff: ImportDiff) -> None:
    sheet = book.create_sheet("Invalid")
    columns: dict[str, None] = {}
    for invalid in diff.invalid:
        columns.update(dict.fromkeys(str(key) for key in invalid.record.raw))
    _header(sheet, ["row", "source_ref", "reasons", *columns])
    for invalid in diff.invalid:
        reasons = "; ".join(f"{p.code}: {p.message}" for p in invalid.problems)
        raw = {str(key): value for key, value in invalid.record.raw.items()}
        _row(sheet, [invalid.ref.row, str(invalid.ref), reasons, *(raw.get(c) for c in columns)])


def _summary(book: Workbook, diff: ImportDiff, source: str, applied: ApplyPlan | None) -> None:
    sheet = book.create_sheet("Summary")
    _header(sheet, ["", source])
    for label, count in (
        ("rows", diff.rows),
        ("only in import", len(diff.only_in_source)),
        ("only on the platform", len(diff.only_in_platform)),
        ("matching", len(diff.matching)),
        ("matching with changes", len(diff.changed)),
        ("invalid", len(diff.invalid)),
        ("warnings", len(diff.warnings)),
    ):
        _row(sheet, [label, count])
    if applied is not None:
        _row(sheet, ["added", len(applied.add)])
        _row(sheet, ["updated", len(applied.update)])


def _warnings(book: Workbook, diff: ImportDiff) -> None:
    sheet = book.create_sheet("Warnings")
    _header(sheet, ["enterprise_number", "row", "code", "message"])
    for warning in diff.warnings:
        number = warning.enterprise_number.formatted
        _row(sheet, [number, warning.ref.row, warning.code, warning.message])


def write_overview(
    path: str | os.PathLike[str],
    diff: ImportDiff,
    *,
    source: str,
    applied: ApplyPlan | None = None,
) -> None:
    """Write the overview workbook of ``diff`` to ``path`` (``.xlsx``).

    :param source: the source's name, shown in the summary.
    :param applied: the plan that was applied, to mark the overwritten fields.
    :raises OSError: when the file cannot be written.
    """
    overwritten: dict[str, set[str]] = {}
    for update in applied.update if applied is not None else ():
        overwritten[update.after.enterprise_number.compact] = set(update.fields)

    def save(temporary: Path) -> None:
        book = Workbook(write_only=True)
        _summary(book, diff, source, applied)
        _companies(book, "Only in import", diff.only_in_source)
        _companies(book, "Only on platform", diff.only_in_platform)
        _matching(book, diff.matching, overwritten)
        _invalid(book, diff)
        _warnings(book, diff)
        book.save(temporary)

    write_atomically(Path(path), save)
