"""The AdminPulse sink: company documents to ``documents/add``, on the relation with the same
enterprise number.

The relations are read once per opened sink (one push run) and indexed by every valid
enterprise number found in their number fields. A document whose company AdminPulse does not
know, or knows several times, is skipped with the reason, so the push holds it and tries again
on its next run.

Its settings (``GOVLINK_ADMINPULSE_DOCUMENT_TYPE``, the limits, the timeout) are read by
:mod:`govlink.connectors.adminpulse.settings`. The tag names come from
``govlink sink enable adminpulse --tags``; the credentials and the relation field map are those
of the source (``docs/adminpulse.md``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from govlink.connectors.adminpulse.client import AdminPulseClient, DocumentUpload
from govlink.connectors.adminpulse.mapping import RelationMapping
from govlink.domain.documents import Document
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import (
    ConfigurationError,
    ConnectorError,
    InvalidEnterpriseNumber,
    RetriableConnectorError,
    Unreachable,
)
from govlink.plugins.types import Delivery, DeliveryStatus

__all__ = ["AdminPulseSink", "RelationIndex"]


def _numbers(relation: Mapping[str, Any], names: Iterable[str]) -> set[EnterpriseNumber]:
    found = set()
    for name in names:
        value: Any = relation
        for part in name.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        if value in (None, ""):
            continue
        try:
            found.add(EnterpriseNumber.parse(value))
        except InvalidEnterpriseNumber:
            continue
    return found


@attrs.frozen
class RelationIndex:
    """AdminPulse relations by enterprise number: number -> the relations' ``uniqueIdentifier``."""

    by_number: Mapping[EnterpriseNumber, tuple[str, ...]]

    @classmethod
    def of(cls, relations: Iterable[Mapping[str, Any]], mapping: RelationMapping) -> RelationIndex:
        """Index ``relations`` on every valid number in their enterprise-number fields."""
        found: dict[EnterpriseNumber, list[str]] = {}
        for relation in relations:
            unique = relation.get(mapping.unique_field)
            if unique in (None, ""):
                continue
            for number in _numbers(relation, mapping.fields["enterprise_number"]):
                found.setdefault(number, []).append(str(unique))
        return cls({number: tuple(ids) for number, ids in found.items()})

    def target(self, number: EnterpriseNumber) -> str | Delivery:
        """The one relation for ``number``, or a skipped delivery saying why there is none."""
        ids = self.by_number.get(number, ())
        if len(ids) == 1:
            return ids[0]
        if not ids:
            reason = f"AdminPulse has no relation with enterprise number {number.formatted}"
        else:
            reason = (
                f"AdminPulse has {len(ids)} relations with enterprise number "
                f"{number.formatted} ({', '.join(ids)})"
            )
        return Delivery(status=DeliveryStatus.SKIPPED, message=reason)


class AdminPulseSink:
    """Uploads documents to AdminPulse (a :class:`~govlink.plugins.types.Sink`).

    :param client: the AdminPulse client (its limiter keeps ``documents/add`` under its limit).
    :param mapping: where the relations keep the enterprise number and the APR code.
    :param tags: the tag (folder) names sent with every document.
    :param document_type: AdminPulse's ``documentType`` code, when configured.
    """

    name = "adminpulse"

    def __init__(
        self,
        client: AdminPulseClient,
        *,
        mapping: RelationMapping | None = None,
        tags: Iterable[str] = (),
        document_type: str | None = None,
    ) -> None:
        self._client = client
        self._mapping = mapping or RelationMapping()
        self._tags = tuple(tags)
        self._document_type = document_type
        self._index: RelationIndex | ConnectorError | None = None

    def __repr__(self) -> str:
        return f"AdminPulseSink({self._client!r}, tags={self._tags!r})"

    def close(self) -> None:
        """Close the client's connections."""
        self._client.close()

    def _relations(self) -> RelationIndex:
        """The relation index, read on first use; a failure to read it is kept for the run.

        A failure other than a configuration error or an unreachable server (both end the
        run) becomes a retriable error for every document: the relations are not the
        document's fault, so none is parked for it.
        """
        if isinstance(self._index, ConnectorError):
            raise self._index
        if self._index is None:
            try:
                self._index = RelationIndex.of(self._client.relations(), self._mapping)
            except (ConfigurationError, Unreachable):
                raise
            except ConnectorError as error:
                self._index = RetriableConnectorError(
                    f"the AdminPulse relations cannot be read: {error.message}",
                    connector="adminpulse",
                    method=error.method,
                    path=error.path,
                    status=error.status,
                )
                raise self._index from None
        return self._index

    def deliver(self, document: Document, target_ref: str | None = None) -> Delivery:
        """Upload ``document`` to its company's relation (see the module)."""
        target = target_ref or self._relations().target(document.enterprise_number)
        if isinstance(target, Delivery):
            return target
        if document.content is None:
            raise ValueError("the AdminPulse sink needs the document's content")
        self._client.documents_add(
            DocumentUpload(
                content=document.content,
                file_name=document.file_name,
                relation_identifier=target,
                document_date=document.document_date or document.received_at.date(),
                tag_names=self._tags,
                document_type=self._document_type,
                content_type=document.content_type,
            )
        )
        return Delivery(
            status=DeliveryStatus.DELIVERED,
            target_ref=target,
            message=f"added to AdminPulse relation {target}",
        )
