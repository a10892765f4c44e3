"""A contract simulator of the Admin-IS | Consult API (Syneton), for tests and plugin authors.

It speaks what ``docs/adminis.md`` documents: the token exchange
``GET /api/v1/token/{api_key}`` (``TokenGuid``, ``TimeToLive`` in seconds or as an ISO
date-time) and the ``synetonToken`` header, ``apisettings``, ``customers``,
``customeraddresses``, ``taskflow/tasks`` and ``taskflow/tasks/{id}/data``, ``employees``,
``employeeprofiles``, ``projects``, ``projectemployees`` and ``projects/{id}/projectemployee``,
paging with ``per_page`` and ``Link: <...>; rel="next"``, ``Filter=`` expressions, the API's error
bodies (``{"ErrorMessage": ...}``: 403 throttling, 403 "No valid configuration for token", 404
"Nothing found", 414), an enforced ``RateLimit`` per 60 s on a (scalable) clock, and
injected faults.

>>> from govlink.testing.clock import ScaledClock
>>> simulator = AdminisSimulator(sample_data(30), api_key="k3y", clock=ScaledClock(100))
>>> with httpx.Client(transport=simulator.transport(), base_url="http://adminis") as client:
...     token = client.get("/api/v1/token/k3y").json()["TokenGuid"]
...     page = client.get("/api/v1/customers", params={"per_page": 10},
...                       headers={"synetonToken": token})
>>> len(page.json()), page.links["next"]["url"]
(10, 'http://adminis/api/v1/customers?per_page=10&page=2')

Serve it on a real socket with :meth:`AdminisSimulator.serve` (a
:class:`~govlink.testing._loopback.LoopbackServer`). Hypothesis is not needed.
"""

from __future__ import annotations

import random
import threading
import uuid
from collections import Counter, deque
from collections.abc import Collection, Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Final, Literal

import attrs
import httpx

from govlink.clock import Clock
from govlink.testing._adminis_data import AdminisData, sample_data
from govlink.testing._adminis_filter import FilterSyntaxError, parse_filter
from govlink.testing._loopback import DropConnection, LoopbackServer, SimulatorTransport, Stall

__all__ = [
    "THROTTLED",
    "AdminisData",
    "AdminisSimulator",
    "ApiSettings",
    "Fault",
    "sample_data",
]

#: The message of a throttled call (403), as the public client matches it.
THROTTLED: Final = "You are throttling the system"
_PREFIX: Final = "/api/v1/"
# Plain listings: endpoint -> AdminisData attribute.
_LISTS: Final = {
    "employees": "employees",
    "employeeprofiles": "employee_profiles",
    "projects": "projects",
    "projectemployees": "project_employees",
}
_WINDOW: Final = 60.0


class Fault(StrEnum):
    """Faults the simulator injects, each with its own probability per call."""

    THROTTLE = "throttle"  #: 403 "You are throttling the system" regardless of the rate
    SERVER_ERROR = "server_error"  #: 500 with an ErrorMessage
    TIMEOUT = "timeout"  #: the answer comes after ``stall_seconds`` of real time
    DROP = "drop"  #: the connection closes without an answer
    EXPIRE_TOKENS = "expire_tokens"  #: every issued token is revoked before this call


@attrs.frozen(kw_only=True)
class ApiSettings:
    """What ``GET apisettings`` returns; ``rate_limit`` calls per 60 s are enforced."""

    default_records_per_page: int = 100
    max_records_per_page: int = 500
    duration_token: int = 3600
    rate_limit: int = 600

    def as_json(self) -> dict[str, int]:
        """The API's JSON body."""
        return {
            "DefaultRecordsPerPage": self.default_records_per_page,
            "MaxRecordsPerPage": self.max_records_per_page,
            "DurationToken": self.duration_token,
            "RateLimit": self.rate_limit,
        }


def _error(status: int, message: str) -> httpx.Response:
    return httpx.Response(status, json={"ErrorMessage": message})


class AdminisSimulator:
    """The API as a handler (:class:`httpx.Request` -> :class:`httpx.Response`); thread-safe.

    :param data: what it serves (see :func:`sample_data`).
    :param api_key: the only key the token exchange accepts.
    :param clock: the clock for token lifetimes and the rate-limit window (a
        :class:`~govlink.testing.clock.ScaledClock` shared with the client under test).
    :param settings: the ``apisettings`` answer; its ``rate_limit`` is enforced.
    :param token_ttl: token lifetime in clock seconds.
    :param ttl_format: ``"seconds"`` (a number) or ``"iso"`` (the expiry moment, local time).
    :param expired_status: the status of a call with an unknown or expired token (401 or 403).
    :param denied: endpoints the key has no rights for (``"customeraddresses"``, ...): 403.
    :param faults: fault -> probability per call (drawn from ``seed``).
    :param stall_seconds: real seconds a :attr:`Fault.TIMEOUT` holds the answer back.
    :param max_url_length: longer request targets (path and query) get 414.
    :param broken_links: ``"loop"`` sends page 1 again as the next page after page 2;
        ``"foreign"`` points the next link at another host.
    """

    def __init__(
        self,
        data: AdminisData,
        *,
        api_key: str,
        clock: Clock,
        settings: ApiSettings | None = None,
        token_ttl: float = 3600.0,
        ttl_format: Literal["seconds", "iso"] = "seconds",
        expired_status: int = 401,
        denied: Collection[str] = (),
        faults: Mapping[Fault, float] | None = None,
        seed: int = 0,
        stall_seconds: float = 1.0,
        max_url_length: int = 2048,
        broken_links: Literal["loop", "foreign"] | None = None,
    ) -> None:
        self.data = data
        self.settings = settings or ApiSettings()
        self._api_key = api_key
        self._clock = clock
        self._token_ttl = token_ttl
        self._ttl_format = ttl_format
        self._expired_status = expired_status
        self._denied = frozenset(denied)
        self._faults = dict(faults or {})
        self._random = random.Random(seed)
        self._stall_seconds = stall_seconds
        self._max_url_length = max_url_length
        self._broken_links = broken_links
        self._lock = threading.Lock()
        self._tokens: dict[str, float] = {}
        self._snapshots: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
        self._arrivals: deque[float] = deque()
        #: Calls per endpoint (the token exchange is ``"token"``; the key is never recorded).
        self.calls: Counter[str] = Counter()
        #: Faults injected so far, per kind.
        self.injected: Counter[Fault] = Counter()
        #: Token exchanges that issued a token.
        self.exchanges = 0
        #: Calls refused because the client went over ``RateLimit`` (faults not included).
        self.over_limit = 0
        #: The most calls that arrived within any 60 s window.
        self.peak_window = 0
        #: Answers given, per status code (dropped connections not included).
        self.statuses: Counter[int] = Counter()
        #: Every token issued (so tests can check none of them leaks).
        self.issued: list[str] = []

    def __repr__(self) -> str:
        return f"AdminisSimulator(customers={len(self.data.customers)})"

    def transport(self) -> SimulatorTransport:
        """The simulator as an in-process httpx transport."""
        return SimulatorTransport(self)

    def serve(self) -> LoopbackServer:
        """The simulator on ``http://127.0.0.1:<port>`` (use it as a context manager)."""
        return LoopbackServer(self)

    def revoke_tokens(self) -> None:
        """Expire every issued token now (the next call with one gets ``expired_status``)."""
        with self._lock:
            self._tokens.clear()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (or raise a transport fault for the loopback plumbing)."""
        response = self._answer(request)
        with self._lock:
            self.statuses[response.status_code] += 1
        return response

    def _answer(self, request: httpx.Request) -> httpx.Response:
        endpoint = (
            request.url.path.removeprefix(_PREFIX) if request.url.path.startswith(_PREFIX) else None
        )
        label = "token" if endpoint and endpoint.startswith("token/") else endpoint or "?"
        with self._lock:
            self.calls[label] += 1
            now = self._clock.monotonic()
            throttled = self._count_arrival(now)
            fault = self._draw_fault()
        if fault is Fault.DROP:
            raise DropConnection
        if fault is Fault.TIMEOUT:
            raise Stall(self._stall_seconds, _error(500, "answered too late"))
        if fault is Fault.THROTTLE or throttled:
            return _error(403, THROTTLED)
        if fault is Fault.SERVER_ERROR:
            return _error(500, "Internal server error")
        if len(request.url.raw_path) > self._max_url_length:
            return httpx.Response(414, text="Request-URI Too Long")
        if endpoint is None:
            return _error(404, "The requested resource does not exist")
        if label == "token":
            return self._exchange(endpoint.removeprefix("token/"), now)
        if not self._token_valid(request, now):
            return _error(self._expired_status, "Token is not valid or has expired")
        return self._route(endpoint, request)

    # -- bookkeeping (under the lock) -------------------------------------------------------

    def _count_arrival(self, now: float) -> bool:
        """Record a call; whether it is over the rate limit."""
        while self._arrivals and self._arrivals[0] <= now - _WINDOW:
            self._arrivals.popleft()
        self._arrivals.append(now)
        self.peak_window = max(self.peak_window, len(self._arrivals))
        over = len(self._arrivals) > self.settings.rate_limit
        self.over_limit += over
        return over

    def _draw_fault(self) -> Fault | None:
        for fault, probability in self._faults.items():
            if self._random.random() < probability:
                self.injected[fault] += 1
                if fault is Fault.EXPIRE_TOKENS:
                    self._tokens.clear()
                    return None
                return fault
        return None

    def _exchange(self, key: str, now: float) -> httpx.Response:
        if key != self._api_key:
            return _error(401, "Invalid API key")
        token = str(uuid.uuid4())
        with self._lock:
            self._tokens[token] = now + self._token_ttl
            self.issued.append(token)
            self.exchanges += 1
        ttl: float | str = self._token_ttl
        if self._ttl_format == "iso":
            local = self._clock.now().astimezone().replace(tzinfo=None)
            ttl = (local + timedelta(seconds=self._token_ttl)).isoformat(timespec="seconds")
        return httpx.Response(200, json={"TokenGuid": token, "TimeToLive": ttl})

    def _token_valid(self, request: httpx.Request, now: float) -> bool:
        token = request.headers.get("synetonToken", "")
        with self._lock:
            expiry = self._tokens.get(token)
            if expiry is not None and expiry <= now:
                del self._tokens[token]
                expiry = None
        return expiry is not None

    # -- endpoints ----------------------------------------------------------------------------

    def _route(self, endpoint: str, request: httpx.Request) -> httpx.Response:
        parts = endpoint.strip("/").split("/")
        if parts[0] in self._denied or "/".join(parts[:2]) in self._denied:
            return _error(403, "No valid configuration for token")
        if parts == ["apisettings"]:
            return httpx.Response(200, json=self.settings.as_json())
        if parts == ["customers"]:
            return self._listing(request, self.data.customers)
        if parts == ["customeraddresses"]:
            return self._listing(request, self.data.addresses)
        if parts[0] in _LISTS and len(parts) == 1:
            return self._listing(request, getattr(self.data, _LISTS[parts[0]]))
        if len(parts) == 3 and parts[0] == "projects" and parts[2] == "projectemployee":
            rows = [r for r in self.data.project_employees if str(r.get("ProjectId")) == parts[1]]
            return self._listing(request, rows)
        if parts == ["taskflow", "tasks"]:
            return self._listing(request, self.data.taskflows)
        if len(parts) == 4 and parts[:2] == ["taskflow", "tasks"] and parts[3] == "data":
            return self._task_data(parts[2], request)
        return _error(404, "The requested resource does not exist")

    def _listing(
        self, request: httpx.Request, rows: list[dict[str, Any]], empty: str = "Nothing found"
    ) -> httpx.Response:
        params = request.url.params
        try:
            per_page = int(params.get("per_page", self.settings.default_records_per_page))
            page = int(params.get("page", 1))
        except ValueError:
            return _error(400, "per_page and page must be numbers")
        text = params.get("Filter")
        query = (request.url.path, text)
        with self._lock:
            snapshot = self._snapshots.get(query) if page > 1 else None
        if snapshot is not None:
            rows = snapshot
        elif text:
            try:
                keep = parse_filter(text, frozenset(rows[0]) if rows else frozenset())
            except FilterSyntaxError as error:
                return _error(400, f"Invalid filter: {error}")
            rows = [row for row in rows if keep(row)]
        if not rows:
            return _error(404, empty)
        if self.settings.max_records_per_page > 0:
            per_page = min(per_page, self.settings.max_records_per_page)
        per_page = max(1, per_page)
        start = (page - 1) * per_page
        if page < 1 or start >= len(rows):
            return _error(404, empty)
        headers = {}
        last = -(-len(rows) // per_page)
        with self._lock:  # later pages of a filtered listing reuse page 1's result
            if page < last and text:
                self._snapshots[query] = rows
            else:
                self._snapshots.pop(query, None)
        if page < last:
            headers["Link"] = self._links(request.url, page, last)
        return httpx.Response(200, json=rows[start : start + per_page], headers=headers)

    def _links(self, url: httpx.URL, page: int, last: int) -> str:
        following = 1 if self._broken_links == "loop" and page >= 2 else page + 1
        next_url = url.copy_set_param("page", following)
        if self._broken_links == "foreign":
            next_url = next_url.copy_with(host="elsewhere.invalid")
        return f'<{next_url}>; rel="next", <{url.copy_set_param("page", last)}>; rel="last"'

    def _task_data(self, task: str, request: httpx.Request) -> httpx.Response:
        rows = self.data.task_data.get(int(task)) if task.isdigit() else None
        if rows is None:
            return _error(400, f"Task {task} does not exist")
        params = request.url.params
        try:
            start = datetime.fromisoformat(params["datefrom"])
            end = datetime.fromisoformat(params["dateto"]) + timedelta(days=1)
        except (KeyError, ValueError):
            return _error(400, "datefrom and dateto (YYYY-MM-DD) are required")
        in_window = [r for r in rows if start <= datetime.fromisoformat(r["Deadline"]) < end]
        return self._listing(request, in_window, empty="No taskdata found")
