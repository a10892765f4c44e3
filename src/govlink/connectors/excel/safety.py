"""Checks a file before openpyxl sees it: is it an ``.xlsx`` workbook, and is unpacking it safe.

Only the standard library is used here, so these checks run even without the ``excel`` extra.
Every refusal is a typed :class:`~govlink.WorkbookError` with one line telling the user what
to do.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Final

from govlink.errors import (
    EmptyWorkbook,
    EncryptedWorkbook,
    UnsafeWorkbook,
    WorkbookFormatError,
)

__all__ = ["MAX_MEMBERS", "MAX_RATIO", "MAX_SHARED_STRINGS", "MAX_UNPACKED", "check_workbook"]

#: The most a workbook may unpack to, all parts together (bytes).
MAX_UNPACKED: Final = 1 << 30
#: The highest compression ratio a part larger than :data:`_RATIO_FLOOR` may have. Real sheets
#: compress about 5-30 to 1; zip bombs compress about 1000 to 1.
MAX_RATIO: Final = 200
#: The most the shared-strings part may unpack to: openpyxl holds it in memory whole.
MAX_SHARED_STRINGS: Final = 64 << 20
#: The most parts a workbook may have.
MAX_MEMBERS: Final = 10_000

_RATIO_FLOOR: Final = 1 << 20
_ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC: Final = bytes.fromhex("d0cf11e0a1b11ae1")
_ENCRYPTED_STREAM: Final = "EncryptedPackage".encode("utf-16-le")
_CHUNK: Final = 1 << 20
_OPENDOCUMENT: Final = b"application/vnd.oasis.opendocument."
_MIMETYPE_MAX: Final = 128
_SAVE_AS: Final = "open it in Excel and save it as an Excel Workbook (.xlsx)"


def _mib(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MB"


def _contains(path: Path, needle: bytes) -> bool:
    """Whether the file contains ``needle``, read in chunks so memory stays flat."""
    tail = b""
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle) :]
    return False


def _sniff(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(4096)
    except FileNotFoundError:
        raise WorkbookFormatError(
            f"{path} does not exist; check the file name and folder", code="source.not_found"
        ) from None
    except OSError as error:
        raise WorkbookFormatError(
            f"{path} cannot be read ({error.strerror or type(error).__name__}); "
            "check the path and your permissions",
            code="source.not_found",
        ) from None


def _check_kind(path: Path, head: bytes) -> None:
    name = path.name
    if not head:
        raise EmptyWorkbook(f"{name} is an empty file (0 bytes); export the workbook again")
    if head.startswith(_OLE_MAGIC):
        if _contains(path, _ENCRYPTED_STREAM):
            raise EncryptedWorkbook(
                f"{name} is password-protected; remove the password in Excel "
                "(File > Info > Protect Workbook) and save it again"
            )
        raise WorkbookFormatError(
            f"{name} is an old Excel 97-2003 (.xls) workbook; {_SAVE_AS}", code="source.xls"
        )
    if head.startswith(_ZIP_MAGIC):
        return
    if b"\x00" not in head:
        raise WorkbookFormatError(
            f"{name} is a text (CSV) file, not an .xlsx workbook; {_SAVE_AS}", code="source.csv"
        )
    raise WorkbookFormatError(f"{name} is not an .xlsx workbook; {_SAVE_AS}")


def _is_opendocument(archive_path: Path, members: list[zipfile.ZipInfo]) -> bool:
    """Whether the zip is an OpenDocument package: its ``mimetype`` part (a few bytes, stored
    first) names one. Refused for now: docs/excel.md says why."""
    mimetype = next((m for m in members if m.filename == "mimetype"), None)
    if mimetype is None or mimetype.file_size > _MIMETYPE_MAX:
        return False
    try:
        with zipfile.ZipFile(archive_path) as archive:
            return archive.read(mimetype).startswith(_OPENDOCUMENT)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        return False


def _check_archive(path: Path) -> None:
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise WorkbookFormatError(
            f"{name} is damaged ({type(error).__name__}); {_SAVE_AS} again",
            code="source.corrupt",
        ) from error
    if _is_opendocument(archive_path=path, members=members):
        raise WorkbookFormatError(
            f"{name} is an OpenDocument spreadsheet (.ods); {_SAVE_AS}", code="source.ods"
        )
    refused = f"{name} was not read; if it is a genuine client list, {_SAVE_AS} again"
    if len(members) > MAX_MEMBERS:
        raise UnsafeWorkbook(
            f"{name} has {len(members):,} parts (at most {MAX_MEMBERS:,}); {refused}",
            code="source.zip_bomb",
        )
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED:
        raise UnsafeWorkbook(
            f"{name} would unpack to {_mib(total)} (at most {_mib(MAX_UNPACKED)}); {refused}",
            code="source.zip_bomb",
        )
    for member in members:
        size = member.file_size
        if size > _RATIO_FLOOR and size > MAX_RATIO * max(member.compress_size, 1):
            raise UnsafeWorkbook(
                f"{name} is compressed {size // max(member.compress_size, 1):,} to 1, "
                f"like a zip bomb; {refused}",
                code="source.zip_bomb",
            )
        if member.filename.casefold().endswith("sharedstrings.xml") and size > MAX_SHARED_STRINGS:
            raise UnsafeWorkbook(
                f"{name} has {_mib(size)} of text (at most {_mib(MAX_SHARED_STRINGS)}); {refused}",
                code="source.too_large",
            )


def check_workbook(path: Path) -> None:
    """Refuse anything but a plausible, safely sized ``.xlsx`` workbook, before parsing it.

    :raises WorkbookFormatError: missing file, not a zip, CSV text, legacy ``.xls``, an
        OpenDocument ``.ods``, damaged zip.
    :raises EncryptedWorkbook: a password-protected workbook.
    :raises EmptyWorkbook: a zero-byte file.
    :raises UnsafeWorkbook: too many parts, too large unpacked, a zip-bomb compression ratio, or
        too much shared text.
    """
    _check_kind(path, _sniff(path))
    _check_archive(path)
