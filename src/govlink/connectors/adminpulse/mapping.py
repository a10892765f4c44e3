"""AdminPulse relations as raw records for the domain, through a configurable field map.

The relation's JSON names for most fields are not public (see ``docs/adminpulse.md``), so every
name here is a default that settings can override. Conventions:

* ``fields`` are keyed by :class:`~govlink.Company` field names; the first JSON name present wins.
* ``fields["enterprise_number"]`` is a :class:`~govlink.domain.records.NumberCandidates` of
  every candidate (``vatNumber``, ``enterpriseNumber``, ``companyNumber`` by default): validation
  takes the valid one and marks the record ``enterprise_number.conflict`` when two candidates
  are different valid numbers.
* ``fields["responsible"]`` is the e-mail of the user of the "Verantwoordelijke" /
  "Responsible" profile, found through ``/users``.
* Persons, and relations whose status is not imported (only ``customer`` by default), are
  skipped with a reason; a relation that lacks the type or status field is imported, since a
  wrong field name must not hide every client.
* ``raw`` keeps the whole relation.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from govlink.domain.records import NumberCandidates, RawRecord, SkippedRecord, SourceRef

__all__ = ["DEFAULT_FIELDS", "RelationMapping", "UserDirectory"]

DEFAULT_FIELDS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "enterprise_number": ("vatNumber", "enterpriseNumber", "companyNumber"),
        "name": ("name", "displayName"),
        "legal_form": ("legalForm",),
        "email": ("email",),
        "language": ("language",),
        "street": ("address.street",),
        "house_number": ("address.houseNumber",),
        "box": ("address.box",),
        "postal_code": ("address.postalCode",),
        "city": ("address.city",),
        "country_code": ("address.countryCode",),
        "phone": ("phone",),
        "customer_code": ("code",),
    }
)
"""Company field -> the relation's JSON names, first present wins (dots walk into objects)."""


_Path = tuple[str, ...]


def _lookup(relation: Mapping[str, Any], path: _Path) -> Any:
    value: Any = relation
    for part in path:
        try:
            value = value.get(part)
        except AttributeError:  # not an object: the path does not exist
            return None
    return value


def _split(names: tuple[str, ...]) -> tuple[_Path, ...]:
    return tuple(tuple(name.split(".")) for name in names)


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _fold(values: Collection[str]) -> frozenset[str]:
    return frozenset(v.strip().casefold() for v in values)


def _over_defaults(fields: Mapping[str, tuple[str, ...]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({**DEFAULT_FIELDS, **fields})


@attrs.frozen(kw_only=True)
class UserDirectory:
    """The office's users: id -> e-mail, built once from ``/users``."""

    emails: Mapping[str, str]

    @classmethod
    def from_users(
        cls, users: Collection[Mapping[str, Any]], *, email: str = "email"
    ) -> UserDirectory:
        """Index users by ``id``; users without an e-mail are left out."""
        found = {
            str(user["id"]): str(user[email]).strip()
            for user in users
            if _present(user.get("id")) and _present(user.get(email))
        }
        return cls(emails=found)


@attrs.frozen(kw_only=True)
class RelationMapping:
    """How a relation becomes a raw record, or why it is skipped.

    :param fields: Company field -> JSON names (see :data:`DEFAULT_FIELDS`); a mapping given
        here is merged over the defaults.
    :param id_field: the relation's internal id.
    :param unique_field: the APR code (``uniqueIdentifier``), the record id govlink shows.
    :param type_field: the relation type (``company``, ``person``, ``soleProprietor``).
    :param skipped_types: types that are not companies (case-insensitive).
    :param status_field: the relation status (``customer``, ``prospect``, ``ownCompany``, ...).
    :param imported_statuses: statuses imported (case-insensitive); the rest is skipped.
    :param profiles_field: the list of responsible profiles.
    :param responsible_profiles: the profile names that give the main responsible.
    :param profile_name: the profile entry's name field; ``profile_user`` its user id field.
    """

    fields: Mapping[str, tuple[str, ...]] = attrs.field(
        default=DEFAULT_FIELDS, converter=_over_defaults
    )
    id_field: str = "id"
    unique_field: str = "uniqueIdentifier"
    type_field: str = "type"
    skipped_types: frozenset[str] = attrs.field(default=frozenset({"person"}), converter=_fold)
    status_field: str = "status"
    imported_statuses: frozenset[str] = attrs.field(
        default=frozenset({"customer"}), converter=_fold
    )
    profiles_field: str = "profiles"
    responsible_profiles: frozenset[str] = attrs.field(
        default=frozenset({"Verantwoordelijke", "Responsible"}), converter=_fold
    )
    profile_name: str = "profileName"
    profile_user: str = "userId"
    _paths: tuple[tuple[str, tuple[str, ...], tuple[_Path, ...]], ...] = attrs.field(
        init=False,
        repr=False,
        eq=False,
        default=attrs.Factory(
            lambda self: tuple((f, names, _split(names)) for f, names in self.fields.items()),
            takes_self=True,
        ),
    )

    def skip_reason(self, relation: Mapping[str, Any]) -> str | None:
        """``"person"``, ``"status <value>"`` or ``None`` when the relation is imported."""
        kind = _lookup(relation, (self.type_field,))
        if isinstance(kind, str) and kind.strip().casefold() in self.skipped_types:
            return kind.strip().casefold()
        status = _lookup(relation, (self.status_field,))
        if _present(status) and str(status).strip().casefold() not in self.imported_statuses:
            return f"status {str(status).strip()}"
        return None

    def record_id(self, relation: Mapping[str, Any]) -> str | None:
        """The APR code, else the internal id."""
        for name in (self.unique_field, self.id_field):
            value = relation.get(name)
            if _present(value):
                return str(value)
        return None

    def numbers(self, relation: Mapping[str, Any]) -> dict[str, Any]:
        """The raw values of the relation's enterprise-number fields, by field name."""
        return {
            name: _lookup(relation, path)
            for field, names, paths in self._paths
            if field == "enterprise_number"
            for name, path in zip(names, paths, strict=True)
        }

    def skipped(self, relation: Mapping[str, Any], reason: str) -> SkippedRecord:
        """The kept trace of a relation left out for ``reason``."""
        ref = SourceRef(source="adminpulse", record_id=self.record_id(relation))
        return SkippedRecord(ref=ref, reason=reason, numbers=self.numbers(relation), raw=relation)

    def to_record(self, relation: Mapping[str, Any], users: UserDirectory) -> RawRecord:
        """The raw record of a relation (see the module's conventions)."""
        fields: dict[str, Any] = {"enterprise_number": NumberCandidates(self.numbers(relation))}
        for field, _, paths in self._paths:
            if field == "enterprise_number":
                continue
            for path in paths:
                value = _lookup(relation, path)
                if _present(value):
                    fields[field] = value
                    break
        responsible = self.responsible(relation, users)
        if responsible is not None:
            fields["responsible"] = responsible
        ref = SourceRef(source="adminpulse", record_id=self.record_id(relation))
        return RawRecord(fields=fields, ref=ref, raw=relation)

    def responsible(self, relation: Mapping[str, Any], users: UserDirectory) -> str | None:
        """The e-mail of the user of the first responsible profile, when ``/users`` knows it."""
        profiles = relation.get(self.profiles_field)
        if not isinstance(profiles, list):
            return None
        for profile in profiles:
            if not isinstance(profile, Mapping):
                continue
            name = profile.get(self.profile_name)
            if isinstance(name, str) and name.strip().casefold() in self.responsible_profiles:
                user = profile.get(self.profile_user)
                if _present(user):
                    return users.emails.get(str(user))
        return None
