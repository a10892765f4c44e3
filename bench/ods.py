"""OpenDocument (``.ods``) speed: what govlink's measure of ``content.xml`` adds to reading a file.

Run: ``python bench/ods.py`` (needs the ``excel`` extra). Writes the rows of ``bench/excel.py``
(a 10k-row and a 100k-row template-shaped client list) as an ``.ods`` saved like LibreOffice Calc
does (rows padded to column 1,024, the table to row 1,048,576) and as an ``.xlsx``, then reports
for each size, best of several runs in CPU seconds of the process:

- ``measure``: ``govlink.connectors.excel.ods.tables`` alone (expat check and table scan);
- ``calamine``: opening the ``.ods`` with python-calamine and iterating its rows, nothing else;
- ``read .ods`` / ``read .xlsx``: ``ExcelSource(path)`` and every ``RawRecord``, for each format.

No target is set; the figures are in docs/performance.md.
"""

from __future__ import annotations

import importlib.metadata
import sys
import tempfile
import zipfile
from pathlib import Path

import python_calamine

from excel import best, govlink_read, template_rows, write_workbook  # bench/excel.py
from govlink.connectors.excel import ods
from govlink.testing.ods import write_spreadsheet

SIZES = (10_000, 100_000)
REPEATS = {10_000: 5, 100_000: 3}


def measure(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return ods.tables(archive, path.name)[0].rows


def calamine(path: Path) -> int:
    workbook = python_calamine.CalamineWorkbook.from_path(path)
    return sum(1 for _ in workbook.get_sheet_by_index(0).iter_rows())


def main() -> int:
    version = importlib.metadata.version("python-calamine")
    print(f"python {sys.version.split()[0]}, python-calamine {version}")
    print(f"{'rows':>8} {'content.xml':>12} {'measure':>9} {'calamine':>9} {'read .ods':>10} "
          f"{'read .xlsx':>11}")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        for rows in SIZES:
            opendocument = Path(folder) / f"clients-{rows}.ods"
            write_spreadsheet(opendocument, {"Klanten": list(template_rows(rows))})
            workbook = Path(folder) / f"clients-{rows}.xlsx"
            write_workbook(workbook, rows)
            assert govlink_read(opendocument) == govlink_read(workbook) == rows
            assert measure(opendocument) == calamine(opendocument) == rows + 2
            with zipfile.ZipFile(opendocument) as archive:
                size = archive.getinfo(ods.CONTENT).file_size >> 20
            figures = [
                best(run, path, REPEATS[rows])
                for run, path in (
                    (measure, opendocument),
                    (calamine, opendocument),
                    (govlink_read, opendocument),
                    (govlink_read, workbook),
                )
            ]
            print(f"{rows:>8} {size:>9} MB" + "".join(f"{f:>9.2f}s" for f in figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
