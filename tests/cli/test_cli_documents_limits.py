"""`govlink documents ingest`: sizes are checked with stat before reading (a 2 GB sparse file
is never read into memory), bidi controls in file names are rejected like control characters,
and a company that is not on the platform is refused in one line with nothing stored."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Final

import pytest
from click.testing import CliRunner

from govlink import Company, EnterpriseNumber
from govlink.cli import main
from govlink.store import SQLiteStore
from govlink.testing.documents import add_companies, sample_pdf

NUMBER: Final = EnterpriseNumber.parse("0403.019.261")
TWO_GB: Final = 2 * 1024**3
#: Peak resident memory allowed for the ingest of a 2 GB file that must not be read, in KiB.
MAX_RSS_KIB: Final = 300 * 1024


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "govlink.db"
    with SQLiteStore(path) as opened:
        add_companies(opened, Company(enterprise_number=NUMBER, name="Acme NV"))
    return path


def _ingest(store: Path, *paths: Path, company: str = "0403.019.261") -> tuple[int, str, str]:
    args = ["documents", "ingest", *map(str, paths), "--company", company, "--kind", "other"]
    result = CliRunner().invoke(main, [*args, "--store", str(store), "--json"])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.slow
def test_a_2_gb_sparse_file_is_refused_by_its_size_without_being_read(
    store: Path, tmp_path: Path
) -> None:
    big = tmp_path / "huge.pdf"
    with big.open("wb") as file:
        file.write(sample_pdf(1)[:64])
        file.truncate(TWO_GB)  # sparse: takes no disk, but reads as 2 GB
    probe = textwrap.dedent(
        f"""
        import json, resource, subprocess, sys
        done = subprocess.run(
            [sys.executable, "-m", "govlink", "documents", "ingest", {str(big)!r},
             "--company", "0403.019.261", "--kind", "other", "--store", {str(store)!r},
             "--json"],
            capture_output=True, text=True,
        )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(json.dumps({{"status": done.returncode, "stdout": done.stdout, "peak": peak}}))
        """
    )
    measured = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    outcome = json.loads(measured.stdout)
    assert outcome["status"] == 0, outcome
    report = json.loads(outcome["stdout"])
    [rejected] = report["rejected"]
    assert [r["code"] for r in rejected["reasons"]] == ["document.too_large"]
    assert f"{TWO_GB} bytes" in rejected["reasons"][0]["message"]
    assert outcome["peak"] < MAX_RSS_KIB, f"peak RSS {outcome['peak']} KiB"


def test_a_file_that_is_not_regular_is_rejected_without_blocking(
    store: Path, tmp_path: Path
) -> None:
    status, stdout, _ = _ingest(store, Path("/dev/zero"))
    assert status == 0
    [rejected] = json.loads(stdout)["rejected"]
    assert [r["code"] for r in rejected["reasons"]] == ["document.unreadable"]
    assert "not a regular file" in rejected["reasons"][0]["message"]


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u2066", "\u2069", "\x1b", "\x85"])
def test_file_names_with_bidi_or_control_characters_are_rejected(
    store: Path, tmp_path: Path, control: str
) -> None:
    sneaky = tmp_path / f"factuur{control}fdp.exe.pdf"
    sneaky.write_bytes(sample_pdf(2))
    status, stdout, _ = _ingest(store, sneaky)
    assert status == 0
    document = json.loads(stdout)
    assert document["stored"] == []
    [rejected] = document["rejected"]
    assert [r["code"] for r in rejected["reasons"]] == ["file_name.control_character"]
    with SQLiteStore(store, read_only=True) as opened:
        assert opened.documents() == []


def test_a_company_not_on_the_platform_is_refused_in_one_line(store: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(sample_pdf(3))
    status, stdout, stderr = _ingest(store, pdf, company="0417.497.106")
    assert status == 1
    assert stdout == ""
    assert stderr.splitlines() == [
        "govlink: error: company 0417.497.106 is not on the platform; import it first "
        "(nothing was stored)"
    ]
    with SQLiteStore(store, read_only=True) as opened:
        assert opened.documents() == []
