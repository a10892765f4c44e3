"""Admin-IS customers (and their registered-office address) to raw records.

>>> mapping = CustomerMapping()
>>> customer = {"CustomerId": 7, "Name": "Acme", "IsCompany": True, "IsActive": True,
...             "VATNr": "BE0403019261", "RegistrationNr": None, "CustCode": "K7"}
>>> mapping.skip_reason(customer) is None
True
>>> record = mapping.record(customer, None)
>>> record.ref.record_id, record.fields["name"], record.fields["customer_code"]
('7', 'Acme', 'K7')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Final

import attrs

from govlink.domain.enterprise_number import EnterpriseNumber, is_valid
from govlink.domain.records import NumberCandidates, RawRecord, SkippedRecord, SourceRef
from govlink.errors import InvalidEnterpriseNumber

__all__ = [
    "ADDRESS_PREFIX",
    "DEFAULT_NUMBER_FIELDS",
    "SOURCE_NAME",
    "CustomerMapping",
    "SkipReason",
    "is_true",
]

#: The source name on every :class:`~govlink.SourceRef`.
SOURCE_NAME: Final = "adminis"
#: The customer fields that may carry the enterprise number, preferred first.
DEFAULT_NUMBER_FIELDS: Final = ("VATNr", "RegistrationNr")
#: Prefix of the registered-office address columns kept in ``RawRecord.raw``.
ADDRESS_PREFIX: Final = "RegisteredOffice."

# Company field <- customer field.
_CUSTOMER_FIELDS: Final = {
    "email": "Email",
    "language": "Language",
    "phone": "Phone",
    "customer_code": "CustCode",
}
# Company field <- customer-address fields, first non-blank wins. The street is special: on GET
# ``Street1`` holds street, number and box, ``StreetName`` the bare street (see _street).
_ADDRESS_FIELDS: Final = {
    "house_number": ("HouseNr",),
    "box": ("HouseBox",),
    "postal_code": ("ZipCode",),
    "city": ("City",),
    "country_code": ("CountryCode",),
}
_TRUE: Final = frozenset({"1", "true", "yes", "y", "-1"})
#: ``Street1`` as street, house number and box: "Kunstlaan 56 bus 3", "Rue Haute 12/B".
_STREET1: Final = re.compile(
    r"^(?P<street>.*?\D)[\s,]+(?P<number>\d+[A-Za-z]?)"
    r"(?:\s*(?:/|-|\b(?:bus|bte|boîte|boite|box|b)\b\.?)\s*(?P<box>\w+))?\s*$",
    re.IGNORECASE,
)


class SkipReason(StrEnum):
    """Why a customer is left out on purpose (counted, never reported as invalid)."""

    PERSON = "person"
    INACTIVE = "inactive"
    #: A non-company carrying the number of an active company customer: a director or contact
    #: entered with the company's number, not a sole proprietor.
    CONTACT_OF_COMPANY = "skipped.contact_of_company"


def is_true(value: Any) -> bool:
    """An Admin-IS boolean: JSON true/false, 0/1 or their text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    return isinstance(value, str) and value.strip().casefold() in _TRUE


def _first(row: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = row.get(name)
        if value is not None and str(value).strip():
            return value
    return None


@attrs.frozen(kw_only=True)
class CustomerMapping:
    """How customers become records; every choice is a setting (see ``docs/adminis.md``).

    :param number_fields: customer fields that may carry the enterprise number, preferred first.
    :param responsible_field: the customer field holding the responsible colleague's e-mail
        (none by default: the records then get the warning ``responsible.missing``).
    :param responsible_profile: without ``responsible_field``, the employee profile whose
        project employee is the responsible (``ProfileName``; default: the first relational
        profile; ``"none"``: not read), see :mod:`.responsibles`.
    :param include_inactive: import inactive customers instead of skipping them.
    :param include_sole_proprietors: import customers with ``IsCompany`` false whose
        enterprise number is valid (sole proprietors); the others are persons, always skipped.
    """

    number_fields: tuple[str, ...] = DEFAULT_NUMBER_FIELDS
    responsible_field: str | None = None
    responsible_profile: str | None = None
    include_inactive: bool = False
    include_sole_proprietors: bool = True

    def candidates(self, customer: Mapping[str, Any]) -> NumberCandidates:
        """The enterprise-number fields of ``customer``, preferred first.

        Validation resolves them: the valid values must agree (else the record is invalid with
        ``enterprise_number.conflict``); with none valid, the first non-blank one's problem.
        """
        return NumberCandidates({name: customer.get(name) for name in self.number_fields})

    def skip_reason(self, customer: Mapping[str, Any]) -> SkipReason | None:
        """Why ``customer`` is left out, or ``None`` when it is imported."""
        if not self.include_inactive and not is_true(customer.get("IsActive")):
            return SkipReason.INACTIVE
        if is_true(customer.get("IsCompany")):
            return None
        numbers = (customer.get(name) for name in self.number_fields)
        if self.include_sole_proprietors and any(map(is_valid, numbers)):
            return None
        return SkipReason.PERSON

    @staticmethod
    def is_company(customer: Mapping[str, Any]) -> bool:
        """Whether ``customer`` is flagged a company (``IsCompany``)."""
        return is_true(customer.get("IsCompany"))

    @staticmethod
    def is_active(customer: Mapping[str, Any]) -> bool:
        """Whether ``customer`` is active (``IsActive``)."""
        return is_true(customer.get("IsActive"))

    def numbers(self, customer: Mapping[str, Any]) -> frozenset[str]:
        """The valid enterprise numbers (10 digits) in ``customer``'s number fields."""
        found = set()
        for name in self.number_fields:
            value = customer.get(name)
            if value is None or not str(value).strip():
                continue
            try:
                found.add(EnterpriseNumber.parse(value).compact)
            except InvalidEnterpriseNumber:
                continue
        return frozenset(found)

    def skipped(self, customer: Mapping[str, Any], reason: str) -> SkippedRecord:
        """The kept trace of a customer left out for ``reason``."""
        return SkippedRecord(
            ref=SourceRef(source=SOURCE_NAME, record_id=str(customer.get("CustomerId"))),
            reason=reason,
            numbers={name: customer.get(name) for name in self.number_fields},
            raw=customer,
        )

    def record(
        self,
        customer: Mapping[str, Any],
        address: Mapping[str, Any] | None,
        responsible: str | None = None,
    ) -> RawRecord:
        """The raw record of an imported customer and its registered-office address.

        ``raw`` is the whole customer plus the address columns under :data:`ADDRESS_PREFIX`.
        """
        fields: dict[str, Any] = {
            "enterprise_number": self.candidates(customer),
            "name": self._name(customer),
        }
        for target, source in _CUSTOMER_FIELDS.items():
            fields[target] = customer.get(source)
        if self.responsible_field is not None:
            fields["responsible"] = customer.get(self.responsible_field)
        elif responsible is not None:
            fields["responsible"] = responsible
        raw = dict(customer)
        if address is not None:
            for target, sources in _ADDRESS_FIELDS.items():
                fields[target] = _first(address, sources)
            fields.update(_street(address, fields))
            raw.update({ADDRESS_PREFIX + key: value for key, value in address.items()})
        ref = SourceRef(source=SOURCE_NAME, record_id=str(customer.get("CustomerId")))
        return RawRecord(fields=fields, ref=ref, raw=raw)

    @staticmethod
    def _name(customer: Mapping[str, Any]) -> Any:
        if is_true(customer.get("IsCompany")):
            return customer.get("Name")
        parts = [customer.get("Name"), customer.get("Firstname")]
        return " ".join(str(p).strip() for p in parts if p is not None and str(p).strip()) or None


def _street(address: Mapping[str, Any], fields: Mapping[str, Any]) -> dict[str, Any]:
    """The street (and, when the address lacks them, number and box) without doubling them.

    ``StreetName`` is the bare street. Without it, ``Street1`` ("Kunstlaan 56 bus 3") is split:
    its number and box fill ``house_number`` and ``box`` when those are empty.
    """
    bare = _first(address, ("StreetName",))
    if bare is not None:
        return {"street": bare}
    line = _first(address, ("Street1",))
    if line is None:
        return {"street": None}
    match = _STREET1.match(" ".join(str(line).split()))
    if match is None:
        return {"street": line}
    result: dict[str, Any] = {"street": match["street"].strip(" ,")}
    for name, value in (("house_number", match["number"]), ("box", match["box"])):
        if value and fields.get(name) is None:
            result[name] = value
    return result
