"""psycopg 3 behind the sqlite3-shaped :class:`~govlink.store._sql.Connection` the tables use.

Statements keep SQLite's placeholders (``?`` and ``:name``); they are rewritten once to
psycopg's (``%s``, ``%(name)s``) and cached. Rows read by position and by column name, like
``sqlite3.Row``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

import psycopg
from psycopg.rows import RowMaker

__all__ = ["PgConnection", "Row", "translate"]

_TOKEN: Final = re.compile(r"'(?:[^']|'')*'|\?|(?<!:):([A-Za-z_]\w*)|%")


@functools.lru_cache(maxsize=512)
def translate(statement: str) -> str:
    """``statement`` with SQLite placeholders as psycopg's (string literals left alone)."""

    def replace(match: re.Match[str]) -> str:
        token = match[0]
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        if match[1] is not None:
            return f"%({match[1]})s"
        return token.replace("%", "%%")

    return _TOKEN.sub(replace, statement)


class Row(tuple[Any, ...]):
    """A result row, read as ``row[0]`` or ``row["column"]``."""

    _names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        if key.__class__ is str:
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        """The column names."""
        return list(self._names)


def _rows(cursor: psycopg.Cursor[Any]) -> RowMaker[Row]:
    names = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(values, names)


class PgConnection:
    """A psycopg connection answering ``execute``/``executemany`` like ``sqlite3``."""

    def __init__(self, connection: psycopg.Connection[Any]) -> None:
        self.raw = connection

    def execute(self, sql: str, parameters: Any = (), /) -> psycopg.Cursor[Row]:
        """Run one statement; ``parameters`` a sequence for ``?``, a mapping for ``:name``."""
        cursor = self.raw.cursor(row_factory=_rows)
        return cursor.execute(translate(sql), parameters or None)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> psycopg.Cursor[Row]:
        """Run one statement for each parameter set (pipelined by psycopg)."""
        cursor = self.raw.cursor(row_factory=_rows)
        cursor.executemany(translate(sql), list(parameters))
        return cursor
