"""What a source yields: raw records with a reference back to where they came from."""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

__all__ = [
    "NumberCandidates",
    "RawRecord",
    "RowMapping",
    "SkippedRecord",
    "SourceRef",
    "row_record",
]


@attrs.frozen(kw_only=True)
class SourceRef:
    """Where a record came from: the source's name, its record id, or the 1-based row of a file."""

    source: str
    record_id: str | None = None
    row: int | None = None

    def __str__(self) -> str:
        if self.row is not None:
            return f"{self.source} row {self.row}"
        if self.record_id is not None:
            return f"{self.source} record {self.record_id}"
        return self.source

    def sort_key(self) -> tuple[str, int, str]:
        """Orders references by source, then row, then record id."""
        return (self.source, self.row if self.row is not None else -1, self.record_id or "")


def _candidates(value: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(value.items())


@attrs.frozen
class NumberCandidates:
    """Several source fields that may each carry the enterprise number, best first.

    A source whose records hold the number in more than one field (AdminPulse ``vatNumber`` and
    ``enterpriseNumber``, Admin-IS ``VATNr`` and ``RegistrationNr``) puts this in
    ``RawRecord.fields["enterprise_number"]`` instead of picking one. Validation uses the one
    valid number; different valid numbers make the record invalid with
    ``enterprise_number.conflict``; with no valid number the first non-blank candidate's reason
    counts.

    >>> NumberCandidates({"VATNr": "BE0417497106", "RegistrationNr": ""}).fields
    (('VATNr', 'BE0417497106'), ('RegistrationNr', ''))
    """

    fields: tuple[tuple[str, Any], ...] = attrs.field(converter=_candidates)

    def __str__(self) -> str:
        """The non-blank raw values by field, as a person reads them.

        >>> str(NumberCandidates({"VATNr": "BE0417497106", "RegistrationNr": " ", "Nr": 7}))
        'VATNr: BE0417497106; Nr: 7'
        """
        return "; ".join(f"{name}: {value}" for name, value in self.present.items())

    @property
    def present(self) -> dict[str, Any]:
        """The non-blank raw values by field name (what ``import --json`` shows as ``value``)."""
        return {n: v for n, v in self.fields if v is not None and str(v).strip()}


class RowMapping(Mapping[str, Any]):
    """A read-only mapping over one table row: the keys and their column indexes are shared by
    every row of the table, the values are the row's tuple. What a table source gives as
    ``RawRecord.fields`` and ``raw`` instead of two dictionaries a row (100k rows: a third of
    the memory). A key whose column lies past the end of the row is absent.

    >>> columns = {"name": 0, "email": 2}
    >>> row = RowMapping(columns, ("Acme NV", None, "info@acme.be"))
    >>> dict(row), RowMapping(columns, ("Acme NV",)) == {"name": "Acme NV"}
    ({'name': 'Acme NV', 'email': 'info@acme.be'}, True)
    """

    __slots__ = ("_columns", "_row")

    def __init__(self, columns: Mapping[str, int], row: tuple[Any, ...]) -> None:
        """:param columns: each key's index in ``row``; shared, so never changed afterwards."""
        self._columns = columns
        self._row = row

    def __getitem__(self, key: str) -> Any:
        index = self._columns[key]
        if index >= len(self._row):
            raise KeyError(key)
        return self._row[index]

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``, or ``default`` (without the exception ``Mapping.get`` uses)."""
        index = self._columns.get(key)
        if index is None or index >= len(self._row):
            return default
        return self._row[index]

    def __iter__(self) -> Iterator[str]:
        size = len(self._row)
        return (key for key, index in self._columns.items() if index < size)

    def __len__(self) -> int:
        size = len(self._row)
        return sum(1 for index in self._columns.values() if index < size)

    def items(self) -> ItemsView[str, Any]:
        """The pairs, read straight from the row (validation walks every record's items)."""
        return _RowItems(self)

    def __repr__(self) -> str:
        return f"RowMapping({dict(self)!r})"


class _RowItems(ItemsView[str, Any]):
    """The items of a :class:`RowMapping` without a key look-up per item."""

    _mapping: RowMapping

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        row, columns = self._mapping._row, self._mapping._columns
        size = len(row)
        return iter([(key, row[index]) for key, index in columns.items() if index < size])


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    if isinstance(value, MappingProxyType | RowMapping):
        return value
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class RawRecord:
    """One record as a source gives it, before validation.

    ``fields`` maps govlink field names (those of :class:`~govlink.Company`, such as
    ``enterprise_number`` or ``email``) to the raw values; ``raw`` keeps the whole original record
    (every column or JSON property, known or not) so nothing is lost.
    """

    fields: Mapping[str, Any] = attrs.field(converter=_frozen_mapping)
    ref: SourceRef
    raw: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)


@attrs.frozen(kw_only=True)
class SkippedRecord:
    """A record a source left out on purpose (a person, a contact, the template's example row),
    kept so a user can see why a client did not come over.

    :param reason: the skip reason, as counted in the source's ``skipped``.
    :param numbers: the record's raw enterprise-number fields, by source field name.
    :param raw: the whole original record.
    """

    ref: SourceRef
    reason: str
    numbers: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)
    raw: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping, repr=False)


_new: Final = object.__new__
# What attrs' own __init__ of a frozen class calls.
_set: Final = object.__setattr__


def row_record(
    source: str, row: int, fields: Mapping[str, Any], raw: Mapping[str, Any]
) -> RawRecord:
    """``RawRecord(fields=fields, ref=SourceRef(source=source, row=row), raw=raw)``, the record
    of a table row: when ``fields`` and ``raw`` are :class:`RowMapping` views (nothing to
    convert), built without attrs' keyword parsing and converters (half the time: 0.08 s a
    100k rows).

    >>> row = RowMapping({"name": 0}, ("Acme",))
    >>> record = row_record("excel", 7, row, row)
    >>> record == RawRecord(fields=row, ref=SourceRef(source="excel", row=7), raw=row)
    True
    """
    if type(fields) is not RowMapping or type(raw) is not RowMapping:
        return RawRecord(fields=fields, ref=SourceRef(source=source, row=row), raw=raw)
    ref = _new(SourceRef)
    _set(ref, "source", source)
    _set(ref, "record_id", None)
    _set(ref, "row", row)
    record = _new(RawRecord)
    _set(record, "fields", fields)
    _set(record, "ref", ref)
    _set(record, "raw", raw)
    return record
