"""Company: frozen keyword-only record whose field metadata drives comparison and overwrites."""

import attrs
import pytest

from govlink import COMPANY_FIELDS, Company, EnterpriseNumber, SourceRef
from govlink.domain import field_policy

NUMBER = EnterpriseNumber.parse("0417.497.106")


def test_company_is_frozen_and_keyword_only() -> None:
    company = Company(enterprise_number=NUMBER, name="AB InBev")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        company.name = "Other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Company(NUMBER, "AB InBev")  # type: ignore[misc]


def test_enterprise_number_and_name_are_required() -> None:
    with pytest.raises(TypeError):
        Company(name="AB InBev")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Company(enterprise_number=NUMBER)  # type: ignore[call-arg]


def test_data_fields_are_listed_in_order() -> None:
    assert COMPANY_FIELDS == (
        "enterprise_number",
        "name",
        "legal_form",
        "email",
        "language",
        "street",
        "house_number",
        "box",
        "postal_code",
        "city",
        "country_code",
        "phone",
        "responsible",
        "customer_code",
    )


def test_origin_takes_no_part_in_equality() -> None:
    a = Company(enterprise_number=NUMBER, name="X", origin=SourceRef(source="excel", row=2))
    b = Company(enterprise_number=NUMBER, name="X", origin=SourceRef(source="adminpulse"))
    assert a == b
    assert hash(a) == hash(b)


def test_field_policies() -> None:
    assert not field_policy("enterprise_number").overwritable
    assert all(field_policy(n).overwritable for n in COMPANY_FIELDS[1:])
    assert field_policy("name").compare_key("  AB   InBev ") == field_policy("name").compare_key(
        "ab inbev"
    )
    assert field_policy("email").compare_key("Info@Ab-Inbev.COM") == "info@ab-inbev.com"
    assert field_policy("phone").compare_key("+32 2 123.45.67") == "+3221234567"
    assert field_policy("customer_code").compare_key("K001") != "k001"
    with pytest.raises(KeyError):
        field_policy("origin")


def test_address_on_one_line() -> None:
    company = Company(
        enterprise_number=NUMBER,
        name="X",
        street="Grote Markt",
        house_number="1",
        box="3",
        postal_code="1000",
        city="Brussel",
        country_code="BE",
    )
    assert company.address == "Grote Markt 1 bus 3, 1000 Brussel, BE"
    assert Company(enterprise_number=NUMBER, name="X").address is None
    assert Company(enterprise_number=NUMBER, name="X", box="2").address == "bus 2"
