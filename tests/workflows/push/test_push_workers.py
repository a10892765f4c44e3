"""Several push worker processes on one store share AdminPulse's limits: together they never
pass 50 ``documents/add`` in any 60 s window, get no 429, lose nothing, and repeat at most the
upload in flight of the worker killed with SIGKILL."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlink.store import SQLiteStore, open_store
from govlink.testing.postgres import TemporaryDatabase
from govlink.testing.workers import run_workers

SPEED = 120.0  # a minute in half a second
DOCUMENTS = 120  # more than two full windows


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the workers keep the outbox (and their limits): an SQLite file or a PostgreSQL
    schema."""
    if request.param == "sqlite":
        return str(tmp_path / "govlink.db")
    database: TemporaryDatabase = request.getfixturevalue("postgres")
    return database.schema("push")


@pytest.mark.slow
@pytest.mark.parametrize("workers", [2, 4])
def test_workers_on_one_store_keep_the_upload_limit(target: str, workers: int) -> None:
    with open_store(target) as store:
        run = run_workers(target, store, workers=workers, documents=DOCUMENTS, speed=SPEED)
    assert run.killed == 1
    assert run.max_in_window <= 50
    assert run.rejections == 0
    assert run.lost == 0
    assert run.duplicates <= run.killed
    assert run.uploads >= DOCUMENTS


@pytest.mark.slow
@pytest.mark.parametrize("workers", [2, 4])
def test_workers_sharing_limits_in_postgresql_keep_the_upload_limit(
    tmp_path: Path, workers: int, postgres: TemporaryDatabase
) -> None:
    """The outbox in SQLite, the limits in PostgreSQL."""
    path = tmp_path / "govlink.db"
    with SQLiteStore(path) as store:
        run = run_workers(
            str(path),
            store,
            workers=workers,
            documents=DOCUMENTS,
            speed=SPEED,
            rates=postgres.schema("workers"),
        )
    assert run.killed == 1
    assert run.max_in_window <= 50
    assert run.rejections == 0
    assert run.lost == 0
    assert run.duplicates <= run.killed
