"""Pure normalisers for raw field values: what validation stores and what comparison uses.

>>> text(" Acme  NV ")
'Acme NV'
>>> text(1000.0)
'1000'
>>> language("Français")
'fr'
>>> fold("  ACME   nv ")
'acme nv'
"""

from __future__ import annotations

import re
import reprlib
import unicodedata
from decimal import Decimal
from typing import Final

__all__ = [
    "LANGUAGES",
    "country_code",
    "digits_and_plus",
    "email",
    "fold",
    "language",
    "preview",
    "text",
]

LANGUAGES: Final = ("nl", "fr", "de", "en")

_EMAIL: Final = re.compile(r"[^@\s<>(),;:\"\[\]\\]+@[^@\s<>(),;:\"\[\]\\]+\.[A-Za-z]{2,63}")


def _label_key(value: str) -> str:
    """Lower case, accents and punctuation removed: ``"Français"`` -> ``"francais"``."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


_LANGUAGE_NAMES: Final = {
    "nl": (
        "nl",
        "n",
        "nld",
        "dut",
        "dutch",
        "nederlands",
        "vlaams",
        "flemish",
        "neerlandais",
        "niederlandisch",
        "nl-be",
        "nl-nl",
    ),
    "fr": ("fr", "f", "fra", "fre", "french", "francais", "frans", "franzosisch", "fr-be", "fr-fr"),
    "de": ("de", "d", "deu", "ger", "german", "deutsch", "duits", "allemand", "de-be", "de-de"),
    "en": ("en", "e", "eng", "english", "engels", "anglais", "englisch", "en-gb", "en-us"),
}
_LANGUAGE_LABELS: Final = {
    _label_key(label): code for code, labels in _LANGUAGE_NAMES.items() for label in labels
}
# The common spellings as typed, looked up before the slower accent-stripping key.
_LANGUAGE_QUICK: Final = {
    label: code for code, labels in _LANGUAGE_NAMES.items() for label in labels
} | {"français": "fr", "néerlandais": "nl", "französisch": "fr", "niederländisch": "nl"}

_COUNTRY_NAMES: Final = {
    _label_key(label): code
    for code, labels in {
        "BE": ("belgie", "belgique", "belgium", "belgien", "bel"),
        "NL": ("nederland", "pays-bas", "netherlands", "the netherlands", "nld"),
        "FR": ("frankrijk", "france", "frankreich", "fra"),
        "DE": ("duitsland", "allemagne", "germany", "deutschland", "deu"),
        "LU": ("luxemburg", "luxembourg", "lux"),
    }.items()
    for label in labels
}


_REPR: Final = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 40
_LONG_INT_BITS: Final = 128


def preview(raw: object) -> str:
    """A short one-line rendering of a raw value for messages; never a huge or foreign repr.

    >>> preview("x" * 100)
    "'xxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxx'"
    >>> preview(object())
    'the value'
    """
    if isinstance(raw, int) and raw.bit_length() > _LONG_INT_BITS:
        return "a very long number"
    if isinstance(raw, str | int | float | Decimal):
        return _REPR.repr(raw)
    return "the value"


def text(raw: object) -> str | None:
    """Trimmed text with inner whitespace collapsed; ``None`` when blank.

    Spreadsheet numbers become their plain digits (``1000.0`` -> ``"1000"``).
    """
    if raw is None:
        return None
    if isinstance(raw, str):
        value = raw
    elif isinstance(raw, float) and raw.is_integer():
        value = str(int(raw))
    else:
        value = str(raw)
    if not value.isascii():
        value = unicodedata.normalize("NFKC", value)
    value = " ".join(value.split())
    return value or None


def fold(value: str) -> str:
    """Comparison key that ignores case and whitespace runs."""
    return " ".join(value.casefold().split())


def digits_and_plus(value: str) -> str:
    """Comparison key for phone numbers: only ``+`` and digits count."""
    return "".join(ch for ch in value if ch.isdigit() or ch == "+")


def email(value: str) -> str | None:
    """The address when ``value`` looks like one e-mail address, else ``None``."""
    return value if _EMAIL.fullmatch(value) else None


def language(value: str) -> str | None:
    """``nl``, ``fr``, ``de`` or ``en`` for any known label, else ``None``.

    >>> [language(label) for label in ("NL", "F", "Nederlands", "Néerlandais", "nl_BE", "Klingon")]
    ['nl', 'fr', 'nl', 'nl', 'nl', None]
    """
    return _LANGUAGE_QUICK.get(value.casefold()) or _LANGUAGE_LABELS.get(_label_key(value))


def country_code(value: str) -> str:
    """ISO 3166 alpha-2 for known names (``België`` -> ``BE``), else the value upper-cased."""
    return _COUNTRY_NAMES.get(_label_key(value), value.upper())
