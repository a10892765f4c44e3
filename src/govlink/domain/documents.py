"""Company documents: what a sync fetches from MyMinfin and a sink (AdminPulse, ...) receives.

>>> DocumentKind.from_label("request_for_information").needs_action
True
>>> DocumentKind.from_label("Aanslagbiljet personenbelasting")
<DocumentKind.OTHER: 'other'>
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from enum import StrEnum
from typing import Final

import attrs

from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import InvalidDocument

__all__ = ["Document", "DocumentKind"]

_SHA256: Final = re.compile(r"[0-9a-f]{64}")


class DocumentKind(StrEnum):
    """What a document is. Open: an unknown label becomes ``OTHER`` and the raw label is kept
    in :attr:`Document.kind_label`."""

    ASSESSMENT_NOTICE = "assessment_notice"
    REQUEST_FOR_INFORMATION = "request_for_information"
    NOTICE_OF_ADJUSTMENT = "notice_of_adjustment"
    PAYMENT = "payment"
    PREPAYMENT_OVERVIEW = "prepayment_overview"
    OTHER = "other"

    @classmethod
    def from_label(cls, label: str) -> DocumentKind:
        """The kind whose value is ``label`` (trimmed, case-insensitive), else ``OTHER``."""
        try:
            return cls(label.strip().casefold())
        except ValueError:
            return cls.OTHER

    @property
    def needs_action(self) -> bool:
        """True for kinds the firm must answer: requests for information, notices of adjustment."""
        return self in _NEEDS_ACTION


_NEEDS_ACTION: Final = frozenset(
    {DocumentKind.REQUEST_FOR_INFORMATION, DocumentKind.NOTICE_OF_ADJUSTMENT}
)


def _aware(instance: object, attribute: attrs.Attribute[datetime], value: datetime) -> None:
    if value.utcoffset() is None:
        raise InvalidDocument(f"{attribute.name} must be a timezone-aware datetime, got {value!r}")


def _sha256(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not _SHA256.fullmatch(value):
        raise InvalidDocument(f"{attribute.name} must be 64 lower-case hex digits, got {value!r}")


@attrs.frozen(kw_only=True)
class Document:
    """One document of a client company, as fetched from the portal.

    :param enterprise_number: the company it belongs to.
    :param kind: what it is.
    :param kind_label: the portal's own label for it, kept as given.
    :param title: the title shown to the user.
    :param document_date: the date printed on the document, when known.
    :param received_at: when govlink fetched it (timezone-aware).
    :param file_name: the file name.
    :param content_type: its MIME type.
    :param size: its size in bytes.
    :param sha256: its SHA-256 digest (64 lower-case hex digits); identifies it across syncs.
    :param content: the bytes, when held in memory (left out of ``repr``).
    :param path: where the bytes are stored instead, when not in memory.
    """

    enterprise_number: EnterpriseNumber
    kind: DocumentKind
    kind_label: str
    title: str
    document_date: date | None
    received_at: datetime = attrs.field(validator=_aware)
    file_name: str
    content_type: str
    size: int = attrs.field(validator=attrs.validators.ge(0))
    sha256: str = attrs.field(validator=_sha256)
    content: bytes | None = attrs.field(default=None, repr=False)
    path: str | None = None

    @property
    def needs_action(self) -> bool:
        """True when the firm must act on it (see :attr:`DocumentKind.needs_action`)."""
        return self.kind.needs_action

    @classmethod
    def from_content(
        cls,
        content: bytes,
        *,
        enterprise_number: EnterpriseNumber,
        kind: DocumentKind | str,
        file_name: str,
        received_at: datetime,
        title: str | None = None,
        document_date: date | None = None,
        content_type: str | None = None,
    ) -> Document:
        """A document held in memory; size and SHA-256 are computed from ``content``.

        :param kind: a :class:`DocumentKind` or the portal's label (kept as ``kind_label``).
        :param title: defaults to the file name.
        :param content_type: the declared MIME type; ``None`` leaves it to be sniffed when the
            document is checked (recorded as ``application/octet-stream`` until then).

        >>> from datetime import UTC
        >>> doc = Document.from_content(b"%PDF-1.7", enterprise_number=EnterpriseNumber(
        ...     "0403.019.261"), kind="Vraag om inlichtingen", file_name="v.pdf",
        ...     received_at=datetime(2026, 5, 4, tzinfo=UTC))
        >>> doc.kind, doc.kind_label, doc.size, doc.sha256[:8]
        (<DocumentKind.OTHER: 'other'>, 'Vraag om inlichtingen', 8, '86edbaa2')
        """
        label = kind.value if isinstance(kind, DocumentKind) else kind
        return cls(
            enterprise_number=enterprise_number,
            kind=kind if isinstance(kind, DocumentKind) else DocumentKind.from_label(kind),
            kind_label=label,
            title=title or file_name,
            document_date=document_date,
            received_at=received_at,
            file_name=file_name,
            content_type=content_type or "application/octet-stream",
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
        )
