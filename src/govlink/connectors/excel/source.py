"""The Excel source: client companies from an ``.xlsx`` workbook or an OpenDocument spreadsheet
(``.ods``), read with python-calamine.

>>> source = ExcelSource("clients.xlsx")            # doctest: +SKIP
>>> source.sheet, source.header_row, source.unknown_columns  # doctest: +SKIP
('Klanten', 3, ('Opmerkingen',))
>>> next(source.records()).fields["enterprise_number"]  # doctest: +SKIP
'0417.497.106'

Opening checks the file (:func:`~govlink.connectors.excel.safety.check_workbook`), reads the
sheet list and measures the chosen sheet (:mod:`~govlink.connectors.excel.parts`; every table
of an ``.ods``, :mod:`~govlink.connectors.excel.ods`) before calamine parses it, finds the
header row, so file-level problems surface at once; :meth:`records` yields the rows afterwards.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
import zipfile
from collections.abc import Generator, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import defusedxml
import python_calamine

from govlink.connectors.excel import ods, parts, strings
from govlink.connectors.excel.example import SKIPPED_EXAMPLE, is_example_row
from govlink.connectors.excel.headers import field_for
from govlink.connectors.excel.safety import WorkbookKind, check_workbook
from govlink.domain.records import RawRecord, RowMapping, SkippedRecord, SourceRef, row_record
from govlink.errors import (
    EmptyWorkbook,
    GovlinkError,
    HeaderNotFound,
    SheetNotFound,
    UnsafeWorkbook,
    WorkbookFormatError,
)

__all__ = [
    "HEADER_SCAN_ROWS",
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_REPEATED_TEXT",
    "MAX_ROWS",
    "SOURCE_NAME",
    "ExcelSource",
    "sheet_rows",
]

SOURCE_NAME: Final = "excel"
#: How many rows from the top are searched for the header row.
HEADER_SCAN_ROWS: Final = 20
#: The last sheet row read; a sheet running further is refused (delete the empty rows).
MAX_ROWS: Final = 500_000
#: The most columns a sheet may use.
MAX_COLUMNS: Final = 1_000
#: The most cells (rows x columns, empty ones included) a sheet may span: calamine holds the
#: whole rectangle in memory, about 32 bytes a cell.
MAX_CELLS: Final = 8_000_000
#: The most text (bytes) a sheet may add by repetition, beyond the text its file holds once:
#: in an ``.ods``, repeated cells and rows with a value and ``text:s`` space runs; in an
#: ``.xlsx``, the shared strings its cells copy beyond the shared strings themselves. calamine
#: holds every copy.
MAX_REPEATED_TEXT: Final = 64 << 20

_Row = tuple[Any, ...]
_SHOWN_HEADERS: Final = 12


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _blank_row(row: _Row) -> bool:
    """Whether every cell of ``row`` is blank (its first cell, mostly filled, decides first)."""
    return not row or (_is_blank(row[0]) and all(_is_blank(v) for v in row))


def _column_letter(number: int) -> str:
    """``1`` -> ``A``, ``27`` -> ``AA``."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _too_large(name: str, title: str, what: str) -> UnsafeWorkbook:
    return UnsafeWorkbook(
        f"sheet {title!r} of {name} {what}; delete the empty rows and columns after the data "
        "and save it again",
        code="source.too_large",
    )


def _entities(name: str) -> UnsafeWorkbook:
    return UnsafeWorkbook(
        f"{name} contains XML entity declarations, which govlink refuses for safety; "
        "open it in Excel and save it again",
        code="source.xml_entities",
    )


@contextmanager
def _translated(name: str) -> Iterator[None]:
    """Turn whatever calamine, zipfile or the XML parser raise into one typed error."""
    try:
        yield
    except GovlinkError:
        raise
    except defusedxml.DefusedXmlException as error:
        raise _entities(name) from error
    except Exception as error:
        raise WorkbookFormatError(
            f"{name} is damaged or not an Excel workbook ({type(error).__name__}); "
            "open it in Excel and save it again as an Excel Workbook (.xlsx)",
            code="source.corrupt",
        ) from error


def _select(found: Sequence[parts.SheetPart], sheet: str | None, name: str) -> parts.SheetPart:
    if sheet is None:
        visible = [part for part in found if part.visible]
        if not visible:
            raise EmptyWorkbook(f"{name} has no visible sheet; unhide a sheet or add one")
        return visible[0]
    wanted = " ".join(sheet.split()).casefold()
    for part in found:
        if " ".join(part.title.split()).casefold() == wanted:
            return part
    titles = ", ".join(repr(part.title) for part in found) or "none"
    raise SheetNotFound(f"{name} has no sheet {sheet!r}; its sheets are {titles}")


def _check_extent(name: str, title: str, rows: int, columns: int) -> None:
    """Refuse a sheet whose cells would span too many columns or cells."""
    if columns > MAX_COLUMNS:
        raise _too_large(name, title, f"uses {columns:,} columns (at most {MAX_COLUMNS:,})")
    if rows * columns > MAX_CELLS:
        raise _too_large(
            name,
            title,
            f"spans {rows:,} rows by {columns:,} columns (at most {MAX_CELLS:,} cells)",
        )


def _check_repeated(name: str, text: int) -> None:
    if text > MAX_REPEATED_TEXT:
        raise UnsafeWorkbook(
            f"{name} repeats {text >> 20:,} MB of text (at most {MAX_REPEATED_TEXT >> 20} MB); "
            "delete the repeated cells and save it again",
            code="source.too_large",
        )


def _inspect_xlsx(archive: zipfile.ZipFile, name: str, sheet: str | None) -> str:
    chosen = _select(parts.sheets(archive), sheet, name)
    lengths = strings.lengths(archive, name)
    shared = strings.SharedCells(lengths)
    extent = parts.measure(archive, chosen.path, shared)
    title = chosen.title
    for what, declared, limit in (
        ("rows", extent.declared_rows, MAX_ROWS),
        ("columns", extent.declared_columns, MAX_COLUMNS),
    ):
        if declared > limit:
            raise _too_large(name, title, f"declares {declared:,} {what} (at most {limit:,})")
    _check_extent(name, title, extent.rows, extent.columns)
    # The text the shared strings hold once is not repeated; the quick bound counts every cell
    # as the longest string: when that is too much, the sheet is read again, cell by cell.
    held = sum(lengths)
    if shared.bound - held > MAX_REPEATED_TEXT:
        shared = strings.SharedCells(lengths, exact=True)
        parts.measure(archive, chosen.path, shared)
    _check_repeated(name, shared.bound - held)
    return title


def _inspect_ods(archive: zipfile.ZipFile, name: str, sheet: str | None) -> str:
    """calamine reads every table of an ``.ods`` when it opens it, and copies the one read: each
    table is bounded, and all of them together with that copy."""
    tables = ods.tables(archive, name)
    for table in tables:
        _check_extent(name, table.title or "", table.rows, table.columns)
    named = [
        parts.SheetPart(title=table.title, visible=table.visible, path=ods.CONTENT)
        for table in tables
        if table.title is not None
    ]
    title = _select(named, sheet, name).title
    # Tables of one name: calamine keeps one of them; count the largest.
    read = max(table.rows * table.columns for table in tables if table.title == title)
    cells = sum(table.rows * table.columns for table in tables) + read
    if cells > MAX_CELLS:
        raise UnsafeWorkbook(
            f"the sheets of {name} span {cells:,} cells, the sheet read counted twice as calamine "
            f"copies it (at most {MAX_CELLS:,}); delete the empty rows and columns after the "
            "data and save it again",
            code="source.too_large",
        )
    _check_repeated(name, sum(table.text for table in tables))
    return title


def _inspect(path: Path, sheet: str | None, kind: WorkbookKind) -> str:
    """Check the package and the size of what calamine will read; return the sheet's title."""
    name = path.name
    with _translated(name), zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.endswith((".xml", ".rels")) and parts.has_doctype(archive, member):
                raise _entities(name)
        if kind == "ods":
            return _inspect_ods(archive, name, sheet)
        return _inspect_xlsx(archive, name, sheet)


def _cleaned(row: list[Any], pad: tuple[None, ...]) -> _Row:
    """calamine's dense row as openpyxl gave it: empty cells ``None``, none after the last."""
    if "" not in row:
        return (*pad, *row) if pad else tuple(row)
    end = len(row)
    while end and row[end - 1] == "":
        end -= 1
    return (*pad, *(None if value == "" else value for value in row[:end]))


#: The name endings python-calamine reads each format by: it picks its parser by the name.
_SUFFIXES: Final[dict[WorkbookKind, tuple[str, ...]]] = {
    "xlsx": (".xlsx", ".xlsm"),
    "ods": (".ods",),
}


@contextmanager
def _named_for(path: Path, kind: WorkbookKind) -> Iterator[Path]:
    """``path`` under a name that ends in its format (checked by content), so calamine parses
    it with the reader whose sizes were checked: the file itself, or a link to it (a copy where
    links are not allowed) in a temporary folder while calamine opens it."""
    if path.suffix.lower() in _SUFFIXES[kind]:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="govlink-") as folder:
        alias = Path(folder) / f"workbook{_SUFFIXES[kind][0]}"
        try:
            alias.symlink_to(path.resolve())
        except OSError:
            shutil.copyfile(path, alias)
        yield alias


class _OpenSheet:
    """One sheet of a workbook, checked and parsed; :meth:`close` releases it."""

    def __init__(self, path: Path, sheet: str | None) -> None:
        kind = check_workbook(path)
        self._name = path.name
        self.title = _inspect(path, sheet, kind)
        with _translated(self._name), _named_for(path, kind) as named:
            self._workbook = python_calamine.CalamineWorkbook.from_path(named)
            try:
                self._sheet = self._workbook.get_sheet_by_name(self.title)
            except BaseException:
                self.close()
                raise

    def rows(self) -> Generator[tuple[int, _Row], None, None]:
        """Every row from the first, numbered from 1 (missing rows come as empty ones)."""
        start = self._sheet.start
        pad = (None,) * (start[1] if start else 0)
        with _translated(self._name):
            for number, row in enumerate(self._sheet.iter_rows(), start=1):
                if number > MAX_ROWS:
                    raise _too_large(self._name, self.title, f"runs past row {MAX_ROWS:,}")
                yield number, _cleaned(row, pad)

    def close(self) -> None:
        """Release the workbook (again is harmless)."""
        with suppress(python_calamine.WorkbookClosed):
            self._workbook.close()


def _first_non_blank(
    row: _Row, single: list[tuple[str, int]], several: list[tuple[str, list[int]]]
) -> dict[str, Any]:
    """The fields of ``row`` when a field has several columns: the first non-blank one counts."""
    size = len(row)
    fields = {field: row[i] for field, i in single if i < size}
    for field, ix in several:
        values = [row[i] for i in ix if i < size]
        if values:
            fields[field] = next((v for v in values if not _is_blank(v)), values[0])
    return fields


@contextmanager
def sheet_rows(path: Path, sheet: str) -> Iterator[Iterator[tuple[int, tuple[Any, ...]]]]:
    """The rows of ``sheet`` (hidden or not), numbered from 1, read with the same guards as the
    source (file checks, no XML entities, size limits); the workbook is released on exit.

    :raises WorkbookError: as :class:`ExcelSource` does, or :class:`SheetNotFound`.
    """
    opened = _OpenSheet(path, sheet)
    try:
        yield opened.rows()
    finally:
        opened.close()


def _header_text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


class ExcelSource:
    """The client companies in one sheet of an ``.xlsx`` workbook or ``.ods`` spreadsheet.

    :param path: the workbook.
    :param sheet: the sheet's name (case- and spacing-insensitive); default the first visible.
    :raises WorkbookError: a subclass saying why the file cannot be read (see ``docs/excel.md``).
    """

    name: Final = SOURCE_NAME

    def __init__(self, path: str | os.PathLike[str], *, sheet: str | None = None) -> None:
        self._path = Path(path)
        self._sheet = sheet
        opened = _OpenSheet(self._path, sheet)
        try:
            title = opened.title
            header_row, header = self._find_header(title, opened.rows())
        except BaseException:
            opened.close()
            raise
        # Kept open for the first records() call, closed by it (or by close(), or at exit).
        self._opened: _OpenSheet | None = opened
        self._closer = weakref.finalize(self, opened.close)
        self._title = title
        self._header_row = header_row
        self._header = header
        self._fields: dict[str, list[int]] = {}
        self._raw: list[tuple[int, str]] = []
        unknown: list[str] = []
        for index, value in enumerate(header):
            text = _header_text(value)
            letter = _column_letter(index + 1)
            key = text or f"column {letter}"
            if any(key == seen for _, seen in self._raw):
                key = f"{key} ({letter})"
            self._raw.append((index, key))
            field = field_for(text) if text else None
            if field is not None:
                self._fields.setdefault(field, []).append(index)
            elif text:
                unknown.append(text)
        self._unknown = tuple(unknown)
        self._skipped: dict[str, int] = {}
        self._skipped_records: list[SkippedRecord] = []

    def __repr__(self) -> str:
        return (
            f"<ExcelSource {self._path.name!r} sheet={self._title!r} header_row={self._header_row}>"
        )

    def _find_header(
        self, title: str, rows: Generator[tuple[int, _Row], None, None]
    ) -> tuple[int, _Row]:
        best: list[str] = []
        seen_any = False
        with closing(rows):
            for number, row in rows:
                if number > HEADER_SCAN_ROWS:
                    break
                texts = [_header_text(v) for v in row if isinstance(v, str) and v.strip()]
                seen_any = seen_any or any(not _is_blank(v) for v in row)
                if any(field_for(text) == "enterprise_number" for text in texts):
                    return number, row
                if len(texts) > len(best):
                    best = texts
        name = self._path.name
        if not seen_any:
            raise EmptyWorkbook(f"sheet {title!r} of {name} is empty; fill in the govlink template")
        found = ", ".join(best[:_SHOWN_HEADERS]) + (", ..." if len(best) > _SHOWN_HEADERS else "")
        raise HeaderNotFound(
            f"sheet {title!r} of {name} has no enterprise-number column in its first "
            f"{HEADER_SCAN_ROWS} rows (headers found: {found or 'none'}); "
            "add a column headed 'Ondernemingsnummer' or use the govlink template"
        )

    @property
    def path(self) -> Path:
        """The workbook read."""
        return self._path

    @property
    def sheet(self) -> str:
        """The title of the sheet read."""
        return self._title

    @property
    def header_row(self) -> int:
        """The 1-based row number of the header row."""
        return self._header_row

    @property
    def columns(self) -> Mapping[str, str]:
        """The recognised columns: the Company field each header text maps to."""
        return MappingProxyType(
            {_header_text(self._header[i]): field for field, ix in self._fields.items() for i in ix}
        )

    @property
    def unknown_columns(self) -> tuple[str, ...]:
        """The headers govlink does not know, in sheet order (kept in ``RawRecord.raw`` only)."""
        return self._unknown

    @property
    def skipped(self) -> Mapping[str, int]:
        """The template's example row, if still there (``template example``); blank rows
        are not records."""
        return MappingProxyType(self._skipped)

    @property
    def skipped_records(self) -> Sequence[SkippedRecord]:
        """The rows left out so far (the template's example row), with their number cell."""
        return tuple(self._skipped_records)

    def known_colleagues(self) -> None:
        """A workbook does not list the firm's colleagues."""
        return

    def records(self) -> Iterator[RawRecord]:
        """Yield one raw record per non-blank row below the header, with its sheet row number.

        ``fields`` holds the recognised columns (when several columns name one field, the first
        non-blank one counts); ``raw`` holds every column by its header text. Cell values are
        passed on unchanged: numbers stay numbers, formulas give their cached values. The
        template's example row is left out and counted in :attr:`skipped`.
        """
        self._skipped.clear()
        self._skipped_records.clear()
        single = [(field, ix[0]) for field, ix in self._fields.items() if len(ix) == 1]
        several = [(field, ix) for field, ix in self._fields.items() if len(ix) > 1]
        raw_columns = self._raw
        # Shared by every row's RowMapping: the fields (when each has one column), the columns.
        field_index = None if several else dict(single)
        raw_index = {key: i for i, key in raw_columns}
        width = len(self._header)
        start = self._header_row
        opened, self._opened = self._opened, None
        if opened is None:
            opened = _OpenSheet(self._path, self._sheet)
        try:
            for number, row in opened.rows():
                if number <= start or _blank_row(row):
                    continue
                size = len(row)
                fields: Mapping[str, Any]
                if field_index is not None:
                    fields = RowMapping(field_index, row)
                else:
                    fields = _first_non_blank(row, single, several)
                if is_example_row(fields):
                    self._skipped[SKIPPED_EXAMPLE] = self._skipped.get(SKIPPED_EXAMPLE, 0) + 1
                    self._skipped_records.append(
                        SkippedRecord(
                            ref=SourceRef(source=SOURCE_NAME, row=number),
                            reason=SKIPPED_EXAMPLE,
                            numbers={"enterprise_number": fields.get("enterprise_number")},
                        )
                    )
                    continue
                raw: Mapping[str, Any] = RowMapping(raw_index, row)
                if size > width and any(not _is_blank(row[i]) for i in range(width, size)):
                    raw = dict(raw) | {
                        f"column {_column_letter(i + 1)}": row[i]
                        for i in range(width, size)
                        if not _is_blank(row[i])
                    }
                yield row_record(SOURCE_NAME, number, fields, raw)
        finally:
            opened.close()

    def close(self) -> None:
        """Release the workbook kept open since opening (``records()`` does it too)."""
        self._closer()
        self._opened = None

    def __enter__(self) -> ExcelSource:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
