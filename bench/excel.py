"""Excel source speed: govlink's read beside a bare openpyxl read-only iteration of the same file.

Run: ``python bench/excel.py`` (needs the ``excel`` extra). Writes a 10k-row and a 100k-row
workbook shaped like the govlink template into a temporary folder, then reports for each:

- ``openpyxl``: ``load_workbook(read_only=True)`` and iterating every row's values, nothing else;
- ``govlink read``: ``ExcelSource(path)`` (safety checks, header scan) and every ``RawRecord``;
- ``read+validate``: the same plus validating every record into a ``Company``.

Each figure is the best of several runs in this process; the ratio is govlink read / openpyxl.
Targets: ratio at most 1.5; 10k rows read and validated within 1 s.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl

from govlink.connectors.excel.headers import TEMPLATE_HEADERS
from govlink.connectors.excel.source import ExcelSource
from govlink.domain.validation import Validator, ValidRecord

SIZES = (10_000, 100_000)
REPEATS = {10_000: 5, 100_000: 2}


def _number(i: int) -> str:
    base = 2_000_000 + i * 7
    digits = f"{base:08d}{97 - base % 97:02d}"
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def template_rows(rows: int) -> Iterator[list[object]]:
    """A title row, the Dutch header row and ``rows`` companies, as the template holds them."""
    yield ["Klantenlijst"]
    yield [*TEMPLATE_HEADERS["nl"].values(), "Opmerkingen"]
    for i in range(rows):
        yield [
            _number(i),
            f"Bedrijf {i} NV",
            "NV",
            f"info{i}@bedrijf{i % 997}.be",
            ("Nederlands", "FR", "nl", "Français")[i % 4],
            "Kunstlaan",
            i % 300 + 1,
            None if i % 5 else "B",
            1000 + i % 8000,
            "Brussel",
            "BE",
            "+32 2 123 45 67",
            f"collega{i % 25}@kantoor.be",
            f"K{i:06d}",
            "" if i % 3 else "opmerking",
        ]


def write_workbook(path: Path, rows: int) -> None:
    """A template-shaped workbook: a title row, the Dutch header row, ``rows`` companies."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Klanten")
    for row in template_rows(rows):
        sheet.append(row)
    workbook.save(path)
    _excel_like(path, f"A1:O{rows + 2}")


_INLINE = re.compile(rb'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>([^<]*)</t></is></c>')


def _excel_like(path: Path, ref: str) -> None:
    """Store the sheet as Excel does: a ``<dimension>`` and shared strings.

    openpyxl's write-only mode writes inline strings and no dimension; openpyxl reads those
    more slowly (and parses the sheet twice without a dimension), in both columns alike.
    """
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    strings: dict[bytes, int] = {}

    def shared(match: re.Match[bytes]) -> bytes:
        index = strings.setdefault(match[2], len(strings))
        return b'<c r="%s" t="s"><v>%d</v></c>' % (match[1], index)

    sheet = _INLINE.sub(shared, parts["xl/worksheets/sheet1.xml"])
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        b"</sheetPr>", f'</sheetPr><dimension ref="{ref}" />'.encode(), 1
    )
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="%d">'
        % len(strings)
        + b"".join(b"<si><t>%s</t></si>" % text for text in strings)
        + b"</sst>"
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdShared" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def bare_openpyxl(path: Path) -> int:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return count


def govlink_read(path: Path) -> int:
    return sum(1 for _ in ExcelSource(path).records())


def govlink_validate(path: Path) -> int:
    validator = Validator()
    results = [validator(record) for record in ExcelSource(path).records()]
    assert all(isinstance(result, ValidRecord) for result in results)
    return len(results)


def best(run: Callable[[Path], int], path: Path, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.process_time()
        run(path)
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    print(f"python {sys.version.split()[0]}, openpyxl {openpyxl.__version__}")
    print(f"{'rows':>8} {'openpyxl':>10} {'govlink read':>13} {'ratio':>6} {'read+validate':>14}")
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        for rows in SIZES:
            path = Path(folder) / f"clients-{rows}.xlsx"
            write_workbook(path, rows)
            assert govlink_read(path) == rows
            assert bare_openpyxl(path) == rows + 2
            repeats = REPEATS[rows]
            baseline = best(bare_openpyxl, path, repeats)
            read = best(govlink_read, path, repeats)
            validated = best(govlink_validate, path, repeats)
            ratio = read / baseline
            print(f"{rows:>8} {baseline:>9.3f}s {read:>12.3f}s {ratio:>6.2f} {validated:>13.3f}s")
            ok = ok and ratio <= 1.5 and (rows != 10_000 or validated <= 1.0)
    print("targets: ratio <= 1.5, 10k read+validate <= 1 s:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
