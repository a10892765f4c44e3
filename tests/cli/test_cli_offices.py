"""Offices through the real CLI on a PostgreSQL store: ``--office`` picks the office of
``import``/``companies``/``due``; ``plan`` plans every office together."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from govlink.cli import main
from govlink.testing.postgres import TemporaryDatabase

NOW = "2026-03-23T09:07:00+01:00"
OFFICES = {"gent": ("0403019261", "0417497106"), "brugge": ("0202239951",)}


def _run(*args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    result = CliRunner().invoke(main, [*args, "--json"], env=env)
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def _workbook(path: Path, numbers: tuple[str, ...]) -> str:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Enterprise number", "Name"])
    for number in numbers:
        sheet.append([number, f"Company {number}"])
    book.save(path)
    return str(path)


@pytest.mark.slow
def test_each_office_imports_and_lists_its_own_and_the_plan_spans_them(
    tmp_path: Path, postgres: TemporaryDatabase
) -> None:
    url = postgres.schema("cli")
    for office, numbers in OFFICES.items():
        source = _workbook(tmp_path / f"{office}.xlsx", numbers)
        _run("import", source, "--store", url, "--office", office, "--apply")
    for office, numbers in OFFICES.items():
        listed = _run("companies", "list", "--store", url, env={"GOVLINK_OFFICE": office})
        assert [c["enterprise_number"] for c in listed["companies"]] == sorted(numbers)
    assert _run("companies", "list", "--store", url)["companies"] == []  # the default office

    _run("plan", "--store", url, "--office", "gent", "--now", NOW)  # --office does not apply
    week = ("--from", "2026-03-23T00:00", "--to", "2026-03-30T00:00")
    everyone = _run("due", "--store", url, *week)
    assert {d["enterprise_number"] for d in everyone["due"]} == {
        n for numbers in OFFICES.values() for n in numbers
    }
    for office, numbers in OFFICES.items():
        listed = _run("due", "--store", url, "--office", office, *week)
        assert {d["enterprise_number"] for d in listed["due"]} == set(numbers)
    unknown = CliRunner().invoke(main, ["due", "--store", url, "--office", "nowhere", *week])
    assert unknown.exit_code == 1
    assert "no office 'nowhere'" in unknown.stderr


def test_an_sqlite_store_refuses_a_second_office(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["companies", "list", "--store", str(tmp_path / "g.db"), "--office", "gent"]
    )
    assert result.exit_code == 1
    assert "holds one office" in result.stderr
    assert "Traceback" not in result.output
