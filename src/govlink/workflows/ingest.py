"""The ingest workflow: check, store once, alert, and queue documents for the enabled sinks.

Each document is checked (:mod:`govlink.domain.document_checks`); a bad one is rejected with its
reasons while the others go on. A good one is stored once (key: company + SHA-256) and, in the
same transaction, gets its alert (when it needs action) and one outbox entry per sink switched
on before it was received. The alerts are delivered once everything is stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import attrs

from govlink.domain.alert_routing import document_alert, route_alert
from govlink.domain.content_type import SNIFF_BYTES
from govlink.domain.document_checks import (
    DEFAULT_MAX_SIZE,
    DocumentProblem,
    DocumentReason,
    check_document,
    resolve_content_type,
)
from govlink.domain.documents import Document
from govlink.errors import ConfigurationError
from govlink.plugins.registry import Registry
from govlink.store.base import CompanyReader, SettingsStore
from govlink.store.documents import DocumentStore, StoredAlert, StoredDocument
from govlink.workflows.alerts import FALLBACK_RECIPIENT, deliver_alerts

__all__ = ["MAX_SIZE_SETTING", "IngestReport", "IngestStore", "RejectedDocument", "ingest"]

MAX_SIZE_SETTING = "max_document_size"
"""The setting with the largest accepted document, in bytes (default 50 MB)."""


class IngestStore(DocumentStore, CompanyReader, SettingsStore, Protocol):
    """What ingest needs from the store: documents, companies and settings."""


@attrs.frozen(kw_only=True)
class RejectedDocument:
    """A document that was not stored, with every reason."""

    document: Document = attrs.field(repr=lambda d: f"<{d.file_name}>")
    problems: tuple[DocumentProblem, ...]


@attrs.frozen(kw_only=True)
class IngestReport:
    """What an ingest did: stored, already there, rejected, and the alerts it delivered."""

    stored: tuple[StoredDocument, ...] = ()
    duplicates: tuple[Document, ...] = ()
    rejected: tuple[RejectedDocument, ...] = ()
    alerts: tuple[StoredAlert, ...] = ()


def _max_size(store: SettingsStore) -> int:
    value = store.get_setting(MAX_SIZE_SETTING)
    if value is None:
        return DEFAULT_MAX_SIZE
    try:
        size = int(value)
    except ValueError:
        size = 0
    if size <= 0:
        raise ConfigurationError(f"{MAX_SIZE_SETTING} must be a positive number of bytes")
    return size


def _content(document: Document) -> bytes | DocumentProblem:
    if document.content is not None:
        return document.content
    if document.path is None:
        return DocumentProblem(DocumentReason.UNREADABLE, "the document has no content or path")
    try:
        return Path(document.path).read_bytes()
    except OSError as error:
        return DocumentProblem(
            DocumentReason.UNREADABLE, f"{document.path} cannot be read: {error.strerror}"
        )


def _checked(document: Document, max_size: int) -> tuple[Document, bytes] | RejectedDocument:
    content = _content(document)
    if isinstance(content, DocumentProblem):
        return RejectedDocument(document=document, problems=(content,))
    head = content[:SNIFF_BYTES]
    problems = check_document(
        file_name=document.file_name,
        content_type=document.content_type,
        size=len(content),
        head=head,
        max_size=max_size,
    )
    if len(content) != document.size or hashlib.sha256(content).hexdigest() != document.sha256:
        problems.append(
            DocumentProblem(
                DocumentReason.INTEGRITY, "the size or SHA-256 does not match the content"
            )
        )
    if problems:
        return RejectedDocument(document=document, problems=tuple(problems))
    content_type = resolve_content_type(document.content_type, head)
    assert content_type is not None  # checked above
    return attrs.evolve(document, content_type=content_type, content=None, path=None), content


def ingest(documents: Iterable[Document], store: IngestStore, registry: Registry) -> IngestReport:
    """Check and store ``documents``, raise alerts for those needing action, then deliver them.

    :param documents: each with its ``content`` or a ``path`` to it.
    :param registry: the notifiers that receive the alerts (see
        :func:`~govlink.workflows.alerts.configure_notifiers`).
    :returns: what was stored, what was already there, what was rejected and why, and the
        alerts delivered (including ones an earlier run left pending).
    :raises StoreError: the store cannot be written; documents stored before stay stored.
    """
    max_size = _max_size(store)
    fallback = store.get_setting(FALLBACK_RECIPIENT)
    stored, duplicates, rejected = [], [], []
    for document in documents:
        checked = _checked(document, max_size)
        if isinstance(checked, RejectedDocument):
            rejected.append(checked)
            continue
        clean, content = checked
        alert = None
        if clean.needs_action:
            company = store.company(clean.enterprise_number)
            route = route_alert(
                responsible=company.responsible if company else None, fallback=fallback
            )
            alert = document_alert(
                clean, company_name=company.name if company else None, route=route
            )
        result = store.add_document(clean, content, alert)
        if result is None:
            duplicates.append(clean)
        else:
            stored.append(result)
    alerts = deliver_alerts(store, registry)
    return IngestReport(
        stored=tuple(stored),
        duplicates=tuple(duplicates),
        rejected=tuple(rejected),
        alerts=tuple(alerts),
    )
