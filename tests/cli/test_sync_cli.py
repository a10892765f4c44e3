"""``govlink sync run|worker|status`` through the real CLI, against the loopback MyMinfin
simulator and a real SQLite store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Collection
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from govlink.cli import main
from govlink.store import SQLiteStore
from govlink.store.sync import OccurrenceState
from govlink.testing import cli
from govlink.workflows.plan import due

from .conftest import MADE, NOW, Portal

Schema = Callable[[str, str], dict[str, Any]]


def run(portal: Portal, *args: str) -> Result:
    return cli.run("sync", *args, "--store", str(portal.store), env=portal.env)


def run_json(portal: Portal, *args: str) -> dict[str, Any]:
    return cli.run_json("sync", *args, "--store", str(portal.store), env=portal.env)


def planned(
    portal: Portal, numbers: Collection[str] | None = None, *, until: datetime = NOW
) -> int:
    """The occurrences due from the plan's making until ``until`` (of ``numbers``, default
    all)."""
    with SQLiteStore(portal.store, read_only=True) as store:
        listed = due(store, MADE, until)
    return sum(1 for o in listed if numbers is None or o.key in numbers)


def test_run_runs_every_due_sync_once_and_status_shows_it(
    portal: Portal, documented_schema: Schema
) -> None:
    before = run_json(portal, "status", "--now", NOW.isoformat())
    jsonschema.validate(before, documented_schema("cli.md", "sync-status"))
    assert before["backlog"] == planned(portal) >= len(portal.numbers)
    assert before["attempts"] == 0
    assert before["latency_seconds"] == {}

    report = run_json(portal, "run", "--until", NOW.isoformat())
    jsonschema.validate(report, documented_schema("cli.md", "sync-report"))
    refused = sorted(set(portal.numbers) - portal.sim.mandates)
    assert report["attempts"] + report["skipped"] == planned(portal)
    assert report["outcomes"]["no_mandate"] == planned(portal, refused)
    assert report["documents"] == len(portal.sim.downloads) > 0
    assert report["pending"] == 0

    again = run_json(portal, "run", "--until", NOW.isoformat())
    assert again["attempts"] == again["skipped"] == 0

    after = run_json(portal, "status", "--now", NOW.isoformat())
    jsonschema.validate(after, documented_schema("cli.md", "sync-status"))
    assert after["backlog"] == 0
    assert after["no_mandate"] == refused
    assert after["failures"] == {"no_mandate": planned(portal, refused)}
    assert set(after["latency_seconds"]) == {"p50", "p90", "p99"}
    rows = {c["enterprise_number"]: c for c in after["companies"]}
    assert sorted(rows) == portal.numbers
    assert all(rows[n]["last_at"] and rows[n]["next_at"] for n in portal.numbers)
    assert {rows[n]["last_outcome"] for n in refused} == {"no_mandate"}

    text = run(portal, "status", "--now", NOW.isoformat())
    assert text.exit_code == 0, text.stderr
    assert f"No mandate ({len(refused)})" in text.stdout
    assert "backlog: 0 due" in text.stdout


def test_run_until_a_past_moment_leaves_the_rest_due(portal: Portal) -> None:
    until = (MADE + timedelta(hours=1)).isoformat()
    report = run_json(portal, "run", "--until", until)
    with SQLiteStore(portal.store, read_only=True) as store:
        expected = len(due(store, MADE, MADE + timedelta(hours=1, microseconds=1)))
    assert report["attempts"] + report["skipped"] == expected
    status = run_json(portal, "status", "--now", NOW.isoformat())
    assert status["backlog"] == planned(portal) - expected


@pytest.mark.parametrize("command", ["run", "worker"])
def test_no_plan_is_one_line_and_status_1(tmp_path: Path, command: str) -> None:
    path = tmp_path / "x.db"
    result = CliRunner().invoke(main, ["sync", command, "--store", str(path)])
    assert result.exit_code == 1
    assert not path.exists()
    assert result.stderr.strip() == "govlink: error: no sync plan saved yet: run govlink plan first"


def test_a_bad_until_is_a_usage_error(portal: Portal) -> None:
    result = run(portal, "run", "--until", "next tuesday")
    assert result.exit_code == 2
    assert "is not an ISO date-time" in result.stderr


@pytest.mark.slow
def test_worker_runs_what_is_due_and_stops_on_sigterm(
    portal: Portal, documented_schema: Schema
) -> None:
    command = [sys.executable, "-m", "govlink", "sync", "worker", "--poll", "0.2", "--json"]
    worker = subprocess.Popen(
        [*command, "--store", str(portal.store)],
        env={**os.environ, **portal.env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            with SQLiteStore(portal.store, read_only=True) as store:
                waiting = store.sync_occurrences({OccurrenceState.PENDING, OccurrenceState.CLAIMED})
                ran = store.sync_occurrences() and not waiting
            if ran or time.monotonic() > deadline or worker.poll() is not None:
                break
            time.sleep(0.1)
        worker.send_signal(signal.SIGTERM)
        stdout, stderr = worker.communicate(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert worker.returncode == 0, stderr
    report = json.loads(stdout)
    jsonschema.validate(report, documented_schema("cli.md", "sync-report"))
    ran = report["attempts"] + report["skipped"]
    assert planned(portal) <= ran <= planned(portal, until=datetime.now(UTC))
    assert report["documents"] == len(portal.sim.downloads) > 0
