"""Plumbing for API simulators: one request handler, served two ways, with faults.

A simulator is any callable from an :class:`httpx.Request` to an :class:`httpx.Response`. It can
be served

* in-process as an httpx transport (:class:`SimulatorTransport`, like :class:`httpx.MockTransport`),
* or on a real socket (:class:`LoopbackServer`: ``http://127.0.0.1:<ephemeral port>``, a
  thread per connection, a context manager that shuts down cleanly).

To inject a transport-level fault the handler raises :class:`DropConnection` (the connection
closes without a response) or :class:`Stall` (the response comes after ``seconds`` of real time,
past the client's timeout); a malformed body is just a response with a broken body.

:class:`govlink.testing.clock.ScaledClock` runs N times faster than real time; pass the same
object to the simulator (for its rate-limit windows) and to the client's limiter, so a minute of
API limits passes in well under a second of test.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Final, Self

import httpx

from govlink._closing import Closing

__all__ = [
    "DropConnection",
    "Handler",
    "LoopbackServer",
    "SimulatorTransport",
    "Stall",
    "max_in_window",
]

Handler = Callable[[httpx.Request], httpx.Response]
"""A simulator: one request in, one response out (or a fault raised)."""

_HOP_HEADERS: Final = frozenset({"content-length", "transfer-encoding", "connection", "date"})


def max_in_window(stamps: Iterable[float], per: float) -> int:
    """The most stamps in any window of ``per`` seconds (to check a rate limit was kept)."""
    ordered = sorted(stamps)
    best, left = 0, 0
    for right, stamp in enumerate(ordered):
        while stamp - ordered[left] >= per:
            left += 1
        best = max(best, right - left + 1)
    return best


class DropConnection(Exception):
    """Raised by a handler: close the connection without sending a response."""


class Stall(Exception):
    """Raised by a handler: send ``response`` only after ``seconds`` of real time."""

    def __init__(self, seconds: float, response: httpx.Response) -> None:
        super().__init__(f"stall {seconds} s")
        self.seconds = seconds
        self.response = response


def _read_timeout(request: httpx.Request) -> float | None:
    timeout = request.extensions.get("timeout", {})
    value = timeout.get("read") if isinstance(timeout, dict) else None
    return float(value) if value is not None else None


class SimulatorTransport(httpx.BaseTransport):
    """Serves a handler in-process; faults become the exceptions httpx would raise."""

    def __init__(self, handler: Handler) -> None:
        self._handler = handler

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Run the handler on the request."""
        request.read()
        try:
            return self._handler(request)
        except DropConnection:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            ) from None
        except Stall as stall:
            limit = _read_timeout(request)
            if limit is not None and stall.seconds > limit:
                time.sleep(limit)
                raise httpx.ReadTimeout("timed out", request=request) from None
            time.sleep(stall.seconds)
            return stall.response


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stalls
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read the simulator's own records instead."""

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        host, port = self.server.server_address[:2]
        request = httpx.Request(
            self.command,
            f"http://{host!s}:{port}{self.path}",
            headers=list(self.headers.items()),
            content=body,
        )
        try:
            response = self.server.handler(request)
        except DropConnection:
            self.close_connection = True
            return
        except Stall as stall:
            time.sleep(stall.seconds)
            response = stall.response
        except Exception as error:  # a simulator bug: answer 500 and keep it for the test
            self.server.errors.append(error)
            response = httpx.Response(500, text=f"simulator error: {type(error).__name__}")
        content = response.read()
        self.send_response(response.status_code)
        for name, value in response.headers.multi_items():
            if name.lower() not in _HOP_HEADERS:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(content)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, handler: Handler) -> None:
        super().__init__(("127.0.0.1", 0), _RequestHandler)
        self.handler = handler
        self.errors: list[Exception] = []

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away mid-response (after a timeout) is not an error."""


class LoopbackServer(Closing):
    """Serves a handler on ``http://127.0.0.1:<ephemeral port>`` from a background thread.

    >>> with LoopbackServer(lambda request: httpx.Response(200, json=[])) as server:
    ...     httpx.get(f"{server.url}/x").json()
    []
    """

    def __init__(self, handler: Handler) -> None:
        self._server = _Server(handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.02},
            name="govlink-loopback",
            daemon=True,
        )

    @property
    def url(self) -> str:
        """The base URL, ``http://127.0.0.1:PORT``."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def errors(self) -> Iterable[Exception]:
        """Exceptions the handler raised (simulator bugs), answered as 500."""
        return tuple(self._server.errors)

    def start(self) -> Self:
        """Start serving (the context manager does this)."""
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving and release the port."""
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join()
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()
