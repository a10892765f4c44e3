"""Reading back a filled-in overview workbook: the companies ticked to add, the fields to
overwrite, and the preview token the workbook was made from.

The workbook is read with the Excel source's guards (:func:`~govlink.connectors.excel.source.
sheet_rows`: file checks, no XML entities, size limits). Sheets and columns are found by their
names in the workbook's own language (kept in its hidden sheet), so a Dutch workbook can be fed
back under ``--lang fr``. The rows may be sorted or filtered in Excel; only the enterprise number
and the filled-in cell of each row count.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs

from govlink.connectors.excel.source import sheet_rows
from govlink.domain.company import COMPANY_FIELDS
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import InvalidEnterpriseNumber, PreviewChanged, SheetNotFound, SourceError
from govlink.i18n import LANGUAGES, Translator, UnknownLanguage, translator
from govlink.i18n.catalog import MESSAGES
from govlink.reconcile.policy import ALL, OVERWRITABLE_FIELDS, AllType, Selection
from govlink.report.overview import META_SHEET

__all__ = ["OverviewSelection", "SelectionWorkbookError", "read_selection"]

#: What an "add" cell may say to mean no (any other non-blank value ticks the row).
_NO: Final = frozenset({"0", "-", "n", "no", "nee", "non", "false", "onwaar", "faux"})
#: What an "overwrite" cell may say to mean every overwritable field.
_ALL_WORDS: Final = frozenset({"all", "alle", "alles", "tout", "tous", "*"})
_SEPARATORS: Final = re.compile(r"[,;\n]+")


class SelectionWorkbookError(SourceError):
    """The workbook is not a govlink overview, or a filled-in cell cannot be read."""

    code = "selection.workbook"


def _field_names() -> dict[str, str]:
    """Every way a field may be written in an overwrite cell: its name, and its label in each
    language (case-insensitive)."""
    names = {name.casefold(): name for name in COMPANY_FIELDS}
    for name in COMPANY_FIELDS:
        for language in LANGUAGES:
            names[MESSAGES[f"field.{name}"][language].casefold()] = name
    return names


_FIELD_NAMES: Final = _field_names()


@attrs.frozen(kw_only=True)
class OverviewSelection:
    """What the user filled in: the :class:`Selection` to apply and the token it belongs to."""

    token: str
    language: str
    selection: Selection

    def check(
        self, current_token: str, path: str | os.PathLike[str], language: str | None = None
    ) -> None:
        """Refuse a workbook made from another preview than the current one.

        :param language: the language of the refusal (default: the workbook's).
        :raises PreviewChanged: the import or the platform changed since the workbook was made.
        """
        if current_token != self.token:
            t = translator(language or self.language)
            raise PreviewChanged(
                t("selection.stale", path=Path(path).name, token=self.token, current=current_token)
            )


def _text(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def _rows(path: Path, sheet: str, t: Translator) -> Iterator[tuple[int, tuple[Any, ...]]]:
    try:
        with sheet_rows(path, sheet) as rows:
            yield from rows
    except SheetNotFound:
        raise SelectionWorkbookError(
            t("selection.missing_sheet", path=path.name, sheet=sheet)
        ) from None


def _meta(path: Path) -> tuple[str, Translator]:
    english = translator("en")
    try:
        with sheet_rows(path, META_SHEET) as rows:
            values = {_text(row[0]): _text(row[1]) for _, row in rows if len(row) >= 2}
    except SheetNotFound:
        values = {}
    token = values.get("token", "")
    if not token:
        raise SelectionWorkbookError(english("selection.not_overview", path=path.name))
    try:
        return token, translator(values.get("language") or "en")
    except UnknownLanguage:
        raise SelectionWorkbookError(english("selection.not_overview", path=path.name)) from None


def _columns(
    path: Path, sheet: str, wanted: tuple[str, str], t: Translator
) -> Iterator[tuple[int, Any, Any]]:
    """``(row, number cell, filled-in cell)`` of each data row of ``sheet``, the two columns
    found by their headers ``wanted`` (case-insensitive) in the header row."""
    keys = tuple(w.casefold() for w in wanted)
    positions: tuple[int, int] | None = None
    for number, row in _rows(path, sheet, t):
        if positions is None:
            headers = [_text(cell).casefold() for cell in row]
            if not all(key in headers for key in keys):
                raise SelectionWorkbookError(
                    t("selection.missing_sheet", path=path.name, sheet=sheet)
                )
            positions = (headers.index(keys[0]), headers.index(keys[1]))
            continue
        cells = (*row, None, None)
        yield number, cells[positions[0]], cells[positions[1]]


def _number(value: Any, where: dict[str, object], t: Translator) -> EnterpriseNumber:
    try:
        return EnterpriseNumber(value)
    except InvalidEnterpriseNumber:
        raise SelectionWorkbookError(
            t("selection.bad_number", value=_text(value), **where)
        ) from None


def _fields(text: str, where: dict[str, object], t: Translator) -> AllType | frozenset[str]:
    words = [w.strip() for w in _SEPARATORS.split(text) if w.strip()]
    if any(w.casefold() in _ALL_WORDS for w in words):
        return ALL
    fields: set[str] = set()
    for word in words:
        field = _FIELD_NAMES.get(word.casefold())
        if field is None or field not in OVERWRITABLE_FIELDS:
            allowed = ", ".join(sorted(OVERWRITABLE_FIELDS))
            raise SelectionWorkbookError(
                t("selection.unknown_field", value=word, fields=allowed, **where)
            )
        fields.add(field)
    return frozenset(fields)


def read_selection(path: str | os.PathLike[str]) -> OverviewSelection:
    """What the user ticked in the overview workbook at ``path``.

    A row of the new companies is added when its "add" cell holds anything but a no (``x``,
    ``ja``, ``oui``, ``1``); a match gets the fields listed in its "overwrite" cell (field
    names or their labels in any language, separated by commas; ``all`` for every field).

    :raises SelectionWorkbookError: not an overview workbook, a sheet or column is missing, or
        a cell names an unknown field or holds a bad enterprise number.
    :raises WorkbookError: the file is not a safe ``.xlsx`` workbook.
    """
    target = Path(path)
    token, t = _meta(target)
    number = t.field("enterprise_number")
    add: set[EnterpriseNumber] = set()
    sheet = t("sheet.only_in_source")
    for row, value, ticked in _columns(target, sheet, (number, t("column.add")), t):
        mark = _text(ticked).casefold()
        if mark and mark not in _NO:
            add.add(_number(value, {"path": target.name, "sheet": sheet, "row": row}, t))
    overwrite: dict[EnterpriseNumber | str, AllType | frozenset[str]] = {}
    sheet = t("sheet.matching")
    for row, value, cell in _columns(target, sheet, (number, t("column.overwrite")), t):
        where: dict[str, object] = {"path": target.name, "sheet": sheet, "row": row}
        fields = _fields(_text(cell), where, t)
        if fields:
            overwrite[_number(value, where, t)] = fields
    selection = Selection(add=frozenset(add), overwrite_for=overwrite)
    return OverviewSelection(token=token, language=t.language, selection=selection)
