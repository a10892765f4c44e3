"""The alerts workflow: hand stored alerts to the notifiers and record what became of them.

Alerts are stored with their document (status ``pending``) before anyone is told, so an alert
is never lost: a crash or a failing notifier leaves it ``pending`` / ``failed`` and the next
delivery hands it out again (each notifier may then see it twice). The notifiers are plugins
(``govlink_notifiers``); the edge opens them with their settings
(:meth:`~govlink.plugins.Registry.open_notifiers`).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from govlink.domain.alert_routing import Route, RouteBasis
from govlink.domain.alerts import Alert
from govlink.domain.documents import Document
from govlink.errors import PluginError
from govlink.i18n import DEFAULT_LANGUAGE, translator
from govlink.i18n.catalog import MESSAGES
from govlink.plugins.notifiers import NotifyOutcome
from govlink.plugins.registry import Registry
from govlink.store.documents import AlertStatus, AlertStore, StoredAlert

__all__ = ["ALERT_LANGUAGE", "FALLBACK_RECIPIENT", "alert_status", "deliver_alerts", "localised"]

FALLBACK_RECIPIENT = "fallback_recipient"
"""The setting naming the firm's fallback recipient for alerts."""
ALERT_LANGUAGE = "alert_language"
"""The setting choosing the language of alerts, subject and body (nl, fr or en; default en)."""


def localised(
    alert: Alert, document: Document, language: str | None, *, route: Route | None = None
) -> Alert:
    """A document alert whose subject and body are in ``language`` (the
    :data:`ALERT_LANGUAGE` setting); a kind govlink does not know keeps the portal's own
    label. ``route`` (where the alert went) says which note a fallback alert carries; without
    it a fallback alert says the company has no responsible colleague."""
    t = translator(language or DEFAULT_LANGUAGE)
    key = f"alert.kind.{document.kind.value}"
    label = document.kind_label
    known = key in MESSAGES
    kind = t(key) if known else label[:1].upper() + label[1:]
    name, number = alert.company_name, document.enterprise_number.formatted
    lines = [
        t("alert.body.document", kind=kind.lower() if known else label, name=name, number=number),
        "",
        t("alert.body.title", title=document.title),
        t("alert.body.file", file=document.file_name),
    ]
    if document.document_date is not None:
        lines.append(t("alert.body.date", date=document.document_date.isoformat()))
    lines.append(t("alert.body.received", received=document.received_at.isoformat("T", "seconds")))
    if alert.fallback:
        bad = route is not None and route.basis is RouteBasis.FALLBACK_BAD_ADDRESS
        note = "alert.body.bad_responsible" if bad else "alert.body.no_responsible"
        lines += ["", t(note, name=name)]
    subject = t("alert.subject.document", kind=kind, name=name)
    return attrs.evolve(alert, subject=subject, message="\n".join(lines))


_NOBODY = "no notifier is on (the log notifier is blocked)"


def alert_status(alert: Alert, outcomes: Mapping[str, NotifyOutcome]) -> AlertStatus:
    """What the notifiers' ``outcomes`` make of ``alert``: ``sent`` only when a delivering
    notifier (SMTP) accepted it; ``undeliverable`` when it has no recipient; ``logged`` when
    only a notifier that tells nobody (the log) had it; ``pending`` when none handled it.
    """
    handled = set(outcomes.values())
    if NotifyOutcome.DELIVERED in handled:
        return AlertStatus.SENT
    if alert.recipient is None:
        return AlertStatus.UNDELIVERABLE
    return AlertStatus.LOGGED if NotifyOutcome.LOGGED in handled else AlertStatus.PENDING


def deliver_alerts(store: AlertStore, registry: Registry) -> list[StoredAlert]:
    """Hand every pending or failed alert to the notifiers and record how it went
    (:func:`alert_status`); one a notifier failed on becomes ``failed`` with that notifier's
    one-line error.

    :returns: the alerts handled, with their new status.
    """
    handled = []
    for stored in store.alerts({AlertStatus.PENDING, AlertStatus.FAILED}):
        problem: str | None = None
        try:
            status = alert_status(stored.alert, registry.notify(stored.alert))
        except PluginError as error:
            status, problem = AlertStatus.FAILED, error.message
        if status is AlertStatus.PENDING:
            problem = _NOBODY
        store.mark_alert(stored.id, status, problem)
        handled.append(attrs.evolve(stored, status=status, error=problem))
    return handled
