"""The ``adminpulse`` source: relations read through the API, mapped, filtered and counted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import date

from govlink.connectors.adminpulse.client import AdminPulseClient
from govlink.connectors.adminpulse.mapping import RelationMapping, UserDirectory
from govlink.connectors.adminpulse.templates import TaskWindow, template_relations
from govlink.domain.records import RawRecord, SkippedRecord

__all__ = ["NOT_IN_TEMPLATE", "AdminPulseSource"]

NOT_IN_TEMPLATE = "not in the task template"


class AdminPulseSource:
    """Yields AdminPulse relations as raw records (a :class:`govlink.plugins.types.Source`).

    :param client: the API client; the source closes it when the records are exhausted.
    :param mapping: how relations map and which are skipped.
    :param template: only the relations with a task of this template (see
        :func:`~govlink.connectors.adminpulse.templates.template_relations`).
    :param window: the task deadline window for ``template`` (default: around today).
    """

    name = "adminpulse"

    def __init__(
        self,
        client: AdminPulseClient,
        *,
        mapping: RelationMapping | None = None,
        template: str | None = None,
        window: TaskWindow | None = None,
    ) -> None:
        self._client = client
        self._mapping = mapping or RelationMapping()
        self._template = template
        self._window = window or TaskWindow.around(date.today())
        self._skipped: Counter[str] = Counter()
        self._skipped_records: list[SkippedRecord] = []
        self._users: UserDirectory | None = None

    def __repr__(self) -> str:
        return f"AdminPulseSource(client={self._client!r}, template={self._template!r})"

    @property
    def skipped(self) -> Mapping[str, int]:
        """Relations left out so far, by reason (``person``, ``status prospect``, ...)."""
        return dict(self._skipped)

    @property
    def skipped_records(self) -> Sequence[SkippedRecord]:
        """Each relation left out so far, with its reason and raw number fields."""
        return tuple(self._skipped_records)

    def known_colleagues(self) -> Collection[str] | None:
        """The e-mail addresses of the office's users (read once from ``/users``)."""
        return frozenset(self._directory().emails.values())

    def _directory(self) -> UserDirectory:
        if self._users is None:
            self._users = UserDirectory.from_users(list(self._client.users()))
        return self._users

    def records(self) -> Iterator[RawRecord]:
        """Read the users, the template's relations if asked, then every relation once."""
        try:
            users = self._directory()
            wanted = (
                None
                if self._template is None
                else template_relations(self._client, self._template, window=self._window)
            )
            for relation in self._client.relations():
                reason = self._mapping.skip_reason(relation)
                if reason is None and wanted is not None:
                    unique = self._mapping.record_id(relation)
                    reason = None if unique in wanted else NOT_IN_TEMPLATE
                if reason is not None:
                    self._skipped[reason] += 1
                    self._skipped_records.append(self._mapping.skipped(relation, reason))
                    continue
                yield self._mapping.to_record(relation, users)
        finally:
            self._client.close()
