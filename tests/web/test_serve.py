"""``govlink serve``: a real process on loopback, behind the access token it prints."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_serve_prints_a_link_with_a_token_and_refuses_without_it(tmp_path: Path) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "govlink",
            "serve",
            "--store",
            str(tmp_path / "s.db"),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)", line)
        assert match is not None, line
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=10) as client:
            for _ in range(100):
                try:
                    refused = client.get("/import")
                    break
                except httpx.ConnectError:
                    time.sleep(0.1)
            assert refused.status_code == 401
            page = client.get(f"/?token={match.group(2)}", follow_redirects=True)
            assert page.status_code == 200
            assert "Importeer klanten of gegevens" in page.text
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=10)
    assert match.group(2) not in errors  # no access log carries the token
