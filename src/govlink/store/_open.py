"""Opening a store by what the user names: a PostgreSQL URL or an SQLite file."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Final

from govlink.clock import SYSTEM_CLOCK, Clock
from govlink.errors import StoreError
from govlink.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from govlink.store.postgres import PostgresStore

__all__ = ["is_url", "open_store"]

_SCHEMES: Final = ("postgresql://", "postgres://")


def is_url(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` names a PostgreSQL database rather than an SQLite file."""
    return isinstance(target, str) and target.startswith(_SCHEMES)


def open_store(
    target: str | os.PathLike[str],
    *,
    office: str | None = None,
    read_only: bool = False,
    clock: Clock = SYSTEM_CLOCK,
) -> SQLiteStore | PostgresStore:
    """The store at ``target``: a :class:`~govlink.store.postgres.PostgresStore` for a
    ``postgresql://`` URL (needs ``govlink[postgres]``), else the
    :class:`~govlink.store.SQLiteStore` file at that path.

    :param office: the office the store object serves (``None``: the default office; an SQLite
        file has only that one).
    :param read_only: no lock, no migration, nothing created.
    :raises StoreError: the store cannot be opened; ``store.extra`` when psycopg is missing.
    """
    if not is_url(target):
        return SQLiteStore(target, office=office, read_only=read_only, clock=clock)
    try:
        from govlink.store.postgres import PostgresStore
    except ImportError:
        raise StoreError(
            "a PostgreSQL store needs the postgres extra: pip install 'govlink[postgres]'",
            code="store.extra",
        ) from None
    return PostgresStore(str(target), office=office, read_only=read_only, clock=clock)
