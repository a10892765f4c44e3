"""Checks a document must pass before govlink stores it: each failure is a reason, not an error.

>>> [p.code.value for p in check_document(file_name="../aj.pdf", content_type="image/png",
...                                 size=8, head=b"%PDF-1.4")]
['file_name.path_separator', 'document.content_type_mismatch']
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

import attrs

from govlink.domain.content_type import canonical, declared_family, matches, sniff
from govlink.domain.text_safety import has_unsafe_characters

__all__ = [
    "DEFAULT_MAX_SIZE",
    "DocumentProblem",
    "DocumentReason",
    "check_document",
    "check_file_name",
    "resolve_content_type",
    "too_large",
]

DEFAULT_MAX_SIZE: Final = 50 * 1024 * 1024
"""The default largest document govlink accepts: 50 MB."""

_GENERIC_TYPES: Final = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_RESERVED_STEMS: Final = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(10)}
    | {f"LPT{i}" for i in range(10)}
    | {"COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}
)


class DocumentReason(StrEnum):
    """Why a document is rejected. A document may carry several."""

    EMPTY = "document.empty"
    TOO_LARGE = "document.too_large"
    UNREADABLE = "document.unreadable"
    INTEGRITY = "document.integrity"
    CONTENT_TYPE_UNKNOWN = "document.content_type_unknown"
    CONTENT_TYPE_MISMATCH = "document.content_type_mismatch"
    FILE_NAME_MISSING = "file_name.missing"
    FILE_NAME_PATH_SEPARATOR = "file_name.path_separator"
    FILE_NAME_CONTROL_CHARACTER = "file_name.control_character"
    FILE_NAME_RESERVED = "file_name.reserved"


@attrs.frozen
class DocumentProblem:
    """One reason a document is rejected, with a message for the user."""

    code: DocumentReason
    message: str


def check_file_name(file_name: str) -> list[DocumentProblem]:
    """The problems with a file name: missing, path separators, control characters (bidi
    controls included: they make ``invoice\u202efdp.exe`` show as ``invoiceexe.pdf``), reserved."""
    if not file_name.strip():
        return [DocumentProblem(DocumentReason.FILE_NAME_MISSING, "the file name is empty")]
    problems = []
    if "/" in file_name or "\\" in file_name:
        problems.append(
            DocumentProblem(
                DocumentReason.FILE_NAME_PATH_SEPARATOR,
                f"the file name {file_name!r} contains a path separator",
            )
        )
    if has_unsafe_characters(file_name):
        problems.append(
            DocumentProblem(
                DocumentReason.FILE_NAME_CONTROL_CHARACTER,
                f"the file name {file_name!r} contains a control character",
            )
        )
    stem = file_name.split(".", 1)[0].rstrip(" ").upper()
    if file_name.strip(". ") == "" or stem in _RESERVED_STEMS:
        problems.append(
            DocumentProblem(
                DocumentReason.FILE_NAME_RESERVED, f"the file name {file_name!r} is reserved"
            )
        )
    return problems


def resolve_content_type(declared: str | None, head: bytes) -> str | None:
    """The content type to record: the declared one, or the sniffed one when none was given.

    A generic declaration (``application/octet-stream``) counts as none. ``None`` when nothing
    is declared and the bytes are not recognised.
    """
    if declared is not None and declared.strip().lower() not in _GENERIC_TYPES:
        return declared.strip()
    family = sniff(head)
    return None if family is None else canonical(family)


def _content_problems(content_type: str | None, head: bytes) -> list[DocumentProblem]:
    resolved = resolve_content_type(content_type, head)
    if resolved is None:
        return [
            DocumentProblem(
                DocumentReason.CONTENT_TYPE_UNKNOWN,
                "the content type is not given and the bytes are not a recognised format",
            )
        ]
    if declared_family(resolved) is None:
        return [
            DocumentProblem(
                DocumentReason.CONTENT_TYPE_UNKNOWN,
                f"the content type {resolved!r} is not supported",
            )
        ]
    if not matches(resolved, head):
        found = sniff(head)
        what = "an unrecognised format" if found is None else f"{found.value.upper()} data"
        return [
            DocumentProblem(
                DocumentReason.CONTENT_TYPE_MISMATCH,
                f"the content type {resolved!r} does not match the bytes ({what})",
            )
        ]
    return []


def too_large(size: int, max_size: int) -> DocumentProblem:
    """The problem of a document of ``size`` bytes over ``max_size``."""
    return DocumentProblem(
        DocumentReason.TOO_LARGE, f"the file has {size} bytes, more than the limit of {max_size}"
    )


def check_document(
    *,
    file_name: str,
    content_type: str | None,
    size: int,
    head: bytes,
    max_size: int = DEFAULT_MAX_SIZE,
) -> list[DocumentProblem]:
    """Every problem with a document, empty when it may be stored.

    :param head: the first :data:`~govlink.domain.content_type.SNIFF_BYTES` bytes (or all).
    :param max_size: the largest size accepted, in bytes.
    """
    problems = check_file_name(file_name)
    if size == 0:
        problems.append(DocumentProblem(DocumentReason.EMPTY, "the file is empty"))
        return problems
    if size > max_size:
        problems.append(too_large(size, max_size))
    problems.extend(_content_problems(content_type, head))
    return problems
