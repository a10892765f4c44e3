"""OpenDocument spreadsheets (``.ods``): read like ``.xlsx`` workbooks, and refused with the same
guarantees when hostile: one typed error with its code, before calamine allocates anything
large. The tests build every file, as LibreOffice Calc writes them (repeated empty rows and
cells to the sheet's end) or by hand."""

from __future__ import annotations

import json
import re
import secrets
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import python_calamine
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlink import (
    EmptyWorkbook,
    EncryptedWorkbook,
    SheetNotFound,
    UnsafeWorkbook,
    ValidRecord,
    WorkbookFormatError,
    validate,
)
from govlink.cli import main
from govlink.connectors.excel import ods, safety, xmlcheck
from govlink.connectors.excel.source import MAX_ROWS, ExcelSource
from govlink.plugins import Registry, SourceOptions
from govlink.testing import ods as libreoffice

from .conftest import HEADER, billion_laughs, refused

WriteOds = Callable[..., Path]
NL = ["Ondernemingsnummer", "Naam"]
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def _package(tmp_path: Path, tables: str, name: str = "clients.ods", **parts: bytes) -> Path:
    return libreoffice.write_package(tmp_path / name, libreoffice.content(tables), **parts)


def _row(*cells: str, repeated: int | None = None) -> str:
    attribute = f' table:number-rows-repeated="{repeated}"' if repeated is not None else ""
    return f"<table:table-row{attribute}>{''.join(cells)}</table:table-row>"


def _table(title: str, *rows: str) -> str:
    return f'<table:table table:name="{title}">{"".join(rows)}</table:table>'


def _unlike(rows: list[str]) -> list[str]:
    """``rows`` each with its own style name, so they compress like real rows, not a bomb."""
    return [
        row.replace(
            "<table:table-row", f'<table:table-row table:style-name="{secrets.token_hex(8)}"'
        )
        for row in rows
    ]


_FILLED = '<table:table-cell office:value-type="float" office:value="1"'


def _filled(repeated: int) -> str:
    return f'{_FILLED} table:number-columns-repeated="{repeated}"/>'


# ---- read like an .xlsx


def test_a_libreoffice_file_imports(write_ods: WriteOds) -> None:
    path = write_ods([["Klantenlijst"], [], [*NL, "Opmerkingen"], ["0417497106", "Acme NV", "vip"]])
    with zipfile.ZipFile(path) as archive:
        (table,) = ods.tables(archive, path.name)
    # LibreOffice pads to row 1,048,576 and column 1,024; calamine keeps only the data.
    assert (table.rows, table.columns, table.text) == (4, 3, 0)
    source = ExcelSource(path)
    assert (source.sheet, source.header_row, source.unknown_columns) == (
        "Klanten",
        3,
        ("Opmerkingen",),
    )
    (record,) = source.records()
    assert record.ref.row == 4
    assert dict(record.fields) == {"enterprise_number": "0417497106", "name": "Acme NV"}
    assert record.raw["Opmerkingen"] == "vip"


def test_numbers_are_repaired_like_spreadsheet_floats(write_ods: WriteOds) -> None:
    path = write_ods([[*NL, "Postcode"], [417497106, "Acme", 1000], [4.03170701e8, "Beta", 9000]])
    records = list(ExcelSource(path).records())
    assert [r.fields["enterprise_number"] for r in records] == [417497106.0, 403170701.0]
    companies = [validate(r) for r in records]
    assert all(isinstance(c, ValidRecord) for c in companies)
    assert [(c.company.enterprise_number.compact, c.company.postal_code) for c in companies] == [  # type: ignore[union-attr]
        ("0417497106", "1000"),
        ("0403170701", "9000"),
    ]


def test_first_visible_sheet_or_a_sheet_by_name(write_ods: WriteOds) -> None:
    data = [NL, ["0417497106", "Acme"]]
    path = write_ods(
        [["Uitleg"]], title="Info", sheets={"Klanten": data, "Oud": data}, hidden=("Info",)
    )
    assert ExcelSource(path).sheet == "Klanten"
    assert ExcelSource(path, sheet="  oud ").sheet == "Oud"
    with pytest.raises(SheetNotFound, match="its sheets are 'Info', 'Klanten', 'Oud'"):
        ExcelSource(path, sheet="Nieuw")


def test_data_away_from_the_top_left_corner_keeps_its_columns(write_ods: WriteOds) -> None:
    path = write_ods([[], [None, None, *NL], [None, None, "0417497106", "Acme"]])
    (record,) = ExcelSource(path).records()
    assert record.ref.row == 3
    assert dict(record.fields) == {"enterprise_number": "0417497106", "name": "Acme"}


def test_opened_through_the_registry(write_ods: WriteOds) -> None:
    path = write_ods([NL, ["0417497106", "Acme"]])
    source = Registry().open_source(SourceOptions(location=str(path), sheet=None))
    assert [r.fields["name"] for r in source.records()] == ["Acme"]


def test_the_cli_imports_an_ods_like_the_same_xlsx(tmp_path: Path) -> None:
    clients = EXAMPLES / "clients.xlsx"
    workbook = python_calamine.CalamineWorkbook.from_path(clients)
    tables = "".join(
        libreoffice.table(name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
        for name in workbook.sheet_names
    )
    path = _package(tmp_path, tables, name="clients.ods")

    def preview(location: Path) -> dict[str, object]:
        store = tmp_path / f"{location.suffix[1:]}.db"
        result = CliRunner().invoke(
            main, ["import", str(location), "--store", str(store), "--json"]
        )
        assert result.exit_code == 0, result.stderr
        document: dict[str, object] = json.loads(result.stdout)
        return document

    assert preview(path) == preview(clients)


# ---- refused like an .xlsx


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path, bounded_memory: None) -> None:
    path = _package(tmp_path, libreoffice.table("Klanten", HEADER) + " " * (32 << 20))
    tracemalloc.reset_peak()
    assert "like a zip bomb" in refused(path, UnsafeWorkbook, "source.zip_bomb")
    assert tracemalloc.get_traced_memory()[1] < 4 << 20


def test_archive_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _package(tmp_path, libreoffice.table("Klanten", HEADER))
    monkeypatch.setattr(safety, "MAX_MEMBERS", 3)
    assert "parts (at most 3)" in refused(path, UnsafeWorkbook, "source.zip_bomb")


@pytest.mark.parametrize("part", ["content.xml", "styles.xml", "META-INF/manifest.xml"])
def test_xml_entity_expansion(tmp_path: Path, bounded_memory: None, part: str) -> None:
    path = tmp_path / "clients.ods"
    content = libreoffice.content(libreoffice.table("Klanten", HEADER))
    libreoffice.write_package(path, content)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[part] = billion_laughs(parts[part].split(b"?>", 1)[-1])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert "XML entity declarations" in refused(path, UnsafeWorkbook, "source.xml_entities")


def test_a_doctype_behind_a_long_comment_is_refused(tmp_path: Path) -> None:
    # The prolog check skips the comment, however long, and with a '<' in it.
    content = libreoffice.content(libreoffice.table("Klanten", HEADER))
    head, body = content.split(b"\n", 1)
    hidden = b"<!-- <a " + secrets.token_hex(1 << 20).encode() + b" -->"
    declared = head + hidden + b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + body
    path = libreoffice.write_package(tmp_path / "clients.ods", declared)
    assert "XML entity declarations" in refused(path, UnsafeWorkbook, "source.xml_entities")
    # A comment after the root element's start tag is expat's to refuse.
    commented = content.replace(b"<office:body>", b"<office:body><!-- note -->")
    path = libreoffice.write_package(tmp_path / "clients.ods", commented)
    assert "has comments or CDATA" in refused(path, WorkbookFormatError, "source.corrupt")


@pytest.mark.parametrize(
    ("rows", "words"),
    [
        # A value repeated to the last column, or to the last row of a wide sheet.
        ([_row(_filled(16384))], "uses 16,384 columns"),
        ([_row(_filled(1000), repeated=1_000_000)], "spans 1,000,001 rows by 1,000 columns"),
        # Empty rows are allocated when a value follows them.
        (
            [_row(_filled(900)), _row(repeated=1_000_000), _row(_filled(1))],
            "spans 1,000,003 rows by 900 columns",
        ),
        # Rows repeated zero times still have their cells read.
        pytest.param(
            _unlike([_row(_filled(900), repeated=0)] * 9000),
            "spans 9,001 rows by 900 columns",
            marks=pytest.mark.slow,
        ),
    ],
    ids=["columns", "rows", "rows between values", "rows repeated zero times"],
)
def test_huge_repeated_rows_and_columns(
    tmp_path: Path, bounded_memory: None, rows: list[str], words: str
) -> None:
    path = _package(tmp_path, _table("Klanten", _row(libreoffice.cell(NL[0])), *rows))
    assert words in refused(path, UnsafeWorkbook, "source.too_large")


def test_repeated_text_is_bounded(tmp_path: Path, bounded_memory: None) -> None:
    spaces = '<table:table-cell office:value-type="string"><text:p>a<text:s text:c="200000000"/>'
    path = _package(
        tmp_path,
        _table(
            "Klanten", _row(libreoffice.cell(NL[0])), _row(spaces + "</text:p></table:table-cell>")
        ),
    )
    assert "repeats 190 MB of text (at most 64 MB)" in refused(
        path, UnsafeWorkbook, "source.too_large"
    )
    long = libreoffice.cell("x" * 5000).replace(
        "<table:table-cell", '<table:table-cell table:number-columns-repeated="900"'
    )
    path = _package(
        tmp_path, _table("Klanten", _row(libreoffice.cell(NL[0])), _row(long, repeated=20))
    )
    assert "repeats 88 MB of text" in refused(path, UnsafeWorkbook, "source.too_large")


def test_every_sheet_is_bounded_hidden_or_not(tmp_path: Path, bounded_memory: None) -> None:
    hidden = _table("Archief", _row(_filled(1000), repeated=9000)).replace(
        '">', '" table:style-name="ta2">', 1
    )
    path = _package(tmp_path, libreoffice.table("Klanten", HEADER) + hidden)
    message = refused(path, UnsafeWorkbook, "source.too_large")
    assert message.startswith("sheet 'Archief' of clients.ods spans 9,000 rows by 1,000 columns")
    half = _table("Deel", _row(_filled(1000), repeated=5000))
    path = _package(
        tmp_path, libreoffice.table("Klanten", HEADER) + half + half.replace("Deel", "Deel 2")
    )
    message = refused(path, UnsafeWorkbook, "source.too_large")
    assert message.startswith("the sheets of clients.ods span 10,000,008 cells, the sheet read ")
    # The sheet read is counted twice: calamine holds it, and copies it.
    path = _package(tmp_path, _table("Klanten", _row(_filled(1000), repeated=4001)))
    assert "span 8,002,000 cells" in refused(path, UnsafeWorkbook, "source.too_large")


@pytest.mark.slow
def test_rows_running_past_the_last_row_read(tmp_path: Path) -> None:
    path = _package(
        tmp_path,
        _table(
            "Klanten",
            *(_row(*map(libreoffice.cell, row)) for row in HEADER),
            _row(repeated=1_048_000),
            _row(libreoffice.cell("x")),
        ),
    )
    records = ExcelSource(path).records()
    assert next(records).ref.row == 2
    with pytest.raises(UnsafeWorkbook, match=f"runs past row {MAX_ROWS:,}"):
        next(records)


_NESTED = b'<text:p><table:table table:name="x"/>Naam'


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda xml: xml[: len(xml) // 2], "has a damaged content.xml"),
        (
            lambda xml: xml.replace(b"<table:table-row>", b"<table:table-row><!-- -->", 1),
            "comments",
        ),
        (lambda xml: xml.replace(b"<office:body>", b"<?pi x?><office:body>"), "comments or CDATA"),
        (lambda xml: xml.replace(b"UTF-8", b"UTF-16"), "another encoding than UTF-8"),
        (lambda xml: xml.replace(b'rows-repeated="', b'rows-repeated="x'), "that is not a number"),
        (lambda xml: xml.replace(b"<text:p>Naam", _NESTED), "inside a cell"),
    ],
    ids=["truncated", "comment", "processing instruction", "utf-16", "count", "nested table"],
)
def test_damaged_content(
    tmp_path: Path, bounded_memory: None, edit: Callable[[bytes], bytes], words: str
) -> None:
    path = libreoffice.write_package(
        tmp_path / "clients.ods", edit(libreoffice.content(libreoffice.table("Klanten", HEADER)))
    )
    assert words in refused(path, WorkbookFormatError, "source.corrupt")


def test_a_row_too_long_isrefused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xmlcheck, "CHUNK", 4096)
    monkeypatch.setattr(ods, "MAX_ROW_BYTES", 8192)
    path = _package(tmp_path, libreoffice.table("Klanten", [NL, ["0417497106", "x" * 20_000]]))
    assert "has a row longer than" in refused(path, UnsafeWorkbook, "source.too_large")


def test_rows_cut_by_the_chunks_are_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xmlcheck, "CHUNK", 97)
    rows = [NL, *(["0417497106", f"Acme {i}"] for i in range(40))]
    path = _package(tmp_path, libreoffice.table("Klanten", rows))
    with zipfile.ZipFile(path) as archive:
        (table,) = ods.tables(archive, path.name)
    assert (table.rows, table.columns) == (41, 2)
    assert len(list(ExcelSource(path).records())) == 40


def test_no_content_or_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "clients.ods"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert "has no content.xml" in refused(path, WorkbookFormatError, "source.corrupt")
    manifest = (
        b'<manifest:manifest><manifest:file-entry manifest:full-path="content.xml">'
        b"<manifest:encryption-data/></manifest:file-entry></manifest:manifest>"
    )
    path = _package(tmp_path, "", **{"META-INF__manifest.xml": manifest})
    assert "password-protected" in refused(path, EncryptedWorkbook, "source.encrypted")


def test_empty(tmp_path: Path, write_ods: WriteOds) -> None:
    assert "sheet 'Klanten' of clients.ods is empty" in refused(
        write_ods([]), EmptyWorkbook, "source.empty"
    )
    assert "has no visible sheet" in refused(_package(tmp_path, ""), EmptyWorkbook, "source.empty")
    hidden = write_ods(HEADER, hidden=("Klanten",))
    assert "has no visible sheet" in refused(hidden, EmptyWorkbook, "source.empty")


# ---- the bound is never smaller than what calamine builds

_CELLS = st.sampled_from(
    [
        "<table:table-cell/>",
        '<table:table-cell table:style-name="ce1"/>',
        '<table:table-cell office:value-type="float" office:value="7"/>',
        '<table:table-cell office:value-type="string">'
        '<text:p>ab<text:s text:c="3"/>c</text:p></table:table-cell>',
        '<table:table-cell office:value-type="string"/>',
        '<table:table-cell office:value-type="float"/>',
        '<table:table-cell table:formula="of:=1"/>',
        "<table:covered-table-cell/>",
        "<table:table-cell><office:annotation><text:p>n</text:p></office:annotation>"
        "</table:table-cell>",
    ]
)  # fmt: skip
_START_TAG = re.compile(r"(<table:[a-z-]+)([^>]*?)(/?>.*)", re.DOTALL)
_REPEATS = st.sampled_from([None, 0, 1, 2, 5, 40])


@st.composite
def _rows(draw: st.DrawFn) -> str:
    cells = []
    for cell in draw(st.lists(_CELLS, max_size=5)):
        repeats = draw(_REPEATS)
        if repeats is not None:
            # The count first or last among the attributes.
            start = _START_TAG.match(cell)
            assert start is not None
            name, attributes, rest = start.groups()
            count = f' table:number-columns-repeated="{repeats}"'
            first = draw(st.booleans())
            cell = name + (count + attributes if first else attributes + count) + rest
        cells.append(cell)
    return _row(*cells, repeated=draw(_REPEATS))


@pytest.mark.slow
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tables=st.lists(st.lists(_rows(), max_size=6), min_size=1, max_size=3))
def test_the_bound_holds_what_calamine_builds(tmp_path: Path, tables: list[list[str]]) -> None:
    content = libreoffice.content("".join(_table(f"T{i}", *rows) for i, rows in enumerate(tables)))
    path = libreoffice.write_package(tmp_path / "bound.ods", content)
    with zipfile.ZipFile(path) as archive:
        bounds = ods.tables(archive, path.name)
    workbook = python_calamine.CalamineWorkbook.from_path(path)
    text = 0
    for bound in bounds:
        sheet = workbook.get_sheet_by_name(bound.title or "")
        rows = list(sheet.iter_rows())
        start = sheet.start[1] if sheet.start else 0
        assert len(rows) <= bound.rows
        assert max((start + len(row) for row in rows), default=0) <= bound.columns
        text += sum(len(v.encode()) for row in rows for v in row if isinstance(v, str))
    assert text <= len(content) + sum(bound.text for bound in bounds)


@pytest.mark.parametrize(("written", "named"), [(".ods", ".xlsx"), (".xlsx", ".ods"), (".ods", "")])
def test_a_name_that_does_not_end_in_its_format_is_read_by_its_content(
    write_ods: WriteOds, write_xlsx: Callable[..., Path], written: str, named: str
) -> None:
    """calamine picks its parser by the name: it is given one that ends in the format checked."""
    path = (write_ods if written == ".ods" else write_xlsx)(HEADER)
    renamed = path.rename(path.with_name("export (1)" + named))
    assert [r.fields["name"] for r in ExcelSource(renamed).records()] == ["Acme"]
    assert renamed.exists()
