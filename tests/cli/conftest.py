"""Fixtures shared by the CLI tests."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from govlink.cli import main
from govlink.clock import SYSTEM_CLOCK
from govlink.connectors.myminfin.fetcher import TOKEN_ENV, URL_ENV
from govlink.store import SQLiteStore
from govlink.testing.myminfin import MyMinfinSimulator, generate_portal
from govlink.testing.sync import enterprise_numbers, put_companies
from govlink.workflows.plan import make_plan


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


@pytest.fixture(scope="session")
def platform_store(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``platform_store(path, *options)``: ``path``, a copy of the store that ``govlink import
    examples/platform.xlsx --apply *options`` made once in the session; each test writes to its
    own copy, and the import (40 ms) runs once instead of before every test."""
    made: dict[tuple[str, ...], Path] = {}
    platform = str(Path(__file__).resolve().parents[2] / "examples" / "platform.xlsx")

    def copy(path: Path, *options: str) -> Path:
        if options not in made:
            store = tmp_path_factory.mktemp("platform") / "govlink.db"
            args = ["import", platform, "--store", str(store), "--apply", *options]
            result = CliRunner().invoke(main, args, env={"GOVLINK_LANG": "en"})
            assert result.exit_code == 0, result.stderr
            assert [p.name for p in store.parent.iterdir()] == [store.name]  # no WAL left over
            made[options] = store
        shutil.copyfile(made[options], path)
        return path

    return copy


@pytest.fixture
def on_a_terminal() -> Callable[..., TerminalRun]:
    """Run govlink on a pseudo-terminal (see ``_run_on_a_terminal``)."""
    return _run_on_a_terminal


#: "Now" for the commands (``--until`` / ``--now``), never on a slot boundary; the plan is made
#: 8 days before, so its first syncs and a weekly slot of every company are due by then.
NOW = datetime.now(UTC).replace(microsecond=123456)
MADE = NOW - timedelta(days=8)


@attrs.frozen
class Portal:
    store: Path
    numbers: list[str]
    sim: MyMinfinSimulator
    env: dict[str, str]


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Portal]:
    """Six planned companies (every third without a mandate) and the simulator on a socket."""
    path = tmp_path / "govlink.db"
    numbers = enterprise_numbers(6)
    with SQLiteStore(path) as store:
        put_companies(store, numbers)
        make_plan(store, now=MADE)
    data = generate_portal(numbers, start=MADE, days=7, documents=(1, 2), no_mandate_every=3)
    sim = MyMinfinSimulator(data, clock=SYSTEM_CLOCK)
    with sim.serve() as server:
        yield Portal(path, numbers, sim, {URL_ENV: server.url, TOKEN_ENV: sim.token})
