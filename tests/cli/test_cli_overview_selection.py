"""The overview workbook an accountant opens, fills in and feeds back (issue 17, point 7)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from govlink.testing.cli import run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CLIENTS = str(EXAMPLES / "clients.xlsx")
#: The sheets of the overview in each language, and the add / overwrite headers.
SHEETS = {
    "nl": ("Overzicht", "Alleen in import", "Overeenkomend", "Toevoegen", "Overschrijven"),
    "fr": ("Résumé", "Uniquement dans import", "Correspondants", "Ajouter", "Écraser"),
    "en": ("Summary", "Only in import", "Matching", "Add", "Overwrite"),
}


def companies(path: Path) -> dict[str, tuple[Any, ...]]:
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        return {r["enterprise_number"]: tuple(r) for r in db.execute("SELECT * FROM companies")}


@pytest.fixture
def store(tmp_path: Path, platform_store: Callable[..., Path]) -> Path:
    return platform_store(tmp_path / "demo.db")


def overview(store: Path, tmp_path: Path, language: str) -> Path:
    report = tmp_path / f"overview-{language}.xlsx"
    result = run(
        "--lang", language, "import", CLIENTS, "--store", str(store), "--report", str(report)
    )
    assert result.exit_code == 0, result.stderr
    return report


def header(sheet: Any) -> list[Any]:
    return [cell.value for cell in sheet[1]]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_overview_is_made_for_people(store: Path, tmp_path: Path, language: str) -> None:
    summary, new, matching, add, overwrite = SHEETS[language]
    book = load_workbook(overview(store, tmp_path, language))
    assert book.sheetnames[:2] == [summary, new]
    assert book["govlink"].sheet_state == "hidden"
    token = run_json(store)["token"]
    facts = {row[0]: row[1] for row in book[summary].iter_rows(min_row=2, values_only=True)}
    assert token in facts.values()
    assert CLIENTS in facts.values()
    assert 10 in facts.values()
    assert 26 in facts.values()
    for title in book.sheetnames[1:-1]:
        sheet = book[title]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref is not None
        assert sheet.auto_filter.ref.startswith("A1:")
        assert all(cell.font.bold for cell in sheet[1])
        assert all(dim.width >= 8 for dim in sheet.column_dimensions.values())
    assert header(book[new])[0] == add
    assert header(book[matching])[0] == overwrite
    names = header(book[new])
    assert names[1] == {"nl": "Ondernemingsnummer", "fr": "Numéro d'entreprise"}.get(
        language, "Enterprise number"
    )


def run_json(store: Path, *args: str) -> dict[str, Any]:
    result = run("import", CLIENTS, "--store", str(store), "--json", *args)
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def fill_in(report: Path, language: str, add: dict[str, str], overwrite: dict[str, str]) -> None:
    """Type into the add / overwrite cells as a user does in Excel (by enterprise number)."""
    _, new, matching, _, _ = SHEETS[language]
    book = load_workbook(report)
    for title, wanted in ((new, add), (matching, overwrite)):
        sheet = book[title]
        for row in sheet.iter_rows(min_row=2):
            if row[1].value in wanted:
                row[0].value = wanted[row[1].value]
    book.save(report)


def test_what_is_ticked_in_excel_is_exactly_what_gets_applied(store: Path, tmp_path: Path) -> None:
    report = overview(store, tmp_path, "nl")
    document = run_json(store)
    new = [c["enterprise_number"] for c in document["only_in_source"]]
    changed = {m["enterprise_number"]: m["changes"] for m in document["matching"] if m["changes"]}
    email_change = next(n for n, changes in changed.items() if changes[0]["field"] == "email")
    formatted = {n: f"{n[:4]}.{n[4:7]}.{n[7:]}" for n in [*new, *changed]}
    fill_in(
        report,
        "nl",
        add={formatted[new[0]]: "x", formatted[new[1]]: "ja", formatted[new[2]]: "nee"},
        overwrite={formatted[email_change]: "E-mail"},
    )
    before = companies(store)
    preview = run(
        "--lang", "fr", "import", CLIENTS, "--store", str(store), "--selection", str(report)
    )
    assert preview.exit_code == 0, preview.stderr
    assert "Ajouterait (2)" in preview.stdout
    assert "Écraserait (1 entreprise)" in preview.stdout
    assert "Relancez avec --apply pour appliquer exactement ce que" in " ".join(
        preview.stdout.split()
    )
    assert companies(store) == before
    result = run("import", CLIENTS, "--store", str(store), "--selection", str(report), "--apply")
    assert result.exit_code == 0, result.stderr
    assert "added 2 companies, updated 1" in result.stdout
    after = companies(store)
    assert set(after) - set(before) == {new[0], new[1]}
    changed_rows = {n for n in before if before[n] != after[n]}
    assert changed_rows == {email_change}
    email = changed[email_change][0]["source"]
    assert email in after[email_change]


def test_a_stale_workbook_is_refused_with_one_line_and_nothing_written(
    store: Path, tmp_path: Path
) -> None:
    report = overview(store, tmp_path, "en")
    new = run_json(store)["only_in_source"]
    first = new[0]["enterprise_number"]
    apply = run("import", CLIENTS, "--store", str(store), "--apply", "--select", first)
    assert apply.exit_code == 0, apply.stderr
    fill_in(
        report,
        "en",
        add={f"{n[:4]}.{n[4:7]}.{n[7:]}": "x" for n in [new[1]["enterprise_number"]]},
        overwrite={},
    )
    before = companies(store)
    result = run("import", CLIENTS, "--store", str(store), "--selection", str(report), "--apply")
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"govlink: error: {report.name} belongs to preview ")
    assert line.endswith("make a new overview with --report, nothing was written")
    assert companies(store) == before


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("kleur", "'kleur' is not a field that may be overwritten"),
        ("enterprise_number", "'enterprise_number' is not a field that may be overwritten"),
    ],
)
def test_a_bad_overwrite_cell_names_its_sheet_and_row(
    store: Path, tmp_path: Path, cell: str, message: str
) -> None:
    report = overview(store, tmp_path, "en")
    book = load_workbook(report)
    book["Matching"]["A2"] = cell
    book.save(report)
    result = run("import", CLIENTS, "--store", str(store), "--selection", str(report), "--apply")
    assert result.exit_code == 1
    assert "sheet 'Matching' row 2: " + message in result.stderr


def test_a_workbook_that_is_not_an_overview_is_refused(store: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.xlsx"
    Workbook().save(other)
    result = run("import", CLIENTS, "--store", str(store), "--selection", str(other), "--apply")
    assert result.exit_code == 1
    assert "other.xlsx is not a govlink overview workbook" in result.stderr
    csv = tmp_path / "list.xlsx"
    csv.write_text("a,b\n1,2\n")
    result = run("import", CLIENTS, "--store", str(store), "--selection", str(csv), "--apply")
    assert result.exit_code == 1
    assert "text (CSV) file" in result.stderr


def test_selection_is_not_combined_with_select(store: Path, tmp_path: Path) -> None:
    report = overview(store, tmp_path, "en")
    result = run(
        "import", CLIENTS, "--store", str(store), "--selection", str(report), "--select", "all"
    )
    assert result.exit_code == 2
    assert "--selection takes the choice from the workbook" in result.stderr
