"""The alert a sync raises once when the office has no mandate for a company.

It goes to the company's responsible colleague (else the firm's fallback recipient), like a
document alert: that colleague is the one who asks the client for the mandate.
"""

from __future__ import annotations

from govlink.domain.alert_routing import route_alert
from govlink.domain.alerts import Alert, AlertKind
from govlink.domain.company import Company
from govlink.i18n import DEFAULT_LANGUAGE, translator

__all__ = ["no_mandate_alert"]


def no_mandate_alert(
    company: Company, *, fallback: str | None, message: str, language: str | None = None
) -> Alert:
    """The ``sync_failed`` alert for ``company``: no (active) mandate on MyMinfin.

    :param fallback: the firm's fallback recipient setting.
    :param message: the portal's one line.
    :param language: the language of the subject and body (the ``alert_language`` setting;
        default en); ``message`` stays the portal's own words.
    """
    route = route_alert(responsible=company.responsible, fallback=fallback)
    number = company.enterprise_number.formatted
    t = translator(language or DEFAULT_LANGUAGE)
    lines = [
        t("alert.body.no_mandate", name=company.name, number=number, message=message),
        "",
        t("alert.body.ask_mandate"),
        t("alert.body.once"),
    ]
    if route.lacks_responsible:
        lines += ["", t("alert.body.unreachable", name=company.name)]
    return Alert(
        kind=AlertKind.SYNC_FAILED,
        enterprise_number=company.enterprise_number,
        company_name=company.name,
        recipient=route.recipient,
        fallback=route.lacks_responsible,
        subject=t("alert.subject.no_mandate", name=company.name, number=number),
        message="\n".join(lines),
    )
