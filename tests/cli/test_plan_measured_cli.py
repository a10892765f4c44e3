"""``govlink plan`` costs each company by the load the sync measured, on SQLite and across the
offices of a PostgreSQL store (each office's sync state merged per company)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from govlink import EnterpriseNumber
from govlink.cli import main
from govlink.store import open_store
from govlink.store.sync import (
    AttemptOutcome,
    OccurrenceState,
    OccurrenceStep,
    SyncAttempt,
    SyncStore,
)
from govlink.testing.postgres import TemporaryDatabase
from govlink.testing.sync import enterprise_numbers, put_companies

NOW = "2026-03-23T09:07:00+01:00"
SYNCED = datetime(2026, 3, 20, 9, tzinfo=UTC)
A, B, X = enterprise_numbers(3)


def _measure(store: SyncStore, seconds: Mapping[str, float]) -> None:
    """One successful sync of each company, taking ``seconds[number]``."""
    store.enqueue([(EnterpriseNumber.parse(n), SYNCED) for n in seconds], until=SYNCED)
    for _ in seconds:
        claim = store.claim_sync(
            owner="w", now=SYNCED, due_until=SYNCED, lease=timedelta(minutes=15)
        )
        assert claim is not None
        attempt = SyncAttempt(
            enterprise_number=claim.enterprise_number,
            due_at=claim.due_at,
            worker="w",
            started_at=SYNCED,
            seconds=seconds[claim.enterprise_number.compact],
            documents=1,
            outcome=AttemptOutcome.OK,
        )
        done = OccurrenceStep(state=OccurrenceState.DONE)
        assert store.finish_sync(claim, step=done, attempt=attempt)


def _costs(*args: str) -> dict[str, float]:
    result = CliRunner().invoke(main, ["plan", *args, "--now", NOW, "--json"])
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return {a["enterprise_number"]: a["cost"] for a in document["assignments"]}


def test_plan_costs_companies_by_their_measured_load_on_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "govlink.db"
    with open_store(str(path)) as store:
        put_companies(store, [A, B, X])
        _measure(store, {A: 2.0, B: 2.0, X: 6.0})
    assert _costs("--store", str(path)) == {A: 1.0, B: 1.0, X: 3.0}


def test_plan_merges_every_offices_measured_load_on_postgresql(
    postgres: TemporaryDatabase,
) -> None:
    url = postgres.schema("measured")
    for office, measured in (("gent", {A: 2.0, X: 2.0}), ("brugge", {B: 2.0, X: 10.0})):
        with open_store(url, office=office) as store:
            put_companies(store, list(measured))
            _measure(store, measured)
    assert _costs("--store", url) == {A: 1.0, B: 1.0, X: 3.0}, "X: (2 + 10) / 2 over 2"
