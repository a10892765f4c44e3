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
