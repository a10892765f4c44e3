"""The review step: preview a selection, exclude, per-company overwrite, the token, y/N."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govlink import EnterpriseNumber
from govlink.connectors.excel.source import ExcelSource
from govlink.errors import DomainError, PreviewChanged
from govlink.reconcile.policy import ALL, Selection
from govlink.store import SQLiteStore
from govlink.testing.cli import run, run_json
from govlink.workflows.importing import apply_import, preview_import

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CLIENTS = str(EXAMPLES / "clients.xlsx")


def rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        return list(db.execute("SELECT * FROM companies ORDER BY 1"))


@pytest.fixture
def store(tmp_path: Path, platform_store: Callable[..., Path]) -> Path:
    return platform_store(tmp_path / "demo.db")


def test_a_selection_without_apply_shows_before_and_after_and_writes_nothing(
    store: Path,
) -> None:
    before = rows(store)
    result = run("import", CLIENTS, "--store", str(store), "--overwrite", "email")
    assert result.exit_code == 0, result.stderr
    assert "Would add (10)" in result.stdout
    assert "Would overwrite" in result.stdout
    assert "info@dubois.be" in result.stdout  # the before value of an e-mail
    assert "Nothing was written" in result.stdout
    assert rows(store) == before
    planned = run_json("import", CLIENTS, "--store", str(store), "--overwrite", "email")
    updated = planned["planned"]["updated"]
    assert updated
    assert all(u["fields"] == ["email"] for u in updated)
    assert all(u["before"]["email"] != u["after"]["email"] for u in updated)


def test_the_preview_is_exactly_what_the_apply_writes(store: Path) -> None:
    args = ("import", CLIENTS, "--store", str(store), "--overwrite", "all")
    planned = run_json(*args)["planned"]
    applied = run_json(*args, "--apply", "--yes")["applied"]
    assert applied == planned


def test_exclude_leaves_companies_out_of_add_and_overwrite(store: Path) -> None:
    preview = run_json("import", CLIENTS, "--store", str(store))
    new = preview["only_in_source"][0]["enterprise_number"]
    changed = next(m for m in preview["matching"] if m["changes"])["enterprise_number"]
    excluded = f"{EnterpriseNumber.parse(new).formatted},{changed}"
    args = ("--store", str(store), "--overwrite", "all", "--exclude", excluded)
    planned = run_json("import", CLIENTS, *args)["planned"]
    assert new not in planned["added"]
    assert len(planned["added"]) == len(preview["only_in_source"]) - 1
    assert changed not in {u["enterprise_number"] for u in planned["updated"]}
    assert planned["updated"]


def test_overwrite_for_one_company_only(store: Path) -> None:
    preview = run_json("import", CLIENTS, "--store", str(store))
    match = next(m for m in preview["matching"] if m["changes"])
    field = match["changes"][0]["field"]
    number = EnterpriseNumber.parse(match["enterprise_number"]).formatted
    spec = f"{number}:{field}"
    applied = run_json("import", CLIENTS, "--store", str(store), "--apply", "--overwrite", spec)
    assert applied["applied"]["updated"] == [
        {
            "enterprise_number": match["enterprise_number"],
            "fields": [field],
            "before": {field: match["changes"][0]["platform"]},
            "after": {field: match["changes"][0]["source"]},
        }
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--exclude", "all"), "--exclude"),
        (("--overwrite", "0403.019.261:enterprise_number"), "cannot overwrite"),
        (("--overwrite", "123:email"), "--overwrite"),
    ],
    ids=["exclude-all", "per-company-bad-field", "per-company-bad-number"],
)
def test_bad_selections_are_command_line_errors(args: tuple[str, ...], message: str) -> None:
    result = run("import", CLIENTS, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_apply_with_the_token_of_the_preview(store: Path) -> None:
    token = run_json("import", CLIENTS, "--store", str(store))["token"]
    result = run("import", CLIENTS, "--store", str(store), "--apply", "--token", token)
    assert result.exit_code == 0, result.stderr
    assert "added 10 companies" in result.stdout


def test_apply_refuses_when_the_platform_changed_since_the_preview(store: Path) -> None:
    token = run_json("import", CLIENTS, "--store", str(store))["token"]
    with SQLiteStore(store) as opened:
        preview = preview_import(ExcelSource(CLIENTS), opened)
        one = preview.diff.only_in_source[0].enterprise_number
        apply_import(preview, opened, Selection(add={one}), actor="colleague")
    before = rows(store)
    result = run("import", CLIENTS, "--store", str(store), "--apply", "--token", token)
    assert result.exit_code == 1
    assert f"changed since preview {token}" in result.stderr
    assert rows(store) == before


def test_the_library_refuses_a_stale_token_even_when_the_store_moves_mid_apply(
    store: Path,
) -> None:
    with SQLiteStore(store) as opened:
        preview = preview_import(ExcelSource(CLIENTS), opened)
        token = preview.token
        moved = preview_import(ExcelSource(CLIENTS), opened)
        apply_import(moved, opened, Selection(add=ALL), actor="colleague")
        with pytest.raises(PreviewChanged):
            apply_import(preview, opened, Selection(add=ALL), actor="me", token=token)
        with pytest.raises(PreviewChanged):
            apply_import(moved, opened, Selection(add=ALL), actor="me", token="0" * 12)


def test_excluding_a_company_not_in_the_import_is_refused(store: Path) -> None:
    with SQLiteStore(store) as opened:
        preview = preview_import(ExcelSource(CLIENTS), opened)
    with pytest.raises(DomainError) as raised:
        preview.plan(Selection(add=ALL, exclude={"0403.019.261"}))
    assert raised.value.code == "selection.exclude"


@pytest.mark.parametrize(("answer", "status", "written"), [(b"n\n", 1, False), (b"y\n", 0, True)])
def test_apply_on_a_terminal_asks_with_the_summary(
    store: Path,
    answer: bytes,
    status: int,
    written: bool,
    on_a_terminal: Callable[..., Any],
) -> None:
    before = rows(store)
    done = on_a_terminal(["import", CLIENTS, "--store", str(store), "--apply"], answer=answer)
    screen = done.screen.decode(errors="replace")
    assert done.status == status, screen
    assert "Would add (10)" in screen
    assert "Apply preview" in screen
    assert (rows(store) != before) is written


def test_yes_skips_the_question_on_a_terminal(
    store: Path, on_a_terminal: Callable[..., Any]
) -> None:
    args = ["import", CLIENTS, "--store", str(store), "--apply", "--yes"]
    done = on_a_terminal(args)
    screen = done.screen.decode(errors="replace")
    assert done.status == 0, screen
    assert "Apply preview" not in screen
    assert "added 10 companies" in screen
