"""``govlink sync``, ``serve`` and the ``--store`` refusal in Dutch, French and English
(issue 17, point 5); ``--json`` stays the same in every language."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from govlink.cli import main

from .conftest import NOW, Portal

REPORT = {
    "nl": ("sync-ronde: ", " synchronisaties (", "geen mandaat", " nieuwe documenten"),
    "fr": ("passage de synchronisation : ", " synchronisations (", "pas de mandat", " nouveaux"),
    "en": ("sync run: ", " syncs (", "no mandate", " new documents"),
}
STATUS = {
    "nl": (
        "MyMinfin-synchronisatie op ",
        "Geen mandaat (2)",
        "Ondernemingen (6)",
        ("ondernemingsnummer", "laatste sync", "resultaat", "volgende sync"),
        "achterstand: 0 te doen",
        "mislukt: ",
        "geen mandaat",
    ),
    "fr": (
        "Synchronisation MyMinfin au ",
        "Sans mandat (2)",
        "Entreprises (6)",
        ("numéro d'entreprise", "dernière synchro", "résultat", "prochaine synchro"),
        "retard : 0 à faire",
        "échecs : ",
        "pas de mandat",
    ),
    "en": (
        "MyMinfin sync at ",
        "No mandate (2)",
        "Companies (6)",
        ("enterprise number", "last sync", "outcome", "next sync"),
        "backlog: 0 due",
        "failures: ",
        "no mandate",
    ),
}
DAYS = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "fr": ("lun", "mar", "mer", "jeu", "ven", "sam", "dim"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def sync(portal: Portal, language: str, *args: str) -> Result:
    command = ["--lang", language, "sync", *args, "--store", str(portal.store)]
    result = CliRunner(env=portal.env).invoke(main, command)
    assert result.exit_code == 0, result.stderr
    return result


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_sync_run_and_status_speak_the_language_of_lang(portal: Portal, language: str) -> None:
    ran = sync(portal, language, "run", "--until", NOW.isoformat()).stdout
    assert all(part in ran for part in REPORT[language]), ran
    status = sync(portal, language, "status", "--now", NOW.isoformat()).stdout
    title, no_mandate, companies, columns, backlog, failures, outcome = STATUS[language]
    assert status.startswith(title)
    day = status.removeprefix(title).split()[0]
    assert day == DAYS[language][NOW.astimezone().weekday()]
    for expected in (no_mandate, companies, *columns, backlog):
        assert expected in status, (expected, status)
    assert re.search(rf"{failures}\d+ {outcome} ?;", status), status
    assert "no_mandate" not in status  # the code is kept for --json


def test_sync_json_is_the_same_in_every_language(portal: Portal) -> None:
    documents = {
        language: json.loads(
            sync(portal, language, "status", "--now", NOW.isoformat(), "--json").stdout
        )
        for language in ("nl", "fr", "en")
    }
    assert documents["nl"] == documents["fr"] == documents["en"]
    assert documents["nl"]["companies"][0]["last_outcome"] is None


START = {
    "nl": "govlink web: open http://127.0.0.1:{port}/?token=",
    "fr": "govlink web : ouvrez http://127.0.0.1:{port}/?token=",
    "en": "govlink web: open http://127.0.0.1:{port}/?token=",
}
STOPS = {"nl": "(Ctrl-C stopt het)", "fr": "(Ctrl-C l'arrête)", "en": "(Ctrl-C stops it)"}


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_serve_prints_its_start_line_in_the_language_of_lang(tmp_path: Path, language: str) -> None:
    pytest.importorskip("uvicorn")
    with socket.socket() as taken:  # the port is busy: the server stops right after the line
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = ["--lang", language, "serve", "--store", str(tmp_path / "s.db"), "--port", str(port)]
        result = CliRunner().invoke(main, args)
    assert result.exit_code != 0
    line = result.stdout.splitlines()[0]
    assert line.startswith(START[language].format(port=port))
    assert line.endswith(STOPS[language])


REFUSAL = {
    "nl": "is een map, geen opslagbestand",
    "fr": "est un dossier, pas un fichier de base de données",
    "en": "is a directory, not a store file",
}


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_folder_as_store_is_refused_in_the_language_of_lang(
    tmp_path: Path, language: str
) -> None:
    result = CliRunner().invoke(
        main, ["--lang", language, "companies", "list", "--store", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert f"'{tmp_path}' {REFUSAL[language]}" in result.stderr
