"""The SQLite document tables: store once, outbox per switched-on sink, claims and leases."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlink import DocumentKind, EnterpriseNumber, StoreError
from govlink.domain.alerts import Alert, AlertKind
from govlink.domain.forwarding import SinkSwitch
from govlink.domain.outbox import OutboxState, Step
from govlink.store import AlertStatus, DocumentStore, SQLiteStore
from govlink.store._schema import LATEST_VERSION, MIGRATIONS, migrate
from govlink.testing.documents import sample_document, sample_pdf

NUMBER = EnterpriseNumber.parse("0403019261")
OTHER = EnterpriseNumber.parse("0417497106")
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=10)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "govlink.db") as opened:
        yield opened


def test_sqlite_store_is_a_document_store(store: SQLiteStore) -> None:
    assert isinstance(store, DocumentStore)


def test_a_document_is_stored_once_per_company(store: SQLiteStore) -> None:
    document = sample_document(1, NUMBER, received_at=T0)
    first = store.add_document(document, sample_pdf(1))
    assert first is not None
    assert first.document.content is None
    assert store.add_document(document, sample_pdf(1)) is None
    same_bytes_other_company = sample_document(1, OTHER, received_at=T0)
    assert store.add_document(same_bytes_other_company, sample_pdf(1)) is not None
    assert len(store.documents()) == 2
    loaded = store.document(first.id)
    assert loaded.content == sample_pdf(1)
    assert loaded.sha256 == document.sha256
    assert loaded.received_at == T0


def test_unknown_document_id(store: SQLiteStore) -> None:
    with pytest.raises(StoreError, match="no document"):
        store.document(42)


def test_outbox_entries_only_for_sinks_on_before_receipt(store: SQLiteStore) -> None:
    store.save_sink_switch(SinkSwitch.off("adminpulse").switched_on(T0, ["GovLink"]))
    store.save_sink_switch(SinkSwitch.off("archive"))
    before = store.add_document(sample_document(1, NUMBER, received_at=T0 - timedelta(1)), b"x")
    at = store.add_document(sample_document(2, NUMBER, received_at=T0), b"x")
    assert before is not None
    assert at is not None
    assert before.queued_for == ()
    assert at.queued_for == ("adminpulse",)
    assert [e.document_id for e in store.outbox("adminpulse")] == [at.id]
    assert store.sink_switch("adminpulse").tags == ("GovLink",)
    assert store.sink_switch("nothing") == SinkSwitch.off("nothing")


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
    store.save_sink_switch(SinkSwitch.off("s").switched_on(T0))
    for n in range(count):
        store.add_document(sample_document(n, NUMBER, received_at=T0), b"x")


def test_claim_finish_and_lease(store: SQLiteStore) -> None:
    _queued(store, 2)
    first = store.claim("s", owner="a", now=T0, lease=LEASE)
    second = store.claim("s", owner="b", now=T0, lease=LEASE)
    assert first is not None
    assert second is not None
    assert first.id != second.id
    assert first.state is OutboxState.CLAIMED
    assert store.claim("s", owner="c", now=T0, lease=LEASE) is None
    # a lapsed lease makes the entry claimable again: the dead worker's upload may repeat
    again = store.claim("s", owner="c", now=T0 + LEASE, lease=LEASE)
    assert again is not None
    assert again.id == first.id
    assert not store.finish(first.id, owner="a", step=Step(state=OutboxState.HELD), now=T0)
    # a delivery is recorded even by a worker that lost its lease
    assert store.finish(first.id, owner="a", step=Step(state=OutboxState.DONE), now=T0)
    assert store.outbox("s", {OutboxState.DONE})[0].attempts == 1


def test_backoff_held_release_and_orphans(store: SQLiteStore) -> None:
    _queued(store, 3)
    one, two, three = (store.claim("s", owner=o, now=T0, lease=LEASE) for o in "abc")
    assert one is not None
    assert two is not None
    assert three is not None
    later = T0 + timedelta(seconds=30)
    store.finish(
        one.id,
        owner="a",
        step=Step(state=OutboxState.PENDING, reason="503", not_before=later),
        now=T0,
    )
    store.finish(two.id, owner="b", step=Step(state=OutboxState.HELD, reason="unknown"), now=T0)
    assert store.next_due("s") == later
    assert store.claim("s", owner="x", now=T0, lease=LEASE) is None
    assert store.release_orphans("s", alive=lambda owner: owner != "c") == 1
    reclaimed = store.claim("s", owner="x", now=T0, lease=LEASE)
    assert reclaimed is not None
    assert reclaimed.id == three.id
    store.release(reclaimed.id, owner="x")
    assert store.reset_held("s") == 1
    assert {e.state for e in store.outbox("s")} == {OutboxState.PENDING}
    assert store.outbox("s", {OutboxState.PENDING})[0].reason == "503"


def test_alerts_are_stored_with_their_document(store: SQLiteStore) -> None:
    document = sample_document(1, NUMBER, kind=DocumentKind.REQUEST_FOR_INFORMATION)
    alert = Alert(
        kind=AlertKind.GOVERNMENT_REQUEST,
        enterprise_number=NUMBER,
        company_name="Acme",
        recipient=None,
        fallback=True,
        subject="s",
        message="m",
        document_sha256=document.sha256,
    )
    store.add_document(document, b"x", alert)
    store.add_document(document, b"x", alert)
    [stored] = store.alerts()
    assert stored.alert == alert
    assert stored.status is AlertStatus.PENDING
    store.mark_alert(stored.id, AlertStatus.FAILED, "smtp down")
    assert store.alerts({AlertStatus.PENDING}) == []
    assert store.alerts({AlertStatus.FAILED})[0].error == "smtp down"


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
