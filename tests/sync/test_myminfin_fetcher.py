"""The MyMinfin simulator and the built-in myminfin-sim fetcher, over loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from govlink import EnterpriseNumber
from govlink.connectors.myminfin.fetcher import TOKEN_ENV, URL_ENV, MyMinfinSimFetcher
from govlink.errors import ConfigurationError, PluginError
from govlink.plugins import FetcherOptions, FetchOutcome, FetchRequest, Registry
from govlink.testing.clock import SimulatedClock
from govlink.testing.myminfin import (
    DEFAULT_TOKEN,
    LABELS,
    Fault,
    MyMinfinSimulator,
    generate_portal,
)

START = datetime(2026, 3, 2, 8, tzinfo=UTC)
NUMBERS = ["0403019261", "0202239951", "0417497106"]
COMPANY = EnterpriseNumber(NUMBERS[0])


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock(START)


def _sim(clock: SimulatedClock, **knobs: object) -> MyMinfinSimulator:
    data = generate_portal(NUMBERS, start=START, documents=(2, 2), no_mandate_every=3, seed=4)
    return MyMinfinSimulator(data, clock=clock, **knobs)  # type: ignore[arg-type]


@pytest.fixture
def served(clock: SimulatedClock) -> Iterator[tuple[MyMinfinSimulator, MyMinfinSimFetcher]]:
    sim = _sim(clock)
    with sim.serve() as server, MyMinfinSimFetcher(server.url, DEFAULT_TOKEN) as fetcher:
        yield sim, fetcher


def test_documents_arrive_over_time_with_dutch_and_french_labels(
    clock: SimulatedClock, served: tuple[MyMinfinSimulator, MyMinfinSimFetcher]
) -> None:
    sim, fetcher = served
    first = fetcher.fetch(FetchRequest(enterprise_number=COMPANY))
    assert first.outcome is FetchOutcome.OK
    assert [d.published_at for d in first.documents] == sorted(
        d.published_at for d in first.documents if d.published_at
    )
    assert all(d.published_at and d.published_at <= START for d in first.documents)
    watermark = max(d.published_at for d in first.documents if d.published_at)
    clock.advance_to(START + timedelta(days=7))
    later = fetcher.fetch(FetchRequest(enterprise_number=COMPANY, since=watermark))
    new = {d.portal_id for d in later.documents} - {d.portal_id for d in first.documents}
    assert len(new) == 2
    labels = {label for pair in LABELS.values() for label in pair}
    assert {d.kind_label for d in later.documents} <= labels
    assert all(d.content.startswith(b"%PDF-") for d in later.documents)
    assert sum(sim.downloads.values()) == len(first.documents) + len(later.documents)


def test_nothing_new_and_no_mandate(
    served: tuple[MyMinfinSimulator, MyMinfinSimFetcher],
) -> None:
    _, fetcher = served
    future = START + timedelta(days=365)
    assert fetcher.fetch(FetchRequest(enterprise_number=COMPANY, since=future)).outcome is (
        FetchOutcome.NOTHING_NEW
    )
    refused = fetcher.fetch(FetchRequest(enterprise_number=EnterpriseNumber(NUMBERS[2])))
    assert refused.outcome is FetchOutcome.NO_MANDATE
    assert not refused.retriable


def test_maintenance_is_unavailable_with_retry_after(clock: SimulatedClock) -> None:
    sim = _sim(clock, maintenance=[(START, START + timedelta(minutes=30))])
    with sim.serve() as server, MyMinfinSimFetcher(server.url, DEFAULT_TOKEN) as fetcher:
        result = fetcher.fetch(FetchRequest(enterprise_number=COMPANY))
    assert result.outcome is FetchOutcome.UNAVAILABLE
    assert result.retry_after == 1800
    assert "maintenance" in result.message


def test_the_rate_limit_throttles_with_retry_after(clock: SimulatedClock) -> None:
    sim = _sim(clock, limit=(2, 60.0))
    with MyMinfinSimFetcher("http://sim", DEFAULT_TOKEN, transport=sim.transport()) as fetcher:
        results = [fetcher.fetch(FetchRequest(enterprise_number=COMPANY)) for _ in range(2)]
    assert results[-1].outcome is FetchOutcome.THROTTLED
    assert results[-1].retry_after is not None
    assert 0 < results[-1].retry_after <= 60


@pytest.mark.parametrize(
    ("fault", "outcome"),
    [
        (Fault.THROTTLE, FetchOutcome.THROTTLED),
        (Fault.SERVER_ERROR, FetchOutcome.UNAVAILABLE),
        (Fault.DROP, FetchOutcome.UNAVAILABLE),
        (Fault.STALL, FetchOutcome.UNAVAILABLE),
    ],
)
def test_faults_become_typed_outcomes(
    clock: SimulatedClock, fault: Fault, outcome: FetchOutcome
) -> None:
    sim = _sim(clock, faults={fault: 1}, stall_seconds=0.3)
    with (
        sim.serve() as server,
        MyMinfinSimFetcher(server.url, DEFAULT_TOKEN, timeout=0.1) as fetcher,
    ):
        assert fetcher.fetch(FetchRequest(enterprise_number=COMPANY)).outcome is outcome


def test_a_slow_answer_takes_simulated_time_and_still_arrives(clock: SimulatedClock) -> None:
    sim = _sim(clock, faults={Fault.SLOW: 1}, slow_seconds=40)
    with MyMinfinSimFetcher("http://sim", DEFAULT_TOKEN, transport=sim.transport()) as fetcher:
        result = fetcher.fetch(FetchRequest(enterprise_number=COMPANY))
    assert result.outcome is FetchOutcome.OK
    assert clock.now() - START >= timedelta(seconds=40 * (1 + len(result.documents)))


def test_a_bad_token_is_a_configuration_error_without_the_token(clock: SimulatedClock) -> None:
    sim = _sim(clock)
    fetcher = MyMinfinSimFetcher("http://sim", "wrong-token-123", transport=sim.transport())
    with pytest.raises(ConfigurationError) as raised:
        fetcher.fetch(FetchRequest(enterprise_number=COMPANY))
    assert "wrong-token-123" not in str(raised.value) + repr(fetcher)


def test_the_builtin_plugin_offers_the_fetcher(clock: SimulatedClock) -> None:
    registry = Registry(entry_points=False)
    assert "myminfin-sim" in registry.fetchers()
    assert [p.fetchers for p in registry.plugins() if p.name == "myminfin"] == [("myminfin-sim",)]
    with pytest.raises(ConfigurationError, match=URL_ENV):
        registry.open_fetcher("myminfin-sim")
    with pytest.raises(PluginError, match="known fetchers: myminfin-sim"):
        registry.open_fetcher("nope")
    sim = _sim(clock)
    with sim.serve() as server:
        settings = {URL_ENV: server.url, TOKEN_ENV: DEFAULT_TOKEN}
        fetcher = registry.open_fetcher("myminfin-sim", FetcherOptions(settings=settings))
        assert isinstance(fetcher, MyMinfinSimFetcher)
        with fetcher:
            result = fetcher.fetch(FetchRequest(enterprise_number=COMPANY))
    assert result.outcome is FetchOutcome.OK
