"""The alerts workflow: set up the notifiers from the settings, and deliver stored alerts.

Alerts are stored with their document (status ``pending``) before anyone is told, so an alert
is never lost: a crash or a failing notifier leaves it ``pending`` / ``failed`` and the next
delivery hands it out again (each notifier may then see it twice).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from govlink.errors import PluginError
from govlink.notifiers.smtp import SmtpNotifier, SmtpSettings
from govlink.plugins.registry import Registry
from govlink.store.documents import AlertStatus, AlertStore, StoredAlert

__all__ = ["FALLBACK_RECIPIENT", "configure_notifiers", "deliver_alerts"]

FALLBACK_RECIPIENT = "fallback_recipient"
"""The setting naming the firm's fallback recipient for alerts."""


def configure_notifiers(
    registry: Registry, settings: Mapping[str, str], environ: Mapping[str, str]
) -> None:
    """Register the SMTP notifier (as ``smtp``) when the ``smtp_host`` setting is set.

    :raises ConfigurationError: the SMTP settings are incomplete or unusable.
    """
    if settings.get("smtp_host"):
        registry.register(SmtpNotifier(SmtpSettings.from_settings(settings, environ)), name="smtp")


def deliver_alerts(store: AlertStore, registry: Registry) -> list[StoredAlert]:
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
