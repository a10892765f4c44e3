"""The Company record and the per-field policy that says how each field compares and updates.

The policy lives in each attrs field's ``metadata`` (key ``"govlink"``), so the reconciler and the
overwrite policy iterate the fields generically: adding a field here is the whole change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import attrs

from govlink.domain import normalize
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.records import SourceRef

__all__ = ["COMPANY_FIELDS", "Company", "FieldPolicy", "field_policy"]


def _identity(value: str) -> str:
    return value


@attrs.frozen
class FieldPolicy:
    """How one Company field takes part in an import.

    ``compare_key`` maps a stored value to what comparison sees (two values are equal when
    their keys are); ``overwritable`` says whether an import may overwrite it on the platform.
    """

    compare_key: Callable[[str], str] = _identity
    overwritable: bool = True


_KEY: Final = "govlink"
_FOLDED: Final = {_KEY: FieldPolicy(normalize.fold)}
_EXACT: Final = {_KEY: FieldPolicy()}
_PHONE: Final = {_KEY: FieldPolicy(normalize.digits_and_plus)}


@attrs.frozen(kw_only=True)
class Company:
    """A client company of the firm, keyed by its enterprise number.

    Text fields hold normalised values (trimmed, whitespace collapsed); ``None`` means unknown.
    ``origin`` says where the record came from and takes no part in equality.
    """

    enterprise_number: EnterpriseNumber = attrs.field(
        metadata={_KEY: FieldPolicy(overwritable=False)}
    )
    name: str = attrs.field(metadata=_FOLDED)
    legal_form: str | None = attrs.field(default=None, metadata=_FOLDED)
    email: str | None = attrs.field(default=None, metadata=_FOLDED)
    language: str | None = attrs.field(default=None, metadata=_EXACT)
    street: str | None = attrs.field(default=None, metadata=_FOLDED)
    house_number: str | None = attrs.field(default=None, metadata=_FOLDED)
    box: str | None = attrs.field(default=None, metadata=_FOLDED)
    postal_code: str | None = attrs.field(default=None, metadata=_FOLDED)
    city: str | None = attrs.field(default=None, metadata=_FOLDED)
    country_code: str | None = attrs.field(default=None, metadata=_EXACT)
    phone: str | None = attrs.field(default=None, metadata=_PHONE)
    responsible: str | None = attrs.field(default=None, metadata=_FOLDED)
    customer_code: str | None = attrs.field(default=None, metadata=_EXACT)
    origin: SourceRef | None = attrs.field(default=None, eq=False)

    @property
    def address(self) -> str | None:
        """The address on one line (``Rue Haute 12 bus 3, 1000 Brussel, BE``), if any is known."""
        street = " ".join(p for p in (self.street, self.house_number) if p)
        if self.box:
            street = f"{street} bus {self.box}" if street else f"bus {self.box}"
        place = " ".join(p for p in (self.postal_code, self.city) if p)
        parts = [p for p in (street, place, self.country_code) if p]
        return ", ".join(parts) or None


# Real types instead of the postponed strings, so ``st.builds(Company)`` and other
# introspection see EnterpriseNumber and SourceRef.
attrs.resolve_types(Company)


def field_policy(name: str) -> FieldPolicy:
    """The policy of Company field ``name``; ``KeyError`` for a name that is not a data field."""
    return _POLICIES[name]


_POLICIES: Final[dict[str, FieldPolicy]] = {
    f.name: f.metadata[_KEY] for f in attrs.fields(Company) if _KEY in f.metadata
}

#: The data fields of :class:`Company`, in declaration order (``origin`` excluded).
COMPANY_FIELDS: Final[tuple[str, ...]] = tuple(_POLICIES)
