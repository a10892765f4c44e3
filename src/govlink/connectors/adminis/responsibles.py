"""The responsible colleague of each customer, from its projects' employees (bulk listings).

Admin-IS keeps no responsible on the customer. The public SDK (``cornettew/adminconsult-sdk``)
reads a project's employees from ``projects/{id}/projectemployee`` (list endpoint
``projectemployees``: ``ProjectId``, ``EmployeeId``, ``EmployeeProfileId``, ``IsActive``), the
profiles from ``employeeprofiles`` (``ProfileId``, ``ProfileName``, ``IsRelational``), the
employees from ``employees`` (``EmployeeId``, ``WorkEmail``, ``EmployeeActive``) and the
projects from ``projects`` (``ProjectId``, ``CustomerId``, ``IsActive``). govlink reads each of
the four once, whatever the number of customers: never one call per customer or project.

>>> pick_profile([{"ProfileId": 3, "ProfileName": "Medewerker", "IsRelational": True},
...               {"ProfileId": 2, "ProfileName": "Dossierbeheerder", "IsRelational": 1}], None)
2
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

from govlink.connectors.adminis.client import CONNECTOR, AdminisClient
from govlink.connectors.adminis.filters import field
from govlink.connectors.adminis.mapping import is_true
from govlink.errors import ConfigurationError

__all__ = ["NO_PROFILE", "Responsibles", "pick_profile", "read_responsibles"]

#: The profile setting that turns the lookup off.
NO_PROFILE: Final = "none"


def _id(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def pick_profile(profiles: Sequence[Mapping[str, Any]], wanted: str | None) -> int | None:
    """The ``ProfileId`` of the profile named ``wanted`` (case-insensitive), else of the first
    relational profile (the lowest ``ProfileId`` with ``IsRelational``); ``None`` when none.

    :raises ConfigurationError: ``wanted`` names no profile (the message lists them).
    """
    ids = [(p, _id(p.get("ProfileId"))) for p in profiles]
    if wanted is not None:
        key = " ".join(wanted.casefold().split())
        for profile, number in ids:
            if " ".join(str(profile.get("ProfileName", "")).casefold().split()) == key:
                return number
        names = ", ".join(str(p.get("ProfileName")) for p in profiles) or "none"
        raise ConfigurationError(
            f"{CONNECTOR}: GOVLINK_ADMINIS_RESPONSIBLE_PROFILE {wanted!r} is no employee "
            f"profile; the profiles are {names}",
            connector=CONNECTOR,
        )
    relational = sorted(n for p, n in ids if n is not None and is_true(p.get("IsRelational")))
    return relational[0] if relational else None


@attrs.frozen(kw_only=True)
class Responsibles:
    """``CustomerId`` -> the responsible's e-mail, and the active employees' e-mails."""

    by_customer: Mapping[int, str] = attrs.field(factory=dict)
    colleagues: frozenset[str] | None = None

    def of(self, customer_id: Any) -> str | None:
        """The responsible e-mail of a customer, if it has one."""
        number = _id(customer_id)
        return None if number is None else self.by_customer.get(number)


def _emails(employees: Iterable[Mapping[str, Any]]) -> tuple[dict[int, str], set[str]]:
    emails: dict[int, str] = {}
    active: set[str] = set()
    for employee in employees:
        number, email = _id(employee.get("EmployeeId")), employee.get("WorkEmail")
        if number is None or not isinstance(email, str) or not email.strip():
            continue
        emails[number] = email.strip()
        if employee.get("EmployeeActive") is None or is_true(employee.get("EmployeeActive")):
            active.add(email.strip())
    return emails, active


def read_responsibles(client: AdminisClient, profile: str | None) -> Responsibles:
    """The responsible of every customer: the employee holding ``profile`` (default: the first
    relational profile) on the customer's active project with the lowest ``ProjectId``.

    ``profile`` :data:`NO_PROFILE` reads nothing.
    """
    if profile is not None and profile.strip().casefold() == NO_PROFILE:
        return Responsibles()
    chosen = pick_profile(list(client.rows("employeeprofiles")), profile)
    if chosen is None:
        return Responsibles()
    emails, active = _emails(client.rows("employees"))
    query = field("EmployeeProfileId").eq(chosen) & field("IsActive").eq(True)
    holder: dict[int, int] = {}
    for row in client.rows("projectemployees", query):
        project, employee = _id(row.get("ProjectId")), _id(row.get("EmployeeId"))
        if project is not None and employee is not None:
            holder.setdefault(project, employee)
    by_customer: dict[int, tuple[int, str]] = {}
    for row in client.rows("projects", field("IsActive").eq(True)):
        project, customer = _id(row.get("ProjectId")), _id(row.get("CustomerId"))
        if project is None or customer is None or project not in holder:
            continue
        email = emails.get(holder[project])
        if email is not None and (
            customer not in by_customer or project < by_customer[customer][0]
        ):
            by_customer[customer] = (project, email)
    return Responsibles(
        by_customer={c: e for c, (_, e) in by_customer.items()},
        colleagues=frozenset(active) if emails else None,
    )
