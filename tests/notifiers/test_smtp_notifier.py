"""The SMTP transport against a real SMTP server on 127.0.0.1: plain, STARTTLS, implicit TLS."""

from __future__ import annotations

import logging
import ssl
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
import trustme

from govlink.errors import ConfigurationError, RetriableConnectorError
from govlink.notifiers.smtp import SPEC
from govlink.notifiers.smtp.notifier import SmtpNotifier, send_message
from govlink.notifiers.smtp.settings import PASSWORD_ENV, SmtpSettings, TlsMode
from govlink.plugins import NotifierOptions
from govlink.testing.smtp import LoopbackSmtpServer

SECRET = "s3cr3t-Pa55word"


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def ca_file(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture(scope="module")
def server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


def message(to: str = "an@firm.be") -> EmailMessage:
    mail = EmailMessage()
    mail["To"] = to
    mail["Subject"] = "Vraag om inlichtingen"
    mail.set_content("body")
    return mail


def settings(server: LoopbackSmtpServer, **overrides: object) -> SmtpSettings:
    values: dict[str, object] = {
        "host": server.host,
        "port": server.port,
        "sender": "govlink@firm.be",
        "tls": TlsMode.NONE,
    }
    values.update(overrides)
    return SmtpSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def plain() -> Iterator[LoopbackSmtpServer]:
    with LoopbackSmtpServer() as server:
        yield server


def test_plain_delivery(plain: LoopbackSmtpServer) -> None:
    send_message(settings(plain), message())
    [received] = plain.messages
    assert received["To"] == "an@firm.be"
    assert received["From"] == "govlink@firm.be"
    assert plain.recipients == [["an@firm.be"]]


@pytest.mark.parametrize("tls", [TlsMode.STARTTLS, TlsMode.IMPLICIT])
def test_tls_with_login(server_context: ssl.SSLContext, ca_file: str, tls: TlsMode) -> None:
    mode = "starttls" if tls is TlsMode.STARTTLS else "implicit_tls"
    options = {mode: server_context}
    with LoopbackSmtpServer(credentials=("bot", SECRET), **options) as server:
        config = settings(server, tls=tls, username="bot", password=SECRET, ca_file=ca_file)
        send_message(config, message())
    assert server.logins == ["bot"]
    assert len(server.messages) == 1


def test_untrusted_certificate_is_a_configuration_error(server_context: ssl.SSLContext) -> None:
    with (
        LoopbackSmtpServer(implicit_tls=server_context) as server,
        pytest.raises(ConfigurationError, match="TLS"),
    ):
        send_message(settings(server, tls=TlsMode.IMPLICIT), message())
    assert server.messages == []


def test_wrong_password_never_shows_the_secret(
    server_context: ssl.SSLContext, ca_file: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = SECRET + "-wrong"
    with LoopbackSmtpServer(starttls=server_context, credentials=("bot", SECRET)) as server:
        config = settings(
            server, tls=TlsMode.STARTTLS, username="bot", password=wrong, ca_file=ca_file
        )
        with pytest.raises(ConfigurationError) as caught:
            send_message(config, message())
    assert server.messages == []
    for text in (str(caught.value), repr(caught.value), repr(config), caplog.text):
        assert wrong not in text
        assert SECRET not in text


def test_unreachable_server_is_retriable() -> None:
    with LoopbackSmtpServer() as server:
        port = server.port
    config = SmtpSettings(
        host="127.0.0.1", port=port, sender="a@firm.be", tls=TlsMode.NONE, timeout=2
    )
    with pytest.raises(RetriableConnectorError):
        send_message(config, message())


def test_settings_from_the_store() -> None:
    stored = {
        "smtp_host": "mail.firm.be",
        "smtp_sender": "g@firm.be",
        "smtp_tls": "Implicit",
        "smtp_username": "bot",
        "smtp_password": "stored-is-ignored",
    }
    options = SPEC.options(stored, {PASSWORD_ENV: SECRET})
    config = SmtpSettings.from_settings(options.settings)
    assert (config.port, config.tls, config.password) == (465, TlsMode.IMPLICIT, SECRET)
    assert SECRET not in repr(config)
    assert SECRET not in repr(SmtpNotifier(config))
    assert (
        SmtpSettings.from_settings(
            {"smtp_host": "h", "smtp_sender": "g@firm.be", "smtp_tls": "none", "smtp_port": "2525"}
        ).port
        == 2525
    )


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"smtp_host": "h"},
        {"smtp_host": "h", "smtp_sender": "g@f.be", "smtp_tls": "ssl3"},
        {"smtp_host": "h", "smtp_sender": "g@f.be", "smtp_port": "x"},
        {"smtp_host": "h", "smtp_sender": "g@f.be", "smtp_port": "-1"},
        {"smtp_host": "h", "smtp_sender": "g@f.be", "smtp_timeout": "0"},
    ],
)
def test_unusable_settings(values: dict[str, str]) -> None:
    with pytest.raises(ConfigurationError):
        SmtpSettings.from_settings(values)


def test_the_plugin_is_off_without_a_host() -> None:
    assert SPEC.open(NotifierOptions()) is None
    assert [s.key for s in SPEC.settings if s.secret] == ["smtp_password"]


@pytest.mark.parametrize("tls", ["none", "NONE "])
def test_a_login_over_a_plain_connection_is_refused(tls: str) -> None:
    values = {
        "smtp_host": "mail.firm.be",
        "smtp_sender": "g@firm.be",
        "smtp_tls": tls,
        "smtp_username": "bot",
        "smtp_password": SECRET,
    }
    with pytest.raises(ConfigurationError, match="smtp_allow_plaintext_login") as caught:
        SmtpSettings.from_settings(values)
    assert SECRET not in str(caught.value)
    with pytest.raises(ConfigurationError):
        SmtpSettings(host="h", port=25, sender="g@firm.be", tls=TlsMode.NONE, username="bot")


def test_an_allowed_plaintext_login_is_warned_about_and_works(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="govlink.notifiers.smtp")
    with LoopbackSmtpServer(credentials=("bot", SECRET)) as server:
        values = {
            "smtp_host": server.host,
            "smtp_port": str(server.port),
            "smtp_sender": "g@firm.be",
            "smtp_tls": "none",
            "smtp_username": "bot",
            "smtp_allow_plaintext_login": "true",
        }
        notifier = SPEC.open(SPEC.options(values, {PASSWORD_ENV: SECRET}))
        assert isinstance(notifier, SmtpNotifier)
        send_message(notifier.settings, message())
    assert server.logins == ["bot"]
    assert "password is sent unencrypted" in caplog.text
    assert SECRET not in caplog.text


def test_without_a_login_a_plain_connection_needs_no_permission(
    plain: LoopbackSmtpServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="govlink.notifiers.smtp")
    send_message(settings(plain), message())
    assert len(plain.messages) == 1
    assert caplog.text == ""
