"""The CLI for documents, alerts, settings and sinks; --json output matches docs/documents.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from govlink import Company, EnterpriseNumber
from govlink.cli import main
from govlink.store import SQLiteStore
from govlink.testing.documents import add_companies, sample_pdf


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output + result.stderr
    return result.stdout if code == 0 else result.stderr


@pytest.fixture
def store(tmp_path: Path) -> str:
    return str(tmp_path / "govlink.db")


def test_ingest_json_matches_the_documented_schema(
    store: str, tmp_path: Path, documented_schema: Any
) -> None:
    schema = documented_schema("documents.md", "ingest")
    (tmp_path / "vraag.pdf").write_bytes(sample_pdf(1))
    (tmp_path / "fake.pdf").write_bytes(b"PK\x03\x04 not a pdf")
    (tmp_path / "empty.txt").write_bytes(b"")
    with SQLiteStore(Path(store)) as opened:
        number = EnterpriseNumber.parse("0403.019.261")
        add_companies(opened, Company(enterprise_number=number, name="Acme NV"))
    run("settings", "set", "fallback_recipient", "office@firm.be", "--store", store)
    args = [
        "documents",
        "ingest",
        "--company",
        "BE 0403.019.261",
        "--kind",
        "request_for_information",
        "--date",
        "2026-04-30",
        "--store",
        store,
        "--json",
    ]
    files = [str(tmp_path / n) for n in ("vraag.pdf", "fake.pdf", "empty.txt", "gone.pdf")]
    document = json.loads(run(*args, *files))
    jsonschema.validate(document, schema)
    assert [s["file_name"] for s in document["stored"]] == ["vraag.pdf"]
    assert document["stored"][0]["enterprise_number"] == "0403019261"
    reasons = {Path(r["name"]).name: r["reasons"][0]["code"] for r in document["rejected"]}
    assert reasons == {
        "gone.pdf": "document.unreadable",
        "fake.pdf": "document.content_type_mismatch",
        "empty.txt": "document.empty",
    }
    [alert] = document["alerts"]
    assert (alert["recipient"], alert["fallback"], alert["status"]) == (
        "office@firm.be",
        True,
        "logged",  # only the log notifier is on: nobody was told, so not "sent"
    )
    again = json.loads(run(*args, files[0]))
    assert [d["file_name"] for d in again["duplicates"]] == ["vraag.pdf"]
    listed = json.loads(run("alerts", "--json", "--store", store))
    assert len(listed["alerts"]) == 1
    alert_schema = {"$defs": schema["$defs"], "$ref": "#/$defs/alert"}
    jsonschema.validate(listed["alerts"][0], alert_schema)
    assert listed["alerts"][0]["status"] == "logged"
    table = run("alerts", "--store", store)
    assert "office@firm.be (fallback)" in table
    assert "logged" in table
    assert "sent" not in table


def test_ingest_refuses_a_bad_company_number(store: str, tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(sample_pdf(1))
    error = run(
        "documents",
        "ingest",
        str(tmp_path / "a.pdf"),
        "--company",
        "0403019262",
        "--kind",
        "other",
        "--store",
        store,
        code=2,
    )
    assert "checksum" in error or "not a valid" in error


def test_settings(store: str) -> None:
    run("settings", "set", "smtp_host", "mail.firm.be", "--store", store)
    assert json.loads(run("settings", "get", "--json", "--store", store)) == {
        "settings": {"smtp_host": "mail.firm.be"}
    }
    assert run("settings", "get", "smtp_host", "--store", store).strip() == "mail.firm.be"
    assert "smtp_host = mail.firm.be" in run("settings", "get", "--store", store)
    run("settings", "unset", "smtp_host", "--store", store)
    assert "not set" in run("settings", "get", "smtp_host", "--store", store, code=1)
    assert "secret" in run("settings", "set", "smtp_password", "x", "--store", store, code=1)
    assert "e-mail" in run(
        "settings", "set", "fallback_recipient", "nope", "--store", store, code=1
    )
    assert "positive" in run("settings", "set", "max_document_size", "0", "--store", store, code=1)


@pytest.mark.parametrize(
    ("key", "variable"),
    [
        ("smtp_password", "GOVLINK_SMTP_PASSWORD"),
        ("smtp_api_key", "GOVLINK_SMTP_API_KEY"),
        ("adminpulse_token", "GOVLINK_ADMINPULSE_TOKEN"),
    ],
)
def test_settings_never_stores_a_credential(store: str, key: str, variable: str) -> None:
    error = run("settings", "set", key, "hunter2", "--store", store, code=1)
    assert "secret" in error
    assert variable in error
    assert "hunter2" not in error
    with SQLiteStore(Path(store), read_only=True) as opened:
        assert opened.settings() == {}


def test_settings_refuses_an_unknown_key_listing_the_known_ones(store: str) -> None:
    error = run("settings", "set", "smtp_hots", "mail.firm.be", "--store", store, code=1)
    assert "unknown setting 'smtp_hots'" in error
    for known in ("smtp_host", "smtp_tls", "fallback_recipient", "sync_fetcher"):
        assert known in error
    assert "smtp_password" not in error
    with SQLiteStore(Path(store), read_only=True) as opened:
        assert opened.settings() == {}
    assert "one of true, false" in run(
        "settings", "set", "smtp_allow_plaintext_login", "yes", "--store", store, code=1
    )


def test_settings_output_escapes_control_characters(store: str) -> None:
    hostile = "mail.firm.be\x1b]0;pwned\x07\u202e"
    with SQLiteStore(Path(store)) as opened:  # as another tool or an old govlink may have left it
        opened.set_setting("smtp_host", hostile)
    for shown in (
        run("settings", "get", "--store", store),
        run("settings", "get", "smtp_host", "--store", store),
        run("settings", "get", "--json", "--store", store),
    ):
        assert "\x1b" not in shown
        assert "\u202e" not in shown
        assert "\x07" not in shown
    assert json.loads(run("settings", "get", "--json", "--store", store)) == {
        "settings": {"smtp_host": hostile}
    }
    assert "\x1b" not in run("settings", "set", "smtp_host", hostile, "--store", store)


def test_sink_switch_and_status(store: str) -> None:
    assert "unknown sink" in run("sink", "enable", "dropbox", "--store", store, code=1)
    shown = run("sink", "enable", "adminpulse", "--tags", "GovLink, MyMinfin", "--store", store)
    assert "adminpulse is on with tags GovLink, MyMinfin" in shown
    status = json.loads(run("push", "--status", "--json", "--store", store))
    assert (status["enabled"], status["tags"], status["counts"]["pending"]) == (
        True,
        ["GovLink", "MyMinfin"],
        0,
    )
    assert "off" in run("sink", "disable", "adminpulse", "--store", store)
    assert "adminpulse: off" in run("push", "--status", "--store", store)
