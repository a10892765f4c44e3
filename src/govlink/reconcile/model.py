"""The result of a reconciliation: four categories and the field-level changes of matches."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import attrs

from govlink.domain.company import Company
from govlink.domain.validation import InvalidRecord, RecordWarning

__all__ = ["ChangeKind", "FieldChange", "ImportDiff", "Match"]


class ChangeKind(StrEnum):
    """``changed``: both sides have a different value; ``added``: the platform has none."""

    CHANGED = "changed"
    ADDED = "added"


@attrs.frozen(kw_only=True)
class FieldChange:
    """One field whose source value differs from the platform value."""

    field: str
    platform: Any
    source: Any
    kind: ChangeKind


@attrs.frozen(kw_only=True)
class Match:
    """A source company that is already on the platform, with the fields that differ."""

    platform: Company
    source: Company
    changes: tuple[FieldChange, ...] = ()

    @property
    def unchanged(self) -> bool:
        """True when no field differs."""
        return not self.changes

    @property
    def changed_fields(self) -> tuple[str, ...]:
        """The names of the fields that differ."""
        return tuple(c.field for c in self.changes)


@attrs.frozen(kw_only=True)
class ImportDiff:
    """What an import would do, by category.

    Every source record lands in exactly one of ``only_in_source``, ``matching`` and
    ``invalid``; every platform company in at most one of ``matching`` and ``only_in_platform``
    (a company named by an invalid record is in neither; see ``InvalidRecord.platform_match``).
    Companies are sorted by enterprise number, invalid records by their source reference.
    """

    only_in_source: tuple[Company, ...]
    only_in_platform: tuple[Company, ...]
    matching: tuple[Match, ...]
    invalid: tuple[InvalidRecord, ...]
    warnings: tuple[RecordWarning, ...] = ()

    @property
    def rows(self) -> int:
        """The number of source records reconciled."""
        return len(self.only_in_source) + len(self.matching) + len(self.invalid)

    @property
    def changed(self) -> tuple[Match, ...]:
        """The matches with at least one differing field."""
        return tuple(m for m in self.matching if m.changes)
