"""Deterministic sample data for the Admin-IS simulator: customers, addresses, taskflows."""

from __future__ import annotations

import random
from datetime import date
from typing import Any, Final

import attrs

__all__ = ["AdminisData", "sample_data"]

_WORDS: Final = (
    "Acme", "Brouwerij", "Delta", "Eiken", "Fiduciaire", "Garage", "Horizon", "Immo", "Jansen",
    "Kasteel", "Linde", "Maes", "Noord", "Orion", "Peeters", "Quatre", "Roos", "Schelde",
    "Tilia", "Uniek", "Vandamme", "Wouters", "Ysbrand", "Zonnebloem",
)  # fmt: skip
_FORMS: Final = ("NV", "BV", "CV", "VZW", "SRL", "SA", "Comm.V")
_LANGUAGES: Final = ("N", "F", "NL", "FR", "D", "E", None)
_CITIES: Final = (("9000", "Gent"), ("2000", "Antwerpen"), ("1000", "Brussel"), ("4000", "Liège"))


def _number(first8: int) -> str:
    return f"{first8:08d}{97 - first8 % 97:02d}"


@attrs.define(kw_only=True)
class AdminisData:
    """What the simulator serves; plain JSON objects with the API's field names.

    :param customers: ``customers`` rows (``CustomerId``, ``Name``, ``IsCompany``, ...).
    :param addresses: ``customeraddresses`` rows (``CustomerId``, ``RegisteredOffice``, ...).
    :param taskflows: ``taskflow/tasks`` rows (``TaskId``, ``TaskName``, ``TaskActive``).
    :param task_data: per ``TaskId``, the ``taskflow/tasks/{id}/data`` rows (``CustomerId``,
        ``ProjectId``, ``Deadline`` as an ISO date-time, plus subtask columns ``label(id)``).
    :param employees: ``employees`` rows (``EmployeeId``, ``WorkEmail``, ``EmployeeActive``).
    :param employee_profiles: ``employeeprofiles`` rows (``ProfileId``, ``ProfileName``,
        ``IsRelational``).
    :param projects: ``projects`` rows (``ProjectId``, ``CustomerId``, ``IsActive``).
    :param project_employees: ``projectemployees`` rows (``ProjectId``, ``EmployeeId``,
        ``EmployeeProfileId``, ``IsActive``), also served per project as
        ``projects/{id}/projectemployee``.
    """

    customers: list[dict[str, Any]] = attrs.field(factory=list)
    addresses: list[dict[str, Any]] = attrs.field(factory=list)
    taskflows: list[dict[str, Any]] = attrs.field(factory=list)
    task_data: dict[int, list[dict[str, Any]]] = attrs.field(factory=dict)
    employees: list[dict[str, Any]] = attrs.field(factory=list)
    employee_profiles: list[dict[str, Any]] = attrs.field(factory=list)
    projects: list[dict[str, Any]] = attrs.field(factory=list)
    project_employees: list[dict[str, Any]] = attrs.field(factory=list)


def _customer(i: int, rng: random.Random) -> dict[str, Any]:
    """Customer ``i``: the kind follows ``i`` (so a test can predict it), the text is random."""
    number = _number(4_000_000 + (i * 7_919) % 5_000_000)
    name = f"{rng.choice(_WORDS)} {rng.choice(_WORDS)}"
    person = i % 10 == 3
    sole = i % 20 == 7
    vat: str | None = "BE" + number
    registration: str | None = None
    if i % 3 == 1:
        registration = f"{number[:4]}.{number[4:7]}.{number[7:]}"
    elif i % 3 == 2:
        vat, registration = None, number
    if i % 97 == 11:  # two different valid numbers: a conflict
        vat, registration = "BE" + number, _number(10_000_000 + i)
    if person:
        vat = registration = None
    if i % 40 == 33:  # a contact (director) entered with the number of company i - 1
        vat = "BE" + _number(4_000_000 + ((i - 1) * 7_919) % 5_000_000)
    return {
        "CustomerId": 1_000 + i,
        "Name": name if person or sole else f"{name} {rng.choice(_FORMS)}",
        "Firstname": rng.choice(_WORDS) if person or sole else None,
        "Email": f"info{i}@{name.split()[0].lower()}.be" if i % 13 else "not-an-email",
        "Language": _LANGUAGES[i % len(_LANGUAGES)],
        "Phone": f"+32 {rng.randrange(10_000_000, 99_999_999)}",
        "IsCompany": not (person or sole),
        "IsActive": i % 17 != 5,
        "VATNr": vat,
        "RegistrationNr": registration,
        "SocialSecurityNumber": None,
        "RPR": None,
        "CustCode": f"K{i:05d}",
        "CompanyId": 1,
    }


def _addresses(customer: dict[str, Any], i: int, rng: random.Random) -> list[dict[str, Any]]:
    if i % 11 == 4:
        return []
    postal, city = rng.choice(_CITIES)
    street, number = f"{rng.choice(_WORDS)}straat", str(rng.randrange(1, 300))
    box = "B" if i % 7 == 0 else None
    office = {
        "CustomerAddressId": 10 * customer["CustomerId"],
        "AddressId": 10 * customer["CustomerId"],
        "CustomerId": customer["CustomerId"],
        "Street1": f"{street} {number}" + (f"/{box}" if box else ""),  # as GET gives it
        "Street2": None,
        "StreetName": None if i % 9 == 2 else street,
        "HouseNr": number,
        "HouseBox": box,
        "ZipCode": postal,
        "City": city,
        "CountryCode": "BE",
        "CountryId": 21,
        "RegisteredOffice": True,
        "InvoiceAddress": i % 2 == 0,
        "PostalAddress": True,
        "ExploitationAddress": False,
    }
    if i % 5:
        return [office]
    invoice = dict(
        office,
        CustomerAddressId=office["CustomerAddressId"] + 1,
        AddressId=office["AddressId"] + 1,
        Street1="Postbus 12",
        StreetName="Postbus",
        HouseNr="12",
        RegisteredOffice=False,
        InvoiceAddress=True,
    )
    return [invoice, office]


def _task_rows(customer_id: int, i: int, year: int) -> dict[int, list[dict[str, Any]]]:
    """Task 1 (annual accounts): deadlines this year, last year and four years ago;
    task 2 (VAT): next year; task 3 (inactive flow): none."""
    rows: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    deadline_years = {0: year, 1: year - 1, 2: year - 4}
    if i % 4 in deadline_years:
        rows[1].append(
            {
                "Id": 100_000 + i,
                "TaskPlanningId": 5,
                "CustomerId": customer_id,
                "ProjectId": 7_000 + i,
                "CompanyId": 1,
                "Deadline": f"{deadline_years[i % 4]}-06-30T00:00:00",
                "Balans opgemaakt(101)": i % 2,
                "Balans opgemaakt(101) date": None,
                "Neergelegd (NBB)(102)": "",
            }
        )
    if i % 6 == 0:
        rows[2].append(
            {
                "Id": 200_000 + i,
                "TaskPlanningId": 6,
                "CustomerId": customer_id,
                "ProjectId": 8_000 + i,
                "CompanyId": 1,
                "Deadline": f"{year + 1}-01-20T00:00:00",
                "Aangifte ingediend(201)": 0,
            }
        )
    return rows


_PROFILES: Final = (
    {"ProfileId": 1, "ProfileName": "Vennoot", "IsRelational": False},
    {"ProfileId": 3, "ProfileName": "Medewerker", "IsRelational": True},
    {"ProfileId": 2, "ProfileName": "Dossierbeheerder", "IsRelational": True},
)
_STAFF: Final = 6


def _staff(data: AdminisData) -> None:
    data.employee_profiles.extend(dict(p) for p in _PROFILES)
    data.employees.extend(
        {
            "EmployeeId": 500 + k,
            "FirstName": f"Colleague{k}",
            "LastName": "Kantoor",
            "WorkEmail": f"colleague{k}@kantoor.example",
            "EmployeeActive": k != _STAFF - 1,
        }
        for k in range(_STAFF)
    )


def _projects(data: AdminisData, customer_id: int, i: int) -> None:
    """Customer ``i`` has a project unless ``i % 8 == 5``; a second, newer one when
    ``i % 5 == 0``; the older project's "Dossierbeheerder" (profile 2) is employee
    ``500 + i % 6`` (inactive when ``i % 6 == 5``), its "Medewerker" ``500 + (i + 1) % 6``."""
    if i % 8 == 5:
        return
    for n, project in enumerate((60_000 + i, 90_000 + i)[: 2 if i % 5 == 0 else 1]):
        data.projects.append(
            {"ProjectId": project, "CustomerId": customer_id, "IsActive": True,
             "IsTaskflowCustomer": True, "ProjectTitle": f"Dossier {i}"}
        )  # fmt: skip
        for profile, employee in ((2, i + n), (3, i + 1)):
            data.project_employees.append(
                {"ProjectEmployeePk": 10 * project + profile, "ProjectId": project,
                 "EmployeeId": 500 + employee % _STAFF, "EmployeeProfileId": profile,
                 "IsTaskflowEmployee": True, "IsActive": True}
            )  # fmt: skip


def sample_data(customers: int, *, seed: int = 0, year: int | None = None) -> AdminisData:
    """``customers`` customers of every kind, with addresses and three taskflows.

    Customer ``i`` (``CustomerId = 1000 + i``) is a person when ``i % 10 == 3`` (when
    ``i % 40 == 33`` a contact carrying company ``i - 1``'s number in ``VATNr``), a sole
    proprietor (``IsCompany`` false, valid ``VATNr``) when ``i % 20 == 7``, inactive when
    ``i % 17 == 5``, has conflicting ``VATNr`` / ``RegistrationNr`` when ``i % 97 == 11``, a bad
    e-mail when ``i % 13 == 0`` and no address when ``i % 11 == 4``; an address's ``Street1``
    is "street number/box" and its ``StreetName`` is empty when ``i % 9 == 2``; the enterprise
    number sits in ``VATNr``, in both fields, or only in ``RegistrationNr`` by ``i % 3``. Taskflow 1
    ("Jaarafsluiting") has deadlines in ``year``, ``year - 1`` and ``year - 4``; taskflow 2
    ("BTW-aangifte") in ``year + 1``; taskflow 3 is inactive and empty. ``year`` defaults to
    the current one.
    """
    rng = random.Random(seed)
    year = year or date.today().year
    data = AdminisData(
        taskflows=[
            {"TaskId": 1, "TaskName": "Jaarafsluiting", "TaskActive": True},
            {"TaskId": 2, "TaskName": "BTW-aangifte", "TaskActive": True},
            {"TaskId": 3, "TaskName": "Personenbelasting 2019", "TaskActive": False},
        ],
        task_data={1: [], 2: [], 3: []},
    )
    _staff(data)
    for i in range(customers):
        customer = _customer(i, rng)
        _projects(data, customer["CustomerId"], i)
        data.customers.append(customer)
        data.addresses.extend(_addresses(customer, i, rng))
        for task, rows in _task_rows(customer["CustomerId"], i, year).items():
            data.task_data[task].extend(rows)
    return data
