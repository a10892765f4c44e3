"""Dutch, French and English on the command line; invalid rows people understand (issue 17,
points 4 and 5)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook, load_workbook

from govlink.cli import main
from govlink.cli._json import import_json
from govlink.domain.records import NumberCandidates, RawRecord, SourceRef
from govlink.reconcile import reconcile
from govlink.workflows.importing import ImportPreview

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CLIENTS = str(EXAMPLES / "clients.xlsx")
PLATFORM = str(EXAMPLES / "platform.xlsx")


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert run("import", PLATFORM, "--store", str(path), "--apply").exit_code == 0
    return path


@pytest.fixture
def own_headers(tmp_path: Path) -> Path:
    """A client list with the user's own headers and one row for each kind of problem."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["BTW-nr.", "Klantnaam", "Mail", "Taal"])
    sheet.append(["0417.497.106", "Bakkerij Peeters", "info@peeters.be", "nl"])  # row 2: fine
    sheet.append(["0417.497.107", "Typfout BV", "info@typfout.be", "nl"])  # 3: checksum
    sheet.append(["0403.019.261", "Dubbel NV", "geen-adres", "nl"])  # 4: email, duplicate
    sheet.append(["BTW-nummer in aanvraag", "Nieuw BV", None, "Latijn"])  # 5: placeholder
    sheet.append(["0403019261", "Dubbel NV bis", None, "fr"])  # 6: duplicate of 4
    path = tmp_path / "eigen.xlsx"
    book.save(path)
    return path


SUMMARY = {
    "nl": "10 alleen in de import · 4 alleen op het platform",
    "fr": "10 uniquement dans l'import · 4 uniquement sur la plateforme",
    "en": "10 only in import · 4 only on the platform",
}
HEADINGS = {
    "nl": ("Ongeldig (8): rijen die niet ingelezen kunnen worden", "Ondernemingsnummer"),
    "fr": ("Non valides (8) : lignes qui ne peuvent pas être importées", "Numéro d'entreprise"),
    "en": ("Invalid (8): rows that cannot be imported", "Enterprise number"),
}


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_preview_speaks_the_language_of_lang(store: Path, language: str) -> None:
    result = run("--lang", language, "import", CLIENTS, "--store", str(store))
    assert result.exit_code == 0, result.stderr
    assert SUMMARY[language] in result.stdout
    heading, header = HEADINGS[language]
    assert heading in result.stdout
    assert header in result.stdout
    assert "enterprise_number.checksum" in result.stdout  # codes stay English


def test_govlink_lang_and_then_the_locale_choose_when_lang_is_not_given(store: Path) -> None:
    french = run("import", CLIENTS, "--store", str(store), env={"GOVLINK_LANG": "fr"})
    assert SUMMARY["fr"] in french.stdout
    dutch = run(
        "import",
        CLIENTS,
        "--store",
        str(store),
        env={"GOVLINK_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_BE.UTF-8"},
    )
    assert SUMMARY["nl"] in dutch.stdout
    chosen = run("--lang", "en", "import", CLIENTS, "--store", str(store), env={"LANG": "fr_BE"})
    assert SUMMARY["en"] in chosen.stdout


def test_an_unknown_govlink_lang_is_one_line(store: Path) -> None:
    result = run("import", CLIENTS, "--store", str(store), env={"GOVLINK_LANG": "de"})
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "govlink: error: GOVLINK_LANG 'de' is not a language govlink speaks; choose nl, fr, en"
    ]


def test_json_keys_and_messages_stay_english_in_every_language(store: Path) -> None:
    documents = [
        json.loads(run("--lang", lang, "import", CLIENTS, "--store", str(store), "--json").stdout)
        for lang in ("nl", "fr", "en")
    ]
    assert documents[0] == documents[1] == documents[2]
    assert "is not a valid enterprise number" in json.dumps(documents[0]["invalid"])


@pytest.mark.parametrize(
    ("language", "header", "sheet"),
    [("nl", "Ondernemingsnummer", "Klanten"), ("fr", "Numéro d'entreprise", "Clients")],
)
def test_the_template_follows_the_command_language(
    tmp_path: Path, language: str, header: str, sheet: str
) -> None:
    target = tmp_path / "template.xlsx"
    result = run("--lang", language, "template", str(target), "--store", str(tmp_path / "s.db"))
    assert result.exit_code == 0, result.stderr
    book = load_workbook(target)
    assert book.sheetnames[0] == sheet
    assert book[sheet]["A1"].value == header
    english = run("--lang", language, "template", str(target), "--lang", "en", "--store", "x.db")
    assert english.exit_code == 0
    assert load_workbook(target).worksheets[0]["A1"].value == "Enterprise number"


def _invalid_rows(report: Path) -> list[tuple[Any, ...]]:
    book = load_workbook(report, read_only=True)
    sheet = book.worksheets[4]
    found = [tuple(row) for row in sheet.iter_rows(min_row=2, values_only=True)]
    book.close()
    return found


def test_invalid_rows_name_the_users_column_value_and_reason_beside_the_code(
    store: Path, own_headers: Path, tmp_path: Path
) -> None:
    report = tmp_path / "overzicht.xlsx"
    args = ("import", str(own_headers), "--store", str(store), "--report", str(report))
    result = run("--lang", "nl", *args)
    assert result.exit_code == 0, result.stderr
    for text in ("BTW-nr.", "Mail", "geen-adres", "email.invalid", "Kolom", "Reden", "Code"):
        assert text in result.stdout
    problems = {(row[0], row[5]): row[2:5] for row in _invalid_rows(report)}
    assert problems[(3, "enterprise_number.checksum")] == (
        "BTW-nr.",
        "0417.497.107",
        "De controlecijfers kloppen niet: waarschijnlijk een tikfout in het nummer.",
    )
    assert problems[(4, "email.invalid")][:2] == ("Mail", "geen-adres")
    assert problems[(4, "enterprise_number.duplicate")][2] == (
        "Hetzelfde ondernemingsnummer staat ook op rij 6."
    )
    assert problems[(6, "enterprise_number.duplicate")][2].endswith("rij 4.")
    assert problems[(5, "enterprise_number.placeholder")] == (
        "BTW-nr.",
        "BTW-nummer in aanvraag",
        "Het ondernemingsnummer is aangevraagd maar nog niet toegekend; vul het in zodra de KBO "
        "het toekent.",
    )
    assert problems[(5, "language.invalid")] == (
        "Taal",
        "Latijn",
        "Onbekende taal: gebruik nl, fr, de of en.",
    )


def test_the_same_reasons_in_french(store: Path, own_headers: Path, tmp_path: Path) -> None:
    report = tmp_path / "recapitulatif.xlsx"
    args = ("import", str(own_headers), "--store", str(store), "--report", str(report))
    assert run("--lang", "fr", *args).exit_code == 0
    problems = {(row[0], row[5]): row[4] for row in _invalid_rows(report)}
    assert problems[(4, "enterprise_number.duplicate")] == (
        "Le même numéro d'entreprise figure aussi à la ligne 6."
    )
    assert problems[(3, "enterprise_number.checksum")].startswith("Les chiffres de contrôle")


def test_candidate_fields_show_their_raw_values_not_a_repr() -> None:
    conflict = NumberCandidates({"VATNr": "BE0417497106", "RegistrationNr": "0404616494"})
    bad = NumberCandidates({"VATNr": "", "RegistrationNr": "0417497107"})
    records = [
        RawRecord(
            fields={"enterprise_number": conflict, "name": "A"},
            ref=SourceRef(source="adminis", record_id="1"),
        ),
        RawRecord(
            fields={"enterprise_number": bad, "name": "B"},
            ref=SourceRef(source="adminis", record_id="2"),
        ),
    ]
    diff = reconcile(records, [])
    preview = ImportPreview(source="adminis", location="adminis", diff=diff, records=())
    reasons = [r["reasons"][0] for r in import_json(preview, None)["invalid"]]
    assert reasons[0]["value"] == {"VATNr": "BE0417497106", "RegistrationNr": "0404616494"}
    assert reasons[1]["value"] == "0417497107"
    assert str(conflict) == "VATNr: BE0417497106; RegistrationNr: 0404616494"
    assert "NumberCandidates" not in json.dumps(reasons)


def test_a_stale_token_is_refused_in_the_users_language(store: Path) -> None:
    result = run(
        "--lang", "nl", "import", CLIENTS, "--store", str(store), "--apply", "--token", "0" * 12
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "govlink: error: het platform of de bron is gewijzigd sinds voorbeeld 000000000000 (nu "
    )
    assert result.stderr.rstrip().endswith("er werd niets geschreven")
