"""The parts of an ``.xlsx`` package, read before calamine sees the file.

python-calamine parses a whole sheet into memory at once, sized by the cells it finds, and does
not refuse XML entity declarations. So govlink reads, with the standard library and defusedxml:
the workbook's sheet list (names, visibility, the part of each worksheet), the prolog of every
XML part (a ``<!DOCTYPE`` is refused), and the extent of the chosen sheet (its declared
``<dimension>``, the highest row and column any cell names, and the cells that name none), all
streamed in bounded chunks. Only a package that passes is handed to calamine.
"""

from __future__ import annotations

import operator
import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import Final

import attrs
from defusedxml import ElementTree

__all__ = ["SheetExtent", "SheetPart", "has_doctype", "measure", "sheets"]

_CHUNK: Final = 1 << 20
_REL: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_OFFICE_DOCUMENT: Final = "/officeDocument"
_WORKSHEET: Final = "/worksheet"
# The root element's start tag: the prolog (where a DOCTYPE must stand) ends there.
_ROOT: Final = re.compile(rb"<[A-Za-z_]")
_DOCTYPE: Final = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_DIMENSION: Final = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\sref="[A-Z]*\d*:?([A-Z]*)(\d*)"')
# Every row start tag, with its ``r`` number ('' when it has none).
_ROW: Final = re.compile(rb'<(?:\w+:)?row\b(?:[^>]*?\sr="(\d+)")?')
# Every cell start tag, with the letters and number of its ``r`` ('' and '' when it has none).
_CELL: Final = re.compile(rb'<(?:\w+:)?c(?=[\s>/])(?:[^>]*?\sr="([A-Z]+)(\d+)")?')
_LETTERS: Final = operator.itemgetter(0)
_NUMBER: Final = operator.itemgetter(1)
# A tag cut by a chunk boundary is carried over; no tag govlink looks at is longer.
_CARRY: Final = 512


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


def _chunks(archive: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    with archive.open(name) as stream:
        while chunk := stream.read(_CHUNK):
            yield chunk


def has_doctype(archive: zipfile.ZipFile, name: str) -> bool:
    """Whether the XML part ``name`` declares a document type (and so possibly entities)."""
    prolog = b""
    for chunk in _chunks(archive, name):
        prolog = prolog[-_CARRY:] + chunk
        if _DOCTYPE.search(prolog):
            return True
        if _ROOT.search(prolog):
            return False
    return False


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def measure(archive: zipfile.ZipFile, name: str) -> SheetExtent:
    """The extent of the worksheet part ``name``, read in chunks (memory stays flat).

    Rows and cells without an ``r`` attribute follow the previous one, so each adds one to the
    bound: the result is never smaller than what calamine will allocate.
    """
    declared_rows = declared_columns = rows = columns = loose_rows = loose_cells = 0
    carry = b""
    first = True
    for chunk in _chunks(archive, name):
        data = carry + chunk
        cut = data.rfind(b"<")
        text, carry = (data[:cut], data[cut:]) if cut >= 0 else (data, b"")
        if len(carry) > _CARRY:
            text, carry = data, b""
        if first and (dimension := _DIMENSION.search(text)):
            declared_columns = _column_number(dimension.group(1)) if dimension.group(1) else 0
            declared_rows = int(dimension.group(2) or 0)
        first = False
        # One pass for the rows and one for the cells; the rest is C-level map/max/count.
        row_numbers = _ROW.findall(text)
        loose_rows += row_numbers.count(b"")
        cells = _CELL.findall(text)
        letters = list(map(_LETTERS, cells))
        loose_cells += letters.count(b"")
        for found in set(letters) - {b""}:
            columns = max(columns, _column_number(found))
        rows = max(
            rows,
            max(map(int, filter(None, row_numbers)), default=0),
            max(map(int, filter(None, map(_NUMBER, cells))), default=0),
        )
    return SheetExtent(
        declared_rows=declared_rows,
        declared_columns=declared_columns,
        rows=rows + loose_rows,
        columns=columns + loose_cells,
    )
