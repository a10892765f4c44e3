"""``govlink import`` and friends, driven through the real CLI against real SQLite files."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from govlink import EnterpriseNumber
from govlink.store import SQLiteStore
from govlink.testing.cli import run, run_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CLIENTS = str(EXAMPLES / "clients.xlsx")
PLATFORM = str(EXAMPLES / "platform.xlsx")


def dump(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        return [
            (table, *row)
            for table in ("companies", "import_runs", "import_run_changes")
            for row in db.execute(f"SELECT * FROM {table} ORDER BY 1, 2")
        ]


@pytest.fixture
def store(tmp_path: Path, platform_store: Callable[..., Path]) -> Path:
    """A store seeded with the example platform."""
    return platform_store(tmp_path / "demo.db", "--select", "all")


def test_the_preview_shows_all_four_categories_and_writes_nothing(store: Path) -> None:
    before = dump(store)
    result = run("import", CLIENTS, "--store", str(store))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    for heading in (
        "Only in import (10)",
        "Only on the platform (4)",
        "Matching (26): 6 with changes",
        "Invalid (8)",
        "Warnings (4)",
        "Nothing was written",
    ):
        assert heading in result.stdout
    assert dump(store) == before


def test_the_json_counts_add_up(store: Path) -> None:
    document = run_json("import", CLIENTS, "--store", str(store))
    counts = document["counts"]
    assert counts == {
        "rows": 44,
        "only_in_source": 10,
        "only_in_platform": 4,
        "matching": 26,
        "changed": 6,
        "invalid": 8,
        "skipped": 0,
    }
    assert counts["rows"] == counts["only_in_source"] + counts["matching"] + counts["invalid"]
    assert counts["changed"] == sum(1 for m in document["matching"] if m["changes"])
    for key in ("only_in_source", "only_in_platform", "matching", "invalid"):
        assert len(document[key]) == counts[key]
    assert "applied" not in document


def test_apply_then_import_again_shows_nothing_new_and_no_changes(store: Path) -> None:
    applied = run_json("import", CLIENTS, "--store", str(store), "--apply", "--overwrite", "all")
    assert len(applied["applied"]["added"]) == 10
    assert len(applied["applied"]["updated"]) == 6
    again = run_json("import", CLIENTS, "--store", str(store))
    assert again["counts"]["only_in_source"] == 0
    assert again["counts"]["changed"] == 0
    assert again["counts"]["matching"] == 36
    with SQLiteStore(store) as opened:
        runs = opened.import_runs()
    assert [len(r.added) for r in runs] == [10, 30]


def test_overwrite_touches_only_the_chosen_fields(store: Path) -> None:
    with SQLiteStore(store) as opened:
        before = {c.enterprise_number: c for c in opened.companies()}
    result = run_json("import", CLIENTS, "--store", str(store), "--apply", "--overwrite", "email")
    updated = result["applied"]["updated"]
    assert updated
    assert all(u["fields"] == ["email"] for u in updated)
    touched = {EnterpriseNumber.parse(u["enterprise_number"]) for u in updated}
    with SQLiteStore(store) as opened:
        after = {
            c.enterprise_number: c for c in opened.companies() if c.enterprise_number in before
        }
    for number, company in before.items():
        fields = ("email",) if number in touched else ()
        for field in ("name", "street", "house_number", "language", "responsible", "email"):
            if field not in fields:
                assert getattr(after[number], field) == getattr(company, field), (number, field)
        if number in touched:
            assert after[number].email != company.email


def test_select_adds_only_the_chosen_companies(store: Path) -> None:
    preview = run_json("import", CLIENTS, "--store", str(store))
    chosen = preview["only_in_source"][0]["enterprise_number"]
    formatted = EnterpriseNumber.parse(chosen).formatted
    applied = run_json("import", CLIENTS, "--store", str(store), "--apply", "--select", formatted)
    assert applied["applied"] == {"added": [chosen], "updated": []}


def test_an_error_injected_mid_apply_leaves_the_store_unchanged(store: Path) -> None:
    with sqlite3.connect(store) as db:
        db.execute(
            "CREATE TRIGGER fail_fifth BEFORE INSERT ON companies "
            "WHEN (SELECT count(*) FROM companies) >= 34 "
            "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
        )
    before = dump(store)
    result = run("import", CLIENTS, "--store", str(store), "--apply", "--overwrite", "all")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "disk on fire" in result.stderr
    assert dump(store) == before


def _apply_in_a_process(store: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "govlink", "import", CLIENTS, "--store", str(store), "--apply"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_two_processes_applying_at_once_leave_a_consistent_store(store: Path) -> None:
    processes = [_apply_in_a_process(store) for _ in range(2)]
    outcomes = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outcomes
    with SQLiteStore(store) as opened:
        companies = opened.companies()
        runs = opened.import_runs()
    assert len(companies) == 40
    assert sorted(len(r.added) for r in runs[:2]) == [0, 10]
    with sqlite3.connect(store) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import", "missing.xlsx"), "missing.xlsx"),
        (("import", "notes.xlsx"), "notes.xlsx"),
        (("import", "salesforce"), "unknown source 'salesforce'"),
        (("import", CLIENTS, "--select", "123"), "--select"),
        (("import", CLIENTS, "--apply", "--overwrite", "enterprise_number"), "cannot overwrite"),
        (("import", CLIENTS, "--token", "0123456789ab"), "needs --apply"),
        (("import", CLIENTS, "--bogus"), "--bogus"),
        (("import", CLIENTS, "--store", "notes.xlsx"), "notes.xlsx"),
        (("frobnicate",), "frobnicate"),
    ],
    ids=[
        "missing-file",
        "not-a-workbook",
        "unknown-source",
        "bad-select",
        "bad-overwrite",
        "token-without-apply",
        "unknown-option",
        "store-is-not-a-store",
        "unknown-command",
    ],
)
def test_errors_are_one_line_on_stderr_with_a_non_zero_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.xlsx").write_text("these are not the clients you are looking for\n" * 50)
    result = run(*args, env={"GOVLINK_ADMINPULSE_API_KEY": "s3cr3t-key"})
    assert result.exit_code != 0
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("govlink: error: ")
    assert message in result.stderr
    assert "s3cr3t-key" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_real_process_reports_a_bad_file_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "clients.xlsx"
    bad.write_bytes(b"PK\x03\x04 truncated zip")
    process = subprocess.run(
        [sys.executable, "-m", "govlink", "import", str(bad), "--store", "x.db"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert process.returncode == 1
    assert process.stdout == ""
    assert len(process.stderr.splitlines()) == 1, process.stderr
    assert not (tmp_path / "x.db").exists()


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = run("--debug", "import", str(tmp_path / "missing.xlsx"))
    assert result.exit_code != 0
    assert result.exception is not None
    assert not isinstance(result.exception, SystemExit)


def test_report_writes_the_overview_workbook(store: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    report = tmp_path / "overview.xlsx"
    result = run(
        "import",
        CLIENTS,
        "--store",
        str(store),
        "--apply",
        "--overwrite",
        "email",
        "--report",
        str(report),
    )
    assert result.exit_code == 0, result.stderr
    book = load_workbook(report, read_only=True)
    assert book.sheetnames == [
        "Summary",
        "Only in import",
        "Only on platform",
        "Matching",
        "Invalid",
        "Warnings",
        "govlink",
    ]
    statuses = [row[3] for row in book["Matching"].iter_rows(min_row=2, values_only=True)]
    assert statuses.count("overwritten") == 2
    assert statuses.count("changed") == 4
    invalid_rows = list(book["Invalid"].iter_rows(min_row=2, values_only=True))
    assert len({row[0] for row in invalid_rows}) == 8  # one line per problem of 8 rows
    assert invalid_rows[0][5] == "enterprise_number.checksum"
    book.close()


def test_companies_lists_the_platform(store: Path) -> None:
    document = run_json("companies", "list", "--store", str(store))
    assert len(document["companies"]) == 30
    assert all(len(c["enterprise_number"]) == 10 for c in document["companies"])
    table = run("companies", "list", "--store", str(store), "--all")
    assert "Zeepziederij Vandamme BV" in table.stdout


def test_the_store_defaults_to_the_environment_variable(tmp_path: Path) -> None:
    path = tmp_path / "env.db"
    result = run("import", PLATFORM, "--apply", "--json", env={"GOVLINK_STORE": str(path)})
    assert result.exit_code == 0, result.stderr
    with SQLiteStore(path) as opened:
        assert len(opened.companies()) == 30


def test_template_writes_a_workbook_that_imports(tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    result = run("template", str(template), "--lang", "fr")
    assert result.exit_code == 0, result.stderr
    document = run_json("import", str(template), "--store", str(tmp_path / "t.db"))
    assert document["counts"]["rows"] == 0
    assert not (tmp_path / "t.db").exists()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_template_example_row_is_never_imported(tmp_path: Path, language: str) -> None:
    template = tmp_path / "template.xlsx"
    assert run("template", str(template), "--lang", language).exit_code == 0
    result = run("import", str(template), "--store", str(tmp_path / "t.db"), "--apply", "--yes")
    assert result.exit_code == 0, result.stderr
    summary = " ".join(result.stdout.split())
    assert "0 rows" in summary
    assert "1 out of scope (1 template example)" in summary
    assert SQLiteStore(tmp_path / "t.db").companies() == []


def test_an_example_row_typed_over_is_an_ordinary_row(tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    assert run("template", str(template)).exit_code == 0
    workbook = openpyxl.load_workbook(template)
    sheet = workbook.worksheets[0]
    sheet["B2"] = "Bakkerij Peeters"
    workbook.save(template)
    document = run_json("import", str(template), "--store", str(tmp_path / "t.db"))
    assert [c["name"] for c in document["only_in_source"]] == ["Bakkerij Peeters"]


def test_columns_that_are_not_imported_are_listed(store: Path) -> None:
    result = run("import", CLIENTS, "--store", str(store))
    assert "Columns not imported (unknown headers): Opmerkingen" in " ".join(result.stdout.split())
    assert run_json("import", CLIENTS, "--store", str(store))["unknown_columns"] == ["Opmerkingen"]


def test_plugins_lists_the_builtin_excel_source() -> None:
    result = run("plugins")
    assert result.exit_code == 0, result.stderr
    assert "excel" in result.stdout
    assert "builtin" in result.stdout


def test_progress_is_drawn_on_stderr_only_when_it_is_a_terminal(
    store: Path, on_a_terminal: Callable[..., Any]
) -> None:
    args = ["import", CLIENTS, "--store", str(store), "--apply", "--json"]
    done = on_a_terminal(args, stdout_on_terminal=False, term="xterm")
    assert done.status == 0
    assert b"reading" in done.screen
    assert b"applying" in done.screen
    assert json.loads(done.stdout)["applied"]["added"]
    piped = run("import", CLIENTS, "--store", str(store))
    assert piped.stderr == ""


def test_python_dash_m_govlink_is_the_command() -> None:
    process = subprocess.run(
        [sys.executable, "-m", "govlink", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert process.returncode == 0
    assert {"import", "template", "plugins", "companies"} <= set(process.stdout.split())


@pytest.mark.parametrize("apply", [False, True], ids=["preview", "apply"])
def test_selecting_a_company_that_is_not_new_is_refused_and_writes_nothing(
    store: Path, apply: bool
) -> None:
    preview = run_json("import", CLIENTS, "--store", str(store))
    matching = preview["matching"][0]["enterprise_number"]
    before = dump(store)
    result = run(
        "import", CLIENTS, "--store", str(store), *(["--apply"] * apply), "--select", matching
    )
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "not a new company" in result.stderr
    assert dump(store) == before
