"""``govlink push`` killed with SIGKILL at random moments, then resumed: no document is lost,
and at most the uploads in flight at each kill (one per kill) are repeated."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

from govlink.domain.forwarding import SinkSwitch
from govlink.domain.outbox import OutboxState
from govlink.store import open_store
from govlink.testing._loopback import LoopbackServer
from govlink.testing.adminpulse import DEFAULT_API_KEY, AdminPulseSimulator
from govlink.testing.documents import sample_pdf
from govlink.testing.postgres import TemporaryDatabase
from govlink.testing.workers import ENABLED_AT

RUNS = 20
PER_RUN = 8
UPLOAD_SECONDS = 0.02


def _wait_for_upload(
    simulator: AdminPulseSimulator, before: int, proc: subprocess.Popen[bytes]
) -> None:
    deadline = time.monotonic() + 15
    while len(simulator.documents) <= before and proc.poll() is None:
        assert time.monotonic() < deadline, "the push never uploaded"
        time.sleep(0.005)


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store ``govlink push`` runs on: an SQLite file or a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "govlink.db")
    database: TemporaryDatabase = request.getfixturevalue("postgres")
    return database.schema("killed")


@pytest.fixture
def store(target: str) -> Iterator[Any]:
    """The store at ``target``, with the ``adminpulse`` sink switched on."""
    with open_store(target) as opened:
        opened.save_sink_switch(SinkSwitch.off("adminpulse").switched_on(ENABLED_AT, ("GovLink",)))
        yield opened


@pytest.mark.slow
def test_push_killed_at_random_moments_loses_nothing(
    target: str,
    store: Any,
    data: dict[str, list[dict[str, Any]]],
    relation_ids: Any,
    queue: Any,
    documented_schema: Any,
) -> None:
    simulator = AdminPulseSimulator(limits=None, **data)

    def slow_uploads(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/documents/add":
            time.sleep(UPLOAD_SECONDS)
        return simulator(request)

    rng = random.Random(20260504)
    kills = 0
    numbers = list(relation_ids)
    with LoopbackServer(slow_uploads) as server:
        env = {
            **os.environ,
            "GOVLINK_STORE": target,
            "GOVLINK_ADMINPULSE_API_KEY": DEFAULT_API_KEY,
            "GOVLINK_ADMINPULSE_URL": server.url,
            "GOVLINK_ADMINPULSE_DOCUMENTS_PER_MINUTE": "100000",
            "GOVLINK_ADMINPULSE_CALLS_PER_MINUTE": "100000",
            "GOVLINK_ADMINPULSE_CALLS_PER_SECOND": "10000",
        }
        command = [sys.executable, "-m", "govlink", "push", "--json"]
        for run in range(RUNS):
            queue(store, numbers, PER_RUN, first=run * PER_RUN)
            before = len(simulator.documents)
            proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
            if run % 2:  # kill while uploading
                _wait_for_upload(simulator, before, proc)
                time.sleep(rng.uniform(0, PER_RUN * UPLOAD_SECONDS))
            else:  # kill at any moment: starting, reading relations, claiming, uploading
                time.sleep(rng.uniform(0, 1.0))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.wait()
        final = subprocess.run(command, env=env, capture_output=True, check=True)
    assert kills >= RUNS // 2
    report = json.loads(final.stdout)
    jsonschema.validate(report, documented_schema("documents.md", "push"))
    assert (report["held"], report["failed"], report["pending"]) == ([], [], 0)
    assert DEFAULT_API_KEY.encode() not in final.stderr
    ours = {sample_pdf(n) for n in range(RUNS * PER_RUN)}
    uploads = Counter(u.content for u in simulator.documents if u.content in ours)
    assert set(uploads) == ours, "a document was lost"
    assert sum(uploads.values()) - len(ours) <= kills, "more duplicates than uploads in flight"
    assert {e.state for e in store.outbox("adminpulse")} == {OutboxState.DONE}
