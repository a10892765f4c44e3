"""Content types: what a document's first bytes say it is, and whether that matches its label.

Only the formats a tax document arrives in are recognised, by their magic numbers: PDF, PNG,
JPEG, ZIP (and the Office Open XML / OpenDocument formats built on it), the legacy OLE2 Office
container, XML and plain UTF-8 text.

>>> sniff(b"%PDF-1.7 ...")
<Family.PDF: 'pdf'>
>>> declared_family("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
<Family.ZIP: 'zip'>
>>> matches("image/png", b"%PDF-1.4")
False
"""

from __future__ import annotations

import codecs
from enum import StrEnum
from typing import Final

__all__ = ["SNIFF_BYTES", "Family", "canonical", "declared_family", "matches", "sniff"]

SNIFF_BYTES: Final = 8192
"""How many leading bytes :func:`sniff` looks at."""


class Family(StrEnum):
    """A family of byte formats that one magic-number test recognises."""

    PDF = "pdf"
    PNG = "png"
    JPEG = "jpeg"
    ZIP = "zip"
    OLE = "ole"
    XML = "xml"
    TEXT = "text"


_MAGIC: Final = (
    (b"%PDF-", Family.PDF),
    (b"\x89PNG\r\n\x1a\n", Family.PNG),
    (b"\xff\xd8\xff", Family.JPEG),
    (b"PK\x03\x04", Family.ZIP),
    (b"PK\x05\x06", Family.ZIP),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", Family.OLE),
)

_DECLARED: Final = {
    "application/pdf": Family.PDF,
    "application/x-pdf": Family.PDF,
    "image/png": Family.PNG,
    "image/jpeg": Family.JPEG,
    "image/jpg": Family.JPEG,
    "image/pjpeg": Family.JPEG,
    "application/zip": Family.ZIP,
    "application/x-zip-compressed": Family.ZIP,
    "application/msword": Family.OLE,
    "application/vnd.ms-excel": Family.OLE,
    "application/vnd.ms-powerpoint": Family.OLE,
    "application/xml": Family.XML,
    "text/xml": Family.XML,
    "text/plain": Family.TEXT,
    "text/csv": Family.TEXT,
}

_ZIP_PREFIXES: Final = (
    "application/vnd.openxmlformats-officedocument.",
    "application/vnd.oasis.opendocument.",
)

_CANONICAL: Final = {
    Family.PDF: "application/pdf",
    Family.PNG: "image/png",
    Family.JPEG: "image/jpeg",
    Family.ZIP: "application/zip",
    Family.OLE: "application/x-ole-storage",
    Family.XML: "application/xml",
    Family.TEXT: "text/plain",
}

_TEXT_CONTROLS: Final = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}


def _is_text(head: bytes) -> bool:
    """True when ``head`` is UTF-8 text without control characters (a cut tail is allowed)."""
    try:
        decoded = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return not any(ord(ch) in _TEXT_CONTROLS or ord(ch) == 0x7F for ch in decoded)


def sniff(head: bytes) -> Family | None:
    """The family the leading bytes belong to, or ``None`` when none is recognised.

    Pass at least the first :data:`SNIFF_BYTES` bytes (or the whole content when shorter).
    """
    for magic, family in _MAGIC:
        if head.startswith(magic):
            return family
    if not head or not _is_text(head):
        return None
    stripped = head.removeprefix(codecs.BOM_UTF8).lstrip()
    return Family.XML if stripped.startswith(b"<") else Family.TEXT


def declared_family(content_type: str) -> Family | None:
    """The family a declared MIME type belongs to (parameters and case ignored), if known."""
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime in _DECLARED:
        return _DECLARED[mime]
    if mime.startswith(_ZIP_PREFIXES):
        return Family.ZIP
    if mime.endswith("+xml"):
        return Family.XML
    return None


def canonical(family: Family) -> str:
    """The MIME type govlink records for a document whose type was only sniffed."""
    return _CANONICAL[family]


def matches(content_type: str, head: bytes) -> bool:
    """True when the bytes are what the declared type says (XML is also acceptable as text)."""
    declared = declared_family(content_type)
    actual = sniff(head)
    if declared is None or actual is None:
        return False
    return declared == actual or (declared is Family.TEXT and actual is Family.XML)
