"""The tables of an OpenDocument spreadsheet (``.ods``), measured before calamine sees it.

When it opens an ``.ods`` file, calamine parses every table of ``content.xml`` into memory, and
OpenDocument stores repetition compactly: one ``table:table-row`` with
``table:number-rows-repeated`` stands for many rows, one cell with
``table:number-columns-repeated`` for many cells, one ``<text:s text:c="N"/>`` for ``N`` spaces.
So govlink streams ``content.xml`` first, in 1 MB chunks:

- expat checks that it is well-formed UTF-8 XML without a document type, comments, CDATA or
  processing instructions, so every ``<`` starts a tag, and the tags below are exactly the tags
  calamine sees (it, too, matches them by their literal prefixed names);
- a scan of its tables, row by row, gives each table its bound: the rows up to the last row
  holding a value (each row element counts at least one, as calamine keeps the cells of a row
  repeated zero times), times the widest such row (its cells up to its last value, repeats
  summed); and the bytes of text repetition adds beyond the XML itself (a cell with a value,
  times its repeats, plus its ``text:s`` spaces).

Trailing empty rows and cells, which LibreOffice writes up to row 1,048,576 and column 16,384,
are not counted: calamine keeps only the cells before a row's last value and the rows before a
table's last row with a value. A cell has a value when its start tag names an ``office:``
attribute or a formula (calamine's rule, read conservatively).
"""

from __future__ import annotations

import functools
import html
import re
import zipfile
from typing import Final

import attrs

from govlink.connectors.excel import xmlcheck
from govlink.errors import UnsafeWorkbook, WorkbookFormatError

__all__ = ["CONTENT", "MAX_ROW_BYTES", "OdsTable", "tables"]

#: The part holding the tables.
CONTENT: Final = "content.xml"
#: The longest row element read (bytes); a longer one is refused.
MAX_ROW_BYTES: Final = 4 << 20

# A start tag's attributes, quotes respected (a value may hold '>', never '<').
_ATTRIBUTES: Final = rb"(" + xmlcheck.ATTRIBUTES + rb")"
_TOKEN: Final = re.compile(
    rb"<(?:table:table-row(?=[\s/>])" + _ATTRIBUTES + rb"(?:/>|>"
    # The row's content, a tag at a time, up to its end tag.
    rb"([^<]*(?:<(?!/table:table-row[\s>])[^<]*)*)</table:table-row\s*>)"
    rb"|(table:table|style:style|style:table-properties)(?=[\s/>])" + _ATTRIBUTES + rb"(/?)>"
    rb"|(/)table:table\s*>)",
)
_ROW_START: Final = re.compile(rb"<table:table-row(?=[\s/>])")
_NESTED: Final = re.compile(rb"<table:table(?:-row)?(?=[\s/>])")
_SPACES: Final = re.compile(rb"<text:s(?=[\s/>])")
_CELL: Final = re.compile(
    rb"<(/?)(table:table-cell|table:covered-table-cell|text:s)(?=[\s/>])" + _ATTRIBUTES + rb"(/?)>"
)
_ATTRIBUTE: Final = re.compile(rb"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_COUNT: Final = re.compile(r"\+?[0-9]+")
_VALUE: Final = (b"office:", b"table:formula")
_CELL_TAGS: Final = (b"<table:table-cell", b"<table:covered-table-cell")


@attrs.frozen
class OdsTable:
    """One table of ``content.xml`` and the most calamine will hold for it.

    ``title`` is ``None`` for a table without a name (calamine skips it, govlink still counts
    it). ``rows`` and ``columns`` bound the rectangle of cells; ``text`` bounds the bytes of text
    repetition adds beyond the XML itself.
    """

    title: str | None
    visible: bool
    rows: int
    columns: int
    text: int


def _corrupt(name: str, what: str) -> WorkbookFormatError:
    return WorkbookFormatError(
        f"{name} {what}; open it in LibreOffice Calc or Excel and save it again",
        code="source.corrupt",
    )


def _values(body: bytes, key: bytes) -> list[bytes]:
    """The raw values of attribute ``key`` in a start tag's ``body`` (duplicates kept)."""
    return [double or single for found, double, single in _ATTRIBUTE.findall(body) if found == key]


def _text(body: bytes, key: bytes) -> str | None:
    """The first value of attribute ``key``, entities decoded."""
    found = _values(body, key)
    return html.unescape(found[0].decode("utf-8")) if found else None


@attrs.define
class _Scan:
    """One scan of ``content.xml``: the tables so far, and the table being read."""

    name: str
    found: list[OdsTable] = attrs.Factory(list)
    styles: dict[str | None, bool] = attrs.Factory(dict)
    style: str | None = None
    in_table: bool = False
    title: str | None = None
    visible: bool = True
    rows: int = 0
    height: int = 0
    width: int = 0
    text: int = 0

    def count(self, body: bytes, key: bytes, *, decoded: bool = True) -> int:
        """The count in attribute ``key`` as calamine parses it (the largest, if the attribute
        is repeated), 1 when absent; ``decoded``: calamine decodes entities in it first."""
        values = _values(body, key)
        if not values:
            return 1
        counts = []
        for raw in values:
            value = raw.decode("utf-8")
            value = html.unescape(value) if decoded else value
            if not _COUNT.fullmatch(value):
                raise _corrupt(self.name, f"has a count {value[:20]!r} that is not a number")
            counts.append(int(value))
        return max(counts)

    def start_table(self, body: bytes) -> None:
        if self.in_table:
            raise _corrupt(self.name, "has a table inside a table")
        self.in_table, self.title = True, _text(body, b"table:name")
        self.visible = self.styles.get(_text(body, b"table:style-name"), True)
        self.rows = self.height = self.width = self.text = 0

    def end_table(self) -> None:
        self.in_table = False
        self.found.append(
            OdsTable(
                title=self.title,
                visible=self.visible,
                rows=self.height,
                columns=self.width,
                text=self.text,
            )
        )

    def row(self, body: bytes, content: bytes) -> None:
        repeats = self.count(body, b"table:number-rows-repeated") if b"repeated" in body else 1
        cells = content.count(b"<table:table-cell")
        if content.count(b"<table:table") != cells and _NESTED.search(content):
            raise _corrupt(self.name, "has a table or row inside a cell")
        # Repeats after the start tag of the row's last value are trailing empty cells, which
        # calamine drops; that tag ends before the next '<' (attribute values hold none).
        last = max(content.rfind(b"office:"), content.rfind(b"table:formula"))
        end = content.find(b"<", last) if last >= 0 else 0
        repeated = content.find(b"columns-repeated", 0, len(content) if end < 0 else end) >= 0
        if repeated or _SPACES.search(content):
            filled, text = self.cells(content, max(repeats, 1))
        else:
            filled = 0 if last < 0 else sum(content.count(tag, 0, last) for tag in _CELL_TAGS)
            text = (max(repeats, 1) - 1) * len(content) if filled else 0
        # A row repeated zero times still has its cells read: it counts one.
        self.rows += max(repeats, 1)
        if filled:
            self.height = self.rows
            self.width = max(self.width, filled)
            self.text += text

    def cells(self, content: bytes, repeats: int) -> tuple[int, int]:
        """The cells up to the row's last value (repeats summed) and the text repetition adds,
        cell by cell."""
        position = filled = text = 0
        start = cell_repeats = spaces = 0
        valued = in_cell = False
        for match in _CELL.finditer(content):
            end, tag, body, empty = match.groups()
            if tag == b"text:s":
                if in_cell and not end:
                    spaces += self.count(body, b"text:c")
                continue
            if not end:
                if in_cell:
                    raise _corrupt(self.name, "has a cell inside a cell")
                in_cell, start, spaces = True, match.start(), 0
                cell_repeats = self.count(body, b"table:number-columns-repeated", decoded=False)
                valued = any(marker in body for marker in _VALUE)
                position += cell_repeats
                filled = position if valued else filled
            if (end or empty) and in_cell:
                in_cell = False
                if valued:
                    size = match.end() - start
                    text += max(repeats * cell_repeats * (size + spaces) - size, 0)
        return filled, text

    def start_style(self, body: bytes) -> None:
        self.style = _text(body, b"style:name")

    def table_properties(self, body: bytes) -> None:
        if self.style is not None:
            self.styles[self.style] = _text(body, b"table:display") != "false"

    def read(self, text: bytes) -> None:
        """Every table, row and table style in ``text`` (whole tags and rows only)."""
        for row_body, content, tag, body, empty, end in _TOKEN.findall(text):
            if end:
                if self.in_table:
                    self.end_table()
            elif not tag:
                if self.in_table:
                    self.row(row_body, content)
            elif tag == b"table:table":
                self.start_table(body)
                if empty:
                    self.end_table()
            elif tag == b"style:style":
                self.start_style(body)
            else:
                self.table_properties(body)


def _cut(data: bytes) -> int:
    """Where the whole rows and tags of ``data`` end: an unfinished row or tag is carried."""
    row = len(data)
    while (row := data.rfind(b"<table:table-row", 0, row)) >= 0:
        if _ROW_START.match(data, row):
            if _TOKEN.match(data, row) is None:
                return row
            break
    return xmlcheck.whole_tags(data)


def tables(archive: zipfile.ZipFile, name: str) -> list[OdsTable]:
    """Every table of the package's ``content.xml``, in document order, with its bound.

    :param name: the file's name, for the messages.
    :raises WorkbookFormatError: ``content.xml`` is missing, not well-formed UTF-8 XML, or
        holds markup govlink does not read (``source.corrupt``).
    :raises UnsafeWorkbook: a row longer than :data:`MAX_ROW_BYTES` (``source.too_large``).
    :raises defusedxml.DTDForbidden: a document type (and so possibly entities).
    """
    if CONTENT not in archive.namelist():
        raise _corrupt(name, f"has no {CONTENT}")
    scan = _Scan(name=name)
    for data, end in xmlcheck.checked(
        archive, CONTENT, _cut, functools.partial(_corrupt, name), CONTENT
    ):
        if len(data) - end > MAX_ROW_BYTES:
            raise UnsafeWorkbook(
                f"{name} has a row longer than {MAX_ROW_BYTES >> 20} MB; "
                "open it in LibreOffice Calc or Excel and save it again",
                code="source.too_large",
            )
        scan.read(data[:end])
    return scan.found
