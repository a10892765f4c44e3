"""``govlink plan`` and ``govlink due`` through the real CLI, against real SQLite files."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
from click.testing import Result

from govlink.testing.cli import run, run_json

Schema = Callable[[str, str], dict[str, Any]]

NOW = "2026-03-23T09:07:00+01:00"


def number(index: int) -> str:
    base = 2_000_000 + index * 7919
    return f"{base:08d}{97 - base % 97:02d}"


def plan(store: Path, *args: str) -> Result:
    """``govlink plan`` on ``store`` at NOW."""
    return run("plan", "--store", str(store), "--now", NOW, *args)


def plan_json(store: Path, *args: str) -> dict[str, Any]:
    return run_json("plan", "--store", str(store), "--now", NOW, *args)


def workbook(path: Path, indices: range) -> Path:
    """A small generated import workbook: the given companies."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Enterprise number", "Name"])
    for index in indices:
        sheet.append([number(index), f"Company {index}"])
    book.save(path)
    return path


def import_companies(store: Path, indices: range) -> None:
    source = workbook(store.parent / f"clients-{indices.start}.xlsx", indices)
    result = run("import", str(source), "--store", str(store), "--apply")
    assert result.exit_code == 0, result.stderr


def dump(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        rows = [
            (table, *row)
            for table in ("sync_plan", "sync_plan_companies")
            for row in db.execute(f"SELECT * FROM {table} ORDER BY 1")
        ]
    db.close()
    return rows


def slots(document: dict[str, Any]) -> dict[str, tuple[int, str]]:
    return {a["enterprise_number"]: (a["weekday"], a["time"]) for a in document["assignments"]}


@pytest.fixture(scope="module")
def forty_imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with 40 companies imported, made once: each test plans on its own copy."""
    path = tmp_path_factory.mktemp("forty") / "govlink.db"
    import_companies(path, range(40))
    assert not path.with_name(f"{path.name}-wal").exists()
    return path


@pytest.fixture
def store(tmp_path: Path, forty_imported: Path) -> Path:
    path = tmp_path / "govlink.db"
    shutil.copyfile(forty_imported, path)
    return path


def test_plan_then_plan_again_moves_nothing_and_prints_the_same_bytes(store: Path) -> None:
    first = plan(store, "--json")
    second = plan(store, "--json")
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout
    document = json.loads(first.stdout)
    assert document["moved"] == []
    assert document["companies"] == len(document["assignments"]) == 40
    assert document["onboarding"], "the first plan onboards the companies whose slot is far"


def test_new_companies_leave_existing_slots_alone(store: Path) -> None:
    first = plan_json(store)
    before = slots(first)
    import_companies(store, range(40, 50))
    document = run_json("plan", "--store", str(store), "--now", "2026-03-24T10:00:00+01:00")
    after = slots(document)
    assert {key: after[key] for key in before} == before
    assert set(after) - set(before) == {number(i) for i in range(40, 50)}
    assert document["moved"] == []
    new = [o for o in document["onboarding"] if o["enterprise_number"] not in before]
    carried = [o for o in document["onboarding"] if o["enterprise_number"] in before]
    assert new, "a newcomer whose slot is far gets a first sync soon"
    assert all(o in first["onboarding"] for o in carried)


def test_a_window_change_moves_only_the_companies_of_lost_slots(store: Path) -> None:
    first = plan_json(store, "--windows", "Mon-Fri 08:00-18:00")
    before = slots(first)
    lost = {key for key, (weekday, time) in before.items() if weekday == 0 and time < "12:00"}
    assert lost, "the example must lose some slots"
    document = plan_json(
        store,
        "--windows",
        "Mon 12:00-18:00; Tue-Fri 08:00-18:00",
    )
    moved = {m["enterprise_number"]: m for m in document["moved"]}
    assert set(moved) == lost
    for key, move in moved.items():
        assert (move["from"]["weekday"], move["from"]["time"]) == before[key]
        assert (move["to"]["weekday"], move["to"]["time"]) == slots(document)[key]
    after = slots(document)
    assert {key: after[key] for key in before if key not in lost} == {
        key: slot for key, slot in before.items() if key not in lost
    }
    assert all(not (weekday == 0 and time < "12:00") for weekday, time in after.values())
    kept = plan_json(store)
    assert kept["moved"] == []
    assert slots(kept) == after


def test_due_over_a_week_lists_every_company_once_plus_onboarding(store: Path) -> None:
    made = plan_json(store)
    onboarding = {o["enterprise_number"]: o["at"] for o in made["onboarding"]}
    everyone = set(slots(made))
    first_week = run_json(
        "due", "--store", str(store), "--from", NOW, "--to", "2026-03-30T09:07:00+02:00"
    )["due"]
    counts = Counter(entry["enterprise_number"] for entry in first_week)
    assert set(counts) == everyone
    for key, count in counts.items():
        assert count == 1 or (count == 2 and key in onboarding), key
    for key, at in onboarding.items():
        assert (key, at) in {(e["enterprise_number"], e["at"]) for e in first_week}
    later = run_json(
        "due", "--store", str(store), "--from", "2026-04-06T00:00", "--to", "2026-04-13T00:00"
    )["due"]
    assert sorted(entry["enterprise_number"] for entry in later) == sorted(everyone)
    assert [e["at"] for e in later] == sorted(e["at"] for e in later)


def _hours_between_syncs(document: dict[str, Any]) -> dict[str, list[float]]:
    times: dict[str, list[datetime]] = {}
    for entry in document["due"]:
        times.setdefault(entry["enterprise_number"], []).append(datetime.fromisoformat(entry["at"]))
    return {
        key: [(b - a) / timedelta(hours=1) for a, b in pairwise(at)] for key, at in times.items()
    }


@pytest.mark.parametrize(
    ("start", "end", "gap"),
    [
        ("2026-03-16T00:00", "2026-04-06T00:00", 167.0),
        ("2026-10-19T00:00", "2026-11-09T00:00", 169.0),
    ],
    ids=["spring-forward", "fall-back"],
)
def test_the_dst_week(store: Path, start: str, end: str, gap: float) -> None:
    """Without a block, slots sit in the skipped and the repeated hour: still once a week each."""
    run_json(
        "plan",
        "--store",
        str(store),
        "--now",
        "2026-03-01T00:00",
        "--windows",
        "Sat 20:00-24:00; Sun 00:00-06:00",
        "--block",
        "",
    )
    document = run_json("due", "--store", str(store), "--from", start, "--to", end)
    gaps = _hours_between_syncs(document)
    assert set(gaps) == {number(i) for i in range(40)}
    assert all(len(between) == 2 for between in gaps.values()), "three weeks: three syncs each"
    assert {hours for between in gaps.values() for hours in between} <= {167.0, 168.0, 169.0}
    assert any(gap in between for between in gaps.values())
    for entry in document["due"]:
        at = datetime.fromisoformat(entry["at"])
        if at.date().isoformat() == "2026-03-29":
            assert not 2 <= at.hour < 3, f"{entry}: a local time that does not exist"
        if at.date().isoformat() == "2026-10-25" and at.hour == 2:
            assert at.utcoffset() == timedelta(hours=2), f"{entry}: not the first 02:xx"


def test_a_capacity_that_is_too_small_is_one_line_and_saves_nothing(store: Path) -> None:
    result = plan(store, "--capacity", "0.1")
    assert result.exit_code == 1
    assert result.stderr == (
        f"govlink: error: company {number(0)} alone exceeds the capacity of a slot: "
        "total cost 40 (largest company 1), 668 slots x capacity 0.1 = 66.8\n"
    )
    assert dump(store) == []
    plan_json(store)
    before = dump(store)
    result = plan(
        store,
        "--windows",
        "Mon 08:00-09:00",
        "--capacity",
        "2",
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "govlink: error: the companies do not fit the capacity: total cost 40 "
        "(largest company 1), 4 slots x capacity 2 = 8\n"
    )
    assert result.stdout == ""
    assert dump(store) == before


def test_costs_come_from_the_csv(store: Path, tmp_path: Path) -> None:
    costs = tmp_path / "costs.csv"
    costs.write_text(f"enterprise_number,cost\n{number(3)},12.5\n{number(7)},0.25\n")
    document = plan_json(store, "--costs", str(costs))
    cost = {a["enterprise_number"]: a["cost"] for a in document["assignments"]}
    assert (cost[number(3)], cost[number(7)], cost[number(8)]) == (12.5, 0.25, 1.0)


def test_a_bad_costs_csv_is_one_line_naming_the_row(store: Path, tmp_path: Path) -> None:
    costs = tmp_path / "costs.csv"
    costs.write_text(f"enterprise_number,cost\n{number(3)},1\n{number(4)},lots\n")
    result = plan(store, "--costs", str(costs))
    assert result.exit_code == 1
    assert result.stderr == (f"govlink: error: {costs}: row 3: cost 'lots' is not a number >= 0\n")
    assert dump(store) == []


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (("plan", "--capacity", "-3"), 2, "'-3' is not a positive number or none"),
        (("plan", "--windows", "Mon-Fry 08:00-18:00"), 1, "unknown day 'Fry'"),
        (("due", "--from", "last week", "--to", NOW), 2, "'last week' is not a time"),
        (("due", "--from", NOW, "--to", NOW), 1, "no sync plan saved yet"),
    ],
    ids=["capacity", "windows", "iso", "no-plan"],
)
def test_bad_input_is_one_line(
    tmp_path: Path, args: tuple[str, ...], status: int, message: str
) -> None:
    result = run(*args, "--store", str(tmp_path / "missing.db"))
    assert result.exit_code == status
    assert result.stderr.startswith("govlink: error: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_the_tables_show_the_histograms_and_the_balance(store: Path) -> None:
    plan_json(store, "--windows", "Mon-Fri 08:00-18:00")
    result = plan(store, "--windows", "Tue-Fri 08:00-18:00")
    assert result.exit_code == 0, result.stderr
    for text in (
        "Load per day",
        "Load per hour",
        "balance (max slot / mean): by cost",
        "The busiest slot carries",
        "times the cost of an average slot",
        "By number of companies the busiest slot holds",
        "Moved (",
        "windows Tue,Wed,Thu,Fri 08:00-18:00",
        "revision 2",
    ):
        assert text in result.stdout
    due = run(
        "due", "--store", str(store), "--from", "2026-03-24T08:00", "--to", "2026-03-24T09:00"
    )
    assert due.exit_code == 0, due.stderr
    assert "syncs due from Tue 2026-03-24 08:00 to Tue 2026-03-24 09:00" in due.stdout


def test_the_json_matches_the_documented_schemas(store: Path, documented_schema: Schema) -> None:
    plan_json(store, "--capacity", "4")
    import_companies(store, range(40, 45))
    document = plan_json(store, "--windows", "Tue-Sun 00:00-24:00")
    for key in ("assignments", "slots", "moved", "onboarding"):
        assert document[key], f"{key} is empty: the schema check would be weak"
    assert document["slots"][0]["capacity"] == 4.0
    jsonschema.validate(document, documented_schema("cli.md", "plan"))
    due = run_json("due", "--store", str(store), "--from", NOW, "--to", "2026-03-25T00:00")
    assert due["due"]
    jsonschema.validate(due, documented_schema("cli.md", "due"))


MINIMAL = {
    "plan-json-schema": {
        "timezone": "Europe/Brussels",
        "slot_minutes": 15,
        "companies": 0,
        "assignments": [],
        "slots": [],
        "balance": {"by_cost": 1.0, "by_count": 1.0, "floor": 1.0},
        "moved": [],
        "last_first_sync": None,
        "onboarding": [],
    },
    "due-json-schema": {"due": []},
}


@pytest.mark.parametrize("marker", sorted(MINIMAL))
def test_the_schemas_reject_an_extra_key(marker: str, documented_schema: Schema) -> None:
    schema, document = (
        documented_schema("cli.md", marker.removesuffix("-json-schema")),
        MINIMAL[marker],
    )
    jsonschema.validate(document, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**document, "surprise": 1}, schema)


@pytest.mark.slow
def test_a_real_process_plans_the_same_bytes_whatever_the_hash_seed(store: Path) -> None:
    """``python -m govlink plan --json`` in two processes on two copies of one store."""
    outputs = []
    for seed in ("0", "4242"):
        copy = store.parent / f"copy-{seed}.db"
        shutil.copy(store, copy)
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "govlink",
                "plan",
                "--store",
                str(copy),
                "--now",
                NOW,
                "--json",
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=False,
        )
        assert completed.returncode == 0, completed.stderr
        assert completed.stderr == ""
        outputs.append(completed.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["companies"] == 40


def test_due_defaults_to_this_week_with_day_time_and_name(store: Path) -> None:
    plan_json(store)
    wednesday = "2026-03-25T15:00:00+01:00"
    default = run_json("due", "--store", str(store), "--now", wednesday)
    spelled = run_json(
        "due", "--store", str(store), "--from", "2026-03-25T00:00", "--to", "2026-04-01T00:00"
    )
    assert default == spelled
    assert {entry["name"] for entry in default["due"]} == {f"Company {i}" for i in range(40)}
    same = run_json(
        "due", "--store", str(store), "--now", wednesday, "--from", "today", "--to", "+7d"
    )
    assert same == default
    later = run_json("due", "--store", str(store), "--now", wednesday, "--from", "+2h")["due"]
    start = datetime.fromisoformat("2026-03-25T17:00:00+01:00")
    end = datetime.fromisoformat("2026-04-01T17:00:00+02:00")  # 7 wall-clock days, DST between
    assert all(start <= datetime.fromisoformat(e["at"]) < end for e in later)
    overlap = [e for e in default["due"] if datetime.fromisoformat(e["at"]) >= start]
    assert later[: len(overlap)] == overlap
    assert len(later) > len(overlap)
    table = run("due", "--store", str(store), "--now", wednesday)
    assert table.exit_code == 0, table.stderr
    first = default["due"][0]
    assert table.stdout.startswith(
        f"{len(default['due'])} syncs due from Wed 2026-03-25 00:00 to Wed 2026-04-01 00:00\n"
    )
    row = next(line for line in table.stdout.splitlines() if first["name"] + " " in line)
    assert re.search(rf"Wed 2026-03-25 │ {first['at'][11:16]} │ \d{{4}}\.\d{{3}}\.\d{{3}}", row)


def test_due_leaves_archived_companies_out(store: Path) -> None:
    plan_json(store)
    week = ("--from", "2026-03-23T00:00", "--to", "2026-03-30T00:00")
    before = {e["enterprise_number"] for e in run_json("due", "--store", str(store), *week)["due"]}
    assert run("companies", "archive", number(3), "--store", str(store)).exit_code == 0
    after = {e["enterprise_number"] for e in run_json("due", "--store", str(store), *week)["due"]}
    assert after == before - {number(3)}


@pytest.mark.parametrize(
    "spec",
    [
        "ma-vr 08:00-18:00",
        "lun-ven 08:00-18:00",
        "Maandag-Vrijdag 08:00-18:00",
        "lundi-ven. 08:00-18:00",
    ],
)
def test_dutch_and_french_day_names_plan_like_english_ones(store: Path, spec: str) -> None:
    english = plan_json(store, "--windows", "Mon-Fri 08:00-18:00")
    other = plan_json(store, "--windows", spec)
    assert slots(other) == slots(english)
    assert other["moved"] == []
