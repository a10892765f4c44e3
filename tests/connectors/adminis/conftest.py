"""Shared helpers for the Admin-IS tests: a simulator on a real loopback socket, a source on it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from govlink.clock import Clock
from govlink.connectors.adminis.client import AdminisConfig
from govlink.connectors.adminis.source import AdminisSource
from govlink.connectors.http import Secret
from govlink.domain import EnterpriseNumber, RawRecord
from govlink.errors import InvalidEnterpriseNumber
from govlink.testing._loopback import LoopbackServer
from govlink.testing.adminis import AdminisData, AdminisSimulator
from govlink.testing.clock import ScaledClock, SimulatedClock

Kinds = Callable[[AdminisData], dict[int, str | None]]
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


def _valid(*values: Any) -> set[str]:
    numbers = set()
    for value in values:
        with contextlib.suppress(InvalidEnterpriseNumber):
            numbers.add(EnterpriseNumber(value).compact)
    return numbers


def _expected_kinds(data: AdminisData) -> dict[int, str | None]:
    """``CustomerId`` -> why it is skipped (``None``: imported); the company wins over a
    non-company carrying its number, looked up among every active company of ``data``."""
    companies = {
        number
        for c in data.customers
        if c["IsCompany"] and c["IsActive"]
        for number in _valid(c["VATNr"], c["RegistrationNr"])
    }
    kinds: dict[int, str | None] = {}
    for customer in data.customers:
        numbers = _valid(customer["VATNr"], customer["RegistrationNr"])
        kind: str | None = None
        if not customer["IsActive"]:
            kind = "inactive"
        elif not customer["IsCompany"] and numbers & companies:
            kind = "skipped.contact_of_company"
        elif not customer["IsCompany"] and not numbers:
            kind = "person"
        kinds[customer["CustomerId"]] = kind
    return kinds


@pytest.fixture
def expected_kinds() -> Kinds:
    """The test oracle: ``CustomerId`` -> why the source must skip it (``None``: imported),
    written from the rules in docs/adminis.md apart from the mapping it checks."""
    return _expected_kinds
