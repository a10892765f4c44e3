"""End to end: govlink import adminis --json in a real process against the loopback simulator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from govlink.testing._loopback import LoopbackServer
from govlink.testing.adminis import AdminisData, AdminisSimulator, ApiSettings, sample_data
from govlink.testing.clock import ScaledClock

Kinds = Callable[[AdminisData], dict[int, str | None]]

_DATA = sample_data(250, seed=14)


def _govlink(server: LoopbackServer, key: str, store: Path, *args: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVLINK_")}
    env |= {
        "GOVLINK_ADMINIS_URL": server.url,
        "GOVLINK_ADMINIS_API_KEY": key,
        "GOVLINK_STORE": str(store),
    }
    done = subprocess.run(
        [sys.executable, "-m", "govlink", "import", "adminis", "--json", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert key not in done.stdout + done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return document


def _customer_ids(document: dict[str, Any]) -> Counter[int]:
    """Each company of the overview by its CustomerId (from CustCode, or the invalid row's ref)."""
    ids = Counter(1000 + int(c["customer_code"][1:]) for c in document["only_in_source"])
    ids.update(int(i["source_ref"].rsplit(" ", 1)[1]) for i in document["invalid"])
    return ids


def _imported(expected_kinds: Kinds, data: AdminisData, among: set[int] | None = None) -> set[int]:
    return {
        i
        for i, kind in expected_kinds(data).items()
        if kind is None and (among is None or i in among)
    }


@pytest.fixture
def server(api_key: str) -> Any:
    simulator = AdminisSimulator(
        _DATA,
        api_key=api_key,
        clock=ScaledClock(1),
        settings=ApiSettings(max_records_per_page=40, rate_limit=10_000),
    )
    with simulator.serve() as running:
        yield running


@pytest.mark.slow
def test_import_adminis_gives_the_overview_with_every_company_once(
    server: LoopbackServer, api_key: str, tmp_path: Path, expected_kinds: Kinds
) -> None:
    document = _govlink(server, api_key, tmp_path / "store.db")
    counts = document["counts"]
    assert document["source"] == "adminis"
    ids = _customer_ids(document)
    assert set(ids) == _imported(expected_kinds, _DATA)
    assert max(ids.values()) == 1
    assert counts["rows"] == len(ids) == counts["only_in_source"] + counts["invalid"]
    numbers = [c["enterprise_number"] for c in document["only_in_source"]]
    assert len(numbers) == len(set(numbers))
    codes = {r["code"] for i in document["invalid"] for r in i["reasons"]}
    assert codes == {"enterprise_number.conflict", "email.invalid"}


@pytest.mark.slow
def test_every_skipped_customer_is_listed_with_its_numbers(
    server: LoopbackServer, api_key: str, tmp_path: Path, expected_kinds: Kinds
) -> None:
    document = _govlink(server, api_key, tmp_path / "store.db")
    skipped = document["skipped"]
    assert len(skipped) == document["counts"]["skipped"] > 0
    by_id = {c["CustomerId"]: c for c in _DATA.customers}
    for entry in skipped:
        customer = by_id[int(entry["record_id"])]
        assert entry["source_ref"] == f"adminis record {customer['CustomerId']}"
        assert entry["reason"] == expected_kinds(_DATA)[customer["CustomerId"]]
        assert entry["numbers"] == {
            "VATNr": customer["VATNr"],
            "RegistrationNr": customer["RegistrationNr"],
        }
    assert {int(e["record_id"]) for e in skipped} == set(by_id) - _imported(expected_kinds, _DATA)
    assert "skipped.contact_of_company" in {e["reason"] for e in skipped}


@pytest.mark.slow
def test_import_adminis_with_a_taskflow(
    server: LoopbackServer, api_key: str, tmp_path: Path, expected_kinds: Kinds
) -> None:
    document = _govlink(server, api_key, tmp_path / "store.db", "--template", "Jaarafsluiting")
    year = date.today().year
    wanted = {r["CustomerId"] for r in _DATA.task_data[1] if int(r["Deadline"][:4]) >= year - 1}
    ids = _customer_ids(document)
    assert set(ids) == _imported(expected_kinds, _DATA, wanted)
    assert max(ids.values()) == 1
