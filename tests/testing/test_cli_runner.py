"""govlink.testing.cli: the command run in-process, for plugin and service tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlink.testing.cli import run, run_json

CLIENTS = str(Path(__file__).resolve().parents[2] / "examples" / "clients.xlsx")


def test_run_json_gives_the_document(tmp_path: Path) -> None:
    document = run_json("import", CLIENTS, "--store", str(tmp_path / "g.db"))
    assert document["counts"]["rows"] == 44
    assert not (tmp_path / "g.db").exists()  # a preview writes nothing


def test_run_json_of_a_failing_command_raises_with_its_stderr(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match=r"exited with 1: .*missing\.xlsx"):
        run_json("import", str(tmp_path / "missing.xlsx"))


def test_env_applies_to_one_call_only() -> None:
    french = run("import", CLIENTS, env={"GOVLINK_LANG": "fr"})
    assert run("--lang", "fr", "import", CLIENTS).stdout == french.stdout
    assert run("import", CLIENTS).stdout != french.stdout
