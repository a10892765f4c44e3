"""The SQLite document tables beyond the conformance suite: the outbox under any sequence of
claims and lapses, backfill, and the migration of an old store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlink import EnterpriseNumber
from govlink.domain.outbox import OutboxState, Step
from govlink.store import AlertStatus, SQLiteStore
from govlink.store._schema import LATEST_VERSION, MIGRATIONS, migrate
from govlink.testing.documents import sample_document

NUMBER = EnterpriseNumber.parse("0403019261")
OTHER = EnterpriseNumber.parse("0417497106")
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=10)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "govlink.db") as opened:
        yield opened


def test_backfill_queues_older_documents_once(store: SQLiteStore) -> None:
    old = [
        store.add_document(sample_document(n, NUMBER, received_at=T0 - timedelta(days=n)), b"x")
        for n in (1, 2, 3)
    ]
    assert all(old)
    assert store.queue_backfill("adminpulse", T0 - timedelta(days=2)) == 2
    assert store.queue_backfill("adminpulse", T0 - timedelta(days=9)) == 1
    assert len(store.outbox("adminpulse")) == 3


def _queued(store: SQLiteStore, count: int) -> None:
    for n in range(count):
        store.add_document(sample_document(n, NUMBER, received_at=T0), b"x", queue_for=["s"])


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["claim", "done", "fail", "lapse"]), max_size=30))
def test_every_document_stays_in_the_outbox_whatever_happens(
    tmp_path_factory: pytest.TempPathFactory, actions: list[str]
) -> None:
    with SQLiteStore(tmp_path_factory.mktemp("db") / "g.db") as store:
        _queued(store, 3)
        now, claimed = T0, []
        for action in actions:
            if action == "claim":
                entry = store.claim("s", owner="w", now=now, lease=LEASE)
                claimed += [entry.id] if entry else []
            elif action == "lapse":
                now += LEASE
            elif claimed:
                state = OutboxState.DONE if action == "done" else OutboxState.PENDING
                store.finish(claimed.pop(), owner="w", step=Step(state=state), now=now)
        entries = store.outbox("s")
        assert len(entries) == 3
        assert {e.state for e in entries} <= {
            OutboxState.PENDING,
            OutboxState.CLAIMED,
            OutboxState.DONE,
        }


def test_a_version_1_store_gains_the_document_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with closing(sqlite3.connect(path)) as db, db:
        migrate(db, MIGRATIONS[:1], now="2026-01-01T00:00:00.000000Z")
        db.execute("INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', 'now')")
    with SQLiteStore(path) as store:
        assert store.schema_version == LATEST_VERSION
        assert store.get_setting("a") == "b"
        assert store.add_document(sample_document(1, NUMBER), b"x") is not None


def test_a_version_4_store_keeps_its_alerts_and_may_then_log_one(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    migrate(db, MIGRATIONS[:4], now="2026-01-01T00:00:00Z")
    db.execute(
        "INSERT INTO alerts VALUES (7, 'government_request', '0403019261', 'Acme', "
        "'an@firm.be', 0, 'subject', 'message', NULL, 'sent', NULL, "
        "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
    )
    db.execute("COMMIT")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE alerts SET status = 'logged'")
    db.close()
    with SQLiteStore(path) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        [kept] = store.alerts()
        assert (kept.id, kept.status, kept.alert.subject) == (7, AlertStatus.SENT, "subject")
        store.mark_alert(7, AlertStatus.LOGGED)
        assert [a.status for a in store.alerts()] == [AlertStatus.LOGGED]
