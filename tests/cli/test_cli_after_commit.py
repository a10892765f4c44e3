"""A failure or Ctrl-C after `--apply` committed says the import was applied, with its run id,
and the exit status is the later failure's; Ctrl-C is status 130 and one line, no traceback."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Final

import pytest
from openpyxl import Workbook

EXAMPLES: Final = Path(__file__).resolve().parents[2] / "examples"
CLIENTS: Final = str(EXAMPLES / "clients.xlsx")
GOVLINK: Final = [sys.executable, "-m", "govlink"]


def _runs(store: Path) -> int:
    if not store.exists():
        return 0
    with sqlite3.connect(store) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        if "import_runs" not in tables:
            return 0
        return int(db.execute("SELECT count(*) FROM import_runs").fetchone()[0])


def _companies(store: Path) -> int:
    with sqlite3.connect(store) as db:
        return int(db.execute("SELECT count(*) FROM companies").fetchone()[0])


@pytest.mark.slow
@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_output_that_fails_after_the_commit_says_the_import_was_applied(
    tmp_path: Path, as_json: bool
) -> None:
    store = tmp_path / "govlink.db"
    args = [*GOVLINK, "import", CLIENTS, "--store", str(store), "--apply"]
    with open("/dev/full", "w") as full:  # every write to stdout fails: a full disk
        done = subprocess.run(
            [*args, "--json"] if as_json else args,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "govlink: error: the import was applied (run 1), but then: No space left on device"
    ]
    assert _runs(store) == 1
    assert _companies(store) > 0


@pytest.mark.slow
def test_ctrl_c_while_reading_exits_130_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "clients.xlsx"
    os.mkfifo(source)  # opening it blocks until someone writes: the command is busy reading
    store = tmp_path / "govlink.db"
    process = subprocess.Popen(
        [*GOVLINK, "import", str(source), "--store", str(store), "--apply", "--yes"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)  # past the imports, blocked in open()
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stdout == ""
    assert stderr.splitlines() == ["govlink: error: interrupted (Ctrl-C)"]
    assert _runs(store) == 0


def _many_clients(path: Path, count: int) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ondernemingsnummer", "Naam", "E-mail"])
    for index in range(count):
        base = 2_000_000 + index * 7  # 0200.000.0xx onwards: a valid first digit
        number = f"{base:08d}{97 - base % 97:02d}"
        sheet.append([number, f"Company {index} BV", f"c{index}@example.be"])
    book.save(path)
    return path


@pytest.mark.slow
def test_ctrl_c_after_the_commit_says_the_import_was_applied(tmp_path: Path) -> None:
    source = _many_clients(tmp_path / "many.xlsx", 3000)
    store = tmp_path / "govlink.db"
    process = subprocess.Popen(  # stdout is never read: printing every row blocks on the pipe
        [*GOVLINK, "import", str(source), "--store", str(store), "--apply", "--yes", "--all"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while _runs(store) == 0:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the import was not applied in time"
        time.sleep(0.05)
    time.sleep(1.0)  # the commit returned; the command is rendering, blocked on stdout
    process.send_signal(signal.SIGINT)
    _, stderr_bytes = process.communicate(timeout=60)
    stderr = stderr_bytes.decode()
    assert process.returncode == 130
    assert stderr.splitlines() == [
        "govlink: error: interrupted (Ctrl-C) after the import was applied (run 1)"
    ]
    assert _companies(store) == 3000
