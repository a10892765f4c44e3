"""Alerts: what govlink tells people (new documents, government requests, failed syncs).

govlink builds alert records; delivering them (e-mail, in-app) is the job of notifier plugins
(the ``govlink_notify`` hook).
"""

from __future__ import annotations

from enum import StrEnum

import attrs

from govlink.domain.enterprise_number import EnterpriseNumber

__all__ = ["Alert", "AlertKind"]


class AlertKind(StrEnum):
    """Why an alert is raised."""

    NEW_DOCUMENT = "new_document"
    GOVERNMENT_REQUEST = "government_request"
    SYNC_FAILED = "sync_failed"


@attrs.frozen(kw_only=True)
class Alert:
    """One alert about one company.

    :param kind: why it is raised.
    :param enterprise_number: the company.
    :param company_name: its name, for the message.
    :param recipient: the e-mail address it goes to: the company's responsible colleague, or the
        firm's fallback recipient when ``fallback``; ``None`` when there is nobody to send it to
        (or, for ``sync_failed``, when it goes to the firm's admins).
    :param fallback: ``True`` when the company lacks a (reachable) responsible colleague, so the
        alert went to the fallback recipient; the message says so.
    :param subject: one line.
    :param message: the body, plain text.
    :param document_sha256: the document the alert is about, if any.
    """

    kind: AlertKind
    enterprise_number: EnterpriseNumber
    company_name: str
    recipient: str | None
    fallback: bool = False
    subject: str
    message: str
    document_sha256: str | None = None
