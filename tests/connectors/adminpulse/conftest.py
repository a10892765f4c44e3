"""Fixtures for the AdminPulse tests: sample data, a fast clock and a loopback simulator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from govlink.connectors.adminpulse.client import AdminPulseClient
from govlink.connectors.http import BearerToken, RetryPolicy, Secret
from govlink.testing._loopback import LoopbackServer
from govlink.testing.adminpulse import DEFAULT_API_KEY, AdminPulseSimulator, generate
from govlink.testing.clock import ScaledClock

SPEED = 200.0


@pytest.fixture(scope="session")
def data_10k() -> dict[str, list[dict[str, Any]]]:
    """10,000 relations with persons, prospects and sole proprietors."""
    return generate(10_000)


@pytest.fixture
def clock() -> ScaledClock:
    """Simulated time, 200 times faster than real time."""
    return ScaledClock(speed=SPEED)


Served = tuple[AdminPulseSimulator, LoopbackServer]


@pytest.fixture
def serve(clock: ScaledClock) -> Iterator[Callable[..., Served]]:
    """Start a simulator on a loopback socket: ``serve(**simulator_options)``."""
    servers: list[LoopbackServer] = []

    def start(**options: Any) -> Served:
        simulator = AdminPulseSimulator(clock=clock, **options)
        server = simulator.serve().start()
        servers.append(server)
        return simulator, server

    yield start
    for server in servers:
        server.close()
        assert not tuple(server.errors)


@pytest.fixture
def connect(clock: ScaledClock) -> Iterator[Callable[..., AdminPulseClient]]:
    """A client of a served simulator: ``connect(server, key=..., **client_options)``."""
    clients: list[AdminPulseClient] = []

    def make(
        server: LoopbackServer, key: str = DEFAULT_API_KEY, **options: Any
    ) -> AdminPulseClient:
        options.setdefault("timeout", httpx.Timeout(5.0, read=0.5))
        options.setdefault("retry", RetryPolicy(max_retries=6))
        options.setdefault("base_url", server.url)
        client = AdminPulseClient(BearerToken(Secret(key)), clock=clock, **options)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
