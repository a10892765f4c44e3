"""Several push worker processes on one store share AdminPulse's limits: together they never
pass 50 ``documents/add`` in any 60 s window, get no 429, lose nothing, and repeat at most the
upload in flight of the worker killed with SIGKILL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from govlink.store import SQLiteStore
from govlink.testing.postgres import PostgresUnavailable, TemporaryDatabase, temporary_database
from govlink.testing.workers import run_workers

SPEED = 120.0  # a minute in half a second
DOCUMENTS = 120  # more than two full windows


@pytest.mark.slow
@pytest.mark.parametrize("workers", [2, 4])
def test_workers_on_one_sqlite_store_keep_the_upload_limit(tmp_path: Path, workers: int) -> None:
    path = tmp_path / "govlink.db"
    with SQLiteStore(path) as store:
        run = run_workers(str(path), store, workers=workers, documents=DOCUMENTS, speed=SPEED)
    assert run.killed == 1
    assert run.max_in_window <= 50
    assert run.rejections == 0
    assert run.lost == 0
    assert run.duplicates <= run.killed
    assert run.uploads >= DOCUMENTS


@pytest.fixture(scope="module")
def database() -> Iterator[TemporaryDatabase]:
    """A PostgreSQL database of this module's own (skipped without a server, unless CI)."""
    try:
        with temporary_database("govlink_workers") as made:
            yield made
    except PostgresUnavailable as error:
        if os.environ.get("GOVLINK_REQUIRE_POSTGRES") == "1":
            raise
        pytest.skip(str(error))


@pytest.mark.slow
@pytest.mark.parametrize("workers", [2, 4])
def test_workers_sharing_limits_in_postgresql_keep_the_upload_limit(
    tmp_path: Path, workers: int, database: TemporaryDatabase
) -> None:
    """The limits in PostgreSQL (the outbox in SQLite until the PostgreSQL store lands)."""
    path = tmp_path / "govlink.db"
    with SQLiteStore(path) as store:
        run = run_workers(
            str(path),
            store,
            workers=workers,
            documents=DOCUMENTS,
            speed=SPEED,
            rates=database.schema("workers"),
        )
    assert run.killed == 1
    assert run.max_in_window <= 50
    assert run.rejections == 0
    assert run.lost == 0
    assert run.duplicates <= run.killed
