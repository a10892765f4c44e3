"""The SMTP notifier: alerts by e-mail through stdlib smtplib (plain, STARTTLS or implicit TLS).

The password never reaches a log, a repr or an error message.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage
from typing import Final

from govlink.domain.alerts import Alert
from govlink.errors import ConfigurationError, RetriableConnectorError
from govlink.notifiers.smtp.settings import SmtpSettings, TlsMode
from govlink.plugins.notifiers import NotifyOutcome

__all__ = ["SmtpNotifier", "alert_message", "send_message"]

_LOG: Final = logging.getLogger("govlink.notifiers.smtp")


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
    """A notifier e-mailing each alert to its recipient (the ``smtp`` plugin opens it when
    ``smtp_host`` is set). An alert without a recipient is left to the other notifiers."""

    name = "smtp"

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def __repr__(self) -> str:
        return f"SmtpNotifier({self.settings!r})"

    def notify(self, alert: Alert) -> NotifyOutcome:
        """E-mail ``alert`` to ``alert.recipient``: delivered once the server accepted it."""
        if alert.recipient is None:
            return NotifyOutcome.SKIPPED
        send_message(self.settings, alert_message(alert, self.settings.sender))
        _LOG.info("alert %r e-mailed to %s", alert.subject, alert.recipient)
        return NotifyOutcome.DELIVERED
