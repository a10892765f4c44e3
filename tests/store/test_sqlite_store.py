"""The embedded SQLite store, on real database files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlink import COMPANY_FIELDS, Company, EnterpriseNumber, StoreError
from govlink.reconcile import ApplyPlan
from govlink.store import SQLiteStore, Store
from govlink.store._schema import LATEST_VERSION, MIGRATIONS, Migration, migrate
from govlink.testing.store_conformance import sample_run
from govlink.testing.strategies import companies

NOW = "2026-01-01T00:00:00.000000Z"
NUMBERS = [EnterpriseNumber.parse(n) for n in ("0403019261", "0417497106", "0202239951")]


def _company(number: EnterpriseNumber, name: str, **values: str) -> Company:
    return Company(enterprise_number=number, name=name, **values)


def _dump(path: Path) -> list[tuple[object, ...]]:
    """Every row of every govlink table: what "unchanged" means for a store file."""
    with sqlite3.connect(path) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        return [(t, *row) for t in tables for row in db.execute(f"SELECT * FROM {t} ORDER BY 1")]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "govlink.db"


@pytest.fixture
def seeded(path: Path) -> Path:
    with SQLiteStore(path) as store:
        store.apply(
            ApplyPlan(add=(_company(NUMBERS[0], "Acme", email="info@acme.be"),)), sample_run()
        )
    return path


def test_a_new_store_is_migrated_in_wal_mode_and_satisfies_the_protocol(path: Path) -> None:
    with SQLiteStore(path) as store:
        assert isinstance(store, Store)
        assert store.schema_version == LATEST_VERSION
        assert store.companies() == []
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        versions = [row[0] for row in db.execute("SELECT version FROM schema_version")]
    assert versions == [m.version for m in MIGRATIONS]


def test_the_companies_table_has_a_column_for_every_company_field(path: Path) -> None:
    SQLiteStore(path).close()
    with sqlite3.connect(path) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(companies)")}
    assert set(COMPANY_FIELDS) <= columns


@settings(max_examples=25)
@given(st.lists(companies(), max_size=6, unique_by=lambda c: c.enterprise_number))
def test_companies_read_back_equal_to_what_was_added(added: list[Company]) -> None:
    with SQLiteStore(":memory:") as store:
        store.apply(ApplyPlan(add=tuple(added)), sample_run())
        stored = store.companies()
        assert stored == sorted(added, key=lambda c: c.enterprise_number.compact)
        for company in added:
            assert store.company(company.enterprise_number) == company


def test_an_error_part_way_through_an_apply_leaves_the_store_unchanged(seeded: Path) -> None:
    with sqlite3.connect(seeded) as db:
        db.execute(
            "CREATE TRIGGER fail_third_insert BEFORE INSERT ON companies "
            "WHEN (SELECT count(*) FROM companies) >= 2 "
            "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
        )
    before = _dump(seeded)
    plan = ApplyPlan(add=(_company(NUMBERS[1], "Two"), _company(NUMBERS[2], "Three")))
    with SQLiteStore(seeded) as store:
        with pytest.raises(StoreError, match="injected failure"):
            store.apply(plan, sample_run())
        assert _dump(seeded) == before
        assert len(store.import_runs()) == 1


def test_a_crash_part_way_through_an_apply_leaves_the_store_unchanged(seeded: Path) -> None:
    before = _dump(seeded)
    script = textwrap.dedent(
        f"""
        import os
        from datetime import UTC, datetime
        from govlink import Company, EnterpriseNumber
        from govlink.reconcile import ApplyPlan
        from govlink.store import ImportCounts, RunInfo, SQLiteStore

        def crash(done, total):
            if done == 2:
                os._exit(9)

        numbers = ["0417497106", "0202239951", "0200065765"]
        plan = ApplyPlan(add=tuple(
            Company(enterprise_number=EnterpriseNumber.parse(n), name=n) for n in numbers
        ))
        counts = ImportCounts(rows=3, only_in_source=3, only_in_platform=1, matching=0,
                              changed=0, invalid=0)
        run = RunInfo(at=datetime.now(UTC), source="excel", location="x", actor="a",
                      counts=counts)
        SQLiteStore({str(seeded)!r}).apply(plan, run, progress=crash)
        """
    )
    process = subprocess.run([sys.executable, "-c", script], check=False, timeout=60)
    assert process.returncode == 9
    assert _dump(seeded) == before
    with SQLiteStore(seeded) as store:
        assert [c.name for c in store.companies()] == ["Acme"]


def test_a_later_migration_applies_on_top_and_a_failing_one_changes_nothing(path: Path) -> None:
    SQLiteStore(path).close()
    extra = Migration(LATEST_VERSION + 1, "plan", ("CREATE TABLE plan (slot INTEGER)",))
    broken = Migration(LATEST_VERSION + 2, "broken", ("CREATE TABLE x (a)", "NOT SQL"))
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    assert migrate(db, (*MIGRATIONS, extra), now=NOW) == (LATEST_VERSION + 1,)
    db.execute("COMMIT")
    db.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, (*MIGRATIONS, extra, broken), now=NOW)
    db.execute("ROLLBACK")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    db.close()
    assert "plan" in tables
    assert "x" not in tables


def test_a_store_from_a_newer_govlink_is_refused(path: Path) -> None:
    SQLiteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO schema_version VALUES (999, 'future', '2030-01-01')")
    with pytest.raises(StoreError, match="newer than this govlink knows"):
        SQLiteStore(path)


def test_a_file_that_is_not_a_store_gives_a_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "clients.db"
    junk.write_bytes(b"this is not a database, just some text" * 100)
    with pytest.raises(StoreError, match="is not a govlink store"):
        SQLiteStore(junk)
    with pytest.raises(StoreError, match="cannot be opened"):
        SQLiteStore(tmp_path / "missing" / "dir" / "govlink.db")


@settings(max_examples=20)
@given(st.lists(companies(), max_size=6, unique_by=lambda c: c.enterprise_number))
def test_the_run_apply_returns_is_the_one_stored(added: list[Company]) -> None:
    with SQLiteStore(":memory:") as store:
        run = store.apply(ApplyPlan(add=tuple(added)), sample_run())
        assert store.import_runs() == [run]
