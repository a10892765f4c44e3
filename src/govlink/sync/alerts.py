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
    :param language: the language of the subject (the ``alert_language`` setting; default en).
    """
    route = route_alert(responsible=company.responsible, fallback=fallback)
    number = company.enterprise_number.formatted
    lines = [
        f"govlink cannot read MyMinfin for {company.name} ({number}): {message}.",
        "",
        "Ask the client for a mandate for the office (FOD Financiën, role "
        '"FODFin Mandaatuitvoerder"); the weekly sync picks the documents up once it is active.',
        "You get this message once; govlink sync status lists the companies without a mandate.",
    ]
    if route.lacks_responsible:
        lines += ["", f"{company.name} has no reachable responsible colleague."]
    return Alert(
        kind=AlertKind.SYNC_FAILED,
        enterprise_number=company.enterprise_number,
        company_name=company.name,
        recipient=route.recipient,
        fallback=route.lacks_responsible,
        subject=translator(language or DEFAULT_LANGUAGE)(
            "alert.subject.no_mandate", name=company.name, number=number
        ),
        message="\n".join(lines),
    )
