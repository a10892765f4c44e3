"""The template's example row: what :func:`~govlink.connectors.excel.template.write_template`
writes below the header, and how the Excel source recognises it so it is never imported.

A row is the example while its enterprise number and its name are still the template's
(in any of the three languages); once a user types over either, it is an ordinary row.

>>> is_example_row({"enterprise_number": "0417.497.106", "name": " Voorbeeld NV "})
True
>>> is_example_row({"enterprise_number": "0417.497.106", "name": "Bakkerij Peeters"})
False
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from govlink.connectors.excel.headers import TemplateLanguage

__all__ = ["EXAMPLE_ROW", "SKIPPED_EXAMPLE", "example_row", "is_example_row"]

#: The ``skipped`` reason of the template's example row.
SKIPPED_EXAMPLE: Final = "template example"

EXAMPLE_ROW: Final[dict[TemplateLanguage, dict[str, str]]] = {
    "nl": {
        "name": "Voorbeeld NV",
        "legal_form": "NV",
        "email": "info@voorbeeld.be",
        "language": "Nederlands",
        "street": "Kunstlaan",
        "city": "Brussel",
        "responsible": "an.peeters@uwkantoor.be",
    },
    "fr": {
        "name": "Exemple SA",
        "legal_form": "SA",
        "email": "info@exemple.be",
        "language": "Français",
        "street": "Avenue des Arts",
        "city": "Bruxelles",
        "responsible": "anne.dupont@votrebureau.be",
    },
    "en": {
        "name": "Example Ltd",
        "legal_form": "NV",
        "email": "info@example.be",
        "language": "English",
        "street": "Kunstlaan",
        "city": "Brussels",
        "responsible": "ann.peters@yourfirm.be",
    },
}
_COMMON: Final = {
    "enterprise_number": "0417.497.106",
    "house_number": "56",
    "box": "",
    "postal_code": "1000",
    "country_code": "BE",
    "phone": "+32 2 123 45 67",
    "customer_code": "K0001",
}


def _digits(value: object) -> str:
    return "".join(ch for ch in str(value) if ch.isdigit())


_NUMBER: Final = _digits(_COMMON["enterprise_number"])
_NAMES: Final = frozenset(row["name"].casefold() for row in EXAMPLE_ROW.values())


def example_row(language: TemplateLanguage) -> dict[str, str]:
    """Every field of the example row in ``language`` (``""`` for a cell left empty)."""
    return _COMMON | EXAMPLE_ROW[language]


def is_example_row(fields: Mapping[str, object]) -> bool:
    """Whether a row's recognised fields are still the template's example."""
    name = fields.get("name")
    if not isinstance(name, str) or " ".join(name.split()).casefold() not in _NAMES:
        return False
    number = fields.get("enterprise_number")
    return number is not None and _digits(number) == _NUMBER
