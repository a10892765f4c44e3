"""govlink.ingest: store once, reject bad documents with reasons, alert, queue for sinks."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import attrs
import pytest

import govlink
from govlink import Company, Document, DocumentKind, EnterpriseNumber
from govlink.domain.forwarding import SinkSwitch
from govlink.errors import ConfigurationError
from govlink.plugins import Registry
from govlink.store import AlertStatus, SQLiteStore
from govlink.testing.documents import add_companies, sample_document, sample_pdf
from govlink.workflows.settings import set_setting

NUMBER = EnterpriseNumber.parse("0403019261")
NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "govlink.db") as opened:
        add_companies(
            opened, Company(enterprise_number=NUMBER, name="Acme NV", responsible="an@firm.be")
        )
        yield opened


@pytest.fixture
def registry() -> Registry:
    return Registry(entry_points=False)


def _doc(data: bytes, **changes: object) -> Document:
    document = Document.from_content(
        data,
        enterprise_number=NUMBER,
        kind="assessment_notice",
        file_name="a.pdf",
        received_at=NOW,
        content_type="application/pdf",
    )
    return attrs.evolve(document, **changes)


def test_bad_documents_are_rejected_while_the_rest_goes_on(
    store: SQLiteStore, registry: Registry
) -> None:
    good = [sample_document(n, NUMBER, received_at=NOW) for n in range(3)]
    bad = [
        _doc(b""),
        _doc(b"\x89PNG\r\n\x1a\n....", file_name="x.pdf"),
        _doc(sample_pdf(9), file_name="../escape.pdf"),
        _doc(sample_pdf(10), file_name="CON.pdf"),
        _doc(sample_pdf(11), file_name="a\tb.pdf"),
        _doc(sample_pdf(12), sha256="0" * 64),
        _doc(sample_pdf(13), content=None, path=None),
    ]
    report = govlink.ingest([good[0], *bad[:4], good[1], *bad[4:], good[2]], store, registry)
    assert [s.document.sha256 for s in report.stored] == [d.sha256 for d in good]
    reasons = [[p.code.value for p in r.problems] for r in report.rejected]
    assert reasons == [
        ["document.empty"],
        ["document.content_type_mismatch"],
        ["file_name.path_separator"],
        ["file_name.reserved"],
        ["file_name.control_character"],
        ["document.integrity"],
        ["document.unreadable"],
    ]
    assert len(store.documents()) == 3


def test_size_limit_setting(store: SQLiteStore, registry: Registry) -> None:
    store.set_setting("max_document_size", "10")
    report = govlink.ingest([sample_document(1, NUMBER)], store, registry)
    assert [p.code.value for p in report.rejected[0].problems] == ["document.too_large"]
    store.set_setting("max_document_size", "lots")
    with pytest.raises(govlink.ConfigurationError, match="max_document_size"):
        govlink.ingest([], store, registry)


def test_each_document_is_stored_once(store: SQLiteStore, registry: Registry) -> None:
    document = sample_document(1, NUMBER)
    first = govlink.ingest([document, document], store, registry)
    again = govlink.ingest([document], store, registry)
    assert (len(first.stored), len(first.duplicates)) == (1, 1)
    assert (len(again.stored), len(again.duplicates)) == (0, 1)


def test_documents_from_a_path_and_sniffed_type(
    store: SQLiteStore, registry: Registry, tmp_path: Path
) -> None:
    path = tmp_path / "aanslag.pdf"
    path.write_bytes(sample_pdf(5))
    document = _doc(
        sample_pdf(5), content=None, path=str(path), content_type="application/octet-stream"
    )
    missing = _doc(sample_pdf(6), content=None, path=str(tmp_path / "gone.pdf"))
    report = govlink.ingest([document, missing], store, registry)
    [stored] = report.stored
    assert stored.document.content_type == "application/pdf"
    assert store.document(stored.id).content == sample_pdf(5)
    assert "cannot be read" in report.rejected[0].problems[0].message


def test_documents_needing_action_raise_one_alert(
    store: SQLiteStore, registry: Registry, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="govlink.alerts")
    request = sample_document(1, NUMBER, kind=DocumentKind.REQUEST_FOR_INFORMATION)
    adjustment = sample_document(2, NUMBER, kind=DocumentKind.NOTICE_OF_ADJUSTMENT)
    notice = sample_document(3, NUMBER, kind=DocumentKind.ASSESSMENT_NOTICE)
    report = govlink.ingest([request, adjustment, notice, request], store, registry)
    assert [a.alert.document_sha256 for a in report.alerts] == [request.sha256, adjustment.sha256]
    assert {a.status for a in report.alerts} == {AlertStatus.LOGGED}  # only the log notifier is on
    assert all(a.alert.recipient == "an@firm.be" for a in report.alerts)
    assert "Request for information for Acme NV" in caplog.text
    assert govlink.ingest([], store, registry).alerts == ()


def test_outbox_entries_for_enabled_sinks_only_after_the_watermark(
    store: SQLiteStore, registry: Registry
) -> None:
    store.save_sink_switch(SinkSwitch.off("adminpulse").switched_on(NOW))
    early = sample_document(1, NUMBER, received_at=NOW - timedelta(seconds=1))
    late = sample_document(2, NUMBER, received_at=NOW)
    report = govlink.ingest([early, late], store, registry)
    assert [s.queued_for for s in report.stored] == [(), ("adminpulse",)]


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        (None, "Request for information for Acme NV: action needed"),
        ("nl", "Vraag om inlichtingen voor Acme NV: actie nodig"),
        ("fr", "Demande de renseignements pour Acme NV : action requise"),
    ],
)
def test_alert_subjects_follow_the_alert_language_setting(
    store: SQLiteStore, registry: Registry, language: str | None, subject: str
) -> None:
    if language is not None:
        set_setting(store, Registry(), "alert_language", language)
    request = sample_document(1, NUMBER, kind=DocumentKind.REQUEST_FOR_INFORMATION)
    [alert] = govlink.ingest([request], store, registry).alerts
    assert alert.alert.subject == subject


def test_an_unknown_alert_language_is_refused(store: SQLiteStore) -> None:
    with pytest.raises(ConfigurationError, match="alert_language must be one of"):
        set_setting(store, Registry(), "alert_language", "de")
