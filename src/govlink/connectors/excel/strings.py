"""The shared strings of an ``.xlsx``, and the text a sheet's cells copy out of them.

A cell of type ``s`` names a string of ``xl/sharedStrings.xml`` by its index, and calamine
copies the string into the cell: one long string named by many cells is as many copies (a 12 KB
file naming one 100 KB string from 2,000 cells took 219 MB). So govlink reads, in one streamed
pass over that part, the length of every string (an array of integers, not the strings), and
the sheet's scan (:func:`~govlink.connectors.excel.parts.measure`) adds up, with
:class:`SharedCells`, the lengths of the strings its cells name.

What calamine does, and what is counted (python-calamine 0.9.1):

- it reads the part named ``xl/sharedStrings.xml`` in any case, numbers its ``si`` elements in
  order (an empty one too) and ends a string at the first ``si`` end tag;
- a string is the text of all its ``t`` elements (rich-text runs concatenated, entities and
  CDATA decoded, phonetic runs left out). govlink counts the bytes between each ``t`` start and
  end tag as written, phonetic runs included: never less than calamine's UTF-8 text;
- a cell's index is its ``v`` text as digits; any other text names string 0.

expat checks the part first (:mod:`~govlink.connectors.excel.xmlcheck`): well-formed UTF-8, no
DOCTYPE, comments, CDATA or processing instructions, so every ``<`` starts a tag and the ``si``
counted are calamine's.
"""

from __future__ import annotations

import functools
import re
import zipfile
from array import array
from typing import Final

import attrs

from govlink.connectors.excel import xmlcheck
from govlink.errors import UnsafeWorkbook, WorkbookFormatError

__all__ = ["MAX_STRINGS", "PART", "SharedCells", "lengths"]

#: The part calamine reads the shared strings from (whatever the case of its name).
PART: Final = "xl/sharedStrings.xml"
#: The most shared strings a workbook may hold: calamine keeps each as a string of its own (an
#: empty one still takes about 24 bytes), and a sheet may have no more cells than this either.
MAX_STRINGS: Final = 8_000_000

# How the part is named in messages.
_LABEL: Final = "shared strings part"
_ATTRIBUTES: Final = xmlcheck.ATTRIBUTES
_PREFIX: Final = rb"(?:[^\s/<>:]+:)?"
# si and t start and end tags, by their local name.
_TAG: Final = re.compile(rb"<(/?)" + _PREFIX + rb"(si|t)(?=[\s/>])" + _ATTRIBUTES + rb"(/?)>")
# A string as Excel writes it, and a run of them (whitespace between strings is ignored).
_SIMPLE: Final = re.compile(rb'<si/>|<si><t(?: xml:space="preserve")?>([^<]*)</t></si>')
_STRING_END: Final = re.compile(rb"</si>|<si/>")
_SIMPLE_RUN: Final = re.compile(rb'(?:<si(?:/>|><t(?: xml:space="preserve")?>[^<]*</t></si>)\s*)+')
_SIMPLE_TAGS: Final = 4

# In a sheet: a cell starts; a t attribute naming type s (or text like one: a superset); a v
# start tag and its text, the text None when the tag is cut by the end of the data.
_CELL_TOKEN: Final = re.compile(
    rb"(<" + _PREFIX + rb"c(?=[\s/>]))"
    rb"|((?<![\w.:-])t\s*=\s*[\"']s[\"'])"
    rb"|<" + _PREFIX + rb"v(?=[\s/>])(?:" + _ATTRIBUTES + rb">([^<]*))?"
)
# A cell of type s as Excel writes it, and any type-s attribute not written so.
_EXCEL_CELL: Final = re.compile(rb't="s"><v>(\d{1,10})</v></c>')
_UNLIKE_EXCEL: Final = re.compile(
    rb"t(?!=\"s\"><v>\d{1,10}</v></c>)(?<![\w.:-]t)\s*=\s*[\"']s[\"']"
)
_EXCEL_TYPE: Final = b't="s"><v>'
# An index this long may overflow calamine's, which then names string 0: the longest counts.
_MAX_DIGITS: Final = 19


def _corrupt(name: str, what: str) -> WorkbookFormatError:
    return WorkbookFormatError(
        f"{name} {what}; open it in Excel and save it again", code="source.corrupt"
    )


@attrs.define
class _Scan:
    """The strings of the part so far, and the one being read."""

    found: array[int] = attrs.Factory(lambda: array("I"))
    in_string: bool = False
    depth: int = 0
    text_from: int = 0
    size: int = 0

    def end_string(self) -> None:
        self.found.append(self.size)
        self.in_string, self.depth, self.size = False, 0, 0

    def read(self, data: bytes, start: int, end: int) -> None:
        """Every si and t tag of ``data[start:end]``, tag by tag."""
        self.text_from = start
        for match in _TAG.finditer(data, start, end):
            close, tag, empty = match.groups()
            if tag == b"si":
                # A si inside a si is skipped; the first si end tag (an empty si's too) ends one.
                if not close and not self.in_string:
                    self.in_string, self.depth, self.size = True, 0, 0
                if (close or empty) and self.in_string:
                    self.end_string()
            elif self.in_string and not empty:
                if not close:
                    if not self.depth:
                        self.text_from = match.end()
                    self.depth += 1
                elif self.depth:
                    self.depth -= 1
                    if not self.depth:
                        self.size += match.start() - self.text_from
        if self.depth:
            self.size += end - self.text_from

    def read_simple(self, data: bytes, start: int, end: int) -> int:
        """The strings of ``data[start:end]`` up to the last whole one: all at once when all are
        written as Excel writes them, else runs of such strings at once and each other string
        tag by tag; where that stopped."""
        first = data.find(b"<si", start, end)
        last = max(
            data.rfind(b"</si>", start, end) + len(b"</si>"),
            data.rfind(b"<si/>", start, end) + len(b"<si/>"),
        )
        if first < 0 or last < first:
            return start
        self.read(data, start, first)
        if self.in_string:
            return first
        texts = _SIMPLE.findall(data, first, last)
        empty = data.count(b"<si/>", first, last)
        if data.count(b"<", first, last) == _SIMPLE_TAGS * (len(texts) - empty) + empty:
            # every tag is in a string written as Excel writes it
            self.found.extend(map(len, texts))
            return last
        at = first
        while at < last and not self.in_string:
            if run := _SIMPLE_RUN.match(data, at, last):
                self.found.extend(map(len, _SIMPLE.findall(data, at, run.end())))
                at = run.end()
            close = _STRING_END.search(data, at, last)
            if close is None:
                break
            self.read(data, at, close.end())
            at = close.end()
        return at


def _part(archive: zipfile.ZipFile) -> str | None:
    wanted = PART.lower()
    return next((n for n in archive.namelist() if n.lower() == wanted), None)


def lengths(archive: zipfile.ZipFile, name: str) -> array[int]:
    """The length of every shared string as calamine numbers them (bytes, never fewer than
    calamine's UTF-8 text); empty when the package has none.

    :param name: the file's name, for the messages.
    :raises WorkbookFormatError: the part is not well-formed UTF-8 XML, or holds comments,
        CDATA or processing instructions (``source.corrupt``).
    :raises defusedxml.DTDForbidden: a document type (and so possibly entities).
    :raises UnsafeWorkbook: more than :data:`MAX_STRINGS` strings (``source.too_large``).
    """
    part = _part(archive)
    scan = _Scan()
    if part is None:
        return scan.found
    corrupt = functools.partial(_corrupt, name)
    for data, end in xmlcheck.checked(archive, part, xmlcheck.whole_tags, corrupt, _LABEL):
        scan.read(data, scan.read_simple(data, 0, end), end)
        if len(scan.found) > MAX_STRINGS:
            raise UnsafeWorkbook(
                f"{name} has more than {MAX_STRINGS:,} shared strings; delete the empty "
                "rows and columns after the data and save it again",
                code="source.too_large",
            )
    return scan.found


@attrs.define
class SharedCells:
    """The bytes of shared strings the cells of one sheet copy, read chunk by chunk.

    Each cell of type ``s`` counts the string its ``v`` names (string 0 for a ``v`` that is not
    digits, the longest string for one cut by the end of the data or of 20 digits or more); a
    cell with several ``v`` counts each. Unless ``exact``, a cell written as Excel writes it
    counts as the longest string, without reading its index: a quick bound, enough when no
    string is long.
    """

    lengths: array[int]
    exact: bool = False
    #: The bytes counted cell by cell.
    text: int = 0
    #: The cells counted as the longest string.
    cells: int = 0
    pending: bool = False
    longest: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.longest = max(self.lengths, default=0)

    @property
    def bound(self) -> int:
        """The bytes counted so far, never fewer than calamine copies."""
        return self.text + self.cells * self.longest

    def read(self, data: bytes, end: int) -> None:
        """The cells of type ``s`` of ``data[:end]`` (whole tags: the rest comes next).

        Between the chunk's first and last cell start tag, cells written as Excel writes them
        are counted at once; the rest is read tag by tag.
        """
        if not self.lengths:
            return
        first = data.find(b"<c ", 0, end)
        last = data.rfind(b"<c ", 0, end)
        if first < 0:
            self._read_tags(data, 0, end)
            return
        self._read_tags(data, 0, first)
        if not _UNLIKE_EXCEL.search(data, first, last) and self._count(data, first, last):
            self._read_tags(data, last, end)
        else:
            self._read_tags(data, first, end)

    def _count(self, data: bytes, start: int, end: int) -> bool:
        """Count the cells of ``data[start:end]``, all written as Excel writes them; False when
        one names no string."""
        if not self.exact:
            self.cells += data.count(_EXCEL_TYPE, start, end)
            return True
        try:
            named = map(int, _EXCEL_CELL.findall(data, start, end))
            self.text += sum(map(self.lengths.__getitem__, named))
        except IndexError:
            return False
        return True

    def _read_tags(self, data: bytes, start: int, end: int) -> None:
        count = len(self.lengths)
        for match in _CELL_TOKEN.finditer(data, start, end):
            cell, typed, text = match.groups()
            if cell:
                self.pending = False
            elif typed:
                self.pending = True
            elif self.pending:
                whole = text is not None and (match.end() < end or data[end : end + 1] == b"<")
                if not whole or len(text) > _MAX_DIGITS:
                    self.text += self.longest
                elif text.isdigit() and int(text) < count:
                    self.text += self.lengths[int(text)]
                else:
                    self.text += self.lengths[0]
