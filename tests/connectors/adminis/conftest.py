"""Shared helpers for the Admin-IS tests: a simulator on a real loopback socket, a source on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from govlink.clock import Clock
from govlink.connectors.adminis.client import AdminisConfig
from govlink.connectors.adminis.source import AdminisSource
from govlink.connectors.http import Secret
from govlink.domain import RawRecord
from govlink.testing._loopback import LoopbackServer
from govlink.testing.adminis import AdminisSimulator
from govlink.testing.clock import ScaledClock, SimulatedClock

Run = Callable[..., tuple[list[RawRecord], dict[str, int], AdminisSimulator]]


@pytest.fixture
def api_key() -> str:
    """An API key with characters a URL path must encode, so masking must cover both forms."""
    return "adm-key/0123+4567 89ab&cdef=?"


@pytest.fixture
def virtual_clock() -> SimulatedClock:
    """Time that moves only when waited on, from 1 January 2026."""
    return SimulatedClock(datetime(2026, 1, 1, tzinfo=UTC))


@pytest.fixture
def clock() -> ScaledClock:
    """Time at 1000x: a 60 s rate-limit window passes in 60 ms."""
    return ScaledClock(1000)


@pytest.fixture
def run(clock: ScaledClock, api_key: str) -> Iterator[Run]:
    """Serve a simulator on 127.0.0.1 and read every record through the ``adminis`` source."""
    servers: list[LoopbackServer] = []

    def run_source(
        simulator: AdminisSimulator,
        *,
        timeout: float = 5.0,
        handler: Callable[[httpx.Request], httpx.Response] | None = None,
        on: Clock | None = None,
        **options: Any,
    ) -> tuple[list[RawRecord], dict[str, int], AdminisSimulator]:
        server = LoopbackServer(handler or simulator).start()
        servers.append(server)
        config = AdminisConfig(base_url=server.url, api_key=Secret(api_key), timeout=timeout)
        source = AdminisSource(config, clock=on or clock, **options)
        records = list(source.records())
        assert list(server.errors) == []
        return records, dict(source.skipped), simulator

    yield run_source
    for server in servers:
        server.close()
