"""End to end: the real ``govlink`` command reads the simulator over a loopback socket."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.plugins import Registry
from govlink.plugins.types import SourceOptions
from govlink.testing.adminpulse import AdminPulseSimulator, generate

KEY = "cli-key-5d7e9f0a1b"


def _govlink() -> str:
    return str(Path(sys.executable).with_name("govlink"))


def test_the_adminpulse_source_is_a_builtin_plugin() -> None:
    registry = Registry(entry_points=False)
    assert "adminpulse" in registry.sources()
    source = registry.open_source(
        SourceOptions(
            location="adminpulse",
            settings={
                "GOVLINK_ADMINPULSE_API_KEY": KEY,
                "GOVLINK_ADMINPULSE_URL": "http://127.0.0.1:9",
            },
        )
    )
    assert source.name == "adminpulse"


@pytest.mark.slow
def test_govlink_import_adminpulse_json(tmp_path: Path) -> None:
    data = generate(1000)
    simulator = AdminPulseSimulator(**data, api_keys=(KEY,))
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVLINK_")}
    with simulator.serve() as server:
        env |= {"GOVLINK_ADMINPULSE_URL": server.url, "GOVLINK_ADMINPULSE_API_KEY": KEY}
        done = subprocess.run(
            [_govlink(), "import", "adminpulse", "--json", "--store", str(tmp_path / "g.db")],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    overview: dict[str, Any] = json.loads(done.stdout)
    customers = [
        r for r in data["relations"] if r["type"] != "person" and r["status"] == "customer"
    ]
    numbers = [entry["enterprise_number"] for entry in overview["only_in_source"]]
    assert sorted(numbers) == sorted(
        EnterpriseNumber.parse(r["vatNumber"]).compact for r in customers
    )
    assert len(set(numbers)) == len(numbers)
    assert overview["invalid"] == []
    assert overview["counts"]["rows"] == len(customers)
    assert overview["warnings"] == []
    assert KEY not in done.stdout + done.stderr
    assert simulator.count("/relations") == 3
