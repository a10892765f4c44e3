"""Odd command lines end in one line on stderr and a non-zero status, and change nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govlink.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CLIENTS = str(EXAMPLES / "clients.xlsx")


def _fails(*args: str, code: int, message: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("govlink: error: ")
    assert message in result.stderr


def test_a_report_into_a_missing_folder_fails_before_anything_is_applied(tmp_path: Path) -> None:
    store = tmp_path / "govlink.db"
    report = tmp_path / "gone" / "overview.xlsx"
    command = [sys.executable, "-m", "govlink", "import", CLIENTS, "--store", str(store)]
    done = subprocess.run(
        [*command, "--apply", "--report", str(report)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"govlink: error: Invalid value for '--report': the folder of {report} does not exist"
    ]
    assert not store.exists()


def test_due_outside_the_calendar_is_a_planning_error(tmp_path: Path) -> None:
    store = str(tmp_path / "govlink.db")
    CliRunner().invoke(main, ["import", CLIENTS, "--store", store, "--apply"])
    planned = CliRunner().invoke(main, ["plan", "--store", store, "--now", "2026-03-23T09:00"])
    assert planned.exit_code == 0, planned.stderr
    _fails(
        "due",
        *("--from", "0001-01-01", "--to", "9999-12-31", "--store", store),
        code=1,
        message="0001-01-01T00:00:00 is out of range: give a time in the years 2 to 9998",
    )


@pytest.mark.parametrize(
    "args",
    [("sink", "disable", "dropbox"), ("push", "--sink", "dropbox")],
    ids=["sink-disable", "push"],
)
def test_an_unknown_sink_is_refused(tmp_path: Path, args: tuple[str, ...]) -> None:
    store = tmp_path / "govlink.db"
    _fails(*args, "--store", str(store), code=1, message="unknown sink 'dropbox'")
    if store.exists():
        with sqlite3.connect(store) as db:
            assert db.execute("SELECT count(*) FROM sink_switches").fetchone() == (0,)
