"""Opening a store: another application's database is refused untouched; reads take no lock."""

import hashlib
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from govlink.cli import main
from govlink.errors import StoreError
from govlink.store._schema import MIGRATIONS, migrate
from govlink.store.sqlite import SQLiteStore


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _foreign(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    db.execute("INSERT INTO invoices (total) VALUES (12.5)")
    db.commit()
    db.close()
    return path


def test_another_applications_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    other = _foreign(tmp_path / "books.db")
    before = _digest(other)
    with pytest.raises(StoreError, match="is not a govlink store") as raised:
        SQLiteStore(other)
    assert raised.value.code == "store.foreign"
    assert _digest(other) == before
    assert not Path(f"{other}-wal").exists()
    db = sqlite3.connect(other)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in db.execute("SELECT name FROM sqlite_master")] == ["invoices"]


def test_the_cli_refuses_a_foreign_database_in_one_line(tmp_path: Path) -> None:
    other = _foreign(tmp_path / "books.db")
    before = _digest(other)
    for args in (["companies", "list"], ["settings", "set", "fallback_recipient", "a@b.be"]):
        result = CliRunner().invoke(main, [*args, "--store", str(other)])
        assert result.exit_code == 1
        assert "is not a govlink store" in result.output
        assert _digest(other) == before


def test_an_empty_file_becomes_a_store_and_an_unmarked_store_is_still_one(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "new.db"
    empty.touch()
    with SQLiteStore(empty) as store:
        store.set_setting("k", "v")
    db = sqlite3.connect(empty)
    db.execute("PRAGMA application_id = 0")
    db.close()
    with SQLiteStore(empty) as store:
        assert store.get_setting("k") == "v"


def test_a_read_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "govlink.db"
    SQLiteStore(path).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO settings VALUES ('k', 'v', 'now')")
    try:
        with SQLiteStore(path, read_only=True, timeout=0.1) as store:
            assert store.companies() == []
            assert store.settings() == {}
        result = CliRunner().invoke(main, ["companies", "list", "--store", str(path)])
        assert result.exit_code == 0, result.output
    finally:
        writer.execute("ROLLBACK")


def test_a_read_only_open_never_migrates(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    migrate(db, MIGRATIONS[:1], now="2026-01-01T00:00:00+00:00")
    db.execute("COMMIT")
    db.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="needs migrating") as raised:
        SQLiteStore(path, read_only=True)
    assert raised.value.code == "store.outdated"
    assert _digest(path) == before
    with SQLiteStore(path) as store:
        assert store.schema_version == MIGRATIONS[-1].version


def test_a_read_only_open_of_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    with SQLiteStore(path, read_only=True) as store:
        assert store.companies() == []
    assert not path.exists()
