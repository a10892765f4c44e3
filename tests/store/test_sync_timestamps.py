"""The sync tables take every timestamp from the store's clock, like the rest of the store."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from govlink.clock import utc_timestamp
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.store import SQLiteStore
from govlink.store.sync import OccurrenceState, OccurrenceStep
from govlink.testing.clock import SimulatedClock

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
NUMBER = EnterpriseNumber.parse("0417497106")


def _updated(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT updated_at FROM sync_occurrences")]


def test_enqueue_finish_and_release_stamp_the_stores_time(tmp_path: Path) -> None:
    path = tmp_path / "govlink.db"
    clock = SimulatedClock(T0)
    with SQLiteStore(path, clock=clock) as store:
        store.enqueue([(NUMBER, T0), (NUMBER, T0 + timedelta(days=7))], until=T0)
        assert _updated(path) == [utc_timestamp(T0)] * 2
        lease = timedelta(minutes=5)
        claim = store.claim_sync(owner="w1", now=T0, due_until=T0, lease=lease)
        assert claim is not None
        clock.sleep(60)
        store.release_sync(claim)
        assert utc_timestamp(T0 + timedelta(seconds=60)) in _updated(path)
        claim = store.claim_sync(owner="w1", now=T0, due_until=T0, lease=lease)
        assert claim is not None
        clock.sleep(60)
        done = OccurrenceStep(state=OccurrenceState.DONE)
        assert store.finish_sync(claim, step=done, attempt=None)
        assert utc_timestamp(T0 + timedelta(seconds=120)) in _updated(path)
