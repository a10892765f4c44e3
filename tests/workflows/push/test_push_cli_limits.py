"""``govlink push`` keeps AdminPulse's limits in the store it pushes from (so several push
processes on one store share them), under the credential's fingerprint, never the key."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from typing import Any

import pytest

from govlink.connectors.http import Secret
from govlink.store import SQLiteStore
from govlink.testing.adminpulse import DEFAULT_API_KEY


@pytest.mark.slow
def test_push_keeps_its_limits_in_the_store(
    store: SQLiteStore, served: Any, relation_ids: Any, queue: Any
) -> None:
    queue(store, list(relation_ids), 3)
    env = {
        **os.environ,
        "GOVLINK_STORE": store.path,
        "GOVLINK_ADMINPULSE_API_KEY": DEFAULT_API_KEY,
        "GOVLINK_ADMINPULSE_URL": served.server.url,
    }
    command = [sys.executable, "-m", "govlink", "push", "--json"]
    subprocess.run(command, env=env, capture_output=True, check=True)
    with closing(sqlite3.connect(store.path)) as db:
        rows = db.execute(
            "SELECT key, name, count(*), count(holder), sum(stamp > 0) "
            "FROM govlink_rate_permits GROUP BY key, name ORDER BY name"
        ).fetchall()
    fingerprint = Secret(DEFAULT_API_KEY).fingerprint
    assert rows == [
        (fingerprint, "all@480/60", 480, 0, 4),  # the relations, then 3 uploads
        (fingerprint, "all@8/1", 8, 0, 4),
        (fingerprint, "documents/add@50/60", 50, 0, 3),
    ]
    assert all(DEFAULT_API_KEY not in key for key, *_ in rows)
    assert len(served.simulator.documents) == 3
