"""Archived companies in the SQLite store: the state itself, its migration, and the outbox that
neither queues nor hands out an archived company's documents."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from govlink import EnterpriseNumber, StoreError
from govlink.domain.forwarding import SinkSwitch
from govlink.domain.outbox import OutboxState
from govlink.store import CompanyArchive, SQLiteStore
from govlink.store._schema import MIGRATIONS, migrate
from govlink.testing.clock import SimulatedClock
from govlink.testing.documents import sample_document, sample_pdf
from govlink.testing.sync import enterprise_numbers, put_companies
from govlink.workflows.ingesting import store_document

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=10)
FIRST, SECOND, THIRD = (EnterpriseNumber.parse(n) for n in enterprise_numbers(3))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "govlink.db", clock=SimulatedClock(T0)) as opened:
        put_companies(opened, [n.compact for n in (FIRST, SECOND, THIRD)])
        yield opened


def test_archive_and_restore_change_only_what_differs(store: SQLiteStore) -> None:
    assert isinstance(store, CompanyArchive)
    assert store.archived() == {}
    assert store.set_archived([SECOND, FIRST], archived=True) == (FIRST, SECOND)
    assert store.archived() == {FIRST: T0, SECOND: T0}
    assert store.set_archived([FIRST, THIRD], archived=True) == (THIRD,)
    assert store.set_archived([FIRST, FIRST], archived=False) == (FIRST,)
    assert set(store.archived()) == {SECOND, THIRD}
    assert store.set_archived([], archived=True) == ()
    assert len(store.companies()) == 3  # the companies and their data stay


def test_an_unknown_company_changes_nothing(store: SQLiteStore) -> None:
    unknown = EnterpriseNumber.parse(enterprise_numbers(1, offset=9)[0])
    with pytest.raises(StoreError, match="not on the platform") as raised:
        store.set_archived([FIRST, unknown], archived=True)
    assert raised.value.code == "store.not_found"
    assert store.archived() == {}


def test_a_read_only_store_reads_the_archived_companies(store: SQLiteStore) -> None:
    store.set_archived([THIRD], archived=True)
    with SQLiteStore(store.path, read_only=True) as reader:
        assert set(reader.archived()) == {THIRD}


def test_a_version_4_store_migrates_with_every_company_active(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with closing(sqlite3.connect(path)) as db:
        db.execute("BEGIN")
        migrate(db, MIGRATIONS[:4], now="2026-01-01T00:00:00Z")
        db.execute(
            "INSERT INTO companies (enterprise_number, name, created_at, updated_at) "
            "VALUES (?, 'Old client', 'x', 'x')",
            (FIRST.compact,),
        )
        db.execute("COMMIT")
    with SQLiteStore(path) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        assert store.archived() == {}
        assert store.set_archived([FIRST], archived=True) == (FIRST,)


def _switched_on(store: SQLiteStore) -> None:
    store.save_sink_switch(SinkSwitch.off("adminpulse").switched_on(T0, ["GovLink"]))


def test_no_outbox_entry_for_an_archived_company(store: SQLiteStore) -> None:
    _switched_on(store)
    store.set_archived([FIRST], archived=True)
    archived = store_document(store, sample_document(1, FIRST, received_at=T0), sample_pdf(1))
    active = store_document(store, sample_document(2, SECOND, received_at=T0), sample_pdf(2))
    assert archived is not None
    assert active is not None
    assert archived.queued_for == ()
    assert active.queued_for == ("adminpulse",)
    assert [e.document_id for e in store.outbox("adminpulse")] == [active.id]
    assert len(store.documents()) == 2  # the document is kept all the same


def test_queued_entries_wait_while_archived_and_go_after_a_restore(store: SQLiteStore) -> None:
    _switched_on(store)
    first = store_document(store, sample_document(1, FIRST, received_at=T0), sample_pdf(1))
    assert first is not None
    store.set_archived([FIRST], archived=True)
    now = T0 + timedelta(minutes=1)
    assert store.claim("adminpulse", owner="w", now=now, lease=LEASE) is None
    assert store.next_due("adminpulse") is None  # a push does not wait for it
    assert [e.state for e in store.outbox("adminpulse")] == [OutboxState.PENDING]
    store.set_archived([FIRST], archived=False)
    claimed = store.claim("adminpulse", owner="w", now=now, lease=LEASE)
    assert claimed is not None
    assert claimed.document_id == first.id


def test_a_backfill_leaves_archived_companies_out(store: SQLiteStore) -> None:
    for serial, number in enumerate((FIRST, SECOND), start=1):
        store_document(store, sample_document(serial, number, received_at=T0), sample_pdf(serial))
    _switched_on(store)
    store.set_archived([FIRST], archived=True)
    assert store.queue_backfill("adminpulse", T0) == 1
    assert {e.enterprise_number for e in store.outbox("adminpulse")} == {SECOND}
    store.set_archived([FIRST], archived=False)
    assert store.queue_backfill("adminpulse", T0) == 1
