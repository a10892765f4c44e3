"""Many rows into an SQLite table at the speed of the engine, not of the bindings.

Two costs of Python's sqlite3 dominate a plain ``executemany`` of 100k rows: each ``None`` is
bound through the adapter look-up (about 0.4 µs a value: half the insert of sparse companies),
and each row is one step of the statement. So a batch of rows is split by the columns that
hold NULL, written as ``NULL`` literals in the statement, and each group goes in statements of
several rows (``VALUES (…), (…), …``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any, Final

from govlink.store._sql import Connection

__all__ = ["copy_rows"]

_BATCH: Final = 1000  # rows split by their NULL columns at once
_VARIABLES: Final = 999  # SQLite's least limit of bound values in a statement (before 3.32)


def copy_rows(
    db: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert ``rows`` (values in the order of ``columns``) into ``table``."""
    remaining = iter(rows)
    while batch := list(itertools.islice(remaining, _BATCH)):
        alike: dict[tuple[bool, ...], list[Sequence[Any]]] = {}
        for row in batch:
            nulls = tuple([value is None for value in row]) if None in row else ()
            alike.setdefault(nulls, []).append(row)
        for nulls, group in alike.items():
            _insert(db, table, columns, nulls or (False,) * len(columns), group)


def _insert(
    db: Connection,
    table: str,
    columns: Sequence[str],
    nulls: tuple[bool, ...],
    rows: Sequence[Sequence[Any]],
) -> None:
    """Insert ``rows``, which hold ``None`` exactly in the ``nulls`` columns."""
    bound = [not null for null in nulls]
    width = sum(bound)
    values = list(itertools.chain.from_iterable(itertools.compress(row, bound) for row in rows))
    per = min(_VARIABLES // max(width, 1), len(rows))
    full = len(rows) // per
    db.executemany(
        _statement(table, columns, nulls, per),
        (values[i * per * width : (i + 1) * per * width] for i in range(full)),
    )
    if rest := len(rows) - full * per:
        db.execute(_statement(table, columns, nulls, rest), values[full * per * width :])


def _statement(table: str, columns: Sequence[str], nulls: tuple[bool, ...], rows: int) -> str:
    """The insert of ``rows`` rows with the ``nulls`` columns NULL."""
    row = f"({', '.join('NULL' if null else '?' for null in nulls)})"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([row] * rows)}"
