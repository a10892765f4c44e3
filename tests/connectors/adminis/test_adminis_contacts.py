"""The company wins: a non-company carrying an active company's number is its contact."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from govlink.connectors.adminis.taskflows import DateWindow
from govlink.domain import InvalidRecord, ValidRecord, validate
from govlink.testing.adminis import AdminisData, AdminisSimulator
from govlink.testing.clock import ScaledClock

from .conftest import Run

COMPANY = "0403019261"
SOLE = "0417497106"
_ALL_TIME = DateWindow(start=date(1900, 1, 1), end=date(2999, 12, 31))


def _customer(cid: int, *, company: bool, vat: str | None, active: bool = True) -> dict[str, Any]:
    return {
        "CustomerId": cid,
        "Name": f"Customer {cid}",
        "Firstname": None if company else "Jan",
        "IsCompany": company,
        "IsActive": active,
        "VATNr": None if vat is None else "BE" + vat,
        "RegistrationNr": None,
        "CustCode": f"K{cid}",
    }


def _office(cid: int) -> dict[str, Any]:
    return {
        "CustomerAddressId": 10 * cid,
        "CustomerId": cid,
        "Street1": "Kunstlaan 56 bus 3",
        "StreetName": "Kunstlaan",
        "HouseNr": "56",
        "HouseBox": "3",
        "ZipCode": "1000",
        "City": "Brussel",
        "CountryCode": "BE",
        "RegisteredOffice": True,
    }


def _data(*customers: dict[str, Any], task_ids: tuple[int, ...] = ()) -> AdminisData:
    return AdminisData(
        customers=list(customers),
        addresses=[_office(c["CustomerId"]) for c in customers],
        taskflows=[{"TaskId": 1, "TaskName": "Jaarrekening", "TaskActive": True}],
        task_data={
            1: [
                {"CustomerId": cid, "ProjectId": cid, "Deadline": "2026-06-30T00:00:00"}
                for cid in task_ids
            ]
        },
    )


def _simulator(data: AdminisData, clock: ScaledClock, api_key: str) -> AdminisSimulator:
    return AdminisSimulator(data, api_key=api_key, clock=clock)


def test_a_contact_of_a_company_is_skipped_never_a_duplicate(
    run: Run, clock: ScaledClock, api_key: str
) -> None:
    # The contact comes first in the listing: the company is known only later.
    data = _data(
        _customer(1, company=False, vat=COMPANY),
        _customer(2, company=True, vat=COMPANY),
        _customer(3, company=False, vat=SOLE),
        _customer(4, company=False, vat=None),
    )
    records, skipped, _ = run(_simulator(data, clock, api_key))
    assert sorted(r.ref.record_id for r in records) == ["2", "3"]
    assert all(isinstance(validate(r), ValidRecord) for r in records)
    assert skipped == {"skipped.contact_of_company": 1, "person": 1}


def test_two_company_customers_with_one_number_stay_duplicates(
    run: Run, clock: ScaledClock, api_key: str
) -> None:
    data = _data(_customer(1, company=True, vat=COMPANY), _customer(2, company=True, vat=COMPANY))
    records, skipped, _ = run(_simulator(data, clock, api_key))
    assert sorted(r.ref.record_id for r in records) == ["1", "2"]
    assert skipped == {}


def test_an_inactive_company_does_not_make_a_contact(
    run: Run, clock: ScaledClock, api_key: str
) -> None:
    data = _data(
        _customer(1, company=True, vat=COMPANY, active=False),
        _customer(2, company=False, vat=COMPANY),
    )
    records, skipped, _ = run(_simulator(data, clock, api_key))
    assert [r.ref.record_id for r in records] == ["2"]
    assert skipped == {"inactive": 1}


@pytest.mark.parametrize(
    ("task_ids", "imported"),
    [
        pytest.param((2, 3), ["3"], id="the company outside the subset"),
        pytest.param((1, 2), ["1"], id="the company beside its contact"),
    ],
)
def test_in_a_taskflow_the_company_wins(
    run: Run, clock: ScaledClock, api_key: str, task_ids: tuple[int, ...], imported: list[str]
) -> None:
    data = _data(
        _customer(1, company=True, vat=COMPANY),
        _customer(2, company=False, vat=COMPANY),
        _customer(3, company=False, vat=SOLE),
        task_ids=task_ids,
    )
    records, skipped, _ = run(_simulator(data, clock, api_key), template="1", window=_ALL_TIME)
    assert [r.ref.record_id for r in records] == imported
    assert skipped == {"skipped.contact_of_company": 1}
    assert not any(isinstance(validate(r), InvalidRecord) for r in records)
