"""Customers to raw records: fields, the address, skip reasons and the conflict rule."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink.connectors.adminis.mapping import CustomerMapping, SkipReason
from govlink.domain import EnterpriseNumber, InvalidRecord, ValidRecord, validate
from govlink.testing.strategies import enterprise_numbers

_ADDRESS = {
    "CustomerAddressId": 11,
    "CustomerId": 7,
    "Street1": "Kerkstraat 12 bus 3",
    "StreetName": "Kerkstraat",
    "HouseNr": "12",
    "HouseBox": "3",
    "ZipCode": "9000",
    "City": "Gent",
    "CountryCode": "BE",
    "RegisteredOffice": True,
}


def _customer(**overrides: Any) -> dict[str, Any]:
    customer: dict[str, Any] = {
        "CustomerId": 7,
        "Name": "Acme",
        "Firstname": None,
        "Email": "info@acme.be",
        "Language": "N",
        "Phone": "+32 9 123 45 67",
        "IsCompany": True,
        "IsActive": True,
        "VATNr": "BE 0403.019.261",
        "RegistrationNr": None,
        "CustCode": "K0007",
        "Unknown": [1, 2],
    }
    customer.update(overrides)
    return customer


def test_a_company_maps_every_field() -> None:
    record = CustomerMapping().record(_customer(), _ADDRESS)
    result = validate(record)
    assert isinstance(result, ValidRecord)
    company = result.company
    assert company.enterprise_number == EnterpriseNumber("0403019261")
    assert (company.name, company.email, company.language) == ("Acme", "info@acme.be", "nl")
    assert (company.customer_code, company.phone) == ("K0007", "+32 9 123 45 67")
    assert (company.street, company.house_number, company.box) == ("Kerkstraat", "12", "3")
    assert (company.postal_code, company.city, company.country_code) == ("9000", "Gent", "BE")
    assert str(company.origin) == "adminis record 7"
    assert record.raw["Unknown"] == [1, 2]
    assert record.raw["RegisteredOffice.Street1"] == "Kerkstraat 12 bus 3"


def test_without_an_address_the_address_fields_stay_empty() -> None:
    result = validate(CustomerMapping().record(_customer(), None))
    assert isinstance(result, ValidRecord)
    assert result.company.street is None


def test_street1_is_the_fallback_for_the_street_without_its_number() -> None:
    address = dict(_ADDRESS, StreetName=None)
    record = CustomerMapping().record(_customer(), address)
    assert record.fields["street"] == "Kerkstraat"


@given(enterprise_numbers(), enterprise_numbers())
def test_registration_nr_conflicting_with_vat_nr_is_invalid(
    vat: EnterpriseNumber, registration: EnterpriseNumber
) -> None:
    customer = _customer(VATNr=vat.vat, RegistrationNr=registration.formatted)
    result = validate(CustomerMapping().record(customer, None))
    if vat == registration:
        assert isinstance(result, ValidRecord)
    else:
        assert isinstance(result, InvalidRecord)
        assert result.codes == ("enterprise_number.conflict",)


@given(enterprise_numbers(), st.sampled_from([None, "", "n/a", "BE 123"]))
def test_either_field_may_carry_the_number(number: EnterpriseNumber, other: str | None) -> None:
    for customer in (
        _customer(VATNr=other, RegistrationNr=number.compact),
        _customer(VATNr=number.vat, RegistrationNr=other),
    ):
        result = validate(CustomerMapping().record(customer, None))
        assert isinstance(result, ValidRecord)
        assert result.company.enterprise_number == number


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({}, None),
        ({"IsActive": False}, SkipReason.INACTIVE),
        ({"IsActive": 0, "IsCompany": False}, SkipReason.INACTIVE),
        ({"IsCompany": False, "VATNr": None}, SkipReason.PERSON),
        ({"IsCompany": "0", "VATNr": "not a number"}, SkipReason.PERSON),
        ({"IsCompany": False}, None),
        ({"IsCompany": 1, "VATNr": None}, None),
        ({"IsActive": "true"}, None),
    ],
)
def test_skip_reasons(overrides: dict[str, Any], reason: SkipReason | None) -> None:
    assert CustomerMapping().skip_reason(_customer(**overrides)) == reason


def test_skip_settings() -> None:
    mapping = CustomerMapping(include_inactive=True, include_sole_proprietors=False)
    assert mapping.skip_reason(_customer(IsActive=False)) is None
    assert mapping.skip_reason(_customer(IsCompany=False)) == SkipReason.PERSON


def test_a_sole_proprietor_is_named_surname_first() -> None:
    record = CustomerMapping().record(_customer(IsCompany=False, Firstname="Jan"), None)
    assert record.fields["name"] == "Acme Jan"


def test_the_responsible_field_is_a_setting() -> None:
    customer = _customer(Manager="an@firm.be")
    assert "responsible" not in CustomerMapping().record(customer, None).fields
    mapped = CustomerMapping(responsible_field="Manager").record(customer, None)
    assert mapped.fields["responsible"] == "an@firm.be"


def test_other_number_fields_are_a_setting() -> None:
    customer = _customer(VATNr=None, RPR="0403019261")
    result = validate(CustomerMapping(number_fields=("RPR",)).record(customer, None))
    assert isinstance(result, ValidRecord)


@pytest.mark.parametrize(
    ("office", "expected"),
    [
        (
            {"Street1": "Kunstlaan 56 bus 3", "StreetName": "Kunstlaan", "HouseNr": "56",
             "HouseBox": "3"},
            ("Kunstlaan", "56", "3"),
        ),
        (
            {"Street1": "Kunstlaan 56 bus 3", "StreetName": None, "HouseNr": "56",
             "HouseBox": "3"},
            ("Kunstlaan", "56", "3"),
        ),
        (
            {"Street1": "Rue Haute 12/B", "StreetName": "", "HouseNr": None, "HouseBox": None},
            ("Rue Haute", "12", "B"),
        ),
        (
            {"Street1": "Avenue du 11 Novembre 4", "StreetName": None, "HouseNr": None},
            ("Avenue du 11 Novembre", "4", None),
        ),
        ({"Street1": "Postbus", "StreetName": None, "HouseNr": None}, ("Postbus", None, None)),
    ],
)  # fmt: skip
def test_street1_never_doubles_the_number(
    office: dict[str, object], expected: tuple[object, ...]
) -> None:
    customer = {"CustomerId": 7, "Name": "Acme", "IsCompany": True, "VATNr": "BE0403019261"}
    fields = CustomerMapping().record(customer, {"CustomerId": 7, **office}).fields
    assert (fields["street"], fields["house_number"], fields.get("box")) == expected
