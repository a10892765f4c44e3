"""Dutch, French and English on the command line; invalid rows people understand (issue 17,
points 4 and 5)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from openpyxl import Workbook, load_workbook

from govlink.cli._json import import_json
from govlink.domain.records import NumberCandidates, RawRecord, SourceRef
from govlink.reconcile import reconcile
from govlink.testing.cli import run
from govlink.workflows.importing import ImportPreview

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CLIENTS = str(EXAMPLES / "clients.xlsx")


@pytest.fixture
def store(tmp_path: Path, platform_store: Callable[..., Path]) -> Path:
    return platform_store(tmp_path / "demo.db")


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


# -- Every other command in nl / fr / en (issue 17, point 5) ---------------------------------

NOW = "2026-03-23T09:07:00+01:00"  # a Monday


def say(language: str, *args: str, code: int = 0) -> Result:
    result = run("--lang", language, *args)
    assert result.exit_code == code, result.output + result.stderr
    return result


PLAN_TEXT = {
    "nl": ("Syncplanning", "Belasting per dag", "ondernemingen", "Planning bewaard in"),
    "fr": ("Planification des synchronisations", "Charge par jour", "entreprises", "enregistrée"),
    "en": ("Sync plan", "Load per day", "companies", "Plan saved to"),
}
DUE_TEXT = {
    "nl": ("syncs gepland van ma 2026-03-23 00:00 tot ma 2026-03-30 00:00", "naam", "zo "),
    "fr": ("synchronisations prévues du lun 2026-03-23 00:00 au lun 2026-03-30", "nom", "dim "),
    "en": ("syncs due from Mon 2026-03-23 00:00 to Mon 2026-03-30 00:00", "name", "Sun "),
}


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_plan_and_due_speak_the_language(store: Path, language: str) -> None:
    windows = ("--windows", "mon-sun 08:00-18:00")
    shown = say(language, "plan", "--store", str(store), "--now", NOW, *windows).stdout
    assert all(text in shown for text in PLAN_TEXT[language]), shown
    due = say(language, "due", "--store", str(store), "--now", NOW).stdout
    heading, column, sunday = DUE_TEXT[language]
    assert heading in due
    assert column in due
    assert sunday in due  # the day names of the command's language


def test_plan_and_due_json_do_not_change_with_the_language(store: Path) -> None:
    say("en", "plan", "--store", str(store), "--now", NOW)
    for command in (("plan", "--now", NOW), ("due", "--now", NOW)):
        shown = {
            say(lang, *command, "--store", str(store), "--json").stdout for lang in ("nl", "fr")
        }
        assert shown == {say("en", *command, "--store", str(store), "--json").stdout}


COMPANY_TEXT = {
    "nl": ("verantwoordelijke (geen) → sofie", "waarschuwing (responsible.not_email): ",
           "gearchiveerd: 0239.518.140", "Ongedaan maken met: govlink companies restore",
           "al gearchiveerd: ", "teruggezet: 0239.518.140", "niet gearchiveerd: "),
    "fr": ("responsable (aucun) → sofie", "avertissement (responsible.not_email) : ",
           "archivée : 0239.518.140", "Pour annuler : govlink companies restore",
           "déjà archivée : ", "restaurée : 0239.518.140", "pas archivée : "),
    "en": ("responsible (none) → sofie", "warning (responsible.not_email): ",
           "archived: 0239.518.140", "Undo with: govlink companies restore",
           "already archived: ", "restored: 0239.518.140", "not archived: "),
}  # fmt: skip


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_companies_set_archive_and_restore_speak_the_language(store: Path, language: str) -> None:
    changed, warning, archived, undo, again, restored, not_archived = COMPANY_TEXT[language]
    number, at = "0239.518.140", ("--store", str(store))
    edit = say(language, "companies", "set", number, "--responsible", "Sofie", *at)
    assert changed in edit.stdout
    assert edit.stderr.startswith(warning)
    assert "sofie" in edit.stderr  # the warning's sentence names the value
    assert say(language, "companies", "set", number, "--name", edit.stdout.split(": ")[0][13:],
               *at).stdout.endswith((": niets te wijzigen\n", " : rien à modifier\n",
                                     ": nothing to change\n"))  # fmt: skip
    first = say(language, "companies", "archive", number, *at).stdout
    assert archived in first
    assert undo in first
    assert again in say(language, "companies", "archive", number, *at).stdout
    assert restored in say(language, "companies", "restore", number, *at).stdout
    assert not_archived in say(language, "companies", "restore", number, *at).stdout


def test_companies_json_does_not_change_with_the_language(store: Path) -> None:
    number, at = "0239.518.140", ("--store", str(store))
    shown = [
        json.loads(
            say(lang, "companies", "set", number, "--responsible", who, *at, "--json").stdout
        )
        for lang, who in (("nl", "Sofie"), ("fr", "Sofie"))
    ]
    assert shown[1]["warnings"] == shown[0]["warnings"]  # English message and code
    assert shown[0]["warnings"][0]["code"] == "responsible.not_email"
    assert shown[0]["changed"][0]["field"] == "responsible"


@pytest.fixture
def documents_store(tmp_path: Path) -> tuple[str, Path]:
    """A store with one company without a responsible colleague, a fallback recipient and a
    Dutch alert language; and a request for information to ingest."""
    from govlink import Company, EnterpriseNumber
    from govlink.store import SQLiteStore
    from govlink.testing.documents import add_companies, sample_pdf

    store = str(tmp_path / "docs.db")
    with SQLiteStore(Path(store)) as opened:
        number = EnterpriseNumber.parse("0403.019.261")
        add_companies(opened, Company(enterprise_number=number, name="Acme NV"))
    say("en", "settings", "set", "fallback_recipient", "office@firm.be", "--store", store)
    say("en", "settings", "set", "alert_language", "nl", "--store", store)
    pdf = tmp_path / "vraag.pdf"
    pdf.write_bytes(sample_pdf(1))
    return store, pdf


INGEST_TEXT = {
    "nl": ("Bewaard (1)", "Geweigerd (0)", "Meldingen", "(reserve-ontvanger)",
           "alleen gelogd", "ontvanger"),
    "fr": ("Enregistrés (1)", "Refusés (0)", "Alertes", "(destinataire de", "journalisée",
           "destinataire"),
    "en": ("Stored (1)", "Rejected (0)", "Alerts", "office@firm.be (fallback)", "logged",
           "recipient"),
}  # fmt: skip


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_documents_and_alerts_speak_the_language(
    documents_store: tuple[str, Path], language: str
) -> None:
    store, pdf = documents_store
    ingest = ("documents", "ingest", str(pdf), "--company", "0403019261", "--store", store)
    shown = say(language, *ingest, "--kind", "request_for_information").stdout
    assert all(text in shown for text in INGEST_TEXT[language]), shown
    listed = say(language, "alerts", "--store", store).stdout
    assert INGEST_TEXT[language][3] in listed
    [alert] = json.loads(say(language, "alerts", "--store", store, "--json").stdout)["alerts"]
    assert alert["subject"] == "Vraag om inlichtingen voor Acme NV: actie nodig"  # alert_language
    assert alert["status"] == "logged"  # codes stay English


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("nl", "Het bestand is leeg. (the file is empty)"),
        ("fr", "Le fichier est vide. (the file is empty)"),
        ("en", "the file is empty"),
    ],
)
def test_a_refused_document_is_said_in_the_language(
    documents_store: tuple[str, Path], tmp_path: Path, language: str, said: str
) -> None:
    store, _ = documents_store
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    ingest = ("documents", "ingest", str(empty), "--company", "0403019261", "--store", store)
    shown = say(language, *ingest, "--kind", "other").stdout
    assert said in shown
    as_json = json.loads(say(language, *ingest, "--kind", "other", "--json").stdout)
    assert as_json["rejected"][0]["reasons"][0]["message"] == "the file is empty"


def test_an_alert_body_is_in_the_alert_language(documents_store: tuple[str, Path]) -> None:
    store, pdf = documents_store
    ingest = ("documents", "ingest", str(pdf), "--company", "0403019261", "--store", store)
    say("en", *ingest, "--kind", "request_for_information")
    from govlink.store import SQLiteStore

    with SQLiteStore(Path(store), read_only=True) as opened:
        [stored] = opened.alerts()
    body = stored.alert.message.splitlines()
    assert body[0] == (
        "Nieuw document: vraag om inlichtingen voor Acme NV (0403.019.261): er is actie nodig."
    )
    assert "Bestand: vraag.pdf" in body
    assert body[-1].startswith("Acme NV heeft geen verantwoordelijke, dus ging deze melding")


PUSH_TEXT = {
    "nl": ("adminpulse staat aan met labels GovLink: documenten ontvangen vanaf",
           "adminpulse: aan sinds", "0 wachtend", "Tegengehouden (opnieuw geprobeerd",
           "adminpulse staat uit", "adminpulse: uit"),
    "fr": ("adminpulse est activé avec les étiquettes GovLink : les documents reçus",
           "adminpulse: activé depuis", "0 en attente", "Retenus (réessayés",
           "adminpulse est désactivé", "adminpulse: désactivé"),
    "en": ("adminpulse is on with tags GovLink: documents received from",
           "adminpulse: on since", "0 pending", "Held (retried on the next run)",
           "adminpulse is off", "adminpulse: off"),
}  # fmt: skip


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_sink_and_push_status_speak_the_language(tmp_path: Path, language: str) -> None:
    on, status_on, counts, held, off, status_off = PUSH_TEXT[language]
    at = ("--store", str(tmp_path / "s.db"))
    assert on in say(language, "sink", "enable", "adminpulse", "--tags", "GovLink", *at).stdout
    status = say(language, "push", "--status", *at).stdout
    assert status_on in status
    assert counts in status
    assert held in status
    assert off in say(language, "sink", "disable", "adminpulse", *at).stdout
    assert status_off in say(language, "push", "--status", *at).stdout


@pytest.mark.parametrize(
    ("language", "removed", "not_set", "unknown"),
    [
        ("nl", "smtp_host verwijderd", "smtp_host is niet ingesteld", "Deze instelling bestaat"),
        ("fr", "smtp_host supprimé", "smtp_host n'est pas défini", "Ce paramètre n'existe pas"),
        ("en", "smtp_host removed", "smtp_host is not set", "unknown setting 'colour'"),
    ],
)
def test_settings_and_their_errors_speak_the_language(
    tmp_path: Path, language: str, removed: str, not_set: str, unknown: str
) -> None:
    at = ("--store", str(tmp_path / "s.db"))
    say(language, "settings", "set", "smtp_host", "mail.firm.be", *at)
    assert say(language, "settings", "unset", "smtp_host", *at).stdout == f"{removed}\n"
    missing = say(language, "settings", "get", "smtp_host", *at, code=1).stderr
    assert missing == f"govlink: error: {not_set}\n"
    refused = say(language, "settings", "set", "colour", "blue", *at, code=1).stderr
    assert refused.startswith(f"govlink: error: {unknown}")
    assert "unknown setting 'colour'; the settings are: " in refused  # the details stay
    assert len(refused.splitlines()) == 1


def test_a_known_error_code_is_said_in_the_language_with_its_details(store: Path) -> None:
    result = say("fr", "due", "--store", str(store), "--now", NOW, code=1)
    assert result.stderr == (
        "govlink: error: Il n'y a pas encore de planification : créez-en une avec govlink plan. "
        "(no sync plan saved yet: make one first)\n"
    )
    english = say("en", "due", "--store", str(store), "--now", NOW, code=1).stderr
    assert english == "govlink: error: no sync plan saved yet: make one first\n"


@pytest.mark.parametrize(
    ("language", "title", "origin"),
    [("nl", "Plug-ins", "herkomst"), ("fr", "Plug-ins", "origine"), ("en", "Plugins", "origin")],
)
def test_plugins_speak_the_language(language: str, title: str, origin: str) -> None:
    shown = say(language, "plugins").stdout
    assert shown.startswith(title)
    assert origin in shown
    assert "adminpulse" in shown


def test_no_to_the_question_is_said_in_the_language(store: Path, on_a_terminal: Any) -> None:
    done = on_a_terminal(
        ["--lang", "nl", "import", CLIENTS, "--store", str(store), "--apply"], answer=b"n\n"
    )
    screen = done.screen.decode(errors="replace")
    assert done.status == 1, screen
    assert "Zou toevoegen (10)" in screen
    assert "govlink: afgebroken" in screen


@pytest.mark.slow
def test_simulate_speaks_the_language(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "govlink",
            "--lang",
            "fr",
            "simulate",
            "adminis",
            "--companies",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "GOVLINK_STORE": str(tmp_path / "s.db")},
    )
    assert process.stdout is not None
    lines = [process.stdout.readline() for _ in range(2)]
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert lines[0].startswith("Simulateur Admin-IS sur http://127.0.0.1:")
    assert lines[0].endswith(" avec 2 clients.\n")
    assert lines[1] == "Faites pointer govlink dessus (dans un autre terminal) :\n"
    assert err == "Simulateur Admin-IS arrêté.\n"


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("nl", "'gisteren' is geen ISO-datum en -tijd"),
        ("fr", "'gisteren' n'est pas une date et heure ISO"),
        ("en", "'gisteren' is not an ISO date-time"),
    ],
)
def test_a_bad_option_value_is_said_in_the_language(store: Path, language: str, said: str) -> None:
    result = say(language, "plan", "--store", str(store), "--now", "gisteren", code=2)
    assert said in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bad_enterprise_number_argument_gets_the_reasons_sentence(store: Path) -> None:
    result = say("nl", "companies", "archive", "0417.497.107", "--store", str(store), code=2)
    assert "De controlecijfers kloppen niet: waarschijnlijk een tikfout in het nummer." in (
        result.stderr
    )
    assert "0417.497.107" in result.stderr  # the English detail names the value


def test_import_option_mistakes_are_said_in_the_language(store: Path) -> None:
    at = ("--store", str(store))
    token = say("nl", "import", CLIENTS, *at, "--token", "0" * 12, code=2).stderr
    assert "--token gaat alleen samen met --apply" in token
    clobber = say("fr", "import", CLIENTS, *at, "--report", str(store), code=2).stderr
    assert f"{store} est la base de données ({store}) ; l'écraser en détruirait le contenu" in (
        clobber
    )
    assert "est la base de données" not in say("en", "import", CLIENTS, *at, "--report",
                                               str(store), code=2).stderr  # fmt: skip
