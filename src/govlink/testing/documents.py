"""Helpers for tests of documents, alerts and the push: sample files, a seeded store, and a
registry whose ``adminpulse`` sink talks to a simulator on a test clock.

>>> sample_pdf(1)[:8]
b'%PDF-1.4'
>>> sample_pdf(1) != sample_pdf(2)
True
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from govlink.clock import Clock
from govlink.connectors.adminpulse.client import AdminPulseClient
from govlink.connectors.adminpulse.sink import AdminPulseSink
from govlink.connectors.http import BearerToken, Secret
from govlink.domain.company import Company
from govlink.domain.documents import Document, DocumentKind
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.plugins import Registry, SinkOptions, SinkSpec, hookimpl
from govlink.reconcile.policy import ApplyPlan
from govlink.store.base import ImportCounts, ImportStore, RunInfo

__all__ = ["add_companies", "adminpulse_registry", "sample_document", "sample_pdf"]


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


class _ScaledAdminPulse:
    """A plugin offering the ``adminpulse`` sink on a given URL, key and clock."""

    def __init__(self, url: str, key: str, clock: Clock, options: dict[str, Any]) -> None:
        self._url, self._key, self._clock, self._options = url, key, clock, options

    @hookimpl
    def govlink_sinks(self) -> list[SinkSpec]:
        return [
            SinkSpec(name="adminpulse", description="AdminPulse on a test clock", open=self.open)
        ]

    def open(self, options: SinkOptions) -> AdminPulseSink:
        client = AdminPulseClient(
            BearerToken(Secret(self._key)),
            base_url=self._url,
            clock=self._clock,
            rates=options.rates,
            **self._options,
        )
        return AdminPulseSink(client, tags=options.tags, document_type="13")


def adminpulse_registry(url: str, key: str, clock: Clock, **client_options: Any) -> Registry:
    """A registry whose ``adminpulse`` sink is the real one, on ``clock`` (the built-in AdminPulse
    plugin, which reads the environment and the system clock, is blocked).

    :param client_options: more :class:`~govlink.connectors.adminpulse.client.AdminPulseClient`
        options (``timeout``, ``retry``, ``limits``).
    """
    registry = Registry(blocked=("adminpulse",), entry_points=False)
    registry.register(_ScaledAdminPulse(url, key, clock, client_options), name="test-adminpulse")
    return registry
