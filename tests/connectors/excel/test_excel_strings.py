"""``strings``: the shared-string text an ``.xlsx`` sheet copies, bounded before calamine reads
it, and never less than what calamine builds (rich text, phonetic runs, entities, empty
strings, indexes in any spelling, chunk boundaries anywhere)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import python_calamine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlink.connectors.excel import parts, strings
from govlink.errors import UnsafeWorkbook

from .conftest import SHARED_STRINGS, shared_workbook

_SHEET = "xl/worksheets/sheet1.xml"
_CHUNK = 1 << 20
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@st.composite
def _text(draw: st.DrawFn) -> str:
    """Text as XML writes it: escaped, some characters as character references."""
    out = []
    for char in draw(st.text(st.sampled_from("ab <&>'\"é€😀\t\n"), max_size=12)):
        out.append(f"&#x{ord(char):X};" if draw(st.booleans()) else escape(char))
    return "".join(out)


_STRINGS = [
    "<si><t>{0}</t></si>",
    '<si><t xml:space="preserve">{0}</t></si>',
    '<si><r><rPr><b/></rPr><t>{0}</t></r><r><t xml:space="preserve">{1}</t></r></si>',
    '<si><t>{0}</t><rPh sb="0" eb="1"><t>{1}</t></rPh><phoneticPr fontId="1"/></si>',
    '<si><rPh sb="0" eb="1"><t>{1}</t></rPh><t>{0}</t></si>',
    "<si><t>{0}</t><t>{1}</t></si>",
    f'<x:si xmlns:x="{_MAIN}"><x:t>{{0}}</x:t></x:si>',
    "<si/>",
    "<si></si>",
    "<si><t/></si>",
]
# A cell of type s naming string {i} at {ref}, as Excel writes it and otherwise.
_SHARED_CELLS = [
    '<c r="{ref}" t="s"><v>{i}</v></c>',
    '<c r="{ref}" s="1" t="s"><v>{i}</v></c>',
    "<c t='s' r='{ref}'><v>{i}</v></c>",
    '<c r="{ref}" t = "s"><v>00{i}</v></c>',
    '<c r="{ref}" t="s"><v>x{i}</v></c>',
    '<c r="{ref}" t="s"><v>0000000000000000000000000{i}</v></c>',
    '<x:c xmlns:x="' + _MAIN + '" r="{ref}" t="s"><x:v>{i}</x:v></x:c>',
]
_OTHER_CELLS = [
    '<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>',
    '<c r="{ref}" t="str"><f>1</f><v>{text}</v></c>',
    '<c r="{ref}"><v>12</v></c>',
]


@st.composite
def _sheet(draw: st.DrawFn, count: int) -> tuple[str, list[tuple[int, int]]]:
    """Rows of cells naming strings ``0..count-1`` and others; the places of the cells of type
    s (row, column)."""
    out, shared = [], []
    for row in range(1, draw(st.integers(1, 5)) + 1):
        out.append(f'<row r="{row}">')
        for column in range(1, draw(st.integers(0, 6)) + 1):
            ref = f"{'ABCDEF'[column - 1]}{row}"
            if count and draw(st.booleans()):
                cell = draw(st.sampled_from(_SHARED_CELLS))
                out.append(cell.format(ref=ref, i=draw(st.integers(0, count - 1))))
                shared.append((row, column))
            else:
                out.append(draw(st.sampled_from(_OTHER_CELLS)).format(ref=ref, text=draw(_text())))
        out.append("</row>")
    return "".join(out), shared


@st.composite
def _workbook(draw: st.DrawFn) -> tuple[list[bytes], bytes, list[tuple[int, int]]]:
    templates = draw(st.lists(st.sampled_from(_STRINGS), min_size=1, max_size=8))
    texts = [t.format(draw(_text()), draw(_text())).encode() for t in templates]
    sheet_data, shared = draw(_sheet(len(texts)))
    return texts, sheet_data.encode(), shared


def _counted(
    tmp_path: Path, texts: list[bytes], sheet_data: bytes, offsets: tuple[int, int] | None
) -> Path:
    """The workbook; with ``offsets``, a chunk boundary that many bytes into the shared strings
    and into the sheet data."""
    head = b"" if offsets is None else b" " * (_CHUNK - offsets[0])
    path = shared_workbook(tmp_path / "shared.xlsx", texts, b"", head=head)
    with zipfile.ZipFile(path) as package:
        found = {info.filename: package.read(info) for info in package.infolist()}
    sheet = found[_SHEET]
    start = sheet.index(b"<sheetData>")
    filler = 0 if offsets is None else max(0, _CHUNK - start - offsets[1] - 7)
    padding = b"<!--" + b"f" * filler + b"-->"
    found[_SHEET] = (
        sheet[:start]
        + padding
        + sheet[start:].replace(
            b"<sheetData></sheetData>", b"<sheetData>" + sheet_data + b"</sheetData>"
        )
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in found.items():
            package.writestr(name, data)
    return path


def _check_bound(path: Path, texts: list[bytes], shared: list[tuple[int, int]]) -> None:
    """calamine's copies of the shared-string cells <= the exact bound <= the quick bound, and
    all its text <= the bound plus the sheet's own size."""
    with zipfile.ZipFile(path) as package:
        lengths = strings.lengths(package, path.name)
        quick, exact = strings.SharedCells(lengths), strings.SharedCells(lengths, exact=True)
        parts.measure(package, _SHEET, quick)
        parts.measure(package, _SHEET, exact)
        sheet_size = package.getinfo(_SHEET).file_size
    assert len(lengths) == len(texts)
    sheet = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_name("Klanten")
    rows = sheet.to_python()
    top, left = sheet.start or (0, 0)
    copied = 0
    for row, column in shared:
        value = rows[row - 1 - top][column - 1 - left]
        assert isinstance(value, str)
        copied += len(value.encode())
    assert copied <= exact.bound <= quick.bound
    every = sum(len(v.encode()) for row in rows for v in row if isinstance(v, str))
    assert every <= exact.bound + sheet_size


@pytest.mark.slow
@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(workbook=_workbook())
def test_the_bound_holds_what_calamine_builds(
    tmp_path: Path, workbook: tuple[list[bytes], bytes, list[tuple[int, int]]]
) -> None:
    texts, sheet_data, shared = workbook
    _check_bound(_counted(tmp_path, texts, sheet_data, None), texts, shared)


@pytest.mark.slow
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(workbook=_workbook(), offsets=st.tuples(st.integers(0, 200), st.integers(0, 300)))
def test_the_bound_holds_across_chunk_boundaries(
    tmp_path: Path,
    workbook: tuple[list[bytes], bytes, list[tuple[int, int]]],
    offsets: tuple[int, int],
) -> None:
    """The same, a 1 MB chunk boundary ``offsets`` bytes into the shared strings and the sheet
    data (each example reads two parts of over 1 MB)."""
    texts, sheet_data, shared = workbook
    _check_bound(_counted(tmp_path, texts, sheet_data, offsets), texts, shared)


def test_each_length_is_never_shorter_than_calamines_string(tmp_path: Path) -> None:
    texts = [t.format("a&amp;b", "&#x1F600;c").encode() for t in _STRINGS]
    rows = "".join(
        f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>' for i in range(len(texts))
    )
    path = shared_workbook(tmp_path / "shared.xlsx", texts, rows.encode())
    with zipfile.ZipFile(path) as package:
        lengths = strings.lengths(package, path.name)
    sheet = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_name("Klanten")
    built = [len(row[0].encode()) for row in sheet.to_python()]
    # calamine leaves phonetic runs out and decodes entities; govlink counts them as written
    assert built == [3, 3, 8, 3, 3, 8, 3, 0, 0, 0]
    assert list(lengths) == [7, 7, 17, 17, 17, 17, 7, 0, 0, 0]
    assert all(b <= n for b, n in zip(built, lengths, strict=True))


@pytest.mark.parametrize(
    ("part", "words"),
    [
        (b"<sst><!-- note --><si><t>a</t></si></sst>", "comments or CDATA"),
        (b"<sst><si><t><![CDATA[a]]></t></si></sst>", "comments or CDATA"),
        (b"<sst><si><t>a</t></si>", "damaged shared strings"),
        (b"<sst><si><t>a</si></t></sst>", "damaged shared strings"),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?><sst/>', "another encoding"),
        ("<sst/>".encode("utf-16"), "another encoding"),
    ],
)
def test_shared_strings_govlink_does_not_read_are_refused(
    tmp_path: Path, part: bytes, words: str
) -> None:
    path = tmp_path / "clients.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(SHARED_STRINGS.upper(), part)
    with zipfile.ZipFile(path) as package, pytest.raises(Exception, match=words) as caught:
        strings.lengths(package, path.name)
    assert getattr(caught.value, "code", None) == "source.corrupt"


def test_more_strings_than_a_sheet_has_cells_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """calamine keeps every string apart, empty ones too: their number is bounded, not only
    their bytes (11M empty strings fit in 55 MB of XML and took 280 MB)."""
    monkeypatch.setattr(strings, "MAX_STRINGS", 1000)
    path = shared_workbook(tmp_path / "clients.xlsx", [b"<si/>"] * 1001, b"")
    with zipfile.ZipFile(path) as package, pytest.raises(UnsafeWorkbook) as caught:
        strings.lengths(package, path.name)
    assert caught.value.code == "source.too_large"
    assert "more than 1,000 shared strings" in str(caught.value)
    path = shared_workbook(tmp_path / "fits.xlsx", [b"<si/>"] * 1000, b"")
    with zipfile.ZipFile(path) as package:
        assert len(strings.lengths(package, path.name)) == 1000
