"""OpenDocument spreadsheets (``.ods``) as LibreOffice Calc saves them, for tests and benchmarks.

>>> write_spreadsheet(Path("clients.ods"), {"Klanten": [["Ondernemingsnummer", "Naam"]]})
... # doctest: +SKIP

Like LibreOffice, every row is padded with repeated empty cells to column :data:`LAST_COLUMN`
and every table with repeated empty rows to row :data:`LAST_ROW`. :func:`content`,
:func:`table`, :func:`cell` and :func:`write_package` build a file piece by piece (hostile files
in tests).
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape

__all__ = [
    "LAST_COLUMN",
    "LAST_ROW",
    "cell",
    "content",
    "table",
    "write_package",
    "write_spreadsheet",
]

#: The last row LibreOffice pads a table to.
LAST_ROW: Final = 1_048_576
#: The last column LibreOffice pads a row to.
LAST_COLUMN: Final = 1024

_MIMETYPE: Final = b"application/vnd.oasis.opendocument.spreadsheet"
_EMPTY_PART: Final = b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document/>'
_NAMESPACES: Final = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    'office:version="1.3"'
)
_MANIFEST: Final = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
    b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    b'<manifest:file-entry manifest:full-path="/" manifest:media-type="'
    + _MIMETYPE
    + b'"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    b"</manifest:manifest>"
)


def cell(value: object) -> str:
    """A ``table:table-cell`` as LibreOffice Calc writes it."""
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, (int, float)):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}" '
            f'calcext:value-type="float"><text:p>{value}</text:p></table:table-cell>'
        )
    return (
        '<table:table-cell office:value-type="string" calcext:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def content(tables: str) -> bytes:
    """A ``content.xml`` holding ``tables`` (``table:table`` elements), with a visible table
    style ``ta1`` and a hidden one ``ta2``."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<office:document-content {_NAMESPACES}><office:automatic-styles>"
        '<style:style style:name="ta1" style:family="table">'
        '<style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>'
        f"</office:automatic-styles><office:body><office:spreadsheet>{tables}"
        "<table:named-expressions/></office:spreadsheet></office:body></office:document-content>"
    ).encode()


def table(title: str, rows: Sequence[Sequence[object]], *, hidden: bool = False) -> str:
    """A table as LibreOffice Calc saves it: every row padded with repeated empty cells to the
    last column, and repeated empty rows down to the last row."""
    style = "ta2" if hidden else "ta1"
    body = "".join(
        "<table:table-row>"
        + "".join(cell(value) for value in row)
        + f'<table:table-cell table:number-columns-repeated="{LAST_COLUMN - len(row)}"/>'
        "</table:table-row>"
        for row in rows
    )
    return (
        f'<table:table table:name="{escape(title, {chr(34): "&quot;"})}" '
        f'table:style-name="{style}"><table:table-column '
        f'table:number-columns-repeated="{LAST_COLUMN}"/>{body}'
        f'<table:table-row table:number-rows-repeated="{LAST_ROW - len(rows)}">'
        f'<table:table-cell table:number-columns-repeated="{LAST_COLUMN}"/>'
        "</table:table-row></table:table>"
    )


def write_package(path: Path, data: bytes, **parts: bytes) -> Path:
    """An OpenDocument package at ``path``: ``mimetype`` first and stored, ``data`` as
    ``content.xml``, the other parts LibreOffice writes, replaced or added by ``parts``
    (``name=bytes``, ``/`` spelt ``__``); returns ``path``."""
    written = {"content.xml": data, "styles.xml": _EMPTY_PART, "meta.xml": _EMPTY_PART}
    written |= {"settings.xml": _EMPTY_PART, "META-INF/manifest.xml": _MANIFEST}
    written |= {part.replace("__", "/"): data for part, data in parts.items()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), _MIMETYPE, compress_type=zipfile.ZIP_STORED)
        for part, data in written.items():
            package.writestr(part, data)
    return path


def write_spreadsheet(
    path: Path, sheets: Mapping[str, Sequence[Sequence[object]]], *, hidden: Sequence[str] = ()
) -> Path:
    """An ``.ods`` at ``path`` with ``sheets`` (``{title: rows}``, ``None`` cells left empty),
    the ``hidden`` ones hidden; returns ``path``."""
    tables = "".join(table(title, rows, hidden=title in hidden) for title, rows in sheets.items())
    return write_package(path, content(tables))
