"""Offices (tenants): every record of a store belongs to one office.

A store object serves one office, chosen when it is opened
(``open_store(target, office=...)``): every query it runs sees only that office's rows, so no
call can read or change another office's. An SQLite file is one office, :data:`DEFAULT_OFFICE`;
a PostgreSQL database holds any number. The planner sees all of them at once through
:class:`OfficeDirectory` (the portal's load is the sum of every office's companies).
"""

from __future__ import annotations

import re
from typing import Final, Protocol, runtime_checkable

from govlink.domain.company import Company
from govlink.errors import StoreError

__all__ = ["DEFAULT_OFFICE", "OfficeDirectory", "check_office"]

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
