"""Opening a SQLite file as a govlink store: recognise it before changing anything.

A govlink store carries a marker in the SQLite header (``PRAGMA application_id``). A file is
opened as a store when it has the marker, when it is new or empty, or when it is a store made
before the marker existed (its four original tables are there); anything else is refused, so
opening never adds tables to, or switches the journal of, another application's database.

A read-only open takes no lock and writes nothing: ``mode=ro`` (or ``immutable=1`` when the
folder cannot hold SQLite's ``-shm`` file, i.e. nobody can be writing).
"""

from __future__ import annotations

import os
import sqlite3
from enum import Enum
from pathlib import Path
from typing import Final

from govlink.errors import StoreError

__all__ = [
    "APPLICATION_ID",
    "FileKind",
    "connect",
    "file_kind",
    "is_marked",
    "mark",
    "refuse_foreign",
]

APPLICATION_ID: Final = 0x676C6E6B
"""The ``PRAGMA application_id`` of a govlink store (``glnk``)."""

#: The tables every govlink store has had since its first schema version.
_ORIGINAL_TABLES: Final = frozenset({"schema_version", "companies", "import_runs", "settings"})


class FileKind(Enum):
    """What an SQLite file is, as far as govlink is concerned."""

    STORE = "store"
    EMPTY = "empty"
    FOREIGN = "foreign"


def connect(path: str, *, read_only: bool, timeout: float) -> sqlite3.Connection:
    """A connection to ``path`` in autocommit mode; read-only opens never create the file.

    The connection may be used from another thread than its creator's (the web app's event
    loop), one call at a time: callers never share it between threads at once.
    """
    if not read_only:
        return sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    uri = Path(path).absolute().as_uri()
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout, isolation_level=None)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        db.close()
        if os.access(os.path.dirname(os.path.abspath(path)), os.W_OK):
            raise
        # a WAL store in a read-only folder: no -shm can exist, so no one is writing it
        return sqlite3.connect(
            f"{uri}?mode=ro&immutable=1", uri=True, timeout=timeout, isolation_level=None
        )
    return db


def file_kind(db: sqlite3.Connection) -> FileKind:
    """Whether ``db`` is a govlink store, empty (new) or another application's database."""
    if is_marked(db):
        return FileKind.STORE
    if int(db.execute("PRAGMA application_id").fetchone()[0]) != 0:
        return FileKind.FOREIGN
    names = {str(row[0]) for row in db.execute("SELECT name FROM sqlite_master")}
    if not names:
        return FileKind.EMPTY
    return FileKind.STORE if names >= _ORIGINAL_TABLES else FileKind.FOREIGN


def refuse_foreign(db: sqlite3.Connection, path: str) -> FileKind:
    """The kind of ``db``, after refusing anything that is not a store or empty.

    :raises StoreError: ``store.foreign`` for another application's database or a file that is
        not SQLite at all.
    """
    try:
        kind = file_kind(db)
    except sqlite3.DatabaseError as error:
        if error.sqlite_errorcode != sqlite3.SQLITE_NOTADB:
            raise
        kind = FileKind.FOREIGN
    if kind is FileKind.FOREIGN:
        raise StoreError(
            f"{path} is not a govlink store (it was left unchanged)",
            code="store.foreign",
        )
    return kind


def is_marked(db: sqlite3.Connection) -> bool:
    """Whether ``db`` carries the govlink marker."""
    return int(db.execute("PRAGMA application_id").fetchone()[0]) == APPLICATION_ID


def mark(db: sqlite3.Connection) -> None:
    """Write the govlink marker (inside the caller's write transaction)."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
