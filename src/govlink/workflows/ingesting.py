"""The ingest workflow: check, store once, alert, and queue documents for the enabled sinks.

Each document is checked (:mod:`govlink.domain.document_checks`); a bad one is rejected with its
reasons while the others go on. A good one is stored once (key: company + SHA-256) and, in the
same transaction, gets its alert (when it needs action) and one outbox entry per sink switched
on before it was received (:func:`store_document` applies that rule, not the store). The alerts
are delivered once everything is stored.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import stat
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Protocol

import attrs

from govlink.domain.alert_routing import document_alert, route_alert
from govlink.domain.alerts import Alert
from govlink.domain.content_type import SNIFF_BYTES
from govlink.domain.document_checks import (
    DEFAULT_MAX_SIZE,
    DocumentProblem,
    DocumentReason,
    check_document,
    resolve_content_type,
    too_large,
)
from govlink.domain.documents import Document, DocumentKind
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.forwarding import queued_sinks
from govlink.errors import ConfigurationError, DomainError
from govlink.plugins.registry import Registry
from govlink.store.base import CompanyReader, SettingsStore
from govlink.store.documents import (
    DocumentArchive,
    DocumentStore,
    OutboxStore,
    StoredAlert,
    StoredDocument,
)
from govlink.workflows.alerts import (
    ALERT_LANGUAGE,
    FALLBACK_RECIPIENT,
    deliver_alerts,
    localised,
)

__all__ = [
    "MAX_SIZE_SETTING",
    "IngestReport",
    "IngestStore",
    "QueueingStore",
    "RejectedDocument",
    "ingest",
    "ingest_files",
    "store_document",
]

MAX_SIZE_SETTING = "max_document_size"
"""The setting with the largest accepted document, in bytes (default 50 MB)."""


class IngestStore(DocumentStore, CompanyReader, SettingsStore, Protocol):
    """What ingest needs from the store: documents, companies and settings."""


class QueueingStore(DocumentArchive, OutboxStore, CompanyReader, Protocol):
    """Stores documents, knows the sink switches and which companies are archived."""


def store_document(
    store: QueueingStore, document: Document, content: bytes, alert: Alert | None = None
) -> StoredDocument | None:
    """Store ``document`` once with its ``alert``, queued for every sink switched on before it
    was received (the forward-only rule of :mod:`govlink.domain.forwarding`); the document of
    an archived company is queued for none.

    A switch changed while this runs applies from the next document on.

    :returns: the stored document, or ``None`` when it was already stored.
    """
    archived = document.enterprise_number in store.archived()
    queue_for = () if archived else queued_sinks(store.sink_switches(), document.received_at)
    return store.add_document(document, content, alert, queue_for=queue_for)


@attrs.frozen(kw_only=True)
class RejectedDocument:
    """A document that was not stored, with every reason.

    :param name: the file name (or, for a file that could not be read, its path).
    :param document: the document, when one could be built.
    """

    name: str
    problems: tuple[DocumentProblem, ...]
    document: Document | None = attrs.field(default=None, repr=False)


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


def _read(path: Path, max_size: int) -> bytes | DocumentProblem:
    """The bytes of the regular file at ``path``; its size is checked with ``stat`` first, so
    a file over ``max_size`` (a 2 GB sparse file, say) is never read, and at most
    ``max_size + 1`` bytes are ever read (a file that grows meanwhile)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return DocumentProblem(DocumentReason.UNREADABLE, f"{path} is not a regular file")
        if info.st_size > max_size:
            return too_large(info.st_size, max_size)
        with open(path, "rb") as file:
            content = file.read(max_size + 1)
    except OSError as error:
        return DocumentProblem(
            DocumentReason.UNREADABLE, f"{path} cannot be read: {error.strerror}"
        )
    if len(content) > max_size:
        return too_large(len(content), max_size)
    return content


def _content(document: Document, max_size: int) -> bytes | DocumentProblem:
    if document.content is not None:
        return document.content
    if document.path is None:
        return DocumentProblem(DocumentReason.UNREADABLE, "the document has no content or path")
    return _read(Path(document.path), max_size)


def _checked(document: Document, max_size: int) -> tuple[Document, bytes] | RejectedDocument:
    content = _content(document, max_size)
    if isinstance(content, DocumentProblem):
        return RejectedDocument(name=document.file_name, problems=(content,), document=document)
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
        return RejectedDocument(
            name=document.file_name, problems=tuple(problems), document=document
        )
    content_type = resolve_content_type(document.content_type, head)
    assert content_type is not None  # checked above
    return attrs.evolve(document, content_type=content_type, content=None, path=None), content


def ingest(documents: Iterable[Document], store: IngestStore, registry: Registry) -> IngestReport:
    """Check and store ``documents``, raise alerts for those needing action, then deliver them.

    :param documents: each with its ``content`` or a ``path`` to it.
    :param registry: the notifiers that receive the alerts (see
        :meth:`~govlink.plugins.Registry.open_notifiers`).
    :returns: what was stored, what was already there, what was rejected and why, and the
        alerts delivered (including ones an earlier run left pending).
    :raises StoreError: the store cannot be written; documents stored before stay stored.
    """
    max_size = _max_size(store)
    fallback = store.get_setting(FALLBACK_RECIPIENT)
    language = store.get_setting(ALERT_LANGUAGE)
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
            alert = localised(alert, clean, language, route=route)
        result = store_document(store, clean, content, alert)
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


def _from_file(
    path: Path,
    *,
    enterprise_number: EnterpriseNumber,
    kind: DocumentKind | str,
    received_at: datetime,
    title: str | None,
    document_date: date | None,
    max_size: int,
) -> Document | RejectedDocument:
    content = _read(path, max_size)
    if isinstance(content, DocumentProblem):
        return RejectedDocument(name=str(path), problems=(content,))
    return Document.from_content(
        content,
        enterprise_number=enterprise_number,
        kind=kind,
        file_name=path.name,
        received_at=received_at,
        title=title,
        document_date=document_date,
        content_type=mimetypes.guess_type(path.name, strict=False)[0],
    )


def ingest_files(
    paths: Sequence[Path],
    *,
    enterprise_number: EnterpriseNumber,
    kind: DocumentKind | str,
    store: IngestStore,
    registry: Registry,
    title: str | None = None,
    document_date: date | None = None,
    received_at: datetime | None = None,
) -> IngestReport:
    """Ingest files of one company (what ``govlink documents ingest`` does).

    The content type comes from the file name's extension, checked against the bytes (and
    sniffed when the extension says nothing). A file that cannot be read, or whose size
    (``stat``, before reading) is over ``max_document_size``, is rejected like any other bad
    document.

    :param received_at: when the documents arrived (default: now); the forward-only rule
        compares it with each sink's watermark.
    :raises DomainError: ``document.unknown_company`` when the company is not on the platform
        (import it first); nothing is stored.
    """
    if store.company(enterprise_number) is None:
        raise DomainError(
            f"company {enterprise_number.formatted} is not on the platform; import it first "
            "(nothing was stored)",
            code="document.unknown_company",
        )
    now = received_at or datetime.now(UTC)
    max_size = _max_size(store)
    built = [
        _from_file(
            Path(path),
            enterprise_number=enterprise_number,
            kind=kind,
            received_at=now,
            title=title,
            document_date=document_date,
            max_size=max_size,
        )
        for path in paths
    ]
    report = ingest((d for d in built if isinstance(d, Document)), store, registry)
    unreadable = tuple(r for r in built if isinstance(r, RejectedDocument))
    return attrs.evolve(report, rejected=unreadable + report.rejected)
