"""Alerts routed to the responsible colleague or the fallback, through a real SMTP server."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

import govlink
from govlink import Company, DocumentKind, EnterpriseNumber
from govlink.notifiers.smtp.settings import PASSWORD_ENV
from govlink.plugins import Registry
from govlink.store import AlertStatus, SQLiteStore
from govlink.testing.documents import add_companies, sample_document
from govlink.testing.smtp import LoopbackSmtpServer
from govlink.workflows import deliver_alerts

WITH = EnterpriseNumber.parse("0403019261")
WITHOUT = EnterpriseNumber.parse("0417497106")
NOT_ON_PLATFORM = EnterpriseNumber.parse("0202239951")
SECRET = "hunter2-smtp-secret"


@pytest.fixture
def server() -> Iterator[LoopbackSmtpServer]:
    with LoopbackSmtpServer() as running:
        yield running


@pytest.fixture
def store(tmp_path: Path, server: LoopbackSmtpServer) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "govlink.db") as opened:
        add_companies(
            opened,
            Company(enterprise_number=WITH, name="Acme NV", responsible="an@firm.be"),
            Company(enterprise_number=WITHOUT, name="Bolt BV"),
        )
        for key, value in {
            "smtp_host": server.host,
            "smtp_port": str(server.port),
            "smtp_tls": "none",
            "smtp_sender": "govlink@firm.be",
        }.items():
            opened.set_setting(key, value)
        yield opened


def _registry(store: SQLiteStore) -> Registry:
    registry = Registry(entry_points=False)
    assert registry.open_notifiers(store.settings(), {}) == ("log", "smtp")
    return registry


def _request(serial: int, number: EnterpriseNumber) -> govlink.Document:
    return sample_document(serial, number, kind=DocumentKind.REQUEST_FOR_INFORMATION)


def test_alert_goes_to_the_responsible_colleague(
    store: SQLiteStore, server: LoopbackSmtpServer
) -> None:
    store.set_setting("fallback_recipient", "office@firm.be")
    report = govlink.ingest([_request(1, WITH)], store, _registry(store))
    assert [a.status for a in report.alerts] == [AlertStatus.SENT]
    [mail] = server.messages
    assert server.recipients == [["an@firm.be"]]
    assert mail["Subject"] == "Request for information for Acme NV: action needed"
    assert "responsible colleague" not in mail.get_content()


def test_without_responsible_the_fallback_gets_it_flagged(
    store: SQLiteStore, server: LoopbackSmtpServer
) -> None:
    store.set_setting("fallback_recipient", "office@firm.be")
    report = govlink.ingest(
        [_request(1, WITHOUT), _request(2, NOT_ON_PLATFORM)], store, _registry(store)
    )
    assert [a.alert.fallback for a in report.alerts] == [True, True]
    assert server.recipients == [["office@firm.be"], ["office@firm.be"]]
    first, second = (m.get_content() for m in server.messages)
    assert "Bolt BV has no responsible colleague" in first
    assert "company 0202.239.951 has no responsible colleague" in second


def test_nobody_to_tell_is_undeliverable_and_logged(
    store: SQLiteStore, server: LoopbackSmtpServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="govlink.alerts")
    report = govlink.ingest([_request(1, WITHOUT)], store, _registry(store))
    assert [a.status for a in report.alerts] == [AlertStatus.UNDELIVERABLE]
    assert server.messages == []
    assert "has no recipient" in caplog.text


def test_a_failed_alert_is_kept_and_sent_later(
    store: SQLiteStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with LoopbackSmtpServer() as gone:
        dead_port = gone.port
    store.set_setting("smtp_port", str(dead_port))
    store.set_setting("smtp_username", "bot")
    store.set_setting("smtp_allow_plaintext_login", "true")
    registry = Registry(entry_points=False)
    registry.open_notifiers(store.settings(), {PASSWORD_ENV: SECRET})
    report = govlink.ingest([_request(1, WITH)], store, registry)
    [failed] = report.alerts
    assert failed.status is AlertStatus.FAILED
    assert failed.error is not None
    assert "smtp" in failed.error
    with LoopbackSmtpServer(credentials=None) as back:
        store.set_setting("smtp_port", str(back.port))
        store.set_setting("smtp_username", None)
        [sent] = deliver_alerts(store, _registry(store))
        assert sent.status is AlertStatus.SENT
        assert len(back.messages) == 1
    assert SECRET not in caplog.text
    assert all(SECRET not in (a.error or "") for a in store.alerts())


def test_an_alert_only_the_log_had_is_logged_not_sent(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="govlink.alerts")
    with SQLiteStore(tmp_path / "log-only.db") as store:
        add_companies(
            store, Company(enterprise_number=WITH, name="Acme NV", responsible="an@firm.be")
        )
        registry = Registry(entry_points=False)
        assert registry.open_notifiers(store.settings(), {}) == ("log",)
        report = govlink.ingest([_request(1, WITH)], store, registry)
        assert [a.status for a in report.alerts] == [AlertStatus.LOGGED]
        assert [a.status for a in store.alerts()] == [AlertStatus.LOGGED]
        assert store.alerts({AlertStatus.SENT}) == []
    assert "to an@firm.be" in caplog.text


def test_with_no_notifier_on_an_alert_stays_pending(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "none.db") as store:
        add_companies(
            store, Company(enterprise_number=WITH, name="Acme NV", responsible="an@firm.be")
        )
        registry = Registry(entry_points=False, blocked=("log",))
        report = govlink.ingest([_request(1, WITH)], store, registry)
        [pending] = report.alerts
        assert pending.status is AlertStatus.PENDING
        assert pending.error is not None
        assert "no notifier" in pending.error
