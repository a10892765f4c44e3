"""A read-only store in a read-only folder can still be read, by every read-only command.

The suite may run as root, which ignores file permissions; the reading process then runs
without ``CAP_DAC_OVERRIDE`` (it may still read anything, but writes obey the permissions),
so the folder really is read-only to it.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest
from click.testing import CliRunner

from govlink.cli import main

EXAMPLES: Final = Path(__file__).resolve().parents[2] / "examples"
_PR_CAPBSET_DROP: Final = 24
_CAP_DAC_OVERRIDE: Final = 1


def _without_dac_override() -> None:  # pragma: no cover - runs in the child before exec
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govlink", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=_without_dac_override if os.geteuid() == 0 else None,
    )


@pytest.fixture
def read_only_store() -> Iterator[Path]:
    """A store with the example clients and a plan, made read-only in a read-only folder."""
    folder = Path(tempfile.mkdtemp(prefix="govlink-ro-"))
    store = folder / "govlink.db"
    try:
        applied = CliRunner().invoke(
            main, ["import", str(EXAMPLES / "clients.xlsx"), "--store", str(store), "--apply"]
        )
        assert applied.exit_code == 0, applied.stderr
        planned = CliRunner().invoke(main, ["plan", "--store", str(store)])
        assert planned.exit_code == 0, planned.stderr
        host = CliRunner().invoke(
            main, ["settings", "set", "smtp_host", "mail.example.be", "--store", str(store)]
        )
        assert host.exit_code == 0, host.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["govlink.db"]
        store.chmod(0o444)
        folder.chmod(0o555)
        try:
            probe = _run("--version")
        except subprocess.SubprocessError as error:  # prctl refused: no CAP_SETPCAP here
            pytest.skip(f"root, but cannot start a reader without CAP_DAC_OVERRIDE: {error}")
        assert probe.returncode == 0, probe.stderr
        yield store
    finally:
        folder.chmod(stat.S_IRWXU)
        shutil.rmtree(folder)


def _unchanged(store: Path) -> None:
    assert sorted(p.name for p in store.parent.iterdir()) == ["govlink.db"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        ("companies", "list"),
        ("companies", "list", "--json"),
        ("alerts",),
        ("due", "--from", "2026-01-01", "--to", "2026-12-31"),
        ("import", str(EXAMPLES / "clients.xlsx")),
        ("settings", "get", "smtp_host"),
    ],
    ids=lambda command: command[0] if len(command) == 1 else "-".join(command[:2]),
)
def test_every_read_only_command_reads_a_store_in_a_read_only_folder(
    read_only_store: Path, command: tuple[str, ...]
) -> None:
    done = _run(*command, "--store", str(read_only_store))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    _unchanged(read_only_store)


@pytest.mark.slow
def test_the_companies_of_a_read_only_store_are_all_there(read_only_store: Path) -> None:
    done = _run("companies", "list", "--store", str(read_only_store), "--all")
    assert done.returncode == 0, done.stderr
    assert "Boulangerie Dubois SRL" in done.stdout


@pytest.mark.slow
def test_a_write_into_a_read_only_folder_fails_in_one_line(read_only_store: Path) -> None:
    done = _run(
        "import", str(EXAMPLES / "clients.xlsx"), "--store", str(read_only_store), "--apply"
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("govlink: error: ")
    _unchanged(read_only_store)
