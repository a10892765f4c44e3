"""The store protocols: the platform's side of govlink, as small protocols composed into Store.

A workflow asks for the narrowest protocol it needs, so a service can hand in its own store
object. Later features (the sync plan, the document outbox) add their own protocols next to
these, without changing :class:`Store`: a store that lacks them still serves the import.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from govlink.domain.company import Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.reconcile.model import ImportDiff
from govlink.reconcile.policy import ApplyPlan

if TYPE_CHECKING:
    from govlink.planner.result import Plan

__all__ = [
    "AppliedChange",
    "CompanyArchive",
    "CompanyPage",
    "CompanyReader",
    "ImportCounts",
    "ImportRun",
    "ImportStore",
    "PlanStore",
    "RunInfo",
    "SettingsStore",
    "Store",
    "StoredPlan",
    "WriteProgress",
]

#: Called as ``progress(done, total)`` while an apply writes its companies.
WriteProgress = Callable[[int, int], None]


@attrs.frozen(kw_only=True)
class CompanyPage:
    """The first companies of a listing, and how many the whole listing holds."""

    companies: tuple[Company, ...]
    total: int


@attrs.frozen(kw_only=True)
class ImportCounts:
    """The size of each category of one import (``skipped``: left out on purpose by the source)."""

    rows: int
    only_in_source: int
    only_in_platform: int
    matching: int
    changed: int
    invalid: int
    skipped: int = 0

    @classmethod
    def of(cls, diff: ImportDiff, *, skipped: int = 0) -> ImportCounts:
        """The counts of ``diff``."""
        return cls(
            rows=diff.rows,
            only_in_source=len(diff.only_in_source),
            only_in_platform=len(diff.only_in_platform),
            matching=len(diff.matching),
            changed=len(diff.changed),
            invalid=len(diff.invalid),
            skipped=skipped,
        )


@attrs.frozen(kw_only=True)
class RunInfo:
    """What an apply records about its import run: when, from where, by whom, and the counts.

    :param source: the source's name (``excel``, ``adminpulse``).
    :param location: what the user opened (a file path or a source name).
    :param actor: who applied the import.
    """

    at: datetime
    source: str
    location: str
    actor: str
    counts: ImportCounts


@attrs.frozen(kw_only=True)
class AppliedChange:
    """One company an import run added or updated, with the values before and after.

    ``before`` is empty for an added company; ``fields`` are the fields written.
    """

    enterprise_number: EnterpriseNumber
    action: str
    fields: tuple[str, ...]
    before: Mapping[str, str | None]
    after: Mapping[str, str | None]


@attrs.frozen(kw_only=True, eq=False)
class ImportRun:
    """An applied import, as recorded by the store.

    :param changes: the companies it added, then those it updated (each in number order), or a
        function building them on first read: an apply of 100k companies returns its run
        without 100k change records that its caller may never read.
    """

    id: int
    info: RunInfo
    _changes: tuple[AppliedChange, ...] | Callable[[], tuple[AppliedChange, ...]] = attrs.field(
        alias="changes", repr=False
    )

    @functools.cached_property
    def changes(self) -> tuple[AppliedChange, ...]:
        """The companies this run added, then those it updated, each in number order."""
        return self._changes() if callable(self._changes) else self._changes

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ImportRun):
            return NotImplemented
        return (self.id, self.info, self.changes) == (other.id, other.info, other.changes)

    def __hash__(self) -> int:
        return hash((self.id, self.info, self.changes))

    @property
    def added(self) -> tuple[EnterpriseNumber, ...]:
        """The companies this run added."""
        return tuple(c.enterprise_number for c in self.changes if c.action == "added")

    @property
    def updated(self) -> tuple[AppliedChange, ...]:
        """The companies this run updated."""
        return tuple(c for c in self.changes if c.action == "updated")


@runtime_checkable
class CompanyReader(Protocol):
    """Reads the companies on the platform."""

    def companies(self) -> list[Company]:
        """Every company, sorted by enterprise number."""
        ...

    def company(self, number: EnterpriseNumber) -> Company | None:
        """The company with this number, or ``None``."""
        ...

    def archived(self) -> Mapping[EnterpriseNumber, datetime]:
        """The archived companies (clients that left), with when each was archived.

        They stay in :meth:`companies` with their documents; workflows leave them out of the
        sync plan, the syncs due, the push and the import's "only on the platform" list.
        """
        ...


@runtime_checkable
class CompanyArchive(CompanyReader, Protocol):
    """Archives and restores companies (``govlink companies archive`` / ``restore``)."""

    def set_archived(
        self, numbers: Collection[EnterpriseNumber], *, archived: bool
    ) -> tuple[EnterpriseNumber, ...]:
        """Archive (``archived=True``) or restore these companies, in one transaction.

        A store also stops queueing and pushing the documents of an archived company (queued
        ones wait, and go again once it is restored).

        :returns: the companies whose state changed (the others already were so), sorted.
        :raises StoreError: ``store.not_found`` when one is not on the platform; nothing was
            changed.
        """
        ...


@runtime_checkable
class ImportStore(CompanyReader, Protocol):
    """Applies import plans and keeps the record of every applied run."""

    def apply(
        self, plan: ApplyPlan, run: RunInfo, *, progress: WriteProgress | None = None
    ) -> ImportRun:
        """Carry out ``plan`` and record ``run``, all in one transaction.

        :raises StaleStoreError: a company to add already exists, or a company to update no
            longer equals ``update.before``; nothing was written.
        :raises StoreError: the store cannot be written; nothing was written.
        """
        ...

    def import_runs(self) -> list[ImportRun]:
        """Every applied import run, newest first."""
        ...


@runtime_checkable
class SettingsStore(Protocol):
    """Named text settings of the firm (no secrets: those stay in the environment)."""

    def get_setting(self, key: str) -> str | None:
        """The value of ``key``, or ``None`` when unset."""
        ...

    def set_setting(self, key: str, value: str | None) -> None:
        """Set ``key`` to ``value``; ``None`` removes it."""
        ...

    def settings(self) -> dict[str, str]:
        """Every setting."""
        ...


@attrs.frozen(kw_only=True)
class StoredPlan:
    """The saved sync plan: the plan, its ``revision`` (1, 2, ... one per save) and when it was
    saved (UTC)."""

    plan: Plan
    revision: int
    saved_at: datetime


@runtime_checkable
class PlanStore(CompanyReader, Protocol):
    """Keeps the current sync plan, the input of the next planning run (see docs/planner.md).

    A service's store can keep ``govlink.planner.dumps(plan)`` in one text column: a loaded
    plan must give the same ``dumps`` text as the plan that was saved.
    """

    def load_plan(self) -> StoredPlan | None:
        """The saved plan, or ``None`` before the first save."""
        ...

    def save_plan(self, plan: Plan, *, replaces: int | None) -> StoredPlan:
        """Replace the saved plan with ``plan``, in one transaction.

        :param replaces: the revision of the saved plan ``plan`` was made from (``None``: it was
            made without one).
        :raises StaleStoreError: another plan was saved since ``replaces``; nothing was written.
        :raises StoreError: the store cannot be written; nothing was written.
        """
        ...


@runtime_checkable
class Store(ImportStore, SettingsStore, Protocol):
    """Everything the import needs from the platform's side, plus closing."""

    def close(self) -> None:
        """Release the store's resources; the object is unusable afterwards."""
        ...
