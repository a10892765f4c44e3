"""The SMTP notifier: alerts by e-mail through stdlib smtplib (plain, STARTTLS or implicit TLS).

The settings come from the store (``govlink settings set smtp_host mail.firm.be`` ...); the
password comes from the environment (``GOVLINK_SMTP_PASSWORD``), like every secret, and never
reaches a log, a repr or an error message.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Mapping
from email.message import EmailMessage
from enum import StrEnum
from typing import Final

import attrs

from govlink.domain.alerts import Alert
from govlink.errors import ConfigurationError, RetriableConnectorError
from govlink.plugins import hookimpl

__all__ = [
    "PASSWORD_ENV",
    "SMTP_SETTINGS",
    "SmtpNotifier",
    "SmtpSettings",
    "TlsMode",
    "alert_message",
    "send_message",
]

SMTP_SETTINGS: Final = (
    "smtp_host",
    "smtp_port",
    "smtp_tls",
    "smtp_username",
    "smtp_sender",
    "smtp_ca_file",
    "smtp_timeout",
)
"""The store settings the SMTP notifier reads (``smtp_host`` switches it on)."""

PASSWORD_ENV: Final = "GOVLINK_SMTP_PASSWORD"
"""The environment variable holding the SMTP password."""

_LOG: Final = logging.getLogger("govlink.notifiers.smtp")

_DEFAULT_PORTS: Final = {"none": 25, "starttls": 587, "implicit": 465}


class TlsMode(StrEnum):
    """How the connection is encrypted."""

    NONE = "none"
    STARTTLS = "starttls"
    IMPLICIT = "implicit"


def _tls_mode(value: str) -> TlsMode:
    try:
        return TlsMode(value.strip().lower())
    except ValueError:
        choices = ", ".join(mode.value for mode in TlsMode)
        raise ConfigurationError(
            f"smtp_tls must be one of {choices}, not {value!r}", connector="smtp"
        ) from None


def _number(name: str, value: str, kind: type[int] | type[float]) -> int | float:
    try:
        number = kind(value)
    except ValueError:
        raise ConfigurationError(
            f"{name} must be a number, not {value!r}", connector="smtp"
        ) from None
    if number <= 0:
        raise ConfigurationError(f"{name} must be positive, not {value!r}", connector="smtp")
    return number


@attrs.frozen(kw_only=True)
class SmtpSettings:
    """Where and how to send: server, encryption, optional login and the sender address.

    :param ca_file: a PEM bundle to trust instead of the system's (for a private CA).
    """

    host: str
    port: int
    sender: str
    tls: TlsMode = TlsMode.STARTTLS
    username: str | None = None
    password: str | None = attrs.field(default=None, repr=False)
    ca_file: str | None = None
    timeout: float = 30.0

    @classmethod
    def from_settings(cls, settings: Mapping[str, str], environ: Mapping[str, str]) -> SmtpSettings:
        """Read the ``smtp_*`` settings and the password from ``environ``.

        :raises ConfigurationError: a setting is missing or unusable.
        """
        host = settings.get("smtp_host", "").strip()
        sender = settings.get("smtp_sender", "").strip()
        if not host or not sender:
            raise ConfigurationError(
                "the SMTP notifier needs the settings smtp_host and smtp_sender", connector="smtp"
            )
        tls = _tls_mode(settings.get("smtp_tls", TlsMode.STARTTLS.value))
        port = settings.get("smtp_port")
        timeout = settings.get("smtp_timeout")
        return cls(
            host=host,
            port=int(_number("smtp_port", port, int)) if port else _DEFAULT_PORTS[tls.value],
            sender=sender,
            tls=tls,
            username=settings.get("smtp_username") or None,
            password=environ.get(PASSWORD_ENV) or None,
            ca_file=settings.get("smtp_ca_file") or None,
            timeout=float(_number("smtp_timeout", timeout, float)) if timeout else 30.0,
        )

    def tls_context(self) -> ssl.SSLContext:
        """The TLS context that verifies the server (against ``ca_file`` when given)."""
        return ssl.create_default_context(cafile=self.ca_file)


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.tls is TlsMode.IMPLICIT:
        return smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=settings.tls_context()
        )
    client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    if settings.tls is TlsMode.STARTTLS:
        client.starttls(context=settings.tls_context())
    return client


def send_message(settings: SmtpSettings, message: EmailMessage) -> None:
    """Send one message, logging in first when a username is set.

    Raises :class:`~govlink.ConfigurationError` when the server refuses the login or the
    recipients, :class:`~govlink.RetriableConnectorError` when it cannot be reached.
    """
    if "From" not in message:
        message["From"] = settings.sender
    try:
        with _connect(settings) as client:
            if settings.username is not None:
                client.login(settings.username, settings.password or "")
            client.send_message(message)
    except smtplib.SMTPAuthenticationError as error:
        raise ConfigurationError(
            f"the SMTP server refused the login of {settings.username!r} ({error.smtp_code})",
            connector="smtp",
            status=error.smtp_code,
        ) from None
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused) as error:
        raise ConfigurationError(
            f"the SMTP server refused the message: {type(error).__name__}", connector="smtp"
        ) from None
    except ssl.SSLError as error:
        raise ConfigurationError(
            f"TLS with {settings.host}:{settings.port} failed: {error.reason}", connector="smtp"
        ) from None
    except (OSError, smtplib.SMTPException) as error:
        raise RetriableConnectorError(
            f"cannot send through {settings.host}:{settings.port}: {type(error).__name__}",
            connector="smtp",
        ) from None


def alert_message(alert: Alert, sender: str) -> EmailMessage:
    """The e-mail for an alert (it must have a recipient)."""
    if alert.recipient is None:
        raise ValueError("an alert without a recipient cannot be e-mailed")
    message = EmailMessage()
    message["From"] = sender
    message["To"] = alert.recipient
    message["Subject"] = alert.subject
    message.set_content(alert.message)
    return message


class SmtpNotifier:
    """A notifier plugin e-mailing each alert to its recipient.

    Register it on a registry (``registry.register(SmtpNotifier(settings), name="smtp")``); the
    workflows do so when ``smtp_host`` is set. An alert without a recipient is left to the
    other notifiers.
    """

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def __repr__(self) -> str:
        return f"SmtpNotifier({self.settings!r})"

    @hookimpl
    def govlink_notify(self, alert: Alert) -> None:
        """E-mail ``alert`` to ``alert.recipient``."""
        if alert.recipient is None:
            return
        send_message(self.settings, alert_message(alert, self.settings.sender))
        _LOG.info("alert %r e-mailed to %s", alert.subject, alert.recipient)
