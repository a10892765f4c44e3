"""Offices (tenants): every record of a store belongs to one office.

A store object serves one office, chosen when it is opened
(``open_store(target, office=...)``): every query it runs sees only that office's rows, so no
call can read or change another office's. An SQLite file is one office, :data:`DEFAULT_OFFICE`;
a PostgreSQL database holds any number. The planner sees all of them at once through
:class:`OfficeDirectory` (the portal's load is the sum of every office's companies).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Final, Protocol, runtime_checkable

import attrs

from govlink.domain.company import Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import StoreError
from govlink.store.base import PlanStore, StoredPlan
from govlink.store.sync import SyncCompany

if TYPE_CHECKING:
    from govlink.planner.result import Plan

__all__ = [
    "DEFAULT_OFFICE",
    "AllOffices",
    "OfficeDirectory",
    "SyncDirectory",
    "check_office",
    "merged_loads",
    "office_numbers",
]

DEFAULT_OFFICE: Final = "default"
"""The office of a store opened without ``office`` (the only one of an SQLite file)."""

_NAME: Final = re.compile(r"[a-z0-9][a-z0-9_]{0,39}")


def check_office(name: str | None) -> str:
    """``name`` (``None``: :data:`DEFAULT_OFFICE`) after checking it is an office name.

    :raises StoreError: ``store.office`` when it is not 1–40 of ``a-z 0-9 _``, starting with
        a letter or digit.
    """
    if name is None:
        return DEFAULT_OFFICE
    if _NAME.fullmatch(name) is None:
        raise StoreError(
            f"{name!r} is not an office name (1-40 of a-z, 0-9 and _)", code="store.office"
        )
    return name


@runtime_checkable
class OfficeDirectory(Protocol):
    """The offices of a store, for what spans them all (the global sync plan)."""

    @property
    def office(self) -> str:
        """The office this store object reads and writes."""
        ...

    def offices(self) -> list[str]:
        """Every office in the store, sorted."""
        ...

    def companies_by_office(self) -> dict[str, list[Company]]:
        """Every office's companies, each list sorted by enterprise number."""
        ...

    def archived_by_office(self) -> dict[str, dict[EnterpriseNumber, datetime]]:
        """Every office's archived companies, with when each was archived."""
        ...


@runtime_checkable
class SyncDirectory(Protocol):
    """The sync state of every office of a store (the measured load of the global plan)."""

    def sync_companies_by_office(self) -> dict[str, list[SyncCompany]]:
        """Every office's sync state per company, each list by enterprise number."""
        ...


def merged_loads(groups: Iterable[Iterable[SyncCompany]]) -> list[SyncCompany]:
    """One sync state per company out of several offices' (a company two offices keep is one
    sync in the plan): the successful syncs added up, the load averages weighted by them, the
    latest success and watermark; by enterprise number.

    >>> from govlink import EnterpriseNumber
    >>> n = EnterpriseNumber.parse("0400000086")
    >>> [merged] = merged_loads([[SyncCompany(enterprise_number=n, load_seconds=2.0, syncs=1)],
    ...                          [SyncCompany(enterprise_number=n, load_seconds=6.0, syncs=3)]])
    >>> merged.load_seconds, merged.syncs
    (5.0, 4)
    """
    found: dict[str, list[SyncCompany]] = {}
    for group in groups:
        for state in group:
            found.setdefault(state.enterprise_number.compact, []).append(state)
    return [_merged(found[number]) for number in sorted(found)]


def _merged(states: list[SyncCompany]) -> SyncCompany:
    if len(states) == 1:
        return states[0]

    def average(values: list[tuple[float | None, int]]) -> float | None:
        counted = [(value, n) for value, n in values if value is not None and n > 0]
        total = sum(n for _, n in counted)
        return sum(value * n for value, n in counted) / total if total else None

    def latest(values: Iterable[datetime | None]) -> datetime | None:
        return max((value for value in values if value is not None), default=None)

    return SyncCompany(
        enterprise_number=states[0].enterprise_number,
        watermark=latest(s.watermark for s in states),
        last_success_at=latest(s.last_success_at for s in states),
        no_mandate_since=None
        if any(s.no_mandate_since is None for s in states)
        else max(s.no_mandate_since for s in states if s.no_mandate_since is not None),
        load_documents=average([(s.load_documents, s.syncs) for s in states]),
        load_seconds=average([(s.load_seconds, s.syncs) for s in states]),
        syncs=sum(s.syncs for s in states),
    )


def office_numbers(store: OfficeDirectory, office: str) -> list[str]:
    """The compact enterprise numbers of ``office``'s companies in ``store``.

    :raises StoreError: ``store.office`` when the store has no such office.
    """
    companies = store.companies_by_office()
    if check_office(office) not in companies:
        raise StoreError(f"the store has no office {office!r}", code="store.office")
    return [company.enterprise_number.compact for company in companies[office]]


class _PlanningStore(PlanStore, OfficeDirectory, Protocol):
    """A plan store that knows its offices."""


@attrs.frozen
class AllOffices:
    """A :class:`~govlink.store.PlanStore` over every office of ``store``: the global sync plan.

    Its companies are those of all offices (a company kept by two offices is one sync: the
    portal's load is per company); the plan is kept in ``store``'s own office, which should be
    the default office, so every office's workers read the same plan.
    """

    store: _PlanningStore

    def companies(self) -> list[Company]:
        """The companies of every office, one per enterprise number, sorted by it."""
        merged = {
            company.enterprise_number.compact: company
            for companies in self.store.companies_by_office().values()
            for company in companies
        }
        return [merged[number] for number in sorted(merged)]

    def archived(self) -> dict[EnterpriseNumber, datetime]:
        """The companies archived by every office that keeps them (one office still serving
        a company keeps it in the plan), with the latest archive time."""
        archived = self.store.archived_by_office()
        kept = {
            company.enterprise_number
            for office, companies in self.store.companies_by_office().items()
            for company in companies
            if company.enterprise_number not in archived.get(office, {})
        }
        found: dict[EnterpriseNumber, datetime] = {}
        for numbers in archived.values():
            for number, at in numbers.items():
                if number not in kept:
                    found[number] = max(at, found.get(number, at))
        return dict(sorted(found.items()))

    def sync_companies(self) -> list[SyncCompany]:
        """The sync state of every office merged per company (:func:`merged_loads`), so the
        global plan is costed by the load measured in every office; none when the store does
        not keep the sync state of its offices (:class:`SyncDirectory`)."""
        if not isinstance(self.store, SyncDirectory):
            return []
        return merged_loads(self.store.sync_companies_by_office().values())

    def company(self, number: EnterpriseNumber) -> Company | None:
        """The company with this number in any office, or ``None``."""
        return next((c for c in self.companies() if c.enterprise_number == number), None)

    def load_plan(self) -> StoredPlan | None:
        """The saved global plan."""
        return self.store.load_plan()

    def save_plan(self, plan: Plan, *, replaces: int | None) -> StoredPlan:
        """Save the global plan (see :meth:`~govlink.store.PlanStore.save_plan`)."""
        return self.store.save_plan(plan, replaces=replaces)
