"""Builders for the workbooks the Excel tests read: every file is made here, none is shipped."""

from __future__ import annotations

import tracemalloc
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from govlink import WorkbookError
from govlink.connectors.excel.source import ExcelSource

Rows = Sequence[Sequence[object]]
HEADER = [["Ondernemingsnummer", "Naam"], ["0417497106", "Acme"]]
#: The most Python may allocate while a hostile file is refused.
MEMORY_LIMIT = 48 << 20


def billion_laughs(body: bytes) -> bytes:
    """``body`` behind a DOCTYPE declaring the billion-laughs entities."""
    entities = b'<!ENTITY lol0 "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, b"".join([b"&lol%d;" % (i - 1)] * 10)) for i in range(1, 10)
    )
    return b'<?xml version="1.0"?><!DOCTYPE lolz [' + entities + b"]>" + body


@pytest.fixture
def bounded_memory() -> Iterator[None]:
    """Fails the test when Python allocated more than MEMORY_LIMIT at any moment."""
    tracemalloc.start()
    try:
        yield
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT, f"peak {peak / (1 << 20):.0f} MB"


def refused(path: Path, kind: type[WorkbookError], code: str) -> str:
    """Reading ``path`` fails with exactly ``kind`` and ``code``, in one short line naming the
    file; the message."""
    with pytest.raises(WorkbookError) as caught:
        list(ExcelSource(path).records())
    error = caught.value
    assert type(error) is kind
    assert error.code == code
    message = str(error)
    assert "\n" not in message
    assert len(message) < 300
    assert path.name in message
    return message


@pytest.fixture
def write_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """``write_xlsx(rows, name=, title=, sheets={title: rows}, hidden=(titles))`` -> the path.

    ``rows`` fill the first sheet; ``None`` cells stay empty.
    """

    def write(
        rows: Rows,
        *,
        name: str = "clients.xlsx",
        title: str = "Klanten",
        sheets: dict[str, Rows] | None = None,
        hidden: Sequence[str] = (),
    ) -> Path:
        workbook = openpyxl.Workbook()
        first = workbook.active
        assert first is not None
        first.title = title
        for title_, rows_ in {title: rows, **(sheets or {})}.items():
            sheet = first if title_ == title else workbook.create_sheet(title_)
            for row in rows_:
                sheet.append(list(row))
            if title_ in hidden:
                sheet.sheet_state = "hidden"
        path = tmp_path / name
        workbook.save(path)
        return path

    return write


@pytest.fixture
def replace_part() -> Callable[[Path, str, Callable[[bytes], bytes]], Path]:
    """``replace_part(path, member, transform)``: rewrite one part of a zip in place."""

    def replace(path: Path, member: str, transform: Callable[[bytes], bytes]) -> Path:
        with zipfile.ZipFile(path) as source:
            parts = [(info, source.read(info)) for info in source.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for info, data in parts:
                target.writestr(info.filename, transform(data) if info.filename == member else data)
        return path

    return replace


_ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    'office:version="1.3"'
)
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_ODS_MANIFEST = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
    b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    b'<manifest:file-entry manifest:full-path="/" manifest:media-type="'
    + _ODS_MIMETYPE
    + b'"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    b"</manifest:manifest>"
)
#: The last row and column of a LibreOffice sheet, up to which it writes repeated empty cells.
ODS_LAST_ROW = 1_048_576
ODS_LAST_COLUMN = 1024


def ods_cell(value: object) -> str:
    """A ``table:table-cell`` as LibreOffice Calc writes it."""
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, (int, float)):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}" '
            f'calcext:value-type="float"><text:p>{value}</text:p></table:table-cell>'
        )
    return (
        '<table:table-cell office:value-type="string" calcext:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def ods_content(tables: str) -> bytes:
    """A ``content.xml`` holding ``tables`` (``table:table`` elements), with a visible table
    style ``ta1`` and a hidden one ``ta2``."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<office:document-content {_ODS_NAMESPACES}><office:automatic-styles>"
        '<style:style style:name="ta1" style:family="table">'
        '<style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>'
        f"</office:automatic-styles><office:body><office:spreadsheet>{tables}"
        "<table:named-expressions/></office:spreadsheet></office:body></office:document-content>"
    ).encode()


def ods_table(title: str, rows: Rows, *, hidden: bool = False) -> str:
    """A table as LibreOffice Calc saves it: every row padded with repeated empty cells to the
    last column, and repeated empty rows down to the last row."""
    style = "ta2" if hidden else "ta1"
    body = "".join(
        "<table:table-row>"
        + "".join(ods_cell(value) for value in row)
        + f'<table:table-cell table:number-columns-repeated="{ODS_LAST_COLUMN - len(row)}"/>'
        "</table:table-row>"
        for row in rows
    )
    return (
        f'<table:table table:name="{escape(title, {chr(34): "&quot;"})}" '
        f'table:style-name="{style}"><table:table-column '
        f'table:number-columns-repeated="{ODS_LAST_COLUMN}"/>{body}'
        f'<table:table-row table:number-rows-repeated="{ODS_LAST_ROW - len(rows)}">'
        f'<table:table-cell table:number-columns-repeated="{ODS_LAST_COLUMN}"/>'
        "</table:table-row></table:table>"
    )


def write_ods_package(path: Path, content: bytes, **parts: bytes) -> Path:
    """An OpenDocument package: ``mimetype`` first and stored, then ``content.xml`` and the other
    parts LibreOffice writes, replaced or added by ``parts`` (``name=bytes``, ``/`` as ``__``)."""
    empty = b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document/>'
    written = {"content.xml": content, "styles.xml": empty, "meta.xml": empty}
    written |= {"settings.xml": empty, "META-INF/manifest.xml": _ODS_MANIFEST}
    written |= {part.replace("__", "/"): data for part, data in parts.items()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            zipfile.ZipInfo("mimetype"), _ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED
        )
        for part, data in written.items():
            package.writestr(part, data)
    return path


@pytest.fixture
def write_ods(tmp_path: Path) -> Callable[..., Path]:
    """``write_ods(rows, name=, title=, sheets={title: rows}, hidden=(titles))`` -> the path,
    like ``write_xlsx`` but an ``.ods`` as LibreOffice Calc saves it."""

    def write(
        rows: Rows,
        *,
        name: str = "clients.ods",
        title: str = "Klanten",
        sheets: dict[str, Rows] | None = None,
        hidden: Sequence[str] = (),
    ) -> Path:
        tables = "".join(
            ods_table(title_, rows_, hidden=title_ in hidden)
            for title_, rows_ in {title: rows, **(sheets or {})}.items()
        )
        return write_ods_package(tmp_path / name, ods_content(tables))

    return write
