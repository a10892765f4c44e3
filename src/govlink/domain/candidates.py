"""Several source fields that may each carry the enterprise number.

A CRM often has more than one field where the firm may have typed the enterprise number
(Admin-IS ``VATNr`` and ``RegistrationNr``; AdminPulse ``vatNumber``, ``enterpriseNumber`` and
``companyNumber``). A source that cannot know which one holds it puts an
:class:`EnterpriseNumberCandidates` in ``RawRecord.fields["enterprise_number"]``, listing the
fields in order of preference, and validation resolves it with
:meth:`~EnterpriseNumberCandidates.resolve`:

- the valid candidates all name the same number: that number (a blank or invalid other field is
  ignored);
- two valid candidates name different numbers: invalid, ``enterprise_number.conflict``;
- no candidate is valid: the reason of the first non-blank candidate, or
  ``enterprise_number.missing`` when every candidate is blank.

>>> EnterpriseNumberCandidates({"VATNr": "BE 0403.019.261", "RegistrationNr": ""}).resolve()
EnterpriseNumber('0403019261')
>>> both = EnterpriseNumberCandidates({"VATNr": "0403019261", "RegistrationNr": "0417497106"})
>>> try:
...     both.resolve()
... except InvalidEnterpriseNumber as error:
...     print(error.code)
enterprise_number.conflict
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

from govlink.domain.enterprise_number import EnterpriseNumber, EnterpriseNumberReason
from govlink.errors import InvalidEnterpriseNumber

__all__ = ["CONFLICT", "EnterpriseNumberCandidates"]

#: The reason code of two fields carrying different valid enterprise numbers.
CONFLICT: Final = "enterprise_number.conflict"


def _pairs(values: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(values.items())


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@attrs.frozen
class EnterpriseNumberCandidates:
    """The raw values of the fields that may hold the enterprise number, preferred first.

    Build it from a mapping ``{field name: raw value}``; the mapping's order is the preference.
    """

    candidates: tuple[tuple[str, Any], ...] = attrs.field(converter=_pairs)

    def resolve(self) -> EnterpriseNumber:
        """The one enterprise number the fields agree on.

        :raises InvalidEnterpriseNumber: with code ``enterprise_number.conflict`` when valid
            fields disagree, else the reason of the first non-blank field, else
            ``enterprise_number.missing``.
        """
        found: dict[EnterpriseNumber, str] = {}
        first_error: InvalidEnterpriseNumber | None = None
        for field, raw in self.candidates:
            if _blank(raw):
                continue
            try:
                found.setdefault(EnterpriseNumber(raw), field)
            except InvalidEnterpriseNumber as error:
                first_error = first_error or error
        if len(found) == 1:
            return next(iter(found))
        if found:
            described = " and ".join(f"{field} {n.formatted}" for n, field in found.items())
            raise InvalidEnterpriseNumber(
                f"{described} are different enterprise numbers", code=CONFLICT, value=str(self)
            )
        if first_error is not None:
            raise first_error
        raise InvalidEnterpriseNumber(
            "the enterprise number is missing",
            code=EnterpriseNumberReason.MISSING,
            value=None,
        )

    def __str__(self) -> str:
        return ", ".join(f"{field}={raw!r}" for field, raw in self.candidates)
