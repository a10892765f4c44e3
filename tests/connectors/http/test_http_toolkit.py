"""The shared HTTP toolkit over real loopback sockets: secrets, limiter, retries, errors, paging."""

from __future__ import annotations

import pickle
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import attrs
import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink.connectors.http import (
    ApiSession,
    BearerToken,
    NextLinks,
    Page,
    PageNumbers,
    Rate,
    RateLimiter,
    RetryPolicy,
    Secret,
    exactly_once,
    parse_json,
    parse_retry_after,
    shared_limiter,
)
from govlink.errors import (
    ConfigurationError,
    DeliveryUncertain,
    FatalConnectorError,
    RateLimited,
    RetriableConnectorError,
)
from govlink.testing._loopback import DropConnection, LoopbackServer, Stall, max_in_window
from govlink.testing.clock import ScaledClock, SimulatedClock

KEY = "sk-live-0123456789abcdef"


def test_secret_never_shows_itself() -> None:
    secret = Secret(KEY)
    for text in (repr(secret), str(secret), f"{secret}", f"{secret!r}", repr([secret])):
        assert KEY not in text
    assert secret.reveal() == KEY
    assert secret == Secret(KEY)
    assert secret != Secret(KEY + "x")
    assert KEY not in secret.fingerprint
    assert secret.scrub(f"Bearer {KEY}") == "Bearer ***"
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(ValueError, match="non-blank"):
        Secret("  ")


def test_limiter_keeps_every_window_across_threads() -> None:
    clock = ScaledClock(speed=200)
    limiter = RateLimiter({"all": (Rate(10, 1.0),), "docs": (Rate(3, 2.0),)}, clock=clock)
    stamps: dict[str, list[float]] = {"all": [], "docs": []}
    lock = threading.Lock()

    def work(bucket: str) -> None:
        for _ in range(12):
            with limiter.acquire("all", bucket), lock:
                stamps["all"].append(clock.monotonic())
                if bucket == "docs":
                    stamps["docs"].append(clock.monotonic())

    threads = [threading.Thread(target=work, args=(b,)) for b in ("x", "docs", "x")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(stamps["all"]) == 36
    assert max_in_window(stamps["all"], 1.0) <= 10
    assert max_in_window(stamps["docs"], 2.0) <= 3


def test_shared_limiter_is_one_object_per_credential_and_clock() -> None:
    clock = ScaledClock(speed=10)
    limits = {"all": (Rate(8, 1.0),)}
    first = shared_limiter(Secret(KEY).fingerprint, limits, clock=clock)
    assert shared_limiter(Secret(KEY).fingerprint, limits, clock=clock) is first
    assert shared_limiter(Secret(KEY + "2").fingerprint, limits, clock=clock) is not first
    assert shared_limiter(Secret(KEY).fingerprint, limits, clock=ScaledClock()) is not first


def test_retry_after_seconds_and_http_date() -> None:
    def response(**headers: str) -> httpx.Response:
        return httpx.Response(429, headers=headers)

    assert parse_retry_after(response()) is None
    assert parse_retry_after(response(**{"Retry-After": "7"})) == 7.0
    dated = response(
        **{"Retry-After": "Wed, 21 Oct 2026 07:28:30 GMT", "Date": "Wed, 21 Oct 2026 07:28:00 GMT"}
    )
    assert parse_retry_after(dated) == 30.0
    assert parse_retry_after(response(**{"Retry-After": "soon"})) is None
    # without a Date header the HTTP-date is measured against the client's clock
    undated = response(**{"Retry-After": "Wed, 21 Oct 2026 07:28:30 GMT"})
    clock = SimulatedClock(datetime(2026, 10, 21, 7, 28, tzinfo=UTC))
    assert parse_retry_after(undated, clock=clock) == 30.0


@given(st.integers(0, 20), st.booleans(), st.floats(0, 1))
def test_backoff_is_jittered_and_capped(retry: int, rate_limited: bool, draw: float) -> None:
    default = RetryPolicy()
    policy = RetryPolicy(
        max_retries=30,
        transient=attrs.evolve(default.transient, jitter=lambda: draw),
        rate_limited=attrs.evolve(default.rate_limited, jitter=lambda: draw),
    )
    wait = policy.wait(retry, rate_limited=rate_limited, retry_after=None)
    assert wait is not None
    base, cap = (30.0, 120.0) if rate_limited else (0.5, 8.0)
    ceiling = min(cap, base * 2**retry)
    assert ceiling / 2 <= wait <= ceiling
    assert policy.wait(retry, rate_limited=rate_limited, retry_after=3.0) == 3.0
    assert policy.wait(retry, rate_limited=rate_limited, retry_after=601.0) is None
    assert RetryPolicy(max_retries=retry).wait(retry, rate_limited=True, retry_after=None) is None


Script = Callable[[httpx.Request, int], httpx.Response]


class _Recorder:
    """A handler answering from a script, counting calls."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.calls: list[httpx.Request] = []
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.calls.append(request)
            n = len(self.calls)
        return self.script(request, n)


@pytest.fixture
def serve() -> Iterator[Callable[[Script], tuple[_Recorder, ApiSession]]]:
    servers: list[LoopbackServer] = []
    sessions: list[ApiSession] = []

    def start(script: Script) -> tuple[_Recorder, ApiSession]:
        recorder = _Recorder(script)
        server = LoopbackServer(recorder).start()
        servers.append(server)
        session = _session(server.url)
        sessions.append(session)
        return recorder, session

    yield start
    for session in sessions:
        session.close()
    for server in servers:
        server.close()


def _session(url: str) -> ApiSession:
    clock = ScaledClock(speed=2000)
    return ApiSession(
        connector="demo",
        base_url=url,
        auth=BearerToken(Secret(KEY)),
        limiter=RateLimiter({"all": (Rate(100, 1.0),)}, clock=clock),
        retry=RetryPolicy(max_retries=3),
        timeout=httpx.Timeout(5.0, read=0.3),
        hints={
            **dict.fromkeys(("configuration",), "check DEMO_KEY"),
        },
    )


def test_transient_failures_of_a_get_are_retried(
    serve: Callable[..., tuple[_Recorder, ApiSession]],
) -> None:
    def script(request: httpx.Request, n: int) -> httpx.Response:
        if n == 1:
            return httpx.Response(500)
        if n == 2:
            raise DropConnection
        if n == 3:
            raise Stall(1.0, httpx.Response(200, json={"late": True}))
        return httpx.Response(200, json={"ok": request.headers["authorization"] == f"Bearer {KEY}"})

    recorder, session = serve(script)
    assert session.call("GET", "/things", parse=parse_json) == {"ok": True}
    assert len(recorder.calls) == 4


def test_rate_limits_honour_retry_after(serve: Callable[..., tuple[_Recorder, ApiSession]]) -> None:
    def script(request: httpx.Request, n: int) -> httpx.Response:
        if n == 1:
            return httpx.Response(429, headers={"Retry-After": "20"})
        if n == 2:
            return httpx.Response(429)
        return httpx.Response(200, json=[])

    recorder, session = serve(script)
    start = session.limiter.clock.monotonic()
    assert session.call("POST", "/upload", parse=parse_json) == []
    assert len(recorder.calls) == 3
    assert session.limiter.clock.monotonic() - start >= 20 + 15


def test_endless_rate_limit_gives_rate_limited(
    serve: Callable[..., tuple[_Recorder, ApiSession]],
) -> None:
    recorder, session = serve(lambda r, n: httpx.Response(429, headers={"Retry-After": "1"}))
    with pytest.raises(RateLimited) as caught:
        session.call("GET", "/things", parse=parse_json)
    assert caught.value.retry_after == 1.0
    assert len(recorder.calls) == 4


@pytest.mark.parametrize("fault", ["500", "drop", "stall"])
def test_a_post_that_reached_the_server_is_not_retried(
    serve: Callable[..., tuple[_Recorder, ApiSession]], fault: str
) -> None:
    def script(request: httpx.Request, n: int) -> httpx.Response:
        if fault == "drop":
            raise DropConnection
        if fault == "stall":
            raise Stall(1.0, httpx.Response(200))
        return httpx.Response(500)

    recorder, session = serve(script)
    # an answer (500) says it failed; no answer means it may have been carried out
    expected = RetriableConnectorError if fault == "500" else DeliveryUncertain
    with pytest.raises(expected) as caught:
        session.call("POST", "/upload", parse=parse_json)
    assert len(recorder.calls) == 1
    assert caught.value.method == "POST"
    assert caught.value.path == "/upload"


def test_a_post_whose_connection_failed_is_retried_then_fails_typed() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    session = _session(f"http://127.0.0.1:{port}")
    with pytest.raises(RetriableConnectorError) as caught:
        session.call("POST", "/upload", parse=parse_json)
    session.close()
    assert caught.value.status is None
    assert caught.value.code == "connector.unreachable"
    assert f"cannot reach 127.0.0.1:{port}: connection refused (POST /upload" in str(caught.value)


def test_errors_carry_method_path_status_and_never_the_key(
    serve: Callable[..., tuple[_Recorder, ApiSession]],
) -> None:
    def script(request: httpx.Request, n: int) -> httpx.Response:
        echo = f"you sent {request.headers['authorization']}"
        return httpx.Response(401 if request.url.path == "/auth" else 404, text=echo)

    _, session = serve(script)
    with pytest.raises(ConfigurationError) as refused:
        session.call("GET", "/auth", parse=parse_json, params={"q": "x"})
    with pytest.raises(FatalConnectorError) as missing:
        session.call("GET", "/gone", parse=parse_json, params={"q": "x"})
    assert "check DEMO_KEY" in str(refused.value)
    assert (missing.value.method, missing.value.path, missing.value.status) == ("GET", "/gone", 404)
    for error in (refused.value, missing.value):
        for text in (str(error), repr(error), error.body, repr(vars(error))):
            assert KEY not in text
        assert "q=x" not in str(error)
    assert KEY not in repr(session)


def test_a_malformed_body_is_retried(serve: Callable[..., tuple[_Recorder, ApiSession]]) -> None:
    recorder, session = serve(
        lambda r, n: httpx.Response(200, content=b'{"results": [' if n == 1 else b"[1]")
    )
    assert session.call("GET", "/things", parse=parse_json) == [1]
    assert len(recorder.calls) == 2


def test_page_numbers_refuse_loops() -> None:
    pages = PageNumbers(connector="demo", path="/things", max_pages=5)
    pages.advance(1, content=("a",))
    with pytest.raises(FatalConnectorError, match="again or out of order"):
        pages.advance(1)
    repeating = PageNumbers(connector="d", path="/p")
    repeating.advance(1, content=("a",))
    repeating.advance(2, content=("a",))  # once: a shifted page
    with pytest.raises(FatalConnectorError, match="same page 3 times"):
        repeating.advance(3, content=("a",))
    capped = PageNumbers(connector="demo", path="/things", max_pages=2)
    capped.advance(1)
    with pytest.raises(FatalConnectorError, match="more than 2 pages"):
        capped.advance(2)
    links = NextLinks("/p?page=1", connector="demo", path="/p")
    links.advance("/p?page=2")
    with pytest.raises(FatalConnectorError):
        links.advance("/p?page=1")
    links_done = NextLinks("/p", connector="demo", path="/p")
    links_done.advance(None)
    assert links_done.finished


def _pages(*passes: list[list[int]]) -> Callable[[], Iterator[Page[int]]]:
    queue = list(passes)

    def read() -> Iterator[Page[int]]:
        current = queue.pop(0)
        total = len({i for page in queue[0] for i in page}) if queue else 6
        for items in current:
            yield Page(items, total=total)

    return read


def test_exactly_once_rereads_a_list_that_moved() -> None:
    stable = [[1, 2], [3, 4], [5, 6]]
    shifted = [[1, 2], [2, 3], [5, 6]]  # a record inserted, then page 2 moved, 4 dropped
    items = list(exactly_once(_pages(shifted, stable), lambda i: i, connector="d", path="/p"))
    assert sorted(items) == [1, 2, 3, 4, 5, 6]
    assert len(items) == 6
    with pytest.raises(FatalConnectorError, match="kept changing"):
        list(exactly_once(_pages(shifted, shifted, shifted), lambda i: i, connector="d", path="/p"))
