"""The parts of an ``.xlsx`` package, read before calamine sees the file.

python-calamine parses a whole sheet into memory at once, sized by the cells it finds, and does
not refuse XML entity declarations. So govlink reads, with the standard library and defusedxml:
the workbook's sheet list (names, visibility, the part of each worksheet), the prolog of every
XML part (a ``<!DOCTYPE`` is refused, behind any comment or processing instruction), and the
extent of the chosen sheet (its declared ``<dimension>``, the highest row and column any cell
names, the cells that name none, and the shared-string text its cells copy), all streamed in
bounded chunks. Only a package that passes is handed to calamine.
"""

from __future__ import annotations

import functools
import operator
import posixpath
import re
import zipfile
from typing import Final

import attrs
from defusedxml import ElementTree

from govlink.connectors.excel import strings, xmlcheck

__all__ = ["MAX_TAG_BYTES", "SheetExtent", "SheetPart", "has_doctype", "measure", "sheets"]

_REL: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_OFFICE_DOCUMENT: Final = "/officeDocument"
_WORKSHEET: Final = "/worksheet"
# Enough of a tag to tell a comment (<!--) from a declaration (<!DOCTYPE, <!ENTITY).
_DECLARATION_SIZE: Final = 6
# Comments and instructions that parsers end in different places: refused as declarations.
_AMBIGUOUS: Final = (b"<!-->", b"<!--->", b"<?>")
_DIMENSION: Final = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\sref="[A-Z]*\d*:?([A-Z]*)(\d*)"')
# The name of every c or row start tag (by its local name: prefixed or not) that has no r
# attribute, and b'' for each one that has (in any spelling calamine accepts: single quotes,
# spaces around '='); a quoted value is read whole, so a '>' inside one does not end the tag.
_LOOSE: Final = re.compile(
    rb"<(?:[^\s/<>][^\s<>]*:)?(?:(?:c|row)(?=[\s/>])"
    rb'(?=(?:[^>"\']|"[^"]*"|\'[^\']*\')*?\sr\s*=\s*["\'])|(c|row)(?=[\s/>]))'
)
# The letters and number of every r attribute, and of text that looks like one (a superset).
_R_VALUE: Final = re.compile(rb'r(?<![\w.:-]r)\s*=\s*["\']([A-Za-z]*)(\d+)')
# A c or row tag with a namespace prefix (only the precise reading covers those).
_PREFIXED: Final = re.compile(rb":(?:c|row)[\s/>]")
_CELL_LETTERS: Final = re.compile(rb'<c r="([A-Z]{1,3})')
_ROW_NUMBER: Final = re.compile(rb'<row r="(\d+)"')
_LETTERS: Final = operator.itemgetter(0)
_NUMBER: Final = operator.itemgetter(1)
_DIGITS: Final = b"0123456789"
_UPPER: Final = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# What follows the last '<' of a chunk is carried over when it is this short, or an unfinished
# tag (a '>' inside a quoted value does not end it).
_CARRY: Final = 512
#: The longest tag read (bytes); a longer one is refused.
MAX_TAG_BYTES: Final = 1 << 20


@attrs.frozen
class SheetPart:
    """One worksheet listed by the workbook."""

    title: str
    visible: bool
    path: str


@attrs.frozen
class SheetExtent:
    """How large a sheet is: as declared, and as its cells make it (an upper bound)."""

    declared_rows: int
    declared_columns: int
    rows: int
    columns: int


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """``{id: (type, target path)}`` of the relationships of ``part`` ('' for the package)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    root = ElementTree.fromstring(archive.read(rels))
    found = {}
    for rel in root:
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(path))
    return found


def sheets(archive: zipfile.ZipFile) -> list[SheetPart]:
    """The worksheets of the workbook in workbook order (chart sheets left out).

    :raises KeyError: a part the package must have is missing (not a workbook).
    :raises defusedxml.DefusedXmlException: the workbook part declares entities.
    """
    office = [
        t for kind, t in _relationships(archive, "").values() if kind.endswith(_OFFICE_DOCUMENT)
    ]
    if not office:
        raise KeyError("officeDocument")
    workbook = office[0]
    targets = _relationships(archive, workbook)
    root = ElementTree.fromstring(archive.read(workbook))
    found = []
    for element in root.iter():
        if _local(element.tag) != "sheet":
            continue
        kind, path = targets.get(element.get(_REL, ""), ("", ""))
        if kind.endswith(_WORKSHEET):
            visible = element.get("state", "visible") == "visible"
            found.append(SheetPart(title=element.get("name", ""), visible=visible, path=path))
    return found


def has_doctype(archive: zipfile.ZipFile, name: str) -> bool:
    """Whether the XML part ``name`` declares a document type (and so possibly entities), or
    any other markup declaration, in its prolog: read in chunks up to the root element's start
    tag, comments and processing instructions skipped whatever their length (a ``<`` inside one
    starts nothing; ``<!-->`` and ``<?>``, which parsers end in different places, count as
    declarations)."""
    data = b""
    closing = b""  # the end of the comment or instruction being skipped
    for chunk in xmlcheck.chunks(archive, name):
        data += chunk
        at = 0
        while True:
            if closing:
                found = data.find(closing, at)
                if found < 0:
                    data = data[max(at, len(data) - len(closing) + 1) :]
                    break
                at, closing = found + len(closing), b""
            at = data.find(b"<", at)
            if at < 0 or len(data) - at < _DECLARATION_SIZE:
                data = data[at:] if at >= 0 else b""
                break
            if data.startswith(_AMBIGUOUS, at):
                return True
            if data.startswith(b"<!--", at):
                at, closing = at + 4, b"-->"
            elif data.startswith(b"<?", at):
                at, closing = at + 2, b"?>"
            else:
                return data.startswith(b"<!", at)
    return data.startswith((b"<!", *_AMBIGUOUS))


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _order(letters: bytes) -> tuple[int, bytes]:
    """Column letters in column order (a longer name is further right)."""
    return len(letters), letters


def _up_to(bound: bytes, alphabet: bytes, first: int) -> bytes:
    """A pattern for the names over ``alphabet`` up to ``bound``, a longer name counting as the
    larger (row numbers, column letters); ``first`` is the lowest first character's index."""
    if not bound:
        return b"(?!)"

    def span(low: int, high: int) -> bytes:
        return b"[%c-%c]" % (alphabet[low], alphabet[high])

    top = len(alphabet) - 1
    size = len(bound)
    options = [span(first, top) + span(0, top) + b"{0,%d}" % (size - 2)] if size > 1 else []
    for i, char in enumerate(bound):
        below = alphabet.index(char) - 1
        if below >= (first if i == 0 else 0):
            rest = span(0, top) + b"{%d}" % (size - i - 1) if i < size - 1 else b""
            options.append(bound[:i] + span(first if i == 0 else 0, below) + rest)
    options.append(bound)
    return b"(?:" + b"|".join(options) + b")"


@functools.lru_cache(maxsize=64)
def _unlike_excel(columns: bytes, rows: int) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """Two searches that find nothing in a chunk spelled as Excel spells sheets: every cell and
    row tag has ``r`` as its first attribute, in double quotes, naming no column past
    ``columns`` and no row past ``rows``, and has no other ``r``.

    The first finds a cell tag spelled otherwise; the second, from each ``r``, a row tag
    spelled otherwise or anything that may be an ``r`` attribute other than such a first one.
    """
    number = _up_to(str(rows).encode() if rows else b"", _DIGITS, 1)
    letters = _up_to(columns, _UPPER, 0)
    return (
        re.compile(rb'<c(?! r="' + letters + number + rb'")(?=[\s/>])'),
        re.compile(
            rb'r(?:(?<=<r)ow(?! r="' + number + rb'")(?=[\s/>])'
            rb"|(?<![\w.:-]r)(?<!<c r)(?<!<row r)\s*=)"
        ),
    )


def _quick(data: bytes, end: int, columns: bytes, rows: int) -> tuple[bytes, int] | None:
    """The highest column and row of ``data[:end]`` when it is spelled as Excel spells sheets
    (else None), given those of the chunks before: searches that find nothing in such a
    chunk, and no object a tag."""
    if data.find(b":", 0, end) >= 0 and _PREFIXED.search(data, 0, end):
        return None
    if not columns:
        columns = max(set(_CELL_LETTERS.findall(data, 0, end)), key=_order, default=b"")
    last = data.rfind(b'<row r="', 0, end)
    if last >= 0 and (found := _ROW_NUMBER.match(data, last, end)):
        rows = max(rows, int(found.group(1)))
    cells, others = _unlike_excel(columns, rows)
    if cells.search(data, 0, end) or others.search(data, 0, end):
        return None
    return columns, rows


def _precise(data: bytes, end: int) -> tuple[int, bytes, int, int]:
    """The highest row and column any r in ``data[:end]`` names, and its rows and cells
    without r: every spelling XML allows."""
    loose = _LOOSE.findall(data, 0, end)
    named = _R_VALUE.findall(data, 0, end)
    rows = max(map(int, set(map(_NUMBER, named))), default=0)
    columns = max(map(bytes.upper, set(map(_LETTERS, named))), key=_order, default=b"")
    return rows, columns, loose.count(b"row"), loose.count(b"c")


def measure(
    archive: zipfile.ZipFile, name: str, shared: strings.SharedCells | None = None
) -> SheetExtent:
    """The extent of the worksheet part ``name``, read in chunks (memory stays flat); ``shared``
    counts the shared-string text its cells copy as it goes.

    Rows and cells without an ``r`` attribute follow the previous one, so each adds one to the
    bound; every ``r`` counts (calamine takes a tag's last one), in any spelling. The result is
    never smaller than what calamine will allocate. A chunk spelled as Excel writes sheets is
    checked by a few searches that find nothing in it; any other is read tag by tag. A tag is
    never cut between two chunks: one longer than :data:`MAX_TAG_BYTES` is refused.

    :raises ValueError: a tag longer than :data:`MAX_TAG_BYTES`.
    """
    declared_rows = declared_columns = rows = loose_rows = loose_cells = 0
    columns = b""
    carry = b""
    first = True
    for chunk in xmlcheck.chunks(archive, name):
        data = carry + chunk
        end = data.rfind(b"<")
        if end < 0 or (len(data) - end > _CARRY and xmlcheck.WHOLE_TAG.match(data, end)):
            end = len(data)
        carry = data[end:]
        if len(carry) > MAX_TAG_BYTES:
            raise ValueError(f"a tag longer than {MAX_TAG_BYTES >> 20} MB")
        if first and (dimension := _DIMENSION.search(data, 0, end)):
            declared_columns = _column_number(dimension.group(1)) if dimension.group(1) else 0
            declared_rows = int(dimension.group(2) or 0)
        first = False
        if shared is not None:
            shared.read(data, end)
        quick = _quick(data, end, columns, rows)
        if quick is not None:
            columns, rows = quick
            continue
        highest, right, loose_row, loose_cell = _precise(data, end)
        rows = max(rows, highest)
        columns = max(columns, right, key=_order)
        loose_rows += loose_row
        loose_cells += loose_cell
    return SheetExtent(
        declared_rows=declared_rows,
        declared_columns=declared_columns,
        rows=rows + loose_rows,
        columns=_column_number(columns) + loose_cells,
    )
