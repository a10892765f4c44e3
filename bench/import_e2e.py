"""End to end import timings (issue 16): the CLI on seeded 5-column client lists.

Run: ``python bench/import_e2e.py`` (``--rows 10000,100000``). For each size it writes a seeded
workbook (enterprise number, name, e-mail, language, responsible), then measures the CPU time
(user + system), wall time and peak RSS of each command in a fresh process, beside the baseline
measured in the same run: a bare python-calamine read of the file plus
``stdnum.be.vat.is_valid`` over its numbers. Ratios are of CPU time: the machine is shared, and
wall time swings with the other jobs on it (it is printed too).

Targets: ``import --json`` <= 2.0x the baseline; the text preview <= 1.2x the JSON preview;
``--apply --json`` <= 1.5x the JSON preview; ``companies list`` on 100k <= 1 s.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import openpyxl
import python_calamine
from stdnum.be import vat

_LANGUAGES = ("Nederlands", "Français", "English", "nl", "fr")
# The firm's colleagues, by e-mail as the template asks (a bare name such as "an" gives every
# row a responsible.not_email warning: docs/performance.md measures that case too).
_COLLEAGUES = ("an@kantoor.be", "bert@kantoor.be", "chloe@kantoor.be")


def _number(i: int) -> str:
    first8 = 1_000_000 + i * 37
    return f"{first8:08d}{97 - first8 % 97:02d}"


def write_workbook(path: Path, rows: int, seed: int = 16) -> None:
    """A seeded client list: the Dutch headers of the template and ``rows`` companies."""
    rng = random.Random(seed)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Klanten")
    sheet.append(["Ondernemingsnummer", "Naam", "E-mail", "Taal", "Verantwoordelijke"])
    for i in range(rows):
        digits = _number(i)
        spelled = f"{digits[:4]}.{digits[4:7]}.{digits[7:]}" if rng.random() < 0.5 else digits
        language, responsible = rng.choice(_LANGUAGES), rng.choice(_COLLEAGUES)
        sheet.append([spelled, f"Klant {i} BV", f"info{i}@klant.be", language, responsible])
    workbook.save(path)


def baseline(path: Path) -> float:
    """CPU seconds of a bare calamine read plus the stdnum floor over the numbers."""
    start = time.process_time()
    workbook = python_calamine.CalamineWorkbook.from_path(path)
    rows = workbook.get_sheet_by_name("Klanten").to_python()
    valid = sum(vat.is_valid(str(row[0])) for row in rows[1:])
    elapsed = time.process_time() - start
    assert valid == len(rows) - 1
    return elapsed


def timed(*args: str) -> tuple[float, float, float]:
    """CPU seconds, wall seconds and peak RSS (MB) of ``python -m govlink ARGS`` in a fresh
    process."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "govlink", *args], stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"govlink {' '.join(args)} failed: {errors.read().decode()}")
    return usage.ru_utime + usage.ru_stime, elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="10000,100000")
    sizes = [int(n) for n in parser.parse_args().rows.split(",")]
    print(f"python {sys.version.split()[0]}, python-calamine {version('python-calamine')}")
    print("CPU seconds (wall seconds); ratios of CPU seconds")
    header = "rows  baseline  json (x base, MB)  text (x json)  apply (x json, MB)  companies"
    print(header)
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            path = Path(folder) / f"clients-{rows}.xlsx"
            store = str(Path(folder) / f"store-{rows}.db")
            write_workbook(path, rows)
            base = baseline(path)
            preview, preview_wall, preview_mb = timed(
                "import", str(path), "--store", store, "--json"
            )
            text, text_wall, _ = timed("import", str(path), "--store", store)
            apply, apply_wall, apply_mb = timed(
                "import", str(path), "--store", store, "--apply", "--json"
            )
            companies, companies_wall, _ = timed("companies", "list", "--store", store)
            print(
                f"{rows:>6} {base:6.2f}s  {preview:5.2f}s ({preview_wall:.2f}s; "
                f"{preview / base:.2f}x, {preview_mb:.0f} MB)  {text:5.2f}s ({text_wall:.2f}s; "
                f"{text / preview:.2f}x)  {apply:5.2f}s ({apply_wall:.2f}s; "
                f"{apply / preview:.2f}x, {apply_mb:.0f} MB)  {companies:5.2f}s "
                f"({companies_wall:.2f}s)"
            )


if __name__ == "__main__":
    main()
