"""Fixtures for the push tests: the AdminPulse simulator on a loopback socket, a scaled clock,
a store with a switched-on sink, and a registry whose ``adminpulse`` sink uses that clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest

from govlink import Document, EnterpriseNumber
from govlink.connectors.http import RetryPolicy
from govlink.domain.forwarding import SinkSwitch
from govlink.plugins import Registry
from govlink.store import SQLiteStore
from govlink.testing._loopback import LoopbackServer
from govlink.testing.adminpulse import DEFAULT_API_KEY, AdminPulseSimulator, generate
from govlink.testing.clock import ScaledClock
from govlink.testing.documents import adminpulse_registry, sample_document, sample_pdf
from govlink.workflows.ingesting import store_document

SPEED = 600.0
ENABLED_AT = datetime(2026, 5, 1, tzinfo=UTC)


@pytest.fixture
def clock() -> ScaledClock:
    """Simulated time, 600 times faster than real time (a minute in 0.1 s)."""
    return ScaledClock(speed=SPEED)


@pytest.fixture
def data() -> dict[str, list[dict[str, Any]]]:
    """40 relations (persons without a number among them)."""
    return generate(40, seed=8)


@pytest.fixture
def relation_ids(data: dict[str, list[dict[str, Any]]]) -> dict[EnterpriseNumber, str]:
    """Each company's enterprise number -> its relation's ``uniqueIdentifier``."""
    return {
        EnterpriseNumber.parse(r["vatNumber"]): r["uniqueIdentifier"]
        for r in data["relations"]
        if "vatNumber" in r
    }


@attrs.define
class Served:
    """The simulator, its loopback server, and the markers whose uploads it refuses (400)."""

    simulator: AdminPulseSimulator
    server: LoopbackServer
    refused: set[bytes]


@pytest.fixture
def served(clock: ScaledClock, data: dict[str, list[dict[str, Any]]]) -> Iterator[Served]:
    simulator = AdminPulseSimulator(clock=clock, **data)
    refused: set[bytes] = set()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/documents/add" and any(m in request.content for m in refused):
            return httpx.Response(400, json={"message": "the document is invalid"})
        return simulator(request)

    with LoopbackServer(handler) as server:
        yield Served(simulator, server, refused)
        assert not tuple(server.errors)


TAGS = ("GovLink", "MyMinfin")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    """A store whose ``adminpulse`` sink was switched on at ENABLED_AT with TAGS."""
    with SQLiteStore(tmp_path / "govlink.db") as opened:
        opened.save_sink_switch(SinkSwitch.off("adminpulse").switched_on(ENABLED_AT, TAGS))
        yield opened


@pytest.fixture
def registry(served: Served, clock: ScaledClock) -> Registry:
    """The real AdminPulse sink and client, on the test's scaled clock."""
    return adminpulse_registry(
        served.server.url,
        DEFAULT_API_KEY,
        clock,
        timeout=httpx.Timeout(5.0, read=0.5),
        retry=RetryPolicy(max_retries=4),
    )


Queue = Callable[..., list[Document]]


def _queue(
    store: SQLiteStore,
    numbers: list[EnterpriseNumber],
    count: int,
    *,
    first: int = 0,
    received_at: datetime = ENABLED_AT + timedelta(hours=1),
) -> list[Document]:
    added = []
    for serial in range(first, first + count):
        document = sample_document(serial, numbers[serial % len(numbers)], received_at=received_at)
        document = attrs.evolve(document, document_date=None)
        assert store_document(store, document, sample_pdf(serial)) is not None
        added.append(document)
    return added


@pytest.fixture
def queue() -> Queue:
    """``queue(store, numbers, count, first=0)``: add ``count`` documents spread over
    ``numbers``, received after the sink was switched on."""
    return _queue
