"""Builders for the workbooks the Excel tests read: every file is made here, none is shipped."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest

Rows = Sequence[Sequence[object]]


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
