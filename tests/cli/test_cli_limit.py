"""Text tables are bounded (``--limit``, ``--all``) and ``companies`` filters; JSON stays whole."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from govlink.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PLATFORM = str(EXAMPLES / "platform.xlsx")


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.stderr
    return result


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d{4}\.\d{3}\.\d{3}", text)


def _new(text: str) -> list[str]:
    """The numbers in the preview's "Only in import" table."""
    return _numbers(text.split("Only in import", 1)[1].split("Only on the platform", 1)[0])


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    run("import", PLATFORM, "--store", str(path), "--apply", "--select", "all")
    return path


def test_the_preview_shows_20_rows_per_category_then_how_many_more(tmp_path: Path) -> None:
    out = run("import", PLATFORM, "--store", str(tmp_path / "new.db")).stdout
    assert "Only in import (30)" in out
    assert len(_new(out)) == 20
    assert "+10 more (see --report or --json)" in out
    assert (
        len(_new(run("import", PLATFORM, "--store", str(tmp_path / "n.db"), "--limit", "3").stdout))
        == 3
    )
    every = run("import", PLATFORM, "--store", str(tmp_path / "n.db"), "--all").stdout
    assert len(_new(every)) == 30
    assert "more (" not in every


def test_companies_pages_and_filters(store: Path) -> None:
    listed = json.loads(run("companies", "list", "--store", str(store), "--json").stdout)[
        "companies"
    ]
    assert len(listed) == 30
    table = run("companies", "list", "--store", str(store)).stdout
    assert len(_numbers(table)) == 20
    assert "+10 more (--all, --search or --json shows them)" in table
    assert len(_numbers(run("companies", "list", "--store", str(store), "--all").stdout)) == 30
    found = run("companies", "list", "--store", str(store), "--search", "GARAGE  lemmens").stdout
    assert _numbers(found) == ["0358.025.515"]
    by_number = run("companies", "list", "--store", str(store), "--search", "0358.025").stdout
    assert _numbers(by_number) == ["0358.025.515"]
    person = "marc.dubois@kantoor-demo.be"
    theirs = [c["enterprise_number"] for c in listed if c["responsible"] == person]
    document = run(
        "companies", "list", "--store", str(store), "--responsible", person.upper(), "--json"
    )
    mine = [c["enterprise_number"] for c in json.loads(document.stdout)["companies"]]
    assert mine == theirs
    assert theirs
    assert (
        "none" in run("companies", "list", "--store", str(store), "--search", "no such firm").stdout
    )
