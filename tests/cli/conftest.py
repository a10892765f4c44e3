"""Fixtures shared by the CLI tests."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import tempfile
from collections.abc import Callable

import attrs
import pytest


@attrs.frozen
class TerminalRun:
    """What a govlink process did on a pseudo-terminal."""

    status: int
    stdout: str  # empty unless stdout was kept off the terminal
    screen: bytes  # every byte the process wrote to the terminal


def _run_on_a_terminal(
    args: list[str], *, answer: bytes = b"", stdout_on_terminal: bool = True, term: str = "dumb"
) -> TerminalRun:
    """Run govlink with stdin and stderr (and stdout, unless told) on a pseudo-terminal,
    typing ``answer``; a kept-off stdout goes to a file, so neither stream can block the other."""
    master, slave = pty.openpty()
    with tempfile.TemporaryFile() as captured:
        process = subprocess.Popen(
            [sys.executable, "-m", "govlink", *args],
            stdin=slave,
            stdout=slave if stdout_on_terminal else captured,
            stderr=slave,
            env={**os.environ, "TERM": term, "COLUMNS": "200"},
        )
        os.close(slave)
        os.write(master, answer)
        chunks: list[bytes] = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal closed
                break
            if not data:
                break
            chunks.append(data)
        os.close(master)
        status = process.wait(timeout=60)
        captured.seek(0)
        stdout = captured.read().decode()
    return TerminalRun(status=status, stdout=stdout, screen=b"".join(chunks))


@pytest.fixture
def on_a_terminal() -> Callable[..., TerminalRun]:
    """Run govlink on a pseudo-terminal (see ``_run_on_a_terminal``)."""
    return _run_on_a_terminal
