"""``parts.measure``: the sheet extent read before calamine runs, an upper bound in every
spelling of rows and cells (with or without ``r``, attributes in any order and quoting,
namespace prefixes, tags cut by the 1 MB chunks), checked against a reading by an XML parser."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink.connectors.excel import parts
from govlink.connectors.excel.parts import SheetExtent

_NAME = "xl/worksheets/sheet1.xml"
T = TypeVar("T")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CHUNK = 1 << 20


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
        # every spelling calamine accepts: single quotes, spaces around '=', lower case
        (b"<row r='400000'><c r='Z400000'/></row>", 400000, 26),
        (b'<row r = "7"><c r =\t"C7"/></row>', 7, 3),
        (b'<row r="3"><c r="z9"/></row>', 9, 26),
        # any prefix; calamine takes a tag's last r
        (b'<row r="3"><a.b:c r="Z9"/></row>', 9, 26),
        (b'<row r="3"><c r="A3" r="Z9"/></row>', 9, 26),
        # a '>' inside a value does not end the tag
        (b'<row r="2"><c t="a>b" r="D2"/><c t="a>b"/></row>', 2, 4 + 1),
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


def _sheet(filler: int, sheet_data: bytes) -> bytes:
    """A worksheet whose sheet data starts ``filler`` bytes in (a comment fills the rest)."""
    head = f'<worksheet xmlns="{_MAIN}" xmlns:x="{_MAIN}"><!--'.encode()
    return head + b"f" * filler + b"--><sheetData>" + sheet_data + b"</sheetData></worksheet>"


def _read(xml: bytes, read: Callable[[zipfile.ZipFile, str], T]) -> T:
    """``read(package, name)`` of a package holding ``xml`` as the sheet."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(_NAME, xml)
    with zipfile.ZipFile(buffer) as package:
        return read(package, _NAME)


def _measured(xml: bytes) -> SheetExtent:
    return _read(xml, parts.measure)


def _column(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _parsed(xml: bytes) -> tuple[int, int]:
    """The extent as calamine reads the sheet: the highest row any ``row`` or ``c`` names (a
    row's letters are ignored) plus the rows without ``r``; the highest column any ``c`` names
    plus the cells without ``r``."""
    rows = columns = loose_rows = loose_cells = 0
    for _, element in ElementTree.iterparse(io.BytesIO(xml)):
        local = element.tag.rsplit("}", 1)[-1]
        if local not in ("row", "c"):
            continue
        named = re.fullmatch(r"([A-Za-z]*)(\d+)", element.get("r", ""))
        if named is None:
            loose_rows += local == "row"
            loose_cells += local == "c"
            continue
        rows = max(rows, int(named.group(2)))
        if local == "c":
            columns = max(columns, _column(named.group(1)))
    return rows + loose_rows, columns + loose_cells


_LETTERS = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZabc", min_size=1, max_size=3)
_NUMBER = st.integers(1, 3000)
# How an attribute is written: quote, spacing around '=', and the separator before it.
_SPELLING = st.tuples(st.sampled_from(['"', "'"]), st.sampled_from(["=", " = ", "=\t"]))
_EXCEL = ('"', "=")


def _attribute(value: str, spelling: tuple[str, str]) -> str:
    quote, equals = spelling
    return f" r{equals}{quote}{value}{quote}"


@st.composite
def _tags(draw: st.DrawFn, text: str) -> bytes:
    """Rows of cells, most spelled as Excel spells them, some in any other way XML allows;
    ``text`` is the text of an inline string."""
    prefix = draw(st.sampled_from(["", "", "", "x:"]))
    out = []
    for _ in range(draw(st.integers(0, 6))):
        spelling = draw(st.one_of(st.just(_EXCEL), _SPELLING))
        number = draw(st.one_of(st.none(), _NUMBER))
        row = "" if number is None else _attribute(str(number), spelling)
        out.append(f"<{prefix}row{row}>")
        for _ in range(draw(st.integers(0, 5))):
            named = draw(st.one_of(st.none(), st.tuples(_LETTERS, _NUMBER)))
            spelling = draw(st.one_of(st.just(_EXCEL), _SPELLING))
            r = "" if named is None else _attribute(f"{named[0]}{named[1]}", spelling)
            other = draw(st.sampled_from(["", ' t="s"', ' s="1"']))
            first, second = (other, r) if draw(st.booleans()) else (r, other)
            body = draw(
                st.sampled_from(["/>", "><v>1</v></{p}c>", f"><is><t>{text}</t></is></{{p}}c>"])
            )
            out.append(f"<{prefix}c{first}{second}" + body.replace("{p}", prefix))
        out.append(f"</{prefix}row>")
    return "".join(out).encode()


def _cut(sheet_data: bytes, offset: int) -> bytes:
    """The sheet, the first chunk boundary ``offset`` bytes into its sheet data."""
    head = len(_sheet(0, b"")) - len(b"</sheetData></worksheet>")
    return _sheet(max(0, _CHUNK - head - offset), sheet_data)


@pytest.mark.slow
@given(sheet_data=_tags("x"), offset=st.integers(0, 400))
def test_extent_is_what_an_xml_parser_reads(sheet_data: bytes, offset: int) -> None:
    extent = _measured(_cut(sheet_data, offset))
    # The filler comment holds no element: the parser reads the sheet data without it.
    assert (extent.rows, extent.columns) == _parsed(_sheet(0, sheet_data))


@pytest.mark.slow
@given(sheet_data=_tags('x r="Z9"'), offset=st.integers(0, 400))
def test_text_like_an_attribute_only_widens_the_bound(sheet_data: bytes, offset: int) -> None:
    extent = _measured(_cut(sheet_data, offset))
    rows, columns = _parsed(_sheet(0, sheet_data))
    assert extent.rows >= rows
    assert extent.columns >= columns


def _doctype(xml: bytes) -> bool:
    return _read(xml, parts.has_doctype)


@pytest.mark.parametrize(
    ("prolog", "declared"),
    [
        (b'<?xml version="1.0"?>\n<!-- a <b> c --><?pi <d ?>', False),
        (b'<?xml version="1.0"?><!-- <a --><!DOCTYPE d>', True),
        (b"<?pi <a ?><!doctype d>", True),
        (b"<!-- -- <a --><!ENTITY x 'y'>", True),
        # parsers end these in different places: refused
        (b"<!--><!DOCTYPE d>-->", True),
        (b"<?><a/>", True),
        (b"<!-- " + b"<a " * (1 << 19) + b"--><!DOCTYPE d>", True),
        (b" " * (_CHUNK - 3) + b"<!DOCTYPE d>", True),
        (b" " * (_CHUNK - 3) + b"<!-- x --><!DOCTYPE d>", True),
        (b" " * (_CHUNK - 1) + b"<!-- x -->", False),
    ],
)
def test_a_doctype_behind_comments_and_instructions(prolog: bytes, declared: bool) -> None:
    assert _doctype(prolog + b"<worksheet><!DOCTYPE not-in-the-prolog></worksheet>") is declared


def test_a_tag_is_never_cut_between_chunks(tmp_path: Path) -> None:
    # A long attribute before r puts the chunk boundary inside r's value.
    row = b'<row r="1"><c t="s" x="' + b"y" * 700 + b'" r="ZZ900"/></row>'
    head = len(_sheet(0, b"")) - len(b"</sheetData></worksheet>")
    xml = _sheet(_CHUNK - head - row.index(b"ZZ") - 1, row)
    assert xml[_CHUNK - 1 : _CHUNK + 1] == b"ZZ"
    extent = _measured(xml)
    assert (extent.rows, extent.columns) == (900, 702)
    with pytest.raises(ValueError, match="a tag longer than 1 MB"):
        _measured(_sheet(0, b'<row r="1"><c x="' + b"y" * (2 * _CHUNK) + b'"/></row>'))
