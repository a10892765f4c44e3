"""Offices (tenants): every record of a store belongs to one office.

A store object serves one office, chosen when it is opened
(``open_store(target, office=...)``): every query it runs sees only that office's rows, so no
call can read or change another office's. An SQLite file is one office, :data:`DEFAULT_OFFICE`;
a PostgreSQL database holds any number. The planner sees all of them at once through
:class:`OfficeDirectory` (the portal's load is the sum of every office's companies).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final, Protocol, runtime_checkable

import attrs

from govlink.domain.company import Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import StoreError
from govlink.planner.result import Plan
from govlink.store.base import PlanStore, StoredPlan

__all__ = ["DEFAULT_OFFICE", "AllOffices", "OfficeDirectory", "check_office", "office_numbers"]

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

    def company(self, number: EnterpriseNumber) -> Company | None:
        """The company with this number in any office, or ``None``."""
        return next((c for c in self.companies() if c.enterprise_number == number), None)

    def load_plan(self) -> StoredPlan | None:
        """The saved global plan."""
        return self.store.load_plan()

    def save_plan(self, plan: Plan, *, replaces: int | None) -> StoredPlan:
        """Save the global plan (see :meth:`~govlink.store.PlanStore.save_plan`)."""
        return self.store.save_plan(plan, replaces=replaces)
