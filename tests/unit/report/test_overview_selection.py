"""Reading back a filled-in overview workbook: ticks, overwrite cells, token, language."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from govlink import ALL, Company, EnterpriseNumber, RawRecord, SourceRef, reconcile
from govlink.errors import PreviewChanged
from govlink.reconcile.model import ImportDiff
from govlink.reconcile.token import preview_token
from govlink.report import SelectionWorkbookError, read_selection, write_overview

NEW = [EnterpriseNumber.parse(n) for n in ("0417497106", "0404616494", "0203201340")]
MATCHES = [EnterpriseNumber.parse(n) for n in ("0403019261", "0202239951")]


def _diff() -> ImportDiff:
    records = [
        RawRecord(
            fields={"enterprise_number": n.compact, "name": f"New {i}"},
            ref=SourceRef(source="excel", row=i + 2),
        )
        for i, n in enumerate([*NEW, *MATCHES])
    ]
    platform = [Company(enterprise_number=n, name="Old") for n in MATCHES]
    return reconcile(records, platform)


def _fill(path: Path, sheet: str, cells: dict[EnterpriseNumber, str]) -> None:
    book = load_workbook(path)
    rows = list(book[sheet].iter_rows(min_row=2))
    for row in reversed(rows):  # the user sorted the sheet: order does not matter
        number = EnterpriseNumber.parse(str(row[1].value))
        if number in cells:
            row[0].value = cells[number]
    book.save(path)


def test_ticks_and_overwrite_cells_in_any_language_become_the_selection(tmp_path: Path) -> None:
    path = tmp_path / "overzicht.xlsx"
    diff = _diff()
    write_overview(path, diff, source="excel", language="nl")
    _fill(path, "Alleen in import", {NEW[0]: "x", NEW[1]: "Non", NEW[2]: " "})
    _fill(path, "Overeenkomend", {MATCHES[0]: "Courriel; name", MATCHES[1]: "alle"})
    chosen = read_selection(path)
    assert chosen.token == preview_token(diff)
    assert chosen.language == "nl"
    assert chosen.selection.add == frozenset({NEW[0]})
    assert chosen.selection.fields_for(MATCHES[0]) == frozenset({"email", "name"})
    assert chosen.selection.overwrite_for[MATCHES[1]] is ALL
    chosen.check(preview_token(diff), path)


def test_another_token_is_refused_in_the_chosen_language(tmp_path: Path) -> None:
    path = tmp_path / "recap.xlsx"
    write_overview(path, _diff(), source="excel", language="fr")
    chosen = read_selection(path)
    with pytest.raises(PreviewChanged, match="a changé depuis"):
        chosen.check("000000000000", path)
    with pytest.raises(PreviewChanged, match="changed since"):
        chosen.check("000000000000", path, "en")


def test_a_bad_number_typed_over_is_named(tmp_path: Path) -> None:
    path = tmp_path / "overview.xlsx"
    write_overview(path, _diff(), source="excel")
    book = load_workbook(path)
    book["Only in import"]["A2"] = "x"
    book["Only in import"]["B2"] = "0417.497.107"
    book.save(path)
    with pytest.raises(
        SelectionWorkbookError, match=r"row 2: '0417\.497\.107' is not an enterprise number"
    ):
        read_selection(path)


def test_a_missing_sheet_is_named(tmp_path: Path) -> None:
    path = tmp_path / "overview.xlsx"
    write_overview(path, _diff(), source="excel")
    book = load_workbook(path)
    del book["Matching"]
    book.save(path)
    with pytest.raises(SelectionWorkbookError, match="lacks the sheet 'Matching'"):
        read_selection(path)
