"""A contract simulator of the AdminPulse API, for govlink's tests and for plugin authors.

It serves what govlink relies on (``/relations``, ``/users``, ``/tasks``, ``POST
/documents/add`` and an OAuth2 authorization-code flow) with the default JSON names of
``docs/adminpulse.md``, and it can misbehave on purpose:

>>> from govlink.testing.adminpulse import AdminPulseSimulator, Fault, generate
>>> sim = AdminPulseSimulator(**generate(30), faults={Fault.SERVER_ERROR: 3})
>>> with sim.serve() as server:          # a real socket on 127.0.0.1, or sim.transport()
...     import httpx
...     answer = httpx.get(f"{server.url}/relations?page=0&pageSize=400",
...                        headers={"Authorization": "Bearer test-key"})
>>> answer.json()["totalRowCount"], sim.count("/relations")
(30, 1)

Knobs: the data (``relations``, ``users``, ``tasks``), ``max_page_size`` (the server's cap),
``envelope`` (page envelope or bare arrays), ``limits`` (enforced on ``clock``, a
:class:`~govlink.testing.clock.ScaledClock`: a call over a limit gets 429 and is counted in
:attr:`~AdminPulseSimulator.limit_rejections`), and ``faults``: kind -> every how many data calls
it strikes (see :class:`Fault`). Every call is recorded (:attr:`~AdminPulseSimulator.calls`),
uploaded documents too (:attr:`~AdminPulseSimulator.documents`).
"""

from __future__ import annotations

import base64
import math
import random
import secrets
import threading
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from email import policy
from email.parser import BytesParser
from enum import StrEnum
from typing import Any, Final
from urllib.parse import parse_qsl, urlencode

import attrs
import httpx

from govlink.clock import Clock
from govlink.connectors.http.limiter import Rate
from govlink.testing._loopback import (
    DropConnection,
    LoopbackServer,
    SimulatorTransport,
    Stall,
    max_in_window,
)
from govlink.testing.clock import ScaledClock

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_LIMITS",
    "VAT_PLACEHOLDERS",
    "AdminPulseSimulator",
    "Call",
    "Fault",
    "UploadedDocument",
    "generate",
]

DEFAULT_API_KEY: Final = "test-key"
_LIST_PATHS: Final = ("/relations", "/users", "/tasks")
_DOCUMENTS: Final = "/documents/add"
_AUTHORIZE: Final = "/oauth/authorize"
_TOKEN: Final = "/oauth/token"


class Fault(StrEnum):
    """Misbehaviours the simulator injects into data calls (never into OAuth calls)."""

    RATE_LIMIT = "rate_limit"
    """429 with ``Retry-After`` (``retry_after`` simulated seconds)."""
    RATE_LIMIT_BARE = "rate_limit_bare"
    """429 without ``Retry-After``."""
    SERVER_ERROR = "server_error"
    """500."""
    STALL = "stall"
    """The response comes ``stall_seconds`` of real time late (past the client's timeout)."""
    DROP = "drop"
    """The call is processed, then the connection closes without a response."""
    MALFORMED = "malformed"
    """The call is processed (an upload is stored), then answered 200 with its JSON body cut
    short: a client cannot tell what the server did."""
    SHIFTING_PAGE = "shifting_page"
    """The first request of every Nth page (N, 2N, ...) answers as if a relation had been
    inserted before it: the page starts with the previous page's last record."""


@attrs.frozen(kw_only=True)
class Call:
    """One call the simulator received.

    ``at`` is the arrival time on the simulator's clock; ``status`` is ``None`` when the
    connection was dropped; ``limited`` says the call was refused for exceeding a limit.
    """

    method: str
    path: str
    params: Mapping[str, str]
    at: float
    status: int | None
    fault: Fault | None = None
    limited: bool = False


@attrs.frozen(kw_only=True)
class UploadedDocument:
    """A document received by ``documents/add``: the form fields, the file name and bytes."""

    fields: Mapping[str, tuple[str, ...]]
    file_name: str | None
    content: bytes = attrs.field(repr=False)
    content_type: str | None


def _enterprise_number(index: int) -> str:
    first8 = 4_000_000 + index * 7
    return f"{first8:08d}{97 - first8 % 97:02d}"


def _spelling(number: str, index: int) -> str:
    dotted = f"{number[:4]}.{number[4:7]}.{number[7:]}"
    return (number, f"BE{number}", f"BE {dotted}", dotted)[index % 4]


#: What offices type in the VAT field while the number is applied for (nl, fr, en).
VAT_PLACEHOLDERS: Final = (
    "BTW-nummer in aanvraag",
    "btw in aanvraag",
    "N° TVA en cours",
    "TVA en demande",
    "VAT number applied for",
    "pending",
)


def generate(
    n: int,
    *,
    users: int = 8,
    person_every: int = 10,
    prospect_every: int = 7,
    template_every: int = 3,
    placeholder_every: int = 0,
    seed: int = 0,
) -> dict[str, list[dict[str, Any]]]:
    """Deterministic sample data: ``relations``, ``users`` and ``tasks`` for the simulator.

    Every ``person_every``-th relation is a person, every ``prospect_every``-th (of the rest) a
    prospect; the others are customers (companies or sole proprietors) with a valid, unique
    enterprise number in varied notations and a responsible profile. Every ``template_every``-th
    relation has a main task of the template ``Jaarrekening``; the others one of ``BTW``.
    With ``placeholder_every``, every so many customers hold one of :data:`VAT_PLACEHOLDERS`
    in ``vatNumber`` instead of a number.
    """
    rng = random.Random(seed)
    people = [
        {"id": f"user-{k}", "name": f"Colleague {k}", "email": f"colleague{k}@office.example"}
        for k in range(users)
    ]
    relations: list[dict[str, Any]] = []
    tasks: list[dict[str, Any]] = []
    for i in range(n):
        unique = f"APR{i + 1:05d}"
        relation: dict[str, Any] = {
            "id": f"rel-{i:06d}",
            "uniqueIdentifier": unique,
            "name": f"Client {i} BV",
            "code": f"K{i:05d}",
            "language": rng.choice(("nl", "fr", "Nederlands", "en")),
            "email": f"info{i}@client.example",
            "status": "customer",
            "type": rng.choice(("company", "company", "soleProprietor")),
        }
        if person_every and i % person_every == person_every - 1:
            relation |= {"type": "person", "name": f"Person {i}"}
        else:
            number = _enterprise_number(i)
            relation |= {
                "vatNumber": _spelling(number, i),
                "legalForm": rng.choice(("BV", "NV", "CommV")),
                "address": {
                    "street": "Kerkstraat",
                    "houseNumber": str(i % 200 + 1),
                    "postalCode": "9000",
                    "city": "Gent",
                    "countryCode": "BE",
                },
            }
            if i % 5 == 0:
                relation["enterpriseNumber"] = number
            if placeholder_every and i % placeholder_every == placeholder_every - 1:
                relation["vatNumber"] = VAT_PLACEHOLDERS[i % len(VAT_PLACEHOLDERS)]
                relation.pop("enterpriseNumber", None)
            if prospect_every and i % prospect_every == prospect_every - 1:
                relation["status"] = "prospect"
        if people:
            user = people[i % len(people)]
            relation["profiles"] = [
                {
                    "profileName": "Verantwoordelijke",
                    "profileType": 2,
                    "userId": user["id"],
                    "userName": user["name"],
                }
            ]
        relations.append(relation)
        tasks.append(
            {
                "id": f"task-{i:06d}",
                "name": "Jaarrekening 2025" if i % template_every == 0 else "BTW Q1",
                "templateName": "Jaarrekening" if i % template_every == 0 else "BTW",
                "deadline": f"{2026}-0{i % 9 + 1}-28T00:00:00",
                "referenceYear": 2025,
                "status": 0,
                "inapplicable": False,
                "relationUniqueIdentifier": unique,
                "subtasks": [],
            }
        )
    return {"relations": relations, "users": people, "tasks": tasks}


DEFAULT_LIMITS: Final[Mapping[str, tuple[Rate, ...]]] = {
    "all": (Rate(480, 60.0),),
    _DOCUMENTS: (Rate(50, 60.0),),
}


def _json(status: int, payload: Any, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=payload, headers=headers)


def _error(status: int, message: str) -> httpx.Response:
    return _json(status, {"message": message})


def _truncated(response: httpx.Response) -> httpx.Response:
    """``response`` with its body cut in half (never valid JSON): a line that broke mid-body."""
    body = response.content
    return httpx.Response(
        response.status_code,
        content=body[: len(body) // 2],
        headers={"Content-Type": response.headers.get("content-type", "application/json")},
    )


def _day(value: str) -> date:
    return datetime.strptime(value, "%d%m%Y").date()


@attrs.define
class _OAuthClient:
    secret: str
    redirect_url: str


class AdminPulseSimulator:
    """The simulated API; call it with an :class:`httpx.Request`, or serve it.

    :param relations: the relations ``/relations`` lists (default JSON names).
    :param users: the users ``/users`` lists (``id``, ``name``, ``email``).
    :param tasks: the main tasks ``/tasks`` lists.
    :param api_keys: bearer keys accepted besides OAuth access tokens.
    :param clock: the clock of limits and token lifetimes (share it with the client's limiter).
    :param max_page_size: the largest ``pageSize`` honoured (larger ones are capped).
    :param envelope: answer lists with the page envelope (``False``: bare arrays).
    :param limits: the enforced limits (``"all"`` and per path), ``None`` for none.
    :param faults: fault -> every how many data calls it strikes.
    :param fault_paths: the paths faults strike.
    :param retry_after: the ``Retry-After`` of :attr:`Fault.RATE_LIMIT`, in simulated seconds.
    :param stall_seconds: real seconds a :attr:`Fault.STALL` response is late.
    :param token_lifetime: simulated seconds an OAuth access token lives.
    """

    def __init__(
        self,
        *,
        relations: Sequence[Mapping[str, Any]] = (),
        users: Sequence[Mapping[str, Any]] = (),
        tasks: Sequence[Mapping[str, Any]] = (),
        api_keys: Iterable[str] = (DEFAULT_API_KEY,),
        clock: Clock | None = None,
        max_page_size: int = 400,
        envelope: bool = True,
        limits: Mapping[str, tuple[Rate, ...]] | None = DEFAULT_LIMITS,
        faults: Mapping[Fault, int] | None = None,
        fault_paths: Iterable[str] = (*_LIST_PATHS, _DOCUMENTS),
        retry_after: float = 2.0,
        stall_seconds: float = 1.0,
        token_lifetime: float = 3600.0,
    ) -> None:
        self.relations = [dict(r) for r in relations]
        self.users = [dict(u) for u in users]
        self.tasks = [dict(t) for t in tasks]
        self.api_keys = set(api_keys)
        self.clock: Clock = clock or ScaledClock()
        self.max_page_size = max_page_size
        self.envelope = envelope
        self.limits = dict(limits or {})
        self.faults = {kind: every for kind, every in (faults or {}).items() if every > 0}
        self.fault_paths = frozenset(fault_paths)
        self.retry_after = retry_after
        self.stall_seconds = stall_seconds
        self.token_lifetime = token_lifetime
        self.calls: list[Call] = []
        self.documents: list[UploadedDocument] = []
        self.limit_rejections = 0
        self._lock = threading.RLock()
        self._windows: dict[tuple[str, Rate], deque[float]] = {}
        self._data_calls = 0
        self._shifted: set[tuple[str, int]] = set()
        self._clients: dict[str, _OAuthClient] = {}
        self._codes: dict[str, str] = {}
        self._access: dict[str, float] = {}
        self._refresh: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"AdminPulseSimulator(relations={len(self.relations)}, faults={self.faults!r})"

    # ---- serving

    def transport(self) -> SimulatorTransport:
        """The simulator as an in-process httpx transport."""
        return SimulatorTransport(self)

    def serve(self) -> LoopbackServer:
        """The simulator on a real socket (use as a context manager)."""
        return LoopbackServer(self)

    # ---- what happened

    def count(self, path: str | None = None) -> int:
        """Calls received (for ``path`` only, when given)."""
        with self._lock:
            return sum(1 for c in self.calls if path is None or c.path == path)

    def max_calls_in_window(self, per: float, path: str | None = None) -> int:
        """The most accepted calls (for ``path``, when given) in any window of ``per`` seconds."""
        with self._lock:
            stamps = [
                c.at
                for c in self.calls
                if not c.limited and c.path != _TOKEN and (path is None or c.path == path)
            ]
        return max_in_window(stamps, per)

    # ---- OAuth

    def register_client(self, client_id: str, secret: str, redirect_url: str) -> None:
        """Accept an OAuth client with this secret and callback URL."""
        self._clients[client_id] = _OAuthClient(secret, redirect_url)

    def expire_tokens(self) -> None:
        """Make every issued access token expire now (refresh tokens stay valid)."""
        with self._lock:
            self._access = dict.fromkeys(self._access, -math.inf)

    def revoke(self) -> None:
        """Forget every access and refresh token (the user disconnected the integration)."""
        with self._lock:
            self._access.clear()
            self._refresh.clear()

    # ---- the handler

    def __call__(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (or raise a fault for the transport or server to play)."""
        path = request.url.path
        params = dict(request.url.params)
        if path == _AUTHORIZE:
            return self._authorize(params)
        if path == _TOKEN:
            return self._token(request)
        with self._lock:
            now = self.clock.monotonic()
            authorised = self._authorised(request, now)
            limited_by = self._over_limit(path, now) if authorised else None
            fault = None if not authorised or limited_by is not None else self._fault(path)
            if not authorised:
                response = _error(401, "Unauthorized")
            elif limited_by is not None:
                self.limit_rejections += 1
                response = _error(429, "Too many requests")
                response.headers["Retry-After"] = str(math.ceil(limited_by))
            else:
                response = self._fault_response(fault) or self._route(request, path, params)
                if fault is Fault.MALFORMED:
                    response = _truncated(response)
            self.calls.append(
                Call(
                    method=request.method,
                    path=path,
                    params=params,
                    at=now,
                    status=None if fault is Fault.DROP else response.status_code,
                    fault=fault,
                    limited=limited_by is not None,
                )
            )
        if fault is Fault.DROP:
            raise DropConnection
        if fault is Fault.STALL:
            raise Stall(self.stall_seconds, response)
        return response

    def _authorised(self, request: httpx.Request, now: float) -> bool:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.casefold() != "bearer" or not token:
            return False
        return token in self.api_keys or self._access.get(token, -math.inf) > now

    def _over_limit(self, path: str, now: float) -> float | None:
        """Seconds until room when a limit is exceeded; else records the call and ``None``."""
        windows = [
            (self._windows.setdefault((bucket, rate), deque()), rate)
            for bucket in ("all", path)
            for rate in self.limits.get(bucket, ())
        ]
        waits = []
        for stamps, rate in windows:
            while stamps and stamps[0] <= now - rate.per:
                stamps.popleft()
            if len(stamps) >= rate.calls:
                waits.append(stamps[0] + rate.per - now)
        if waits:
            return max(waits)
        for stamps, _ in windows:
            stamps.append(now)
        return None

    def _fault(self, path: str) -> Fault | None:
        if path not in self.fault_paths:
            return None
        self._data_calls += 1
        for kind, every in self.faults.items():
            if kind is not Fault.SHIFTING_PAGE and self._data_calls % every == 0:
                return kind
        return None

    def _fault_response(self, fault: Fault | None) -> httpx.Response | None:
        if fault is Fault.RATE_LIMIT:
            return _json(
                429, {"message": "Too many requests"}, **{"Retry-After": str(self.retry_after)}
            )
        if fault is Fault.RATE_LIMIT_BARE:
            return _error(429, "Too many requests")
        if fault is Fault.SERVER_ERROR:
            return _error(500, "An unexpected error occurred")
        return None

    def _route(self, request: httpx.Request, path: str, params: dict[str, str]) -> httpx.Response:
        if path == _DOCUMENTS:
            if request.method != "POST":
                return _error(404, "Not found")
            return self._documents_add(request)
        if request.method != "GET" or path not in _LIST_PATHS:
            return _error(404, "Not found")
        items = {"/relations": self.relations, "/users": self.users, "/tasks": self.tasks}[path]
        try:
            if path == "/tasks":
                items = self._in_window(items, params)
            return self._page(path, items, params)
        except ValueError as error:
            return _error(400, str(error))

    @staticmethod
    def _in_window(items: list[dict[str, Any]], params: Mapping[str, str]) -> list[dict[str, Any]]:
        start = _day(params["deadlineFrom"]) if "deadlineFrom" in params else date.min
        end = _day(params["deadlineUntil"]) if "deadlineUntil" in params else date.max
        return [t for t in items if start <= date.fromisoformat(str(t["deadline"])[:10]) <= end]

    def _page(
        self, path: str, items: list[dict[str, Any]], params: Mapping[str, str]
    ) -> httpx.Response:
        page = int(params.get("page", "0"))
        size = min(int(params.get("pageSize", "20")), self.max_page_size)
        if page < 0 or size < 1:
            raise ValueError("page must be >= 0 and pageSize >= 1")
        start = page * size
        chunk = items[start : start + size]
        shifting = self.faults.get(Fault.SHIFTING_PAGE)
        if shifting and page and page % shifting == 0 and (path, page) not in self._shifted:
            self._shifted.add((path, page))
            chunk = items[start - 1 : start - 1 + size]
        if not self.envelope:
            return _json(200, chunk)
        return _json(
            200,
            {
                "results": chunk,
                "currentPage": page,
                "pageCount": math.ceil(len(items) / size),
                "pageSize": size,
                "totalRowCount": len(items),
            },
        )

    def _documents_add(self, request: httpx.Request) -> httpx.Response:
        content_type = request.headers.get("content-type", "")
        if not content_type.startswith("multipart/form-data"):
            return _error(400, "multipart/form-data expected")
        message = BytesParser(policy=policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + request.content
        )
        fields: dict[str, list[str]] = {}
        file_name = file_type = None
        content: bytes | None = None
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if not isinstance(name, str) or not isinstance(payload, bytes):
                continue
            if part.get_filename() is not None and name == "file":
                file_name, file_type, content = (
                    part.get_filename(),
                    part.get_content_type(),
                    payload,
                )
            else:
                fields.setdefault(name, []).append(payload.decode())
        if content is None:
            return _error(400, "the file is required")
        relation = fields.get("relationIdentifier", [None])[0]
        if relation is not None and all(
            r.get("uniqueIdentifier") != relation for r in self.relations
        ):
            return _error(400, f"unknown relation {relation}")
        for value in fields.get("documentDate", []):
            try:
                _day(value)
            except ValueError:
                return _error(400, "documentDate must be ddMMyyyy")
        document = UploadedDocument(
            fields={k: tuple(v) for k, v in fields.items()},
            file_name=file_name,
            content=content,
            content_type=file_type,
        )
        self.documents.append(document)
        return _json(200, {"id": f"doc-{len(self.documents)}", "fileName": file_name})

    # ---- OAuth endpoints

    def _authorize(self, params: Mapping[str, str]) -> httpx.Response:
        client = self._clients.get(params.get("client_id", ""))
        redirect = params.get("redirect_uri", "")
        if (
            client is None
            or redirect != client.redirect_url
            or params.get("response_type") != "code"
        ):
            return _json(400, {"error": "invalid_request"})
        code = secrets.token_urlsafe(16)
        with self._lock:
            self._codes[code] = params["client_id"]
        query = urlencode({"code": code, "state": params.get("state", "")})
        return httpx.Response(302, headers={"Location": f"{redirect}?{query}"})

    def _client_of(self, request: httpx.Request, form: Mapping[str, str]) -> str | None:
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        if scheme.casefold() == "basic":
            client_id, _, secret = base64.b64decode(value).decode().partition(":")
        else:
            client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        client = self._clients.get(client_id)
        return (
            client_id
            if client is not None and secrets.compare_digest(client.secret, secret)
            else None
        )

    def _token(self, request: httpx.Request) -> httpx.Response:
        form = dict(parse_qsl(request.content.decode()))
        client_id = self._client_of(request, form)
        if client_id is None:
            return _json(401, {"error": "invalid_client"})
        with self._lock:
            grant = form.get("grant_type")
            if grant == "authorization_code":
                owner = self._codes.pop(form.get("code", ""), None)
                redirect_ok = form.get("redirect_uri") == self._clients[client_id].redirect_url
                if owner != client_id or not redirect_ok:
                    return _json(400, {"error": "invalid_grant"})
            elif grant == "refresh_token":
                if self._refresh.pop(form.get("refresh_token", ""), None) != client_id:
                    return _json(400, {"error": "invalid_grant"})
            else:
                return _json(400, {"error": "unsupported_grant_type"})
            access, refresh = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
            self._access[access] = self.clock.monotonic() + self.token_lifetime
            self._refresh[refresh] = client_id
        return _json(
            200,
            {
                "access_token": access,
                "token_type": "Bearer",
                "expires_in": int(self.token_lifetime),
                "refresh_token": refresh,
            },
        )
