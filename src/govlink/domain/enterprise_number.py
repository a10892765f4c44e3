"""The Belgian enterprise number (KBO/BCE ondernemingsnummer / numéro d'entreprise).

>>> n = EnterpriseNumber.parse("BE 0403.019.261")
>>> n.compact, n.formatted, n.vat
('0403019261', '0403.019.261', 'BE0403019261')
>>> EnterpriseNumber.parse(403019261.0) == n
True
>>> try:
...     EnterpriseNumber.parse("2.147.812.701")
... except InvalidEnterpriseNumber as error:
...     print(error.code)
enterprise_number.establishment_unit

python-stdnum (``stdnum.be.vat``) does the cleaning, length, first-digit and mod-97 checks; this
module adds what it lacks: spreadsheet damage (ints, floats, ``"403019261.0"``), establishment
units, and the rejection of check digits ``00`` and all-zero payloads.

Fast path: a valid number in plain ASCII (``0403019261``, ``0403.019.261``, ``BE 403019261``,
what spreadsheet cells mostly hold) is checked here directly, with ``str.translate`` and the
mod-97 arithmetic, which gives exactly what stdnum gives (a property test over every spelling
class of the spec proves it) at a tenth of the cost. Anything else, and every invalid number,
takes the reference path through stdnum, so every error comes from one place.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal
from typing import Final

from govlink.domain.normalize import preview
from govlink.domain.reasons import ReasonCode
from govlink.errors import InvalidEnterpriseNumber

__all__ = ["EnterpriseNumber", "is_valid"]


_MISSING: Final = ReasonCode.ENTERPRISE_NUMBER_MISSING
_FORMAT: Final = ReasonCode.ENTERPRISE_NUMBER_FORMAT
_LENGTH: Final = ReasonCode.ENTERPRISE_NUMBER_LENGTH
_CHECKSUM: Final = ReasonCode.ENTERPRISE_NUMBER_CHECKSUM
_ESTABLISHMENT_UNIT: Final = ReasonCode.ENTERPRISE_NUMBER_ESTABLISHMENT_UNIT
_PLACEHOLDER_CODE: Final = ReasonCode.ENTERPRISE_NUMBER_PLACEHOLDER

# "403019261.0", "0403019261.00": a spreadsheet float rendered as text.
_FLOAT_TEXT: Final = re.compile(r"\s*([0-9]+)\.0+\s*")
# "4.03019261E+08": a spreadsheet float in scientific notation.
_SCIENTIFIC_TEXT: Final = re.compile(r"\s*([0-9])(?:\.([0-9]+))?[eE]\+?([0-9]+)\s*")
# More digits than any spelling of a 10-digit number has; longer ints are not turned into text.
_MAX_DIGITS: Final = 32


def _fail(raw: object, reason: ReasonCode, why: str) -> InvalidEnterpriseNumber:
    return InvalidEnterpriseNumber(
        f"{preview(raw)} is not a valid enterprise number: {why}", code=reason, value=raw
    )


def _ascii_digits(text: str) -> str:
    """NFKC (full-width digits, NBSP) plus any other Unicode decimal digit mapped to ASCII."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and ch.isdecimal() else ch for ch in text
    )


# A note where the number will come ("BTW-nummer in aanvraag", "TVA en cours", "pending").
_PLACEHOLDER: Final = re.compile(
    r"\b(?:in\s+aanvraag|aangevraagd|en\s+cours|en\s+demande|demand[ée]e?s?|applied\s+for|pending)\b",
    re.IGNORECASE,
)


def _placeholder(raw: object, text: str) -> InvalidEnterpriseNumber | None:
    """The error of a digit-less placeholder text, or ``None``."""
    if any(ch.isdigit() for ch in text) or not _PLACEHOLDER.search(text):
        return None
    return InvalidEnterpriseNumber(
        f"{preview(raw)} is a placeholder, not an enterprise number: "
        "fill in the number once the KBO has given it",
        code=_PLACEHOLDER_CODE,
        value=raw,
    )


def _missing(raw: object) -> InvalidEnterpriseNumber:
    return InvalidEnterpriseNumber("the enterprise number is missing", code=_MISSING, value=raw)


def _text_of(raw: object) -> str:
    """Turn a raw cell or field value into text, undoing spreadsheet number damage."""
    if isinstance(raw, str):
        if not raw or raw.isspace():
            raise _missing(raw)
        text = raw if raw.isascii() else _ascii_digits(raw)
        # _FLOAT_TEXT has exactly one dot: "0403.019.261" skips the regular expression.
        if text.count(".") == 1 and (match := _FLOAT_TEXT.fullmatch(text)):
            return match.group(1)
        if ("E" in text or "e" in text) and (match := _SCIENTIFIC_TEXT.fullmatch(text)):
            return _scientific_digits(raw, match)
        return text
    if raw is None:
        raise _missing(raw)
    if isinstance(raw, bool):
        raise _fail(raw, _FORMAT, "a yes/no value is not a number")
    if isinstance(raw, int):
        return _whole_number_text(raw, raw)
    if isinstance(raw, float):
        if not math.isfinite(raw) or not raw.is_integer():
            raise _fail(raw, _FORMAT, "it is not a whole number")
        return _whole_number_text(raw, int(raw))
    if isinstance(raw, Decimal):
        if not raw.is_finite() or raw != raw.to_integral_value():
            raise _fail(raw, _FORMAT, "it is not a whole number")
        return _whole_number_text(raw, int(raw))
    raise _fail(raw, _FORMAT, f"{type(raw).__name__} values are not accepted")


def _whole_number_text(raw: object, value: int) -> str:
    if value < 0:
        raise _fail(raw, _FORMAT, "it is negative")
    if value.bit_length() > _MAX_DIGITS * 4:
        raise _fail(raw, _LENGTH, "it must have 10 digits")
    return str(value)


def _scientific_digits(raw: object, match: re.Match[str]) -> str:
    """``4.03019261E+08`` -> ``403019261``; refuse when the mantissa lost digits."""
    lead, fraction, exponent = match.group(1), match.group(2) or "", int(match.group(3))
    if len(fraction) < exponent or fraction[exponent:].strip("0"):
        raise _fail(
            raw,
            _FORMAT,
            "precision lost: the spreadsheet shows it in scientific notation; "
            "format the column as text and type the number again",
        )
    return lead + fraction[:exponent]


# The separators stdnum's ``compact`` deletes; on ASCII text its Unicode mapping changes nothing
# that could become a digit or a separator (it maps only "`" to "'").
_SEPARATORS: Final = str.maketrans("", "", " -./")


def _fast_digits(text: str) -> str | None:
    """The 10 digits of ASCII ``text`` when it is a valid enterprise number, else ``None``.

    The steps of ``stdnum.be.vat.validate`` (separators, ``BE``, ``(0)``, 9 digits) and the
    extra checks of :func:`_parse_digits`, with string methods instead of per-character Python.
    ``None`` sends the text down the reference path, which says why it is invalid.
    """
    number = text.translate(_SEPARATORS).upper().strip()
    if number.startswith("BE"):
        number = number[2:]
    if number.startswith("(0)"):
        number = "0" + number[3:]
    if len(number) == 9:
        number = "0" + number
    if len(number) != 10 or not number.isdigit() or number[0] not in "01":
        return None
    first8, check = int(number[:8]), int(number[8:])
    if check == 0 or first8 == 0 or (first8 + check) % 97:
        return None
    return number


def _check_digits_ok(digits: str) -> bool:
    return int(digits[:8]) % 97 + int(digits[8:]) == 97


def _parse_digits(raw: object) -> str:
    """Return the 10 canonical digits of ``raw`` or raise :class:`InvalidEnterpriseNumber`.

    python-stdnum is imported here, on the first spelling the fast path does not take: its
    ``stdnum.util`` pulls in ``ssl`` and ``pydoc``, too heavy for ``import govlink``.
    """
    text = _text_of(raw)
    if text.isascii() and (digits := _fast_digits(text)) is not None:
        return digits
    return _reference_digits(raw, text)


def _reference_digits(raw: object, text: str) -> str:
    """The reference path: stdnum's validation of ``text`` (from ``raw``), then govlink's checks."""
    from stdnum.be import vat as _stdnum_vat
    from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidLength, ValidationError

    if (placeholder := _placeholder(raw, text)) is not None:
        raise placeholder
    try:
        digits: str = _stdnum_vat.validate(text)
    # InvalidLength subclasses InvalidFormat, so it is tested first; ValidationError covers
    # InvalidFormat and anything else stdnum may add.
    except InvalidLength:
        raise _fail(raw, _LENGTH, "it must have 10 digits") from None
    except InvalidComponent:
        raise _not_an_enterprise(raw, _stdnum_vat.compact(text)) from None
    except InvalidChecksum:
        raise _fail(raw, _CHECKSUM, "the check digits do not match") from None
    except ValidationError:
        raise _fail(raw, _FORMAT, "it is not in a known notation") from None
    # What python-stdnum accepts but the KBO never issues (enterprise-number.md, section 3.6).
    if digits[8:] == "00":
        raise _fail(raw, _CHECKSUM, "check digits 00 are never issued")
    if digits[:8] == "00000000":
        raise _fail(raw, _CHECKSUM, "the number is all zeros")
    return digits


def _not_an_enterprise(raw: object, digits: str) -> InvalidEnterpriseNumber:
    """Explain a 10-digit number whose first digit is not 0 or 1."""
    if digits[0] == "9":
        return _fail(raw, _FORMAT, "enterprise numbers start with 0 or 1")
    if _check_digits_ok(digits):
        return InvalidEnterpriseNumber(
            f"{preview(raw)} is an establishment unit number, not an enterprise number",
            code=_ESTABLISHMENT_UNIT,
            value=raw,
        )
    return _fail(raw, _CHECKSUM, "the check digits do not match")


class EnterpriseNumber:
    """A valid Belgian enterprise number, compared and hashed by its 10 digits.

    Build one with :meth:`parse` (or the constructor, which is the same): it accepts every
    notation seen in the wild and raises :class:`~govlink.InvalidEnterpriseNumber` otherwise.
    """

    __slots__ = ("compact",)
    #: The 10 digits: ``0403019261`` (a plain slot: the reconciler reads it for every row).
    compact: str

    def __init__(self, raw: object) -> None:
        digits = raw.compact if isinstance(raw, EnterpriseNumber) else _parse_digits(raw)
        object.__setattr__(self, "compact", digits)

    @classmethod
    def parse(cls, raw: object) -> EnterpriseNumber:
        """Parse any notation (``BE 0403.019.261``, ``403019261``, ``403019261.0``, ...).

        An :class:`EnterpriseNumber` passes through unchanged.
        """
        return cls(raw)

    @classmethod
    def from_trusted(cls, digits: str) -> EnterpriseNumber:
        """Wrap 10 digits govlink validated before, without checking them again.

        For a store reading back its own keys and for generators that compute valid numbers:
        nothing is checked, so never pass it outside input (use :meth:`parse`).
        """
        number = object.__new__(cls)
        object.__setattr__(number, "compact", digits)
        return number

    @property
    def formatted(self) -> str:
        """The display form: ``0403.019.261``."""
        d = self.compact
        return f"{d[:4]}.{d[4:7]}.{d[7:]}"

    @property
    def vat(self) -> str:
        """The VAT form: ``BE0403019261``."""
        return "BE" + self.compact

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("EnterpriseNumber is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("EnterpriseNumber is immutable")

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (EnterpriseNumber, (self.compact,))

    def __str__(self) -> str:
        return self.compact

    def __repr__(self) -> str:
        return f"EnterpriseNumber({self.compact!r})"

    def __hash__(self) -> int:
        return hash(self.compact)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EnterpriseNumber):
            return self.compact == other.compact
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        if isinstance(other, EnterpriseNumber):
            return self.compact < other.compact
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, EnterpriseNumber):
            return self.compact <= other.compact
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, EnterpriseNumber):
            return self.compact > other.compact
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, EnterpriseNumber):
            return self.compact >= other.compact
        return NotImplemented


def is_valid(raw: object) -> bool:
    """Whether ``raw`` parses as an enterprise number; never raises."""
    try:
        EnterpriseNumber(raw)
    except InvalidEnterpriseNumber:
        return False
    return True
