"""The overview workbook: categories, highlighting, and formula safety."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from govlink import (
    ALL,
    Company,
    EnterpriseNumber,
    RawRecord,
    Selection,
    SourceRef,
    plan_apply,
    reconcile,
)
from govlink.report import FORMULA_PREFIXES, write_overview

ACME = EnterpriseNumber.parse("0403019261")


def _record(row: int, **fields: object) -> RawRecord:
    return RawRecord(fields=fields, ref=SourceRef(source="excel", row=row), raw=fields)


def test_formula_like_values_are_written_as_text(tmp_path: Path) -> None:
    hostile = ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)"]
    records = [
        _record(2, enterprise_number="0417497106", name=hostile[0], email="=1+1"),
        _record(3, enterprise_number="0403019262", name=hostile[1], phone=hostile[2]),
        _record(4, enterprise_number=ACME.compact, name="Acme", city=hostile[3]),
    ]
    platform = [Company(enterprise_number=ACME, name="Acme", city="Gent")]
    path = tmp_path / "overview.xlsx"
    write_overview(path, reconcile(records, platform), source="excel")
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name)
    book = load_workbook(path)
    values = [
        cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES)
    ]
    assert set(hostile) <= set(values)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
                    assert cell.data_type == "s"
                    assert cell.quotePrefix


def test_matching_highlights_changes_and_marks_overwrites(tmp_path: Path) -> None:
    records = [_record(2, enterprise_number=ACME.compact, name="Acme", email="new@acme.be")]
    platform = [Company(enterprise_number=ACME, name="Acme", email="old@acme.be", city="Gent")]
    diff = reconcile(records, platform)
    plan = plan_apply(diff, Selection(add=ALL, overwrite=["email"]))
    path = tmp_path / "overview.xlsx"
    write_overview(path, diff, source="excel", applied=plan)
    sheet = load_workbook(path)["Matching"]
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, sheet[2], strict=True))
    assert row["Status"].value == "overwritten"
    assert row["Overwrite"].value == "email"
    assert row["Email (import)"].value == "new@acme.be"
    assert row["Email (platform)"].value == "old@acme.be"
    assert row["Email (import)"].font.bold
    assert row["Name (import)"].font.color.rgb == "FF9E9E9E"


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.sampled_from("=+-@abc1 ("), min_size=1, max_size=8))
@pytest.mark.slow
def test_no_text_value_ever_becomes_a_formula(
    tmp_path_factory: pytest.TempPathFactory, value: str
) -> None:
    records = [_record(2, enterprise_number="0403019262", name=value, notes=value)]
    path = tmp_path_factory.mktemp("w") / "o.xlsx"
    write_overview(path, reconcile(records, []), source="excel")
    with zipfile.ZipFile(path) as archive:
        assert all(b"<f>" not in archive.read(n) for n in archive.namelist() if "sheet" in n)


def test_an_unwritable_target_raises_one_os_error_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "gone" / "overview.xlsx"
    with pytest.raises(FileNotFoundError) as caught:
        write_overview(target, reconcile([], []), source="excel")
    assert caught.value.filename == str(target)
    assert list(tmp_path.iterdir()) == []


def test_the_workbook_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "overview.xlsx"
    write_overview(target, reconcile([], []), source="excel")
    probe = tmp_path / "probe"
    probe.touch()
    assert target.stat().st_mode == probe.stat().st_mode
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


@pytest.mark.slow
def test_a_long_sheet_streams_past_the_width_sample_with_filter_and_hint(tmp_path: Path) -> None:
    bases = range(10_000_000, 10_001_200)
    records = [
        _record(i + 2, enterprise_number=f"{b:08d}{97 - b % 97:02d}", name="x" * (1 + i % 60))
        for i, b in enumerate(bases)
    ]
    path = tmp_path / "overview.xlsx"
    write_overview(path, reconcile(records, []), source="excel", language="fr")
    sheet = load_workbook(path)["Uniquement dans import"]
    assert sheet.max_row == 1 + len(records)
    assert sheet.auto_filter.ref == f"A1:P{1 + len(records)}"
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["D"].width == 50  # names of up to 60 characters, capped
    [hint] = sheet.data_validations.dataValidation
    assert str(hint.sqref) == f"A2:A{1 + len(records)}"
    assert sheet["A1"].value == "Ajouter"
    assert sheet["A1200"].fill.start_color.rgb.endswith("DDEBF7")


def test_the_summary_shows_source_file_brussels_time_token_and_counts(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from govlink.reconcile.token import preview_token

    records = [_record(2, enterprise_number=ACME.compact, name="Acme")]
    diff = reconcile(records, [])
    path = tmp_path / "overzicht.xlsx"
    created = datetime(2026, 7, 1, 8, 30, 15, 123, tzinfo=UTC)
    write_overview(
        path, diff, source="excel", location="klanten.xlsx", language="nl", created=created
    )
    rows = list(load_workbook(path)["Overzicht"].iter_rows(values_only=True))
    facts = dict(row for row in rows if row[0] is not None)
    assert facts["Bron"] == "excel"
    assert facts["Bestand"] == "klanten.xlsx"
    assert facts["Datum"] == datetime(2026, 7, 1, 10, 30, 15)  # summer time in Brussels
    assert facts["Voorbeeldcode"] == preview_token(diff)
    assert facts["Alleen in de import"] == 1
    assert facts["Ongeldig"] == 0


def test_candidate_fields_are_shown_by_name_not_as_a_repr(tmp_path: Path) -> None:
    from govlink.domain.records import NumberCandidates

    candidates = NumberCandidates({"VATNr": "BE0417497106", "RegistrationNr": "0404616494"})
    record = RawRecord(
        fields={"enterprise_number": candidates, "name": "A"},
        ref=SourceRef(source="adminis", record_id="17"),
    )
    path = tmp_path / "overview.xlsx"
    write_overview(path, reconcile([record], []), source="adminis")
    [row] = list(load_workbook(path)["Invalid"].iter_rows(min_row=2, values_only=True))
    assert row[1:6] == (
        "17",
        "VATNr, RegistrationNr",
        "VATNr: BE0417497106; RegistrationNr: 0404616494",
        "The fields hold different enterprise numbers "
        "(VATNr: 0417.497.106; RegistrationNr: 0404.616.494).",
        "enterprise_number.conflict",
    )
