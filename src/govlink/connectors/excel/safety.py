"""Checks a file before calamine sees it: is it an ``.xlsx`` workbook or an OpenDocument
spreadsheet (``.ods``), and is unpacking it safe.

Only the standard library is used here, so these checks run even without the ``excel`` extra.
Every refusal is a typed :class:`~govlink.WorkbookError` with one line telling the user what
to do.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import IO, Final, Literal

from govlink.errors import (
    EmptyWorkbook,
    EncryptedWorkbook,
    UnsafeWorkbook,
    WorkbookFormatError,
)

__all__ = [
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_SHARED_STRINGS",
    "MAX_UNPACKED",
    "WorkbookKind",
    "check_workbook",
]

#: What :func:`check_workbook` found: an Office Open XML workbook or an OpenDocument spreadsheet.
WorkbookKind = Literal["xlsx", "ods"]

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
_SPREADSHEET: Final = _OPENDOCUMENT + b"spreadsheet"
_MANIFEST: Final = "META-INF/manifest.xml"
_ENCRYPTED_PART: Final = b"<manifest:encryption-data"
_MIMETYPE_MAX: Final = 128
# What zipfile raises reading a damaged archive.
_DAMAGED: Final = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    ValueError,
    EOFError,
    RuntimeError,
    zlib.error,
)
_SAVE_AS: Final = "open it in Excel and save it as an Excel Workbook (.xlsx)"


def _mib(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MB"


def _contains(stream: IO[bytes], needle: bytes) -> bool:
    """Whether ``stream`` (closed afterwards) holds ``needle``, read in chunks so memory stays
    flat."""
    tail = b""
    with stream:
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
        if _contains(path.open("rb"), _ENCRYPTED_STREAM):
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


def _opendocument(archive: zipfile.ZipFile) -> bytes | None:
    """The media type an OpenDocument package names in its ``mimetype`` part (a few bytes,
    stored first); ``None`` for any other zip."""
    try:
        mimetype = archive.getinfo("mimetype")
    except KeyError:
        return None
    if mimetype.file_size > _MIMETYPE_MAX:
        return None
    found = archive.read(mimetype)
    return found if found.startswith(_OPENDOCUMENT) else None


def _encrypted(archive: zipfile.ZipFile) -> bool:
    """Whether an OpenDocument manifest lists encrypted parts (a password was set)."""
    try:
        manifest = archive.open(_MANIFEST)
    except KeyError:
        return False
    return _contains(manifest, _ENCRYPTED_PART)


def _check_opendocument(archive: zipfile.ZipFile, name: str) -> WorkbookKind:
    mimetype = _opendocument(archive)
    if mimetype is None:
        return "xlsx"
    if not mimetype.startswith(_SPREADSHEET):
        raise WorkbookFormatError(
            f"{name} is an OpenDocument file but not a spreadsheet; {_SAVE_AS}",
            code="source.not_xlsx",
        )
    if _encrypted(archive):
        raise EncryptedWorkbook(
            f"{name} is password-protected; save it again without a password "
            "(in LibreOffice Calc: File > Save As, untick 'Save with password')"
        )
    return "ods"


def _check_archive(path: Path) -> WorkbookKind:
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_sizes(name, members)
            _check_names(name, members)
            return _check_opendocument(archive, name)
    except _DAMAGED as error:
        raise WorkbookFormatError(
            f"{name} is damaged ({type(error).__name__}); {_SAVE_AS} again",
            code="source.corrupt",
        ) from error


def _check_names(name: str, members: list[zipfile.ZipInfo]) -> None:
    """Refuse two parts of one name (in any case): calamine may read another than govlink."""
    seen: set[str] = set()
    for member in members:
        folded = member.filename.lower()
        if folded in seen:
            raise WorkbookFormatError(
                f"{name} has two parts named {member.filename!r}; open it in Excel and save it "
                "again",
                code="source.corrupt",
            )
        seen.add(folded)


def _check_sizes(name: str, members: list[zipfile.ZipInfo]) -> None:
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


def check_workbook(path: Path) -> WorkbookKind:
    """Refuse anything but a plausible, safely sized ``.xlsx`` workbook or OpenDocument
    spreadsheet, before parsing it; say which of the two it is.

    :raises WorkbookFormatError: missing file, not a zip, CSV text, legacy ``.xls``, an
        OpenDocument file that is not a spreadsheet, damaged zip, two parts of one name.
    :raises EncryptedWorkbook: a password-protected workbook.
    :raises EmptyWorkbook: a zero-byte file.
    :raises UnsafeWorkbook: too many parts, too large unpacked, a zip-bomb compression ratio, or
        too much shared text.
    """
    _check_kind(path, _sniff(path))
    return _check_archive(path)
