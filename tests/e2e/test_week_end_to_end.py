"""A simulated week end to end: import (AdminPulse) → plan → sync → documents → alerts →
AdminPulse push. Every document the portal published for a mandated company arrives exactly
once at the sink; companies without a mandate alert their responsible once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from govlink.connectors.adminpulse.client import AdminPulseClient
from govlink.connectors.adminpulse.source import AdminPulseSource
from govlink.connectors.http import BearerToken, Secret
from govlink.domain.alerts import AlertKind
from govlink.domain.forwarding import SinkSwitch
from govlink.reconcile.policy import ALL, Selection
from govlink.store import SQLiteStore
from govlink.store.sync import PortalLimits
from govlink.sync import SyncOptions, run_due
from govlink.testing.adminpulse import DEFAULT_API_KEY, AdminPulseSimulator, generate
from govlink.testing.clock import SimulatedClock
from govlink.testing.documents import adminpulse_registry
from govlink.testing.myminfin import MyMinfinSimulator, generate_portal
from govlink.testing.sync import in_process_fetcher
from govlink.workflows.importing import apply_import, preview_import
from govlink.workflows.plan import make_plan
from govlink.workflows.pushing import PushOptions, push

#: Monday 2 March 2026, 07:00 UTC.
START = datetime(2026, 3, 2, 7, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "govlink.db") as opened:
        yield opened


def _import(store: SQLiteStore, url: str, clock: SimulatedClock) -> list[str]:
    client = AdminPulseClient(BearerToken(Secret(DEFAULT_API_KEY)), base_url=url, clock=clock)
    preview = preview_import(AdminPulseSource(client), store)
    apply_import(preview, store, Selection(add=ALL), actor="test", at=START)
    return [c.enterprise_number.compact for c in store.companies()]


@pytest.mark.slow
def test_a_week_every_document_arrives_once_at_adminpulse(store: SQLiteStore) -> None:
    clock = SimulatedClock(START)
    data: dict[str, Any] = generate(30, seed=4)
    adminpulse = AdminPulseSimulator(clock=clock, **data)
    with adminpulse.serve() as server:
        numbers = _import(store, server.url, clock)
        assert len(numbers) >= 10
        store.save_sink_switch(SinkSwitch.off("adminpulse").switched_on(START, ("GovLink",)))
        make_plan(store, now=START, windows="Mon-Fri 08:00-18:00")
        portal = MyMinfinSimulator(
            generate_portal(numbers, start=START, days=7, documents=(1, 3), no_mandate_every=4),
            clock=clock,
        )
        registry = adminpulse_registry(server.url, DEFAULT_API_KEY, clock)
        fetcher = in_process_fetcher(portal)
        options = SyncOptions(clock=clock, limits=PortalLimits(concurrency=2, calls=30, per=60))
        for day in range(1, 8):
            clock.advance_to(START + timedelta(days=day))
            run_due(store, registry, fetcher, options=options)
            push(store, registry, sink="adminpulse", options=PushOptions(clock=clock))

    synced = {a.enterprise_number.compact: a.started_at for a in store.sync_attempts()}
    mandated = [n for n in numbers if n in portal.mandates]
    assert set(mandated) <= set(synced), "every mandated company synced during the week"
    expected = Counter(
        d.content
        for d in portal.published(clock.now())
        if d.enterprise_number in portal.mandates and d.published_at <= synced[d.enterprise_number]
    )
    arrived = Counter(u.content for u in adminpulse.documents)
    assert expected
    assert arrived == expected
    assert set(arrived.values()) == {1}

    refused = sorted(set(numbers) - portal.mandates)
    alerts = [a.alert for a in store.alerts()]
    no_mandate = [a for a in alerts if a.kind is AlertKind.SYNC_FAILED]
    assert sorted(a.enterprise_number.compact for a in no_mandate) == refused
    stored = [s.document for s in store.documents()]
    needing_action = sorted(d.sha256 for d in stored if d.needs_action)
    assert needing_action
    assert sorted(a.document_sha256 for a in alerts if a.document_sha256) == needing_action
