"""A streaming check that an XML part is plain UTF-8 markup, before govlink scans it with
regular expressions: expat (C speed, no handlers but refusals) checks that it is well-formed,
without a document type, comments, CDATA or processing instructions. Then every ``<`` starts a
tag, and the tags a scan counts are the tags calamine reads. The chunked reading and the
patterns such scans share are here too.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from typing import Final
from xml.parsers import expat

from defusedxml import DTDForbidden

__all__ = [
    "ATTRIBUTES",
    "CHUNK",
    "WHOLE_TAG",
    "Refused",
    "checked",
    "checker",
    "chunks",
    "foreign_encoding",
    "whole_tags",
]

#: How much of a part is read at once (bytes).
CHUNK: Final = 1 << 20

#: A start tag's attributes, quotes respected (a value may hold '>', never '<').
ATTRIBUTES: Final = rb"""(?:[^>"']|"[^"]*"|'[^']*')*?"""
#: A whole tag, from its '<' (so a tag cut by a chunk's end does not match).
WHOLE_TAG: Final = re.compile(rb"<" + ATTRIBUTES + rb">")

_ENCODING: Final = re.compile(rb"""<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']""")
_UTF8: Final = (b"utf-8", b"utf8")
_BOMS: Final = (b"\xfe\xff", b"\xff\xfe", b"\x00")


class Refused(Exception):
    """Markup govlink does not read (comments, CDATA, processing instructions)."""


def _refuse(*_: object) -> None:
    raise Refused


def _forbid_doctype(name: str, sysid: str | None, pubid: str | None, _: bool) -> None:
    raise DTDForbidden(name, sysid, pubid)


def checker() -> expat.XMLParserType:
    """An expat parser that only checks: well-formed UTF-8, no DOCTYPE (raising
    :class:`defusedxml.DTDForbidden`), and nothing unusual (raising :class:`Refused`); feed it
    the part chunk by chunk, then ``Parse(b"", True)``."""
    parser = expat.ParserCreate(encoding="UTF-8")
    parser.StartDoctypeDeclHandler = _forbid_doctype
    parser.CommentHandler = _refuse
    parser.StartCdataSectionHandler = _refuse
    parser.ProcessingInstructionHandler = _refuse
    return parser


def foreign_encoding(head: bytes) -> bool:
    """Whether the part starting with ``head`` is in another encoding than UTF-8 (a UTF-16
    byte-order mark, or another encoding declared)."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    declared = _ENCODING.match(head)
    return head.startswith(_BOMS) or bool(declared and declared.group(1).lower() not in _UTF8)


def whole_tags(data: bytes) -> int:
    """Where the whole tags of ``data`` end: an unfinished last tag is carried to the next
    chunk."""
    last = data.rfind(b"<")
    if last < 0 or WHOLE_TAG.match(data, last):
        return len(data)
    return last


def chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The part ``part`` of ``archive``, :data:`CHUNK` bytes at a time (memory stays flat)."""
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            yield chunk


def checked(
    archive: zipfile.ZipFile,
    part: str,
    cut: Callable[[bytes], int],
    corrupt: Callable[[str], Exception],
    label: str,
) -> Iterator[tuple[bytes, int]]:
    """The part ``part`` in chunks, each checked by :func:`checker` as it is read: ``(data,
    end)``, ``data`` being what the previous chunk left plus this one and ``data[:end]`` what
    ``cut`` says is whole; the rest is carried to the next chunk.

    :param corrupt: the error of a part that is not plain UTF-8 markup, from what is wrong
        with it (``"has a damaged content.xml (…)"``); ``label`` names the part in it.
    :raises defusedxml.DTDForbidden: a document type (and so possibly entities).
    """
    parser = checker()
    carry = b""
    first = True
    try:
        for chunk in chunks(archive, part):
            if first and foreign_encoding(chunk):
                raise corrupt(f"has its {label} in another encoding than UTF-8")
            first = False
            parser.Parse(chunk, False)
            data = carry + chunk
            end = cut(data)
            carry = data[end:]
            yield data, end
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise corrupt(f"has a damaged {label} ({error})") from error
    except Refused as error:
        raise corrupt(
            f"has comments or CDATA in its {label}, which govlink does not read"
        ) from error
