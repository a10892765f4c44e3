"""Helpers for tests of documents, alerts and the push: sample files and a seeded store.

>>> sample_pdf(1)[:8]
b'%PDF-1.4'
>>> sample_pdf(1) != sample_pdf(2)
True
"""

from __future__ import annotations

from datetime import UTC, datetime

from govlink.domain.company import Company
from govlink.domain.documents import Document, DocumentKind
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.reconcile.policy import ApplyPlan
from govlink.store.base import ImportCounts, ImportStore, RunInfo

__all__ = ["add_companies", "sample_document", "sample_pdf"]


def sample_pdf(serial: int) -> bytes:
    """A small PDF-looking file, different for each ``serial``."""
    return f"%PDF-1.4\n% govlink sample {serial}\n%%EOF\n".encode()


def sample_document(
    serial: int,
    number: EnterpriseNumber,
    *,
    kind: DocumentKind = DocumentKind.ASSESSMENT_NOTICE,
    received_at: datetime | None = None,
) -> Document:
    """A PDF document of the company ``number``, different for each ``serial``."""
    return Document.from_content(
        sample_pdf(serial),
        enterprise_number=number,
        kind=kind,
        file_name=f"document-{serial}.pdf",
        received_at=received_at or datetime.now(UTC),
        content_type="application/pdf",
    )


def add_companies(store: ImportStore, *companies: Company) -> None:
    """Put ``companies`` on the platform, as an import would."""
    counts = ImportCounts(
        rows=len(companies),
        only_in_source=len(companies),
        only_in_platform=0,
        matching=0,
        changed=0,
        invalid=0,
    )
    store.apply(
        ApplyPlan(add=companies),
        RunInfo(at=datetime.now(UTC), source="test", location="test", actor="test", counts=counts),
    )
