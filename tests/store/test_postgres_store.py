"""What only the PostgreSQL store has: opening by URL, read-only transactions, migrations."""

from __future__ import annotations

import psycopg
import pytest

from govlink import StoreError
from govlink.store import DEFAULT_OFFICE, open_store
from govlink.store._schema import LATEST_VERSION, Migration, migrate, migrations
from govlink.store.postgres import PostgresStore
from govlink.testing.postgres import TemporaryDatabase


def test_both_backends_have_the_same_migration_versions() -> None:
    sqlite, postgres = migrations("sqlite"), migrations("postgres")
    assert [(m.version, m.description) for m in sqlite] == [
        (m.version, m.description) for m in postgres
    ]
    assert postgres[-1].version == LATEST_VERSION


def test_a_url_opens_the_postgresql_store_at_the_latest_version(
    postgres: TemporaryDatabase,
) -> None:
    with open_store(postgres.schema()) as store:
        assert isinstance(store, PostgresStore)
        assert store.schema_version == LATEST_VERSION
        assert store.office == DEFAULT_OFFICE


def test_read_only_writes_nothing_and_refuses_an_unknown_office(
    postgres: TemporaryDatabase,
) -> None:
    url = postgres.schema()
    with open_store(url, read_only=True) as never_written:
        assert never_written.companies() == []
    with open_store(url, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.set_setting("a", "b")
    with pytest.raises(StoreError, match="no office 'gent'") as refused:
        open_store(url, office="gent", read_only=True)
    assert refused.value.code == "store.office"
    with open_store(url) as store:
        assert store.settings() == {}
        assert store.offices() == [DEFAULT_OFFICE]


def test_an_unreachable_server_is_one_line_without_the_password() -> None:
    with pytest.raises(StoreError, match="cannot be opened") as refused:
        open_store("postgresql://govlink:s3cret-pw@127.0.0.1:1/govlink")
    assert "s3cret-pw" not in str(refused.value)
    assert "\n" not in str(refused.value)


def test_a_failing_migration_changes_nothing(postgres: TemporaryDatabase) -> None:
    url = postgres.schema()
    open_store(url).close()
    extra = Migration(LATEST_VERSION + 1, "plan", ("CREATE TABLE extra (slot INTEGER)",))
    broken = Migration(LATEST_VERSION + 2, "broken", ("CREATE TABLE x (a INTEGER)", "NOT SQL"))
    with PostgresStore(url) as store:
        with pytest.raises(StoreError), store._transaction() as db:
            migrate(db, (*migrations("postgres"), extra, broken), now="t", backend="postgres")
        assert store.schema_version == LATEST_VERSION
    with psycopg.connect(url) as raw:
        tables = {row[0] for row in raw.execute("SELECT tablename FROM pg_tables")}
    assert not {"extra", "x"} & tables


def test_a_store_from_a_newer_govlink_is_refused(postgres: TemporaryDatabase) -> None:
    url = postgres.schema()
    open_store(url).close()
    with psycopg.connect(url, autocommit=True) as raw:
        raw.execute("INSERT INTO schema_version VALUES (999, 'future', '2030-01-01')")
    with pytest.raises(StoreError, match="newer than this govlink knows"):
        open_store(url)
