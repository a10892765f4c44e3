"""Several sync worker processes on one store against the loopback portal simulator, some
killed with SIGKILL mid-run: every occurrence runs once, no document is lost or doubled, and
the portal's cap and rate limit hold in sum.

The store is a parameter (the store, the string the workers open it by and their opener), so
the same tests run on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from govlink.store import SQLiteStore
from govlink.testing.sync_workers import SQLITE, WorkerStore, run_sync_workers


@attrs.frozen
class Target:
    """A fresh store, the string workers open it by, and their ``module:callable`` opener."""

    store: WorkerStore
    target: str
    opener: str


@pytest.fixture(params=["sqlite", "postgres"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Target]:
    """An SQLite file, or a PostgreSQL schema opened by ``govlink.store.open_store`` (skipped
    while this version has no PostgreSQL store)."""
    if request.param == "sqlite":
        path = str(tmp_path / "govlink.db")
        store = SQLiteStore(path)
        yield Target(store, path, SQLITE)
        store.close()
        return
    module = importlib.import_module("govlink.store")
    if not hasattr(module, "open_store"):
        pytest.skip("no PostgreSQL store in this version (issue 13)")
    url = request.getfixturevalue("postgres").schema("sync")
    opened = module.open_store(url)
    yield Target(opened, url, "govlink.store:open_store")
    opened.close()


@pytest.mark.slow
@pytest.mark.parametrize(("mode", "workers", "kill"), [("work", 3, 1), ("run", 2, 1)])
def test_workers_killed_mid_run_sync_every_occurrence_once(
    store_target: Target, mode: str, workers: int, kill: int
) -> None:
    run = run_sync_workers(
        store_target.store,
        store_target.target,
        opener=store_target.opener,
        companies=30,
        workers=workers,
        kill=kill,
        mode=mode,  # type: ignore[arg-type]
        concurrency=2,
        rate=20,
    )
    assert run.occurrences >= 30
    assert run.unfinished == 0
    assert run.ran_twice == 0
    assert run.expected > 0
    assert run.lost == 0
    assert run.doubled == 0
    assert run.peak_requests <= run.concurrency
    assert run.max_in_minute <= run.rate
    assert run.listings >= run.syncs == run.occurrences - run.skipped
    assert run.killed == kill
