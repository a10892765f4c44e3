"""The template writer: the workbook users fill in, read back by the Excel source."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from govlink import SourceError, ValidRecord, validate
from govlink.connectors.excel.headers import TEMPLATE_HEADERS, TemplateLanguage, field_for
from govlink.connectors.excel.source import ExcelSource
from govlink.connectors.excel.template import TEXT_FORMAT, write_template
from govlink.domain.company import COMPANY_FIELDS

LANGUAGES: tuple[TemplateLanguage, ...] = ("nl", "fr", "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_template_round_trip(tmp_path: Path, language: TemplateLanguage) -> None:
    path = write_template(tmp_path / "template.xlsx", language=language)
    source = ExcelSource(path)
    assert source.unknown_columns == ()
    assert sorted(source.columns.values()) == sorted(COMPANY_FIELDS)
    assert list(source.records()) == []
    assert source.skipped == {"template example": 1}
    workbook = openpyxl.load_workbook(path)
    workbook.worksheets[0]["B2"] = "Bakkerij Peeters"
    workbook.save(path)
    [row] = ExcelSource(path).records()
    result = validate(row)
    assert isinstance(result, ValidRecord)
    assert result.company.language == language
    assert row.ref.row == 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_template_layout(tmp_path: Path, language: TemplateLanguage) -> None:
    workbook = openpyxl.load_workbook(write_template(tmp_path / "t.xlsx", language))
    sheet, instructions = workbook.worksheets
    header = [cell.value for cell in sheet[1]]
    assert header == list(TEMPLATE_HEADERS[language].values())
    assert [field_for(str(h)) for h in header] == list(TEMPLATE_HEADERS[language])
    number = sheet["A2"]
    assert number.value == "0417.497.106"
    assert number.data_type == "s"
    assert number.number_format == TEXT_FORMAT
    assert sheet.column_dimensions["A"].number_format == TEXT_FORMAT
    assert all(sheet.column_dimensions[c.column_letter].width >= 10 for c in sheet[1])
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    text = " ".join(str(row[0]) for row in instructions.values)
    for language_name in ("Nederlands", "Français", "English"):
        assert language_name in text
    assert "voorbeeldrij wordt nooit ingelezen" in text
    assert "example row is never imported" in text


def test_dutch_by_default(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(write_template(tmp_path / "t.xlsx"))
    assert workbook.worksheets[0]["A1"].value == "Ondernemingsnummer"


def test_replaces_atomically_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "template.xlsx"
    target.write_bytes(b"old")
    assert write_template(target, "en") == target
    assert ExcelSource(target).columns["Enterprise number"] == "enterprise_number"
    assert [p.name for p in tmp_path.iterdir()] == ["template.xlsx"]


def test_errors(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"^unknown template language 'de'; choose nl, fr or en$"):
        write_template(tmp_path / "t.xlsx", "de")  # type: ignore[arg-type]
    with pytest.raises(SourceError, match="cannot write") as caught:
        write_template(tmp_path / "missing" / "t.xlsx")
    assert caught.value.code == "source.write"
