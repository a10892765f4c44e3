"""An output path never overwrites an input: the store, the source, or a link to either."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from govlink.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def clients_applied(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the example clients applied, made once: each test gets its own copy."""
    store = tmp_path_factory.mktemp("applied") / "govlink.db"
    args = ["import", str(EXAMPLES / "clients.xlsx"), "--store", str(store), "--apply"]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.stderr
    assert [p.name for p in store.parent.iterdir()] == [store.name]  # no WAL left over
    return store


@pytest.fixture
def applied(tmp_path: Path, clients_applied: Path) -> tuple[Path, Path]:
    """A store with the example clients applied, and a private copy of the source."""
    source = tmp_path / "clients.xlsx"
    shutil.copyfile(EXAMPLES / "clients.xlsx", source)
    store = tmp_path / "govlink.db"
    shutil.copyfile(clients_applied, store)
    return source, store


def _as_is(path: Path, tmp_path: Path) -> Path:
    return path


def _hard_link(path: Path, tmp_path: Path) -> Path:
    link = tmp_path / "hard.xlsx"
    os.link(path, link)
    return link


def _symlink(path: Path, tmp_path: Path) -> Path:
    link = tmp_path / "soft.xlsx"
    link.symlink_to(path)
    return link


def _dotted(path: Path, tmp_path: Path) -> Path:
    return tmp_path / "." / path.name


LINKS = pytest.mark.parametrize(
    "alias", [_as_is, _hard_link, _symlink, _dotted], ids=["path", "hard", "symlink", "dotted"]
)


def _refused(args: list[str], *, what: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("govlink: error: ")
    assert f"is {what}" in result.stderr
    assert "choose another path" in result.stderr


@LINKS
@pytest.mark.parametrize("apply", [False, True], ids=["preview", "apply"])
def test_a_report_onto_the_store_is_refused_and_the_store_is_kept(
    applied: tuple[Path, Path], tmp_path: Path, alias: Callable[[Path, Path], Path], apply: bool
) -> None:
    source, store = applied
    before = _digest(store)
    report = alias(store, tmp_path)
    args = ["import", str(source), "--store", str(store), "--report", str(report)]
    _refused([*args, "--apply"] if apply else args, what=f"the store ({store})")
    assert _digest(store) == before
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT count(*) FROM companies").fetchone()[0] > 0


@LINKS
def test_a_report_onto_the_source_is_refused_and_the_source_is_kept(
    applied: tuple[Path, Path], tmp_path: Path, alias: Callable[[Path, Path], Path]
) -> None:
    source, store = applied
    before = _digest(source)
    report = alias(source, tmp_path)
    _refused(
        ["import", str(source), "--store", str(store), "--report", str(report)],
        what=f"the source ({source})",
    )
    assert _digest(source) == before


def test_a_report_onto_a_store_that_the_apply_would_create_is_refused(tmp_path: Path) -> None:
    store = tmp_path / "new.db"
    clients = str(EXAMPLES / "clients.xlsx")
    args = ["import", clients, "--store", str(store), "--apply", "--report", str(store)]
    _refused(args, what=f"the store ({store})")
    assert not store.exists()


@LINKS
def test_the_template_onto_the_store_is_refused(
    applied: tuple[Path, Path], tmp_path: Path, alias: Callable[[Path, Path], Path]
) -> None:
    _, store = applied
    before = _digest(store)
    _refused(
        ["template", str(alias(store, tmp_path)), "--store", str(store)],
        what=f"the store ({store})",
    )
    assert _digest(store) == before


def test_the_template_onto_the_default_store_from_the_environment_is_refused(
    applied: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, store = applied
    before = _digest(store)
    monkeypatch.setenv("GOVLINK_STORE", str(store))
    _refused(["template", str(store)], what=f"the store ({store})")
    assert _digest(store) == before


def test_other_paths_are_written(applied: tuple[Path, Path], tmp_path: Path) -> None:
    source, store = applied
    report = tmp_path / "overview.xlsx"
    done = CliRunner().invoke(
        main, ["import", str(source), "--store", str(store), "--report", str(report)]
    )
    assert done.exit_code == 0, done.stderr
    assert report.read_bytes()[:2] == b"PK"
    written = CliRunner().invoke(
        main, ["template", str(tmp_path / "t.xlsx"), "--store", str(store)]
    )
    assert written.exit_code == 0, written.stderr
    assert (tmp_path / "t.xlsx").read_bytes()[:2] == b"PK"


def test_paths_that_are_not_there_yet_are_no_inputs(tmp_path: Path) -> None:
    missing = tmp_path / "new.db"
    made = CliRunner().invoke(main, ["template", str(missing), "--store", str(missing)])
    assert made.exit_code == 0, made.stderr
    report = tmp_path / "none.db"
    clients = str(EXAMPLES / "clients.xlsx")
    previewed = CliRunner().invoke(
        main, ["import", clients, "--store", str(report), "--report", str(report)]
    )
    assert previewed.exit_code == 0, previewed.stderr
    assert report.read_bytes()[:2] == b"PK"
