"""The Excel source reads the sheets people really send: titles above the header, NL/FR/EN
headers, numbers that lost their leading zero, formulas, blank rows, extra columns."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from govlink import (
    HeaderNotFound,
    SheetNotFound,
    SourceError,
    UnsafeWorkbook,
    ValidRecord,
    validate,
)
from govlink.connectors.excel import source as excel_source
from govlink.connectors.excel.source import HEADER_SCAN_ROWS, ExcelSource
from govlink.plugins import Registry, Source, SourceOptions

WriteXlsx = Callable[..., Path]
ReplacePart = Callable[[Path, str, Callable[[bytes], bytes]], Path]

NL = ["Ondernemingsnummer", "Naam", "E-mail", "Taal", "Verantwoordelijke"]


def test_header_below_titles_blank_rows_and_row_numbers(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx(
        [
            ["Klantenlijst kantoor Peeters"],
            [],
            NL,
            ["0417.497.106", "Acme NV", "info@acme.be", "nl", "an@kantoor.be"],
            [None, "  ", None],
            ["0403170701", "Beta BV", None, None, None],
        ]
    )
    source = ExcelSource(path)
    assert (source.sheet, source.header_row, source.unknown_columns) == ("Klanten", 3, ())
    records = list(source.records())
    assert [r.ref.row for r in records] == [4, 6]
    assert [str(r.ref) for r in records] == ["excel row 4", "excel row 6"]
    assert dict(records[0].fields) == {
        "enterprise_number": "0417.497.106",
        "name": "Acme NV",
        "email": "info@acme.be",
        "language": "nl",
        "responsible": "an@kantoor.be",
    }
    assert all(isinstance(validate(r), ValidRecord) for r in records)


@pytest.mark.parametrize(
    "headers",
    [
        ["Ondernemingsnummer", "Bedrijfsnaam", "E-mail", "Taal", "Hoofdverantwoordelijke"],
        ["Numéro d'entreprise", "Dénomination", "Courriel", "Langue", "Responsable"],
        ["Enterprise number", "Company name", "Email", "Language", "Responsible"],
        ["KBO-nummer", "Naam", "EMAIL", "taal", "verantwoordelijke"],
        ["N° TVA", " nom ", "e_mail", "LANGUE", "RESPONSABLE"],
        ["BTW-nummer", "Name", "E - Mail", "Language:", "Responsible"],
    ],
)
def test_headers_in_dutch_french_and_english(write_xlsx: WriteXlsx, headers: list[str]) -> None:
    path = write_xlsx([headers, ["BE0417497106", "Acme", "a@acme.be", "Nederlands", "an@x.be"]])
    source = ExcelSource(path)
    assert set(source.columns.values()) == {
        "enterprise_number",
        "name",
        "email",
        "language",
        "responsible",
    }
    [record] = source.records()
    result = validate(record)
    assert isinstance(result, ValidRecord)
    assert result.company.language == "nl"


def test_numbers_reach_the_parser_unchanged(
    write_xlsx: WriteXlsx, replace_part: ReplacePart
) -> None:
    path = write_xlsx(
        [
            ["Ondernemingsnummer", "Naam", "Postcode"],
            [417497106, "Acme", 1000],
            [403170701, "Beta", 9000.0],
        ]
    )
    # As some exports store it: a float in scientific notation.
    replace_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"<v>403170701</v>", b"<v>4.03170701E8</v>"),
    )
    records = list(ExcelSource(path).records())
    assert [r.fields["enterprise_number"] for r in records] == [417497106, 403170701.0]
    assert type(records[1].fields["enterprise_number"]) is float
    companies = [validate(r) for r in records]
    assert [(c.company.enterprise_number.compact, c.company.postal_code) for c in companies] == [  # type: ignore[union-attr]
        ("0417497106", "1000"),
        ("0403170701", "9000"),
    ]


def test_formulas_give_their_cached_values(
    write_xlsx: WriteXlsx, replace_part: ReplacePart
) -> None:
    path = write_xlsx([["Ondernemingsnummer", "Naam"], ["0417497106", '=CONCAT("Ac","me")']])

    def cache(xml: bytes) -> bytes:
        return xml.replace(
            b'<c r="B2"><f>CONCAT("Ac","me")</f><v /></c>',
            b'<c r="B2" t="str"><f>CONCAT("Ac","me")</f><v>Acme</v></c>',
        )

    replace_part(path, "xl/worksheets/sheet1.xml", cache)
    [record] = ExcelSource(path).records()
    assert record.fields["name"] == "Acme"


def test_language_labels_are_understood(write_xlsx: WriteXlsx) -> None:
    labels = ["Nederlands", "NL", "N", "Français", "FR", "F", "Deutsch", "English"]
    numbers = ["0417497106", "0403170701", "0202239951"]
    rows = [[numbers[i % 3], f"Company {i}", label] for i, label in enumerate(labels)]
    path = write_xlsx([["Ondernemingsnummer", "Naam", "Taal"], *rows])
    languages = [validate(r).company.language for r in ExcelSource(path).records()]  # type: ignore[union-attr]
    assert languages == ["nl", "nl", "nl", "fr", "fr", "fr", "de", "en"]


def test_unknown_columns_are_listed_once_and_kept_raw(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx(
        [
            ["Ondernemingsnummer", "Opmerkingen", "Naam", None, "Segment", "Opmerkingen"],
            ["0417497106", "vip", "Acme", "x", "B2B", "second", "beyond"],
            ["0403170701", None, "Beta"],
        ]
    )
    source = ExcelSource(path)
    assert source.unknown_columns == ("Opmerkingen", "Segment", "Opmerkingen")
    first, second = source.records()
    assert dict(first.raw) == {
        "Ondernemingsnummer": "0417497106",
        "Opmerkingen": "vip",
        "Naam": "Acme",
        "column D": "x",
        "Segment": "B2B",
        "Opmerkingen (F)": "second",
        "column G": "beyond",
    }
    assert set(first.fields) == {"enterprise_number", "name"}
    assert dict(second.raw) == {
        "Ondernemingsnummer": "0403170701",
        "Opmerkingen": None,
        "Naam": "Beta",
    }


def test_short_rows_leave_fields_missing_not_empty(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx([["Naam", "Ondernemingsnummer", "E-mail"], ["Acme", "0417497106"]])
    [record] = ExcelSource(path).records()
    assert "email" not in record.fields


def test_two_columns_for_one_field_take_the_first_filled(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx(
        [
            ["KBO-nummer", "BTW-nummer", "Naam"],
            [None, "BE0417497106", "Acme"],
            ["0403170701", "BE0202239951", "Beta"],
        ]
    )
    source = ExcelSource(path)
    assert source.unknown_columns == ()
    assert [r.fields["enterprise_number"] for r in source.records()] == [
        "BE0417497106",
        "0403170701",
    ]


def test_first_visible_sheet_or_a_sheet_by_name(write_xlsx: WriteXlsx) -> None:
    rows = [["Ondernemingsnummer", "Naam"], ["0417497106", "Acme"]]
    other = [["Ondernemingsnummer", "Naam"], ["0403170701", "Beta"]]
    path = write_xlsx(rows, title="Oud", sheets={"Klanten 2024": other}, hidden=("Oud",))
    assert ExcelSource(path).sheet == "Klanten 2024"
    named = ExcelSource(path, sheet="  oud ")
    assert named.sheet == "Oud"
    assert [r.fields["name"] for r in named.records()] == ["Acme"]
    with pytest.raises(SheetNotFound) as caught:
        ExcelSource(path, sheet="Clients")
    assert str(caught.value) == (
        "clients.xlsx has no sheet 'Clients'; its sheets are 'Oud', 'Klanten 2024'"
    )


def test_no_enterprise_number_column_names_the_headers_found(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx([["Klanten"], ["Naam", "Adres", "Telefoon"], ["Acme", "Straat 1", "02"]])
    with pytest.raises(HeaderNotFound) as caught:
        ExcelSource(path)
    message = str(caught.value)
    assert "headers found: Naam, Adres, Telefoon" in message
    assert f"first {HEADER_SCAN_ROWS} rows" in message
    assert caught.value.code == "source.no_header"


def test_header_is_searched_in_the_first_20_rows_only(write_xlsx: WriteXlsx) -> None:
    title = [["titel"]] * (HEADER_SCAN_ROWS - 1)
    assert ExcelSource(write_xlsx([*title, NL])).header_row == HEADER_SCAN_ROWS
    with pytest.raises(HeaderNotFound):
        ExcelSource(write_xlsx([*title, [], NL], name="late.xlsx"))


def test_records_can_be_read_again_and_stop_early(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx([NL, *(["0417497106", f"Acme {i}"] for i in range(5))])
    source = ExcelSource(path)
    first = source.records()
    assert next(first).ref.row == 2
    first.close()
    assert [r.ref.row for r in source.records()] == [2, 3, 4, 5, 6]
    assert source.skipped == {}
    assert source.known_colleagues() is None


def test_opened_through_the_registry(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx([["x"]], sheets={"Data": [NL, ["0417497106", "Acme"]]})
    source = Registry(entry_points=False).open_source(
        SourceOptions(location=str(path), sheet="data")
    )
    assert isinstance(source, Source)
    assert isinstance(source, ExcelSource)
    assert source.name == "excel"
    assert re.fullmatch(r"<ExcelSource 'clients.xlsx' sheet='Data' header_row=1>", repr(source))


def test_without_the_excel_extra(write_xlsx: WriteXlsx, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_xlsx([NL])
    monkeypatch.setitem(sys.modules, "govlink.connectors.excel.source", None)
    with pytest.raises(SourceError, match=r"pip install 'govlink\[excel\]'") as caught:
        Registry(entry_points=False).open_source(SourceOptions(location=str(path)))
    assert caught.value.code == "source.missing_extra"


def test_data_away_from_the_top_left_corner_keeps_its_columns(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx([[], [None, None, *NL], [None, None, "0417497106", "Acme"]])
    source = ExcelSource(path)
    [record] = source.records()
    assert (source.header_row, record.ref.row) == (2, 3)
    assert dict(record.fields) == {"enterprise_number": "0417497106", "name": "Acme"}


def test_a_sheet_spanning_too_many_cells_is_refused_before_parsing(
    write_xlsx: WriteXlsx, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx([NL, *[["0417497106", "Acme"]] * 10])
    monkeypatch.setattr(excel_source, "MAX_CELLS", 50)
    with pytest.raises(UnsafeWorkbook, match=r"spans 11 rows by 5 columns \(at most 50 cells\)"):
        ExcelSource(path)


def test_any_file_name_is_accepted(write_xlsx: WriteXlsx, tmp_path: Path) -> None:
    path = write_xlsx([NL, ["0417497106", "Acme"]]).rename(tmp_path / "export (1)")
    assert [r.fields["name"] for r in ExcelSource(path).records()] == ["Acme"]
