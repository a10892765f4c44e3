"""A simulator of the MyMinfin portal, for the sync's tests and for fetcher authors.

MyMinfin has no public API; this is the contract the built-in ``myminfin-sim`` fetcher talks
to, shaped like what an accountant's office sees: per company, documents that appear over time
(with Dutch or French labels), companies the office has no mandate for, maintenance windows,
a rate limit answered with ``429`` and ``Retry-After``, and faults on demand.

* ``GET /api/enterprises/{number}/documents?since=ISO``: ``200 {"documents": [...]}`` with the
  documents published at or after ``since`` and not after now (``id``, ``label``, ``language``,
  ``fileName``, ``documentDate``, ``publishedAt``, ``contentType``); ``403 {"error":
  "no_mandate"}`` without a mandate.
* ``GET /api/documents/{id}``: the bytes.
* Every call needs ``Authorization: Bearer <token>`` (else ``401``); during maintenance it gets
  ``503`` with ``Retry-After``; over the limit ``429`` with ``Retry-After``.

>>> from datetime import UTC, datetime
>>> from govlink.testing.clock import SimulatedClock
>>> clock = SimulatedClock(datetime(2026, 3, 2, 9, tzinfo=UTC))
>>> sim = MyMinfinSimulator(generate_portal(["0403019261"], start=clock.now(), seed=1),
...                         clock=clock)
>>> with sim.serve() as server:
...     import httpx
...     answer = httpx.get(f"{server.url}/api/enterprises/0403019261/documents",
...                        headers={"Authorization": f"Bearer {DEFAULT_TOKEN}"})
>>> answer.status_code, sim.count()
(200, 1)
"""

from __future__ import annotations

import math
import random
import re
import threading
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, Final

import attrs
import httpx

from govlink.clock import Clock
from govlink.testing._loopback import DropConnection, LoopbackServer, SimulatorTransport, Stall

__all__ = [
    "DEFAULT_TOKEN",
    "LABELS",
    "Fault",
    "MyMinfinSimulator",
    "PortalCall",
    "PortalData",
    "PortalDocument",
    "generate_portal",
]

DEFAULT_TOKEN: Final = "myminfin-test-token"

#: The portal's labels per kind, Dutch and French (the last kind is one govlink calls other).
LABELS: Final[Mapping[str, tuple[str, str]]] = {
    "assessment_notice": ("Aanslagbiljet", "Avertissement-extrait de rôle"),
    "request_for_information": ("Vraag om inlichtingen", "Demande de renseignements"),
    "notice_of_adjustment": ("Bericht van wijziging", "Avis de rectification"),
    "payment": ("Betalingsherinnering", "Rappel de paiement"),
    "prepayment_overview": ("Overzicht voorafbetalingen", "Aperçu des versements anticipés"),
    "vat_statement": ("Uittreksel btw-rekening", "Extrait de compte TVA"),
}

_LIST: Final = re.compile(r"/api/enterprises/(?P<number>[0-9]{10})/documents")
_DOWNLOAD: Final = re.compile(r"/api/documents/(?P<id>[A-Za-z0-9_-]+)")


class Fault(StrEnum):
    """Misbehaviours injected every N calls (see ``faults``)."""

    THROTTLE = "throttle"
    """429 with ``Retry-After`` (``retry_after`` seconds)."""
    SERVER_ERROR = "server_error"
    """500."""
    SLOW = "slow"
    """The answer comes ``slow_seconds`` late on the simulator's clock (still in time)."""
    STALL = "stall"
    """The answer comes ``stall_seconds`` of real time late (past the client's timeout)."""
    DROP = "drop"
    """The connection closes without an answer."""


@attrs.frozen(kw_only=True)
class PortalDocument:
    """One document on the portal: its company, label, language, when it appears, its bytes."""

    portal_id: str
    enterprise_number: str
    label: str
    language: str
    file_name: str
    published_at: datetime
    document_date: date
    content: bytes = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class PortalData:
    """What the portal holds: the documents and the companies the office has a mandate for."""

    documents: tuple[PortalDocument, ...]
    mandates: frozenset[str]


@attrs.frozen(kw_only=True)
class PortalCall:
    """One call received: path, company (for listings), simulated arrival, status, fault.

    ``status`` is ``None`` when the connection was dropped.
    """

    path: str
    enterprise_number: str | None
    at: datetime
    status: int | None
    fault: Fault | None = None


def _pdf(portal_id: str) -> bytes:
    return f"%PDF-1.4\n% MyMinfin document {portal_id}\n%%EOF\n".encode()


def generate_portal(
    numbers: Iterable[str],
    *,
    start: datetime,
    days: float = 7.0,
    documents: tuple[int, int] = (0, 3),
    no_mandate_every: int = 0,
    backlog: int = 1,
    seed: int = 0,
) -> PortalData:
    """Deterministic portal data for the companies ``numbers`` (compact enterprise numbers).

    Each company gets ``backlog`` documents already published before ``start`` and a random
    number in ``documents`` (inclusive) published at random moments over ``days`` from
    ``start``; labels and languages vary. Every ``no_mandate_every``-th company (0: none) has
    no mandate.
    """
    rng = random.Random(seed)
    kinds = sorted(LABELS)
    made: list[PortalDocument] = []
    mandates: set[str] = set()
    for index, number in enumerate(numbers):
        if not (no_mandate_every and index % no_mandate_every == no_mandate_every - 1):
            mandates.add(number)
        moments = [start - timedelta(days=rng.uniform(1, 30)) for _ in range(backlog)]
        moments += [
            start + timedelta(seconds=rng.uniform(0, days * 86400))
            for _ in range(rng.randint(*documents))
        ]
        for moment in sorted(moments):
            portal_id = f"d{len(made) + 1:07d}"
            language = rng.choice(("nl", "fr"))
            label = LABELS[rng.choice(kinds)][0 if language == "nl" else 1]
            made.append(
                PortalDocument(
                    portal_id=portal_id,
                    enterprise_number=number,
                    label=label,
                    language=language,
                    file_name=f"{portal_id}.pdf",
                    published_at=moment,
                    document_date=moment.date(),
                    content=_pdf(portal_id),
                )
            )
    return PortalData(documents=tuple(made), mandates=frozenset(mandates))


def _json(status: int, payload: Any, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=payload, headers=headers)


class MyMinfinSimulator:
    """The simulated portal; call it with an :class:`httpx.Request`, or serve it.

    :param data: the documents and mandates (see :func:`generate_portal`).
    :param clock: the simulated wall clock (documents appear, limits and maintenance run on it).
    :param token: the bearer token accepted.
    :param maintenance: ``(start, end)`` periods answered with ``503``.
    :param limit: at most ``calls`` calls in any ``per`` seconds, else ``429`` (``None``: none).
    :param faults: fault -> every how many calls it strikes.
    :param retry_after: the ``Retry-After`` of :attr:`Fault.THROTTLE`, in seconds.
    :param slow_seconds: simulated seconds a :attr:`Fault.SLOW` answer is late.
    :param stall_seconds: real seconds a :attr:`Fault.STALL` answer is late.
    :param latency: simulated seconds every answer takes (the portal's own slowness).
    """

    def __init__(
        self,
        data: PortalData,
        *,
        clock: Clock,
        token: str = DEFAULT_TOKEN,
        maintenance: Sequence[tuple[datetime, datetime]] = (),
        limit: tuple[int, float] | None = None,
        faults: Mapping[Fault, int] | None = None,
        retry_after: float = 30.0,
        slow_seconds: float = 20.0,
        stall_seconds: float = 1.0,
        latency: float = 0.0,
    ) -> None:
        self.clock = clock
        self.token = token
        self.mandates = set(data.mandates)
        self.maintenance = list(maintenance)
        self.limit = limit
        self.faults = {kind: every for kind, every in (faults or {}).items() if every > 0}
        self.retry_after = retry_after
        self.slow_seconds = slow_seconds
        self.stall_seconds = stall_seconds
        self.latency = latency
        self.calls: list[PortalCall] = []
        self.downloads: dict[str, int] = {}
        self.peak_in_flight = 0
        self._by_company: dict[str, list[PortalDocument]] = {}
        self._by_id: dict[str, PortalDocument] = {}
        for document in data.documents:
            self._by_company.setdefault(document.enterprise_number, []).append(document)
            self._by_id[document.portal_id] = document
        self._lock = threading.Lock()
        self._window: deque[datetime] = deque()
        self._in_flight = 0

    def __repr__(self) -> str:
        return (
            f"MyMinfinSimulator(documents={len(self._by_id)}, mandates={len(self.mandates)}, "
            f"faults={self.faults!r})"
        )

    # ---- serving

    def transport(self) -> SimulatorTransport:
        """The simulator as an in-process httpx transport."""
        return SimulatorTransport(self)

    def serve(self) -> LoopbackServer:
        """The simulator on a real socket (use as a context manager)."""
        return LoopbackServer(self)

    # ---- what happened

    def count(self, path_prefix: str = "/api/") -> int:
        """Calls received whose path starts with ``path_prefix``."""
        with self._lock:
            return sum(1 for call in self.calls if call.path.startswith(path_prefix))

    def published(self, until: datetime) -> list[PortalDocument]:
        """Every document published up to ``until`` (of companies with or without mandate)."""
        return sorted(
            (d for d in self._by_id.values() if d.published_at <= until),
            key=lambda d: d.portal_id,
        )

    # ---- the handler

    def __call__(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (or raise a fault for the transport or server to play)."""
        with self._lock:
            self._in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self._in_flight)
        try:
            return self._answer(request)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _answer(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        listing = _LIST.fullmatch(path)
        with self._lock:
            now = self.clock.now()
            fault = self._fault()
            response = self._checked(request, now) or self._fault_response(fault)
            if response is None:
                response = self._route(path, listing, request, now)
            self.calls.append(
                PortalCall(
                    path=path,
                    enterprise_number=listing["number"] if listing else None,
                    at=now,
                    status=None if fault is Fault.DROP else response.status_code,
                    fault=fault,
                )
            )
        if self.latency:
            self.clock.sleep(self.latency)
        if fault is Fault.SLOW:
            self.clock.sleep(self.slow_seconds)
        if fault is Fault.DROP:
            raise DropConnection
        if fault is Fault.STALL:
            raise Stall(self.stall_seconds, response)
        return response

    def _checked(self, request: httpx.Request, now: datetime) -> httpx.Response | None:
        """401, 503 (maintenance) or 429 (over the limit), else records the call and None."""
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return _json(401, {"error": "unauthorized"})
        for start, end in self.maintenance:
            if start <= now < end:
                wait = str(math.ceil((end - now).total_seconds()))
                return _json(503, {"error": "maintenance"}, **{"Retry-After": wait})
        if self.limit is not None:
            calls, per = self.limit
            horizon = now - timedelta(seconds=per)
            while self._window and self._window[0] <= horizon:
                self._window.popleft()
            if len(self._window) >= calls:
                room = (self._window[0] - horizon).total_seconds()
                return _json(429, {"error": "throttled"}, **{"Retry-After": str(math.ceil(room))})
            self._window.append(now)
        return None

    def _fault(self) -> Fault | None:
        serial = len(self.calls) + 1
        for kind, every in self.faults.items():
            if serial % every == 0:
                return kind
        return None

    def _fault_response(self, fault: Fault | None) -> httpx.Response | None:
        if fault is Fault.THROTTLE:
            return _json(429, {"error": "throttled"}, **{"Retry-After": str(self.retry_after)})
        if fault is Fault.SERVER_ERROR:
            return _json(500, {"error": "internal error"})
        return None

    def _route(
        self, path: str, listing: re.Match[str] | None, request: httpx.Request, now: datetime
    ) -> httpx.Response:
        if request.method != "GET":
            return _json(405, {"error": "method not allowed"})
        if listing is not None:
            return self._list(listing["number"], request.url.params.get("since"), now)
        download = _DOWNLOAD.fullmatch(path)
        document = None if download is None else self._by_id.get(download["id"])
        if document is None or document.published_at > now:
            return _json(404, {"error": "not found"})
        if document.enterprise_number not in self.mandates:
            return _json(403, {"error": "no_mandate"})
        self.downloads[document.portal_id] = self.downloads.get(document.portal_id, 0) + 1
        return httpx.Response(
            200, content=document.content, headers={"Content-Type": "application/pdf"}
        )

    def _list(self, number: str, since_text: str | None, now: datetime) -> httpx.Response:
        if number not in self.mandates:
            return _json(403, {"error": "no_mandate"})
        try:
            since = None if since_text is None else datetime.fromisoformat(since_text)
        except ValueError:
            return _json(400, {"error": "since must be an ISO date-time"})
        if since is not None and since.utcoffset() is None:
            return _json(400, {"error": "since needs a UTC offset"})
        found = [
            d
            for d in self._by_company.get(number, ())
            if d.published_at <= now and (since is None or d.published_at >= since)
        ]
        return _json(
            200,
            {
                "documents": [
                    {
                        "id": d.portal_id,
                        "label": d.label,
                        "language": d.language,
                        "fileName": d.file_name,
                        "documentDate": d.document_date.isoformat(),
                        "publishedAt": d.published_at.isoformat(),
                        "contentType": "application/pdf",
                    }
                    for d in found
                ]
            },
        )
