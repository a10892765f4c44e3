"""First contact: bare ``govlink`` and every bare group print their help (status 0), the command
table of docs/cli.md lists every command, and ``govlink simulate`` serves a demo API."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click
import httpx
import pytest
from click.testing import CliRunner

from govlink.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def _subcommands(group: click.Group) -> Iterator[tuple[str, click.Command]]:
    """Every subcommand of ``group`` by name (``govlink``'s are imported when first named)."""
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None
        yield name, command


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, command in _subcommands(group):
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name)


def _groups(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield prefix
    for name, command in _subcommands(group):
        if isinstance(command, click.Group):
            yield from _groups(command, (*prefix, name))


@pytest.mark.parametrize("path", list(_groups(main)), ids=lambda p: " ".join(p) or "govlink")
def test_a_bare_group_prints_its_help_on_stdout(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, list(path), prog_name="govlink")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith(" ".join(("Usage: govlink", *path, "[OPTIONS] COMMAND")))
    assert "Commands:" in result.stdout


@pytest.mark.slow
def test_bare_govlink_in_a_real_process_exits_0() -> None:
    process = subprocess.run(
        [sys.executable, "-m", "govlink"], capture_output=True, text=True, timeout=60
    )
    assert process.returncode == 0
    assert process.stderr == ""
    assert "simulate" in process.stdout


def _documented() -> list[tuple[str, ...]]:
    text = DOCS.read_text(encoding="utf-8")
    table = text.split("<!-- command-table -->\n", 1)[1].split("\n\n", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `govlink ")]
    documented = []
    for row in rows:
        usage = row.split("`")[1].split()[1:]
        words = [w for w in usage if re.fullmatch(r"[a-z]+", w)]
        documented.append(tuple(words))
    return documented


def test_the_command_table_lists_every_command_once() -> None:
    documented = _documented()
    assert sorted(documented) == sorted(_commands(main))


def test_the_table_check_sees_a_missing_row() -> None:
    documented = _documented()
    assert ("companies", "archive") in documented
    assert sorted(documented[1:]) != sorted(_commands(main))


def _start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "govlink", "simulate", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def _first_json(stream: IO[str]) -> dict[str, Any]:
    lines = []
    while True:
        line = stream.readline()
        assert line, "the simulator ended before printing its settings"
        lines.append(line)
        if line.startswith("}"):
            document: dict[str, Any] = json.loads("".join(lines))
            return document


def _stop(process: subprocess.Popen[str], how: signal.Signals) -> tuple[int, str]:
    process.send_signal(how)
    _, err = process.communicate(timeout=30)
    return process.returncode, err


@pytest.mark.slow
def test_simulate_adminpulse_serves_an_import_and_stops_on_sigterm(tmp_path: Path) -> None:
    process = _start("adminpulse", "--companies", "12", "--json")
    try:
        served = _first_json(process.stdout)  # type: ignore[arg-type]
        assert served["url"].startswith("http://127.0.0.1:")
        assert served["settings"]["GOVLINK_ADMINPULSE_URL"] == served["url"]
        imported = subprocess.run(
            [sys.executable, "-m", "govlink", "import", "adminpulse", "--json"],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, **served["settings"], "GOVLINK_STORE": str(tmp_path / "s.db")},
        )
        assert imported.returncode == 0, imported.stderr
        counts = json.loads(imported.stdout)["counts"]
        assert counts["rows"] + counts["skipped"] == 12
    finally:
        status, err = _stop(process, signal.SIGTERM)
    assert status == 0
    assert err == "AdminPulse simulator stopped.\n"


@pytest.mark.slow
def test_simulate_prints_the_settings_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    process = _start("adminis", "--companies", "5")
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+", first)
        assert url is not None, first
        exports = [process.stdout.readline() for _ in range(3)]
        assert exports[1:] == [
            f"  export GOVLINK_ADMINIS_URL={url.group()}\n",
            "  export GOVLINK_ADMINIS_API_KEY=demo-key\n",
        ]
        token = httpx.get(f"{url.group()}/api/v1/token/demo-key", timeout=10)
        assert token.status_code == 200
    finally:
        status, err = _stop(process, signal.SIGINT)
    assert status == 0
    assert "Traceback" not in err


@pytest.mark.slow
def test_simulate_myminfin_has_documents_for_the_companies_of_the_store(tmp_path: Path) -> None:
    store = tmp_path / "govlink.db"
    examples = Path(__file__).resolve().parents[2] / "examples"
    assert (
        CliRunner()
        .invoke(main, ["import", str(examples / "platform.xlsx"), "--store", str(store), "--apply"])
        .exit_code
        == 0
    )
    process = _start("myminfin", "--json", "--store", str(store))
    try:
        served = _first_json(process.stdout)  # type: ignore[arg-type]
        token = served["settings"]["GOVLINK_MYMINFIN_SIM_TOKEN"]
        listing = httpx.get(
            f"{served['url']}/api/enterprises/0254369038/documents",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        assert listing.status_code == 200
        assert listing.json()["documents"]
    finally:
        status, _ = _stop(process, signal.SIGTERM)
    assert status == 0
