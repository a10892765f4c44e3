"""Editing a company's responsible and archiving it, on the store's existing methods.

Interim: the library has no ``companies set`` / archive workflow yet (issue 17 adds them). Until
then the web app sets a responsible through :meth:`ImportStore.apply` (one update, recorded as a
run from source ``web``, so it shows in the import history), and keeps the archived companies as
a firm setting. Archiving here only marks the company on these pages: it does not stop its sync
or push. When the library's workflows land, this module is the one to replace.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

import attrs

from govlink.domain import normalize
from govlink.domain.company import Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import DomainError
from govlink.reconcile.policy import ApplyPlan, Update
from govlink.store.base import ImportCounts, ImportRun, ImportStore, RunInfo, SettingsStore

__all__ = ["ARCHIVED_SETTING", "archive", "archived", "restore", "set_responsible"]

ARCHIVED_SETTING: Final = "web_archived_companies"
"""The firm setting holding the archived companies' numbers (10 digits, comma-separated)."""

_NO_COUNTS: Final = ImportCounts(
    rows=0, only_in_source=0, only_in_platform=0, matching=0, changed=0, invalid=0
)


def _known(store: ImportStore, number: EnterpriseNumber) -> Company:
    company = store.company(number)
    if company is None:
        raise DomainError(f"no company {number.formatted} on the platform")
    return company


def set_responsible(
    store: ImportStore, number: EnterpriseNumber, email: str | None, *, actor: str
) -> ImportRun | None:
    """Set (``None``: clear) the company's main responsible; ``None`` when nothing changed.

    :raises DomainError: an unknown company, or a value that is not an e-mail address.
    :raises StaleStoreError: the company changed meanwhile; nothing was written.
    """
    company = _known(store, number)
    value = None
    if email is not None and email.strip():
        value = normalize.email(email.strip())
        if value is None:
            raise DomainError(f"{email.strip()!r} is not an e-mail address")
    if value == company.responsible:
        return None
    update = Update(
        before=company, after=attrs.evolve(company, responsible=value), fields=("responsible",)
    )
    info = RunInfo(
        at=datetime.now(UTC), source="web", location="companies", actor=actor, counts=_NO_COUNTS
    )
    return store.apply(ApplyPlan(update=(update,)), info)


def archived(store: SettingsStore) -> frozenset[str]:
    """The archived companies' numbers (10 digits)."""
    value = store.get_setting(ARCHIVED_SETTING) or ""
    return frozenset(part for part in value.split(",") if part)


def _save(store: SettingsStore, numbers: frozenset[str]) -> None:
    store.set_setting(ARCHIVED_SETTING, ",".join(sorted(numbers)) or None)


def archive(store: SettingsStore, number: EnterpriseNumber) -> None:
    """Mark the company archived (a client that left)."""
    _save(store, archived(store) | {number.compact})


def restore(store: SettingsStore, number: EnterpriseNumber) -> None:
    """Undo :func:`archive`."""
    _save(store, archived(store) - {number.compact})
