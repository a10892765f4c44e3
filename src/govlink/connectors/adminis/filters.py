"""Admin-IS ``Filter=`` expressions, built from typed values and never from pasted text.

>>> str(field("IsActive").eq(True) & field("CustomerId").in_([7, 3]))
'IsActive eq 1 and CustomerId in (7, 3)'
>>> str(field("Name").eq("O'Brien & Zonen"))
"Name eq 'O''Brien & Zonen'"
>>> str(field("CreationDate").ge(datetime(2024, 1, 31, 8, 5)))
"CreationDate ge '2024-01-31 08:05:00'"

Literals follow the API: strings in single quotes (a quote inside is doubled), date-times as
``'YYYY-MM-DD HH:MM:SS'``, booleans as ``0`` / ``1``, integers and decimals as digits. Field names
must be plain identifiers. A long ``in (…)`` list is chunked with :func:`in_chunks`, and
:meth:`Filter.split` halves the longest one when the server answers 414 (URI too long).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Final, TypeAlias

import attrs

__all__ = [
    "DEFAULT_CHUNK",
    "Condition",
    "Field",
    "Filter",
    "FilterValue",
    "field",
    "in_chunks",
    "render_literal",
]

#: Values per ``in (…)`` list by default (the spec's assumption; a 414 splits further).
DEFAULT_CHUNK: Final = 100

FilterValue: TypeAlias = bool | int | Decimal | str | datetime | date

_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_COMPARISONS: Final = ("eq", "ne", "ge", "gt", "le", "lt")
_LISTS: Final = ("in", "not in")
_NULLS: Final = ("is null", "is not null")
_FUNCTIONS: Final = ("StartsWith", "EndsWith", "Contains")


def render_literal(value: FilterValue) -> str:
    """One value as the API writes it.

    :raises TypeError: for a type the API has no literal for (floats included: use Decimal).
    :raises ValueError: for a non-finite decimal or a date-time with a time zone.
    """
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value} has no Filter literal")
        return format(value, "f")
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise ValueError("Admin-IS date-times are local: pass a naive datetime")
        return value.strftime("'%Y-%m-%d %H:%M:%S'")
    if isinstance(value, date):
        return value.strftime("'%Y-%m-%d 00:00:00'")
    raise TypeError(f"a {type(value).__name__} has no Filter literal")


def _checked_name(name: str) -> str:
    if not isinstance(name, str) or not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"{name!r} is not a field name")
    return name


@attrs.frozen
class Condition:
    """One test on one field: ``op`` is a comparison, a list, a null test or a text function."""

    name: str = attrs.field(converter=_checked_name)
    op: str = attrs.field(
        validator=attrs.validators.in_(_COMPARISONS + _LISTS + _NULLS + _FUNCTIONS)
    )
    values: tuple[FilterValue, ...] = ()

    def __attrs_post_init__(self) -> None:
        wanted = {"in": None, "not in": None}.get(self.op, 0 if self.op in _NULLS else 1)
        if wanted is None and not self.values:
            raise ValueError(f"{self.op} needs at least one value")
        if wanted is not None and len(self.values) != wanted:
            raise ValueError(f"{self.op} takes {wanted} value(s)")
        for value in self.values:
            render_literal(value)

    def __str__(self) -> str:
        literals = [render_literal(v) for v in self.values]
        if self.op in _FUNCTIONS:
            return f"{self.op}({self.name}, {literals[0]})"
        if self.op in _NULLS:
            return f"{self.name} {self.op}"
        if self.op in _LISTS:
            return f"{self.name} {self.op} ({', '.join(literals)})"
        return f"{self.name} {self.op} {literals[0]}"


@attrs.frozen
class Filter:
    """A conjunction of conditions; ``a & b`` joins two filters with ``and``."""

    conditions: tuple[Condition, ...]

    def __and__(self, other: Filter) -> Filter:
        return Filter(self.conditions + other.conditions)

    def __str__(self) -> str:
        return " and ".join(str(c) for c in self.conditions)

    def split(self) -> tuple[Filter, Filter] | None:
        """Two filters whose results together are this one's: the longest ``in`` list halved.

        :returns: ``None`` when no ``in`` list has two values or more (nothing left to split).
        """
        lists = [(len(c.values), i) for i, c in enumerate(self.conditions) if c.op == "in"]
        size, index = max(lists, default=(0, -1))
        if size < 2:
            return None
        condition = self.conditions[index]
        halves = condition.values[: size // 2], condition.values[size // 2 :]
        return (
            self._with(index, attrs.evolve(condition, values=halves[0])),
            self._with(index, attrs.evolve(condition, values=halves[1])),
        )

    def _with(self, index: int, condition: Condition) -> Filter:
        conditions = list(self.conditions)
        conditions[index] = condition
        return Filter(tuple(conditions))


@attrs.frozen
class Field:
    """A field to test; build it with :func:`field`."""

    name: str = attrs.field(converter=_checked_name)

    def _one(self, op: str, *values: FilterValue) -> Filter:
        return Filter((Condition(self.name, op, values),))

    def eq(self, value: FilterValue) -> Filter:
        """``Name eq value``."""
        return self._one("eq", value)

    def ne(self, value: FilterValue) -> Filter:
        """``Name ne value``."""
        return self._one("ne", value)

    def ge(self, value: FilterValue) -> Filter:
        """``Name ge value``."""
        return self._one("ge", value)

    def gt(self, value: FilterValue) -> Filter:
        """``Name gt value``."""
        return self._one("gt", value)

    def le(self, value: FilterValue) -> Filter:
        """``Name le value``."""
        return self._one("le", value)

    def lt(self, value: FilterValue) -> Filter:
        """``Name lt value``."""
        return self._one("lt", value)

    def in_(self, values: Iterable[FilterValue]) -> Filter:
        """``Name in (v1, v2, …)``; duplicates are dropped, order is kept."""
        return self._one("in", *dict.fromkeys(values))

    def not_in(self, values: Iterable[FilterValue]) -> Filter:
        """``Name not in (v1, v2, …)``."""
        return self._one("not in", *dict.fromkeys(values))

    def is_null(self) -> Filter:
        """``Name is null``."""
        return self._one("is null")

    def is_not_null(self) -> Filter:
        """``Name is not null``."""
        return self._one("is not null")

    def starts_with(self, text: str) -> Filter:
        """``StartsWith(Name, 'text')``."""
        return self._one("StartsWith", text)

    def ends_with(self, text: str) -> Filter:
        """``EndsWith(Name, 'text')``."""
        return self._one("EndsWith", text)

    def contains(self, text: str) -> Filter:
        """``Contains(Name, 'text')``."""
        return self._one("Contains", text)


def field(name: str) -> Field:
    """The field ``name`` (a plain identifier such as ``CustomerId``)."""
    return Field(name)


def in_chunks(
    name: str, values: Iterable[FilterValue], *, size: int = DEFAULT_CHUNK
) -> Iterator[Filter]:
    """``name in (…)`` filters of at most ``size`` distinct values each, covering ``values``.

    The chunks are disjoint, so their results together hold each record once.
    """
    if size < 1:
        raise ValueError("size must be at least 1")
    distinct = list(dict.fromkeys(values))
    target = field(name)
    for start in range(0, len(distinct), size):
        yield target.in_(distinct[start : start + size])
