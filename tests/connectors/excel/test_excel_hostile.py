"""Hostile and broken files: each gives one typed error with a one-line message, never a
traceback from openpyxl or zipfile, and never much memory. The tests build every file."""

from __future__ import annotations

import secrets
import struct
import tracemalloc
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from govlink import (
    EmptyWorkbook,
    EncryptedWorkbook,
    HeaderNotFound,
    UnsafeWorkbook,
    WorkbookFormatError,
)
from govlink.connectors.excel import safety
from govlink.connectors.excel.source import MAX_ROWS, ExcelSource

from .conftest import HEADER, SHARED_STRINGS, billion_laughs, refused, shared_workbook

WriteXlsx = Callable[..., Path]
ReplacePart = Callable[[Path, str, Callable[[bytes], bytes]], Path]

SHEET = "xl/worksheets/sheet1.xml"
WORKBOOK = "xl/workbook.xml"
_SHEET_ENTRY = b'<sheet name="Klanten" sheetId="1" state="visible" r:id="rId1" />'

_FREE, _END, _FAT, _NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _compound_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (version 3), the container of .xls and encrypted workbooks.

    Sector 0 holds the FAT, sector 1 the directory (root + up to 3 streams), then the streams,
    each at least 4096 bytes so none lives in the mini stream.
    """
    fat, data, entries = [_FAT, _END], b"", []
    for index, (name, content) in enumerate(streams.items(), start=1):
        body = content.ljust(max(4096, len(content)), b"\0")
        body = body.ljust(-(-len(body) // 512) * 512, b"\0")
        first = len(fat)
        count = len(body) // 512
        fat += [first + i + 1 for i in range(count - 1)] + [_END]
        right = index + 1 if index < len(streams) else _NONE
        entries.append((name, 2, _NONE, right, first, len(body)))
        data += body
    root = ("Root Entry", 5, 1 if streams else _NONE, _NONE, _END, 0)
    directory = b""
    for name, kind, child, right, start, size in [root, *entries]:
        encoded = (name + "\0").encode("utf-16-le")
        directory += struct.pack(
            "<64sHBBIII16sIQQIQ",
            encoded, len(encoded), kind, 1, _NONE, right, child, bytes(16), 0, 0, 0, start, size,
        )  # fmt: skip
    directory = directory.ljust(512, b"\0")
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        bytes.fromhex("d0cf11e0a1b11ae1"), bytes(16), 0x3E, 3, 0xFFFE, 9, 6, bytes(6),
        0, 1, 1, 0, 4096, _END, 0, _END, 0,
    ) + struct.pack("<109I", 0, *[_FREE] * 108)  # fmt: skip
    assert len(fat) <= 128
    assert len(header) == 512
    return header + struct.pack("<128I", *fat, *[_FREE] * (128 - len(fat))) + directory + data


# ---- not a workbook at all


def test_not_a_zip(tmp_path: Path, bounded_memory: None) -> None:
    path = tmp_path / "clients.xlsx"
    path.write_bytes(bytes(range(256)) * 4)
    message = refused(path, WorkbookFormatError, "source.not_xlsx")
    assert message == (
        "clients.xlsx is not an .xlsx workbook; "
        "open it in Excel and save it as an Excel Workbook (.xlsx)"
    )


def test_csv_renamed(tmp_path: Path, bounded_memory: None) -> None:
    path = tmp_path / "clients.xlsx"
    path.write_text("Ondernemingsnummer;Naam\n0417497106;Acme\n", encoding="utf-8")
    assert "is a text (CSV) file" in refused(path, WorkbookFormatError, "source.csv")


def test_legacy_xls(tmp_path: Path, bounded_memory: None) -> None:
    bof = struct.pack("<HHHHHHII", 0x0809, 16, 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0)
    path = tmp_path / "clients.xls"
    path.write_bytes(_compound_file({"Workbook": bof}))
    assert "old Excel 97-2003 (.xls)" in refused(path, WorkbookFormatError, "source.xls")


def test_opendocument_text(tmp_path: Path, bounded_memory: None) -> None:
    path = tmp_path / "clients.ods"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    message = refused(path, WorkbookFormatError, "source.not_xlsx")
    assert message == (
        "clients.ods is an OpenDocument file but not a spreadsheet; "
        "open it in Excel and save it as an Excel Workbook (.xlsx)"
    )


def test_encrypted(tmp_path: Path, bounded_memory: None) -> None:
    path = tmp_path / "clients.xlsx"
    info = struct.pack("<HHI", 4, 4, 0x40) + b"<encryption/>"
    package = struct.pack("<Q", 9000) + bytes(range(256)) * 40
    path.write_bytes(_compound_file({"EncryptionInfo": info, "EncryptedPackage": package}))
    assert "password-protected" in refused(path, EncryptedWorkbook, "source.encrypted")


def test_zero_bytes(tmp_path: Path) -> None:
    path = tmp_path / "clients.xlsx"
    path.write_bytes(b"")
    refused(path, EmptyWorkbook, "source.empty")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    refused(tmp_path / "clients.xlsx", WorkbookFormatError, "source.not_found")
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    refused(folder, WorkbookFormatError, "source.not_found")


def test_truncated(write_xlsx: WriteXlsx, bounded_memory: None) -> None:
    path = write_xlsx(HEADER)
    path.write_bytes(path.read_bytes()[:1500])
    refused(path, WorkbookFormatError, "source.corrupt")


def test_zip_that_is_not_a_workbook(tmp_path: Path, bounded_memory: None) -> None:
    path = tmp_path / "clients.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert "damaged or not an Excel workbook (KeyError)" in refused(
        path, WorkbookFormatError, "source.corrupt"
    )


def test_broken_sheet_xml(write_xlsx: WriteXlsx, replace_part: ReplacePart) -> None:
    path = replace_part(write_xlsx(HEADER), SHEET, lambda xml: xml[: len(xml) // 2])
    refused(path, WorkbookFormatError, "source.corrupt")


# ---- empty


def test_empty_sheet(write_xlsx: WriteXlsx) -> None:
    assert "sheet 'Klanten' of clients.xlsx is empty" in refused(
        write_xlsx([]), EmptyWorkbook, "source.empty"
    )


@pytest.mark.parametrize(
    "edit",
    [
        lambda xml: xml.replace(_SHEET_ENTRY, b""),
        lambda xml: xml.replace(b'state="visible"', b'state="hidden"'),
    ],
    ids=["no sheets", "all hidden"],
)
def test_no_visible_sheet(
    write_xlsx: WriteXlsx, replace_part: ReplacePart, edit: Callable[[bytes], bytes]
) -> None:
    path = write_xlsx(HEADER)
    with zipfile.ZipFile(path) as archive:
        assert _SHEET_ENTRY in archive.read(WORKBOOK)
    replace_part(path, WORKBOOK, edit)
    assert "has no visible sheet" in refused(path, EmptyWorkbook, "source.empty")


def test_no_header_row(write_xlsx: WriteXlsx) -> None:
    refused(write_xlsx([["Naam"], ["Acme"]]), HeaderNotFound, "source.no_header")


# ---- made to exhaust memory or time


def test_zip_bomb_is_refused_before_unpacking(
    write_xlsx: WriteXlsx, replace_part: ReplacePart, bounded_memory: None
) -> None:
    def pad(xml: bytes) -> bytes:
        return xml.replace(b"<sheetData>", b" " * (32 << 20) + b"<sheetData>")

    path = replace_part(write_xlsx(HEADER), SHEET, pad)
    tracemalloc.reset_peak()
    assert "like a zip bomb" in refused(path, UnsafeWorkbook, "source.zip_bomb")
    assert tracemalloc.get_traced_memory()[1] < 4 << 20


@pytest.mark.parametrize(
    ("limit", "value", "words"),
    [
        ("MAX_UNPACKED", 4096, "would unpack to"),
        ("MAX_MEMBERS", 3, "parts (at most 3)"),
    ],
)
def test_archive_limits(
    write_xlsx: WriteXlsx,
    monkeypatch: pytest.MonkeyPatch,
    limit: str,
    value: int,
    words: str,
) -> None:
    path = write_xlsx(HEADER)
    monkeypatch.setattr(safety, limit, value)
    assert words in refused(path, UnsafeWorkbook, "source.zip_bomb")


def test_too_much_shared_text(write_xlsx: WriteXlsx, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_xlsx(HEADER)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", "<sst>" + "<si><t>x</t></si>" * 100 + "</sst>")
    monkeypatch.setattr(safety, "MAX_SHARED_STRINGS", 1024)
    assert "of text" in refused(path, UnsafeWorkbook, "source.too_large")


@pytest.mark.parametrize(
    ("part", "body"),
    [
        (SHEET, b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
         b"</sheetData></worksheet>"),
        (WORKBOOK, None),
    ],
    ids=["sheet", "workbook"],
)  # fmt: skip
def test_xml_entity_expansion(
    write_xlsx: WriteXlsx,
    replace_part: ReplacePart,
    bounded_memory: None,
    part: str,
    body: bytes | None,
) -> None:
    def explode(xml: bytes) -> bytes:
        return billion_laughs(body if body is not None else xml.split(b"?>", 1)[-1])

    path = replace_part(write_xlsx(HEADER), part, explode)
    assert "XML entity declarations" in refused(path, UnsafeWorkbook, "source.xml_entities")


def test_external_entity(write_xlsx: WriteXlsx, replace_part: ReplacePart) -> None:
    def external(xml: bytes) -> bytes:
        declaration = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        return declaration + xml.replace(b"<t>Acme</t>", b"<t>&x;</t>")

    path = replace_part(write_xlsx(HEADER), SHEET, external)
    refused(path, UnsafeWorkbook, "source.xml_entities")


@pytest.mark.parametrize("dimension", [b"A1:XFD1048576", b"A1:B1048576", b"A1:XFD2"])
def test_huge_declared_dimension(
    write_xlsx: WriteXlsx, replace_part: ReplacePart, bounded_memory: None, dimension: bytes
) -> None:
    path = replace_part(
        write_xlsx(HEADER),
        SHEET,
        lambda xml: xml.replace(b'ref="A1:B2"', b'ref="' + dimension + b'"'),
    )
    message = refused(path, UnsafeWorkbook, "source.too_large")
    assert message.startswith("sheet 'Klanten' of clients.xlsx declares ")
    assert message.endswith("delete the empty rows and columns after the data and save it again")


@pytest.mark.slow
def test_rows_running_to_the_last_row(
    write_xlsx: WriteXlsx, replace_part: ReplacePart, bounded_memory: None
) -> None:
    last = b'<row r="1048576"><c r="B1048576" t="inlineStr"><is><t>x</t></is></c></row>'

    def stretch(xml: bytes) -> bytes:
        xml = xml.replace(b'<dimension ref="A1:B2" />', b"")
        return xml.replace(b"</sheetData>", last + b"</sheetData>")

    path = replace_part(write_xlsx(HEADER), SHEET, stretch)
    source = ExcelSource(path)
    records = source.records()
    assert next(records).ref.row == 2
    with pytest.raises(UnsafeWorkbook, match=f"runs past row {MAX_ROWS:,}"):
        next(records)


def test_a_cell_far_to_the_right(write_xlsx: WriteXlsx, replace_part: ReplacePart) -> None:
    far = b'<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'

    def widen(xml: bytes) -> bytes:
        xml = xml.replace(b'<dimension ref="A1:B2" />', b"")
        return xml.replace(b"</row></sheetData>", far)

    path = replace_part(write_xlsx(HEADER), SHEET, widen)
    assert "uses 16,384 columns" in refused(path, UnsafeWorkbook, "source.too_large")


@pytest.mark.parametrize(
    "far",
    [
        b"<row r='400000'><c r='Z400000' t='inlineStr'><is><t>x</t></is></c></row>",
        b'<row r = "400000"><c r = "Z400000" t="inlineStr"><is><t>x</t></is></c></row>',
        b'<row r="3"><c r="z400000" t="inlineStr"><is><t>x</t></is></c></row>',
        b'<row r="3"><a.b:c r="Z400000" t="inlineStr"><is><t>x</t></is></a.b:c></row>',
        b'<row r="3"><c r="A3" r="Z400000" t="inlineStr"><is><t>x</t></is></c></row>',
    ],
)
def test_a_far_cell_in_any_spelling(
    write_xlsx: WriteXlsx, replace_part: ReplacePart, bounded_memory: None, far: bytes
) -> None:
    # calamine reads each of these as a cell at Z400000: 10.4 million cells, 350 MB
    path = replace_part(
        write_xlsx(HEADER), SHEET, lambda xml: xml.replace(b"</sheetData>", far + b"</sheetData>")
    )
    message = refused(path, UnsafeWorkbook, "source.too_large")
    assert "spans 400,000 rows by 26 columns" in message


# ---- shared strings copied into many cells


def _naming(count: int, cell: bytes = b'<c r="A%d" t="s"><v>1</v></c>') -> bytes:
    """A header row, then ``count`` rows whose cell names shared string 1 (spelled ``cell``)."""
    rows = [b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>']
    rows += [
        b'<row r="%d">' % n + cell.replace(b"%d", b"%d" % n) + b"</row>"
        for n in range(2, count + 2)
    ]
    return b"".join(rows)


_LONG = [b"<si><t>Ondernemingsnummer</t></si>", b"<si><t>" + b"x" * 100_000 + b"</t></si>"]


@pytest.mark.parametrize(
    "cell",
    [
        b'<c r="A%d" t="s"><v>1</v></c>',
        b"<c t='s' r='A%d'><v>0001</v></c>",
        b'<x:c r="A%d" t = "s"><x:v>1</x:v></x:c>',
    ],
    ids=["as Excel writes it", "other spellings", "prefixed"],
)
def test_a_long_string_named_by_many_cells(
    tmp_path: Path, bounded_memory: None, cell: bytes
) -> None:
    # 2,000 copies of 100 KB: calamine took 219 MB for this 12 KB file
    path = shared_workbook(tmp_path / "clients.xlsx", _LONG, _naming(2000, cell))
    assert path.stat().st_size < 20_000
    message = refused(path, UnsafeWorkbook, "source.too_large")
    assert message == (
        "clients.xlsx repeats 190 MB of text (at most 64 MB); "
        "delete the repeated cells and save it again"
    )


def test_an_index_that_is_not_a_number_names_the_first_string(
    tmp_path: Path, bounded_memory: None
) -> None:
    strings = [_LONG[1], _LONG[0]]
    path = shared_workbook(
        tmp_path / "clients.xlsx", strings, _naming(2000, b'<c r="A%d" t="s"><v>x</v></c>')
    )
    assert "repeats 190 MB of text" in refused(path, UnsafeWorkbook, "source.too_large")


def test_shared_strings_each_used_once_or_short_are_read(tmp_path: Path) -> None:
    # Counted quickly as the longest string, then cell by cell: 1,000 cells name "0417497106"
    # and one the 100 KB string.
    strings = [*_LONG, b"<si><t>0417497106</t></si>"]
    rows = _naming(1000, b'<c r="A%d" t="s"><v>2</v></c>') + (
        b'<row r="1002"><c r="A1002" t="s"><v>1</v></c></row>'
    )
    path = shared_workbook(tmp_path / "clients.xlsx", strings, rows)
    assert len(list(ExcelSource(path).records())) == 1001


# ---- DOCTYPE anywhere in the prolog of any part

_ENTITY = b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


def _comment(size: int) -> bytes:
    """A comment of ``size`` bytes holding a '<' and text that does not compress like a bomb."""
    return b"<!-- <a " + secrets.token_hex(size).encode()[: size - 12] + b" -->"


@pytest.mark.parametrize(
    "part", ["xl/workbook.xml", SHEET, SHARED_STRINGS, "xl/_rels/workbook.xml.rels", "_rels/.rels"]
)
@pytest.mark.parametrize(
    "before",
    [
        lambda _: b"<!-- <a -->",
        lambda _: _comment(3 << 20),  # longer than a chunk
        lambda _: b"<?pi <a ?>",
        # the declaration cut by the first chunk's end, 4 bytes in
        lambda head: _comment((1 << 20) - head - 4),
    ],
    ids=["comment", "long comment", "instruction", "across chunks"],
)
def test_a_doctype_behind_comments_and_instructions(
    tmp_path: Path, bounded_memory: None, part: str, before: Callable[[int], bytes]
) -> None:
    path = shared_workbook(tmp_path / "clients.xlsx", _LONG[:1], _naming(0))
    with zipfile.ZipFile(path) as source:
        found = {info.filename: source.read(info) for info in source.infolist()}
    declaration, body = found[part].split(b"\n", 1)
    found[part] = declaration + before(len(declaration)) + _ENTITY + body
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in found.items():
            target.writestr(name, data)
    assert "XML entity declarations" in refused(path, UnsafeWorkbook, "source.xml_entities")


@pytest.mark.parametrize("twin", [SHARED_STRINGS, SHARED_STRINGS.upper(), SHEET.upper()])
def test_two_parts_of_one_name_are_refused(tmp_path: Path, twin: str) -> None:
    # calamine finds a part by its name in any case; govlink might measure the other one
    path = shared_workbook(tmp_path / "clients.xlsx", _LONG, _naming(3))
    with zipfile.ZipFile(path, "a") as package, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of an exact duplicate name
        package.writestr(twin, b"<sst/>")
    assert "has two parts named" in refused(path, WorkbookFormatError, "source.corrupt")
