"""A connector command that cannot reach its server fails: non-zero, one line naming the host
and the cause, within the timeout budget (a closed port, and a port that never answers)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

import pytest

from govlink import EnterpriseNumber
from govlink.domain.forwarding import SinkSwitch
from govlink.store import SQLiteStore
from govlink.testing.documents import sample_document, sample_pdf
from govlink.workflows.ingesting import store_document

TIMEOUT: Final = 0.5
#: Interpreter start and imports, on a busy machine, on top of the timeout budget.
STARTUP: Final = 8.0


@pytest.fixture(params=["closed", "silent"])
def dead_server(request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    """``(url, cause)``: a port nothing listens on, or one that accepts and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        if request.param == "silent":
            sock.listen(16)  # the kernel completes the handshake; nobody ever reads or writes
            yield f"http://127.0.0.1:{port}", f"no answer within {TIMEOUT:g} s"
            return
    yield f"http://127.0.0.1:{port}", "connection refused"


def _environment(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVLINK_")}
    return env | {
        "GOVLINK_ADMINPULSE_URL": url,
        "GOVLINK_ADMINPULSE_API_KEY": "unreachable-key-3f9a",
        "GOVLINK_ADMINPULSE_TIMEOUT": str(TIMEOUT),
        "GOVLINK_ADMINIS_URL": url,
        "GOVLINK_ADMINIS_API_KEY": "unreachable-key-3f9a",
        "GOVLINK_ADMINIS_TIMEOUT": str(TIMEOUT),
    }


def _queued_store(path: Path) -> Path:
    enabled = datetime(2026, 5, 1, tzinfo=UTC)
    with SQLiteStore(path) as store:
        store.save_sink_switch(SinkSwitch.off("adminpulse").switched_on(enabled, ("GovLink",)))
        number = EnterpriseNumber.parse("0403.019.261")
        document = sample_document(1, number, received_at=enabled + timedelta(hours=1))
        assert store_document(store, document, sample_pdf(1)) is not None
    return path


def _fails_fast(
    args: list[str], url: str, cause: str, *, env: dict[str, str] | None = None
) -> None:
    host = url.removeprefix("http://")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "govlink", *args],
        env=env or _environment(url),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("govlink: error: ")
    assert f"cannot reach {host}: {cause}" in line
    assert "unreachable-key-3f9a" not in line
    assert elapsed < TIMEOUT + STARTUP, elapsed


@pytest.mark.slow
def test_push_to_an_unreachable_adminpulse_fails_and_keeps_the_document_queued(
    tmp_path: Path, dead_server: tuple[str, str]
) -> None:
    url, cause = dead_server
    store = _queued_store(tmp_path / "govlink.db")
    _fails_fast(["push", "--store", str(store)], url, cause)
    with SQLiteStore(store, read_only=True) as opened:
        [entry] = opened.outbox("adminpulse")
    assert (entry.state.value, entry.attempts) == ("pending", 0)


@pytest.mark.slow
@pytest.mark.parametrize("source", ["adminpulse", "adminis"])
def test_import_from_an_unreachable_server_fails(
    tmp_path: Path, dead_server: tuple[str, str], source: str
) -> None:
    url, cause = dead_server
    store = tmp_path / "govlink.db"
    _fails_fast(["import", source, "--store", str(store), "--apply", "--yes"], url, cause)
    with SQLiteStore(store, read_only=True) as opened:  # a missing store reads as empty
        assert opened.companies() == []


@pytest.mark.slow
def test_an_unreachable_oauth_token_endpoint_is_named(
    tmp_path: Path, dead_server: tuple[str, str]
) -> None:
    url, cause = dead_server
    env = _environment(url)
    del env["GOVLINK_ADMINPULSE_API_KEY"]
    env |= {
        "GOVLINK_ADMINPULSE_CLIENT_ID": "client-1",
        "GOVLINK_ADMINPULSE_CLIENT_SECRET": "unreachable-key-3f9a",
        "GOVLINK_ADMINPULSE_TOKEN_URL": f"{url}/oauth/token",
        "GOVLINK_ADMINPULSE_REFRESH_TOKEN": "refresh-unreachable-key-3f9a",
    }
    store = tmp_path / "govlink.db"
    _fails_fast(["import", "adminpulse", "--store", str(store)], url, cause, env=env)
