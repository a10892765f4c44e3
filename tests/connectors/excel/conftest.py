"""Builders for the workbooks the Excel tests read: every file is made here, none is shipped."""

from __future__ import annotations

import tracemalloc
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import openpyxl
import pytest

from govlink import WorkbookError
from govlink.connectors.excel.source import ExcelSource
from govlink.testing.ods import write_spreadsheet

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


Save = Callable[[Path, dict[str, Rows], Sequence[str]], Path]


def _writer(folder: Path, suffix: str, save: Save) -> Callable[..., Path]:
    """``write(rows, name=, title=, sheets={title: rows}, hidden=(titles))`` -> the path:
    ``rows`` fill the first sheet; ``None`` cells stay empty."""

    def write(
        rows: Rows,
        *,
        name: str = f"clients{suffix}",
        title: str = "Klanten",
        sheets: dict[str, Rows] | None = None,
        hidden: Sequence[str] = (),
    ) -> Path:
        return save(folder / name, {title: rows, **(sheets or {})}, hidden)

    return write


def _save_xlsx(path: Path, sheets: dict[str, Rows], hidden: Sequence[str]) -> Path:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    for index, (title, rows) in enumerate(sheets.items()):
        sheet = workbook.create_sheet(title) if index else first
        sheet.title = title
        for row in rows:
            sheet.append(list(row))
        if title in hidden:
            sheet.sheet_state = "hidden"
    workbook.save(path)
    return path


def _save_ods(path: Path, sheets: dict[str, Rows], hidden: Sequence[str]) -> Path:
    return write_spreadsheet(path, sheets, hidden=hidden)


@pytest.fixture
def write_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """``write_xlsx(rows, name=, title=, sheets={title: rows}, hidden=(titles))`` -> the path.

    ``rows`` fill the first sheet; ``None`` cells stay empty.
    """
    return _writer(tmp_path, ".xlsx", _save_xlsx)


@pytest.fixture
def write_ods(tmp_path: Path) -> Callable[..., Path]:
    """``write_ods(...)``: like ``write_xlsx``, but an ``.ods`` as LibreOffice Calc saves it."""
    return _writer(tmp_path, ".ods", _save_ods)


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


_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PACKAGE = b"http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHARED_STRINGS = "xl/sharedStrings.xml"


def shared_workbook(
    path: Path, strings: Sequence[bytes], sheet_data: bytes, *, head: bytes = b""
) -> Path:
    """An ``.xlsx`` package as Excel stores text: ``strings`` are the ``si`` elements of
    ``xl/sharedStrings.xml`` (``head`` is written before them), ``sheet_data`` the rows of the
    sheet ``Klanten``."""
    declaration = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    parts = {
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        b'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        b"</Types>",
        "_rels/.rels": b'<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/'
        b'officeDocument" Target="xl/workbook.xml"/></Relationships>' % (_PACKAGE, _OFFICE),
        "xl/workbook.xml": b'<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Klanten" '
        b'sheetId="1" r:id="rId1"/></sheets></workbook>' % (_MAIN, _OFFICE),
        "xl/_rels/workbook.xml.rels": b'<Relationships xmlns="%s"><Relationship Id="rId1" '
        b'Type="%s/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
        b'Type="%s/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        % (_PACKAGE, _OFFICE, _OFFICE),
        SHARED_STRINGS: b'<sst xmlns="%s">' % _MAIN + head + b"".join(strings) + b"</sst>",
        "xl/worksheets/sheet1.xml": b'<worksheet xmlns="%s"><sheetData>' % _MAIN
        + sheet_data
        + b"</sheetData></worksheet>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, declaration + data)
    return path
