"""Shared rate limits (:mod:`govlink.store.rates`): every sliding window keeps its limit, whatever
the callers' interleaving, latency and crashes; the full rate is still reached."""

from __future__ import annotations

import heapq
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlink.connectors.http.limiter import Rate, RateLimiter
from govlink.store.pg_rates import PostgresRateStore
from govlink.store.rates import Grant, RateStore, RateWindow, SqliteRateStore
from govlink.testing._loopback import max_in_window
from govlink.testing.clock import ScaledClock

MINUTE = RateWindow("documents/add@5/60", calls=5, per=60.0)
SECOND = RateWindow("all@2/1", calls=2, per=1.0)


@pytest.fixture(params=["sqlite", "postgres"])
def rates(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RateStore]:
    """A fresh rate store on each backend."""
    store: RateStore
    if request.param == "sqlite":
        store = SqliteRateStore(str(tmp_path / "rates.db"))
    else:
        store = PostgresRateStore(request.getfixturevalue("postgres").schema("rates"))
    yield store
    store.close()


def _simulate(
    store: RateStore,
    windows: tuple[RateWindow, ...],
    workers: list[list[tuple[float, float, float]]],
    *,
    key: str = "k",
) -> tuple[list[float], float]:
    """Run callers on simulated time: each call of a worker is (think, latency, arrival
    fraction); returns the server-side arrival times and the time the last call ended."""
    events = [(think, index, 0) for index, calls in enumerate(workers) for think, _, _ in calls[:1]]
    heapq.heapify(events)
    arrivals: list[float] = []
    end = 0.0
    while events:
        now, worker, call = heapq.heappop(events)
        taken = store.take(key, windows, now=now, hold=1000.0)
        if not isinstance(taken, Grant):
            assert taken > 0
            heapq.heappush(events, (now + taken, worker, call))
            continue
        _, latency, fraction = workers[worker][call]
        arrivals.append(now + latency * fraction)
        store.settle(taken, now=now + latency)
        end = max(end, now + latency)
        if call + 1 < len(workers[worker]):
            think = workers[worker][call + 1][0]
            heapq.heappush(events, (now + latency + think, worker, call + 1))
    return arrivals, end


calls = st.tuples(
    st.floats(0, 30), st.floats(0, 20), st.floats(0, 1)
)  # think, latency, where in the call the server counts it


@settings(max_examples=40, deadline=None)
@given(workers=st.lists(st.lists(calls, min_size=1, max_size=12), min_size=1, max_size=5))
def test_no_sliding_window_ever_holds_more_than_the_limit(
    workers: list[list[tuple[float, float, float]]],
) -> None:
    store = SqliteRateStore(":memory:")
    try:
        arrivals, _ = _simulate(store, (MINUTE, SECOND), workers)
    finally:
        store.close()
    assert len(arrivals) == sum(len(w) for w in workers), "every call got through"
    assert max_in_window(arrivals, MINUTE.per) <= MINUTE.calls
    assert max_in_window(arrivals, SECOND.per) <= SECOND.calls


def test_a_token_bucket_boundary_burst_is_refused(rates: RateStore) -> None:
    """5 calls at the end of one minute and 5 at the start of the next are 10 in 60 s: the
    limiter makes the second five wait a whole window after the first five ended."""
    callers = [[(59.0, 0.0, 0.0)]] * 5 + [[(61.0, 0.0, 0.0)]] * 5
    arrivals, _ = _simulate(rates, (MINUTE,), callers)
    assert max_in_window(arrivals, 60.0) == 5
    assert arrivals[:5] == [59.0] * 5
    assert arrivals[5:] == [119.0] * 5


def test_saturated_callers_reach_the_full_rate(rates: RateStore) -> None:
    arrivals, end = _simulate(rates, (MINUTE,), [[(0.0, 0.01, 0.5)] * 50 for _ in range(4)])
    assert max_in_window(arrivals, 60.0) == 5
    assert len(arrivals) / ((end + 60.0) / 60.0) >= 0.95 * MINUTE.calls


def test_a_permit_of_a_dead_caller_is_free_after_its_hold(rates: RateStore) -> None:
    one = RateWindow("one@1/60", calls=1, per=60.0)
    assert isinstance(rates.take("k", (one,), now=0.0, hold=100.0), Grant)  # never settled
    assert rates.take("k", (one,), now=10.0, hold=100.0) == pytest.approx(1.0 * 60.0)  # polls
    assert not isinstance(rates.take("k", (one,), now=159.0, hold=100.0), Grant)
    assert isinstance(rates.take("k", (one,), now=160.0, hold=100.0), Grant)


def test_all_windows_or_none_are_taken(rates: RateStore) -> None:
    one = RateWindow("one@1/60", calls=1, per=60.0)
    other = RateWindow("two@1/60", calls=1, per=60.0)
    rates.settle(rates.take("k", (other,), now=0.0, hold=10.0), now=0.0)  # type: ignore[arg-type]
    assert rates.take("k", (one, other), now=1.0, hold=10.0) == pytest.approx(59.0)
    assert isinstance(rates.take("k", (one,), now=1.0, hold=10.0), Grant), "one was not taken"


def test_credentials_and_limit_numbers_do_not_share_permits(rates: RateStore) -> None:
    one = RateWindow("one@1/60", calls=1, per=60.0)
    assert isinstance(rates.take("k", (one,), now=0.0, hold=10.0), Grant)
    assert isinstance(rates.take("other", (one,), now=0.0, hold=10.0), Grant)
    assert isinstance(
        rates.take("k", (RateWindow("one@2/60", 2, 60.0),), now=0.0, hold=10.0), Grant
    )


def test_limiters_on_one_store_share_the_limit_across_threads(
    rates: RateStore, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Two limiters with connections of their own (as in two processes) on one store:
    together at most 3 calls a minute."""
    clock = ScaledClock(speed=600)
    other: RateStore
    if isinstance(rates, SqliteRateStore):
        other = SqliteRateStore(rates.path)
    else:
        other = PostgresRateStore(rates.url)
    stores = [rates, other]
    limiters = [
        RateLimiter({"all": (Rate(3, 60.0),)}, clock=clock, store=s, key="fp") for s in stores
    ]
    stamps: list[float] = []
    lock = threading.Lock()

    def work(limiter: RateLimiter) -> None:
        for _ in range(6):
            with limiter.acquire("all"), lock:
                stamps.append(clock.monotonic())

    threads = [threading.Thread(target=work, args=(limiter,)) for limiter in limiters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.close()
    assert len(stamps) == 12
    assert max_in_window(stamps, 60.0) <= 3
