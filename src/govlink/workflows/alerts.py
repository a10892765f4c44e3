"""The alerts workflow: set up the notifiers from the settings, and deliver stored alerts.

Alerts are stored with their document (status ``pending``) before anyone is told, so an alert
is never lost: a crash or a failing notifier leaves it ``pending`` / ``failed`` and the next
delivery hands it out again (each notifier may then see it twice).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from govlink.domain.alerts import Alert
from govlink.domain.documents import Document
from govlink.errors import PluginError
from govlink.i18n import DEFAULT_LANGUAGE, translator
from govlink.i18n.catalog import MESSAGES
from govlink.notifiers.smtp import SmtpNotifier, SmtpSettings
from govlink.plugins.registry import Registry
from govlink.store.documents import AlertStatus, DocumentStore, StoredAlert

__all__ = [
    "ALERT_LANGUAGE",
    "FALLBACK_RECIPIENT",
    "configure_notifiers",
    "deliver_alerts",
    "localised",
]

FALLBACK_RECIPIENT = "fallback_recipient"
"""The setting naming the firm's fallback recipient for alerts."""
ALERT_LANGUAGE = "alert_language"
"""The setting choosing the language of alert subjects (``nl``, ``fr`` or ``en``; default en)."""


def localised(alert: Alert, document: Document, language: str | None) -> Alert:
    """A document alert whose subject is in ``language`` (the :data:`ALERT_LANGUAGE`
    setting); a kind govlink does not know keeps the portal's own label."""
    t = translator(language or DEFAULT_LANGUAGE)
    key = f"alert.kind.{document.kind.value}"
    label = document.kind_label
    kind = t(key) if key in MESSAGES else label[:1].upper() + label[1:]
    subject = t("alert.subject.document", kind=kind, name=alert.company_name)
    return attrs.evolve(alert, subject=subject)


def configure_notifiers(
    registry: Registry, settings: Mapping[str, str], environ: Mapping[str, str]
) -> None:
    """Register the SMTP notifier (as ``smtp``) when the ``smtp_host`` setting is set.

    :raises ConfigurationError: the SMTP settings are incomplete or unusable.
    """
    if settings.get("smtp_host"):
        registry.register(SmtpNotifier(SmtpSettings.from_settings(settings, environ)), name="smtp")


def deliver_alerts(store: DocumentStore, registry: Registry) -> list[StoredAlert]:
    """Hand every pending or failed alert to the notifiers and record how it went.

    An alert with a recipient becomes ``sent``; one with nobody to send it to is still handed
    to the notifiers (the log records it) and becomes ``undeliverable``; one a notifier failed
    on becomes ``failed`` with that notifier's one-line error.

    :returns: the alerts handled, with their new status.
    """
    handled = []
    for stored in store.alerts({AlertStatus.PENDING, AlertStatus.FAILED}):
        problem: str | None = None
        try:
            registry.notify(stored.alert)
        except PluginError as error:
            status, problem = AlertStatus.FAILED, error.message
        else:
            sent = stored.alert.recipient is not None
            status = AlertStatus.SENT if sent else AlertStatus.UNDELIVERABLE
        store.mark_alert(stored.id, status, problem)
        handled.append(attrs.evolve(stored, status=status, error=problem))
    return handled
