"""``parts.measure``: the sheet extent read before calamine runs, an upper bound in every
spelling of rows and cells (with or without ``r``, attributes in any order, namespace
prefixes, tags cut by the 1 MB chunks)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from govlink.connectors.excel import parts
from govlink.connectors.excel.parts import SheetExtent

_NAME = "xl/worksheets/sheet1.xml"


def _measure(tmp_path: Path, sheet_data: bytes, dimension: bytes = b"") -> SheetExtent:
    path = tmp_path / "sheet.zip"
    xml = b"<worksheet>" + dimension + b"<sheetData>" + sheet_data + b"</sheetData></worksheet>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(_NAME, xml)
    with zipfile.ZipFile(path) as package:
        return parts.measure(package, _NAME)


@pytest.mark.parametrize(
    ("sheet_data", "rows", "columns"),
    [
        (b'<row r="1"><c r="A1"/><c r="C1"/></row><row r="7"><c r="B7"/></row>', 7, 3),
        # a cell naming a row beyond its row element, attributes in any order
        (b'<row spans="1:2" r="2"><c t="s" r="AB40"><v>0</v></c></row>', 40, 28),
        # rows and cells without r follow the previous one: each counts one more
        (b'<row><c r="B1"/><c/><c></c></row><row r="3"><c>x</c></row>', 3 + 1, 2 + 3),
        # namespace prefixes
        (b'<x:row r="5"><x:c r="D5"/><x:c/></x:row>', 5, 4 + 1),
        # look-alike tags are not cells or rows
        (
            b'<row r="2"><c r="A2"/></row><rowBreaks count="1"/><cols><col max="9"/></cols>',
            2,
            1,
        ),
    ],
)
def test_extent_bounds_every_spelling(
    tmp_path: Path, sheet_data: bytes, rows: int, columns: int
) -> None:
    extent = _measure(tmp_path, sheet_data)
    assert (extent.rows, extent.columns) == (rows, columns)


def test_tags_across_chunk_boundaries(tmp_path: Path) -> None:
    row = b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>' + b"x" * 200 + b"</t></is></c></row>"
    count = 3 * (1 << 20) // len(row) + 10  # a few chunks' worth
    data = b"".join(row.replace(b"%d", str(n).encode()) for n in range(1, count + 1))
    extent = _measure(tmp_path, data + b'<row r="1"><c r="Z1"/></row>', b'<dimension ref="A1:Z9"/>')
    assert (extent.declared_rows, extent.declared_columns) == (9, 26)
    assert (extent.rows, extent.columns) == (count, 26)
