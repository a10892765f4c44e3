"""``copy_rows``: SQLite's bulk insert writes exactly the rows given, whatever their NULLs, count
and width (rows are split by their NULL columns and go several to a statement)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlink.store._sqlite_copy import copy_rows

_VALUES = st.none() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=5)


@st.composite
def tables(draw: st.DrawFn) -> tuple[int, list[tuple[Any, ...]]]:
    """A width and rows of it: runs of rows that share their NULL columns (past the batch and
    statement sizes), then rows of any shape."""
    width = draw(st.integers(1, 40))
    rows: list[tuple[Any, ...]] = []
    for nulls in draw(st.lists(st.lists(st.booleans(), min_size=width, max_size=width))):
        count = draw(st.sampled_from((1, 30, 400, 1200)))
        rows += [tuple(None if null else f"r{i}" for null in nulls) for i in range(count)]
    rows += draw(st.lists(st.tuples(*[_VALUES] * width), max_size=20))
    return width, rows


def _table(db: sqlite3.Connection, width: int) -> list[str]:
    """A table whose every column defaults to a value, so a NULL written as a default shows."""
    columns = [f"c{i}" for i in range(width)]
    db.execute(f"CREATE TABLE t (i INTEGER, {', '.join(f'{c} DEFAULT 7' for c in columns)})")
    return ["i", *columns]


@pytest.fixture
def db() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    yield connection
    connection.close()


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(tables())
def test_every_row_is_written_as_given(table: tuple[int, list[tuple[Any, ...]]]) -> None:
    width, rows = table
    with closing(sqlite3.connect(":memory:")) as db:
        columns = _table(db, width)
        copy_rows(db, "t", columns, ((n, *row) for n, row in enumerate(rows)))
        written = db.execute("SELECT * FROM t ORDER BY i").fetchall()
    assert written == [(n, *row) for n, row in enumerate(rows)]


def test_a_row_of_nulls_meets_the_tables_constraints(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE t (a TEXT NOT NULL, b TEXT)")
    with pytest.raises(sqlite3.IntegrityError, match="NOT NULL"):
        copy_rows(db, "t", ["a", "b"], [("x", "y"), (None, None)])
