"""Who receives a company's alert, and what it says.

An alert goes to the company's responsible colleague, else to the firm's fallback recipient,
and then the alert says that the company lacks a responsible colleague.

>>> route_alert(responsible="an@firm.be", fallback="office@firm.be")
Route(recipient='an@firm.be', basis=<RouteBasis.RESPONSIBLE: 'responsible'>)
>>> route_alert(responsible=None, fallback="office@firm.be").lacks_responsible
True
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

import attrs

from govlink.domain import normalize
from govlink.domain.alerts import Alert, AlertKind
from govlink.domain.documents import Document, DocumentKind

__all__ = ["Route", "RouteBasis", "document_alert", "route_alert"]

_KIND_NOUNS: Final = {
    DocumentKind.ASSESSMENT_NOTICE: "assessment notice",
    DocumentKind.REQUEST_FOR_INFORMATION: "request for information",
    DocumentKind.NOTICE_OF_ADJUSTMENT: "notice of adjustment",
    DocumentKind.PAYMENT: "payment document",
    DocumentKind.PREPAYMENT_OVERVIEW: "prepayment overview",
}


class RouteBasis(StrEnum):
    """Why an alert goes where it goes."""

    RESPONSIBLE = "responsible"
    """To the company's responsible colleague."""
    FALLBACK = "fallback"
    """To the firm's fallback recipient: the company has no responsible colleague."""
    FALLBACK_BAD_ADDRESS = "fallback_bad_address"
    """To the fallback recipient: the responsible colleague has no usable e-mail address."""
    NOWHERE = "nowhere"
    """Nobody: no usable responsible colleague and no fallback recipient is set."""


@attrs.frozen
class Route:
    """Where an alert goes (``recipient`` is ``None`` for :attr:`RouteBasis.NOWHERE`)."""

    recipient: str | None
    basis: RouteBasis

    @property
    def lacks_responsible(self) -> bool:
        """True when the alert must say the company lacks a (reachable) responsible colleague."""
        return self.basis is not RouteBasis.RESPONSIBLE


def route_alert(*, responsible: str | None, fallback: str | None) -> Route:
    """Route a company's alert.

    :param responsible: the company's responsible colleague (an e-mail address), if any.
    :param fallback: the firm's fallback recipient, if set.
    """
    address = normalize.email(responsible) if responsible else None
    if address is not None:
        return Route(address, RouteBasis.RESPONSIBLE)
    basis = RouteBasis.FALLBACK if not responsible else RouteBasis.FALLBACK_BAD_ADDRESS
    fallback_address = normalize.email(fallback) if fallback else None
    if fallback_address is None:
        return Route(None, RouteBasis.NOWHERE)
    return Route(fallback_address, basis)


def _missing_note(company_name: str, basis: RouteBasis) -> str:
    if basis is RouteBasis.FALLBACK_BAD_ADDRESS:
        why = "has a responsible colleague without a usable e-mail address"
    else:
        why = "has no responsible colleague"
    return (
        f"{company_name} {why}, so this alert went to the firm's fallback recipient. "
        "Set the company's responsible colleague so that the next alert reaches them."
    )


def document_alert(document: Document, *, company_name: str | None, route: Route) -> Alert:
    """The alert for a document that needs action, addressed as ``route`` says.

    :param company_name: the company's name; ``None`` when the company is not on the platform.
    """
    name = company_name or f"company {document.enterprise_number.formatted}"
    noun = _KIND_NOUNS.get(document.kind, document.kind_label)
    lines = [
        f"New {noun} for {name} ({document.enterprise_number.formatted}): it needs action.",
        "",
        f"Title: {document.title}",
        f"File: {document.file_name}",
    ]
    if document.document_date is not None:
        lines.append(f"Document date: {document.document_date.isoformat()}")
    lines.append(f"Received: {document.received_at.isoformat(timespec='seconds')}")
    if route.lacks_responsible:
        lines += ["", _missing_note(name, route.basis)]
    return Alert(
        kind=AlertKind.GOVERNMENT_REQUEST,
        enterprise_number=document.enterprise_number,
        company_name=name,
        recipient=route.recipient,
        fallback=route.lacks_responsible,
        subject=f"{noun[:1].upper()}{noun[1:]} for {name}: action needed",
        message="\n".join(lines),
        document_sha256=document.sha256,
    )
