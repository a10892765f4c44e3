"""The Admin-IS simulator's ``Filter=`` parser and evaluator (written apart from the builder).

Grammar (the subset the public client documents, joined by ``and`` only)::

    filter    := condition ("and" condition)*
    condition := NAME op literal | NAME ["not"] "in" "(" literal ("," literal)* ")"
               | NAME "is" ["not"] "null" | FUNC "(" NAME "," string ")"
    op        := eq | ne | ge | gt | le | lt
    FUNC      := StartsWith | EndsWith | Contains
    literal   := 'text with '' for a quote' | -?digits[.digits]

Keywords are matched case-insensitively. Evaluation: booleans compare as 0 / 1; numbers as
decimals; a quoted ``'YYYY-MM-DD HH:MM:SS'`` against an ISO date-time field as date-times; other
strings exactly (case-sensitive); ``null`` only matches ``is null``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any, Final, TypeAlias

import attrs

__all__ = ["Clause", "FilterSyntaxError", "Predicate", "parse_clauses", "parse_filter"]

Value: TypeAlias = str | Decimal
Predicate: TypeAlias = Callable[[Mapping[str, Any]], bool]

_TOKEN: Final = re.compile(
    r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>-?\d+(?:\.\d+)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<punct>[(),]))"
)
_DATETIME_TEXT: Final = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}")
_COMPARE: Final[dict[str, Callable[[Any, Any], bool]]] = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "ge": lambda a, b: a >= b,
    "gt": lambda a, b: a > b,
    "le": lambda a, b: a <= b,
    "lt": lambda a, b: a < b,
}
_TEXT: Final[dict[str, Callable[[str, str], bool]]] = {
    "startswith": str.startswith,
    "endswith": str.endswith,
    "contains": lambda text, part: part in text,
}


class FilterSyntaxError(ValueError):
    """The filter does not parse, or names a field the records do not have."""


@attrs.frozen
class Clause:
    """One parsed condition: field, operator (lower case) and literal values."""

    name: str
    op: str
    values: tuple[Value, ...]


@attrs.frozen
class _Token:
    kind: str
    text: str


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            if not text[position:].strip():
                break
            raise FilterSyntaxError(f"unexpected text at {position}: {text[position:][:20]!r}")
        kind = match.lastgroup or ""
        tokens.append(_Token(kind, match.group(kind)))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self._tokens = _tokens(text)
        self._at = 0

    def _peek(self) -> _Token | None:
        return self._tokens[self._at] if self._at < len(self._tokens) else None

    def _take(self, kind: str, word: str | None = None) -> str:
        token = self._peek()
        if (
            token is None
            or token.kind != kind
            or (word is not None and token.text.casefold() != word)
        ):
            wanted = word or kind
            raise FilterSyntaxError(f"expected {wanted}, found {token.text if token else 'end'}")
        self._at += 1
        return token.text

    def _keyword(self, word: str) -> bool:
        token = self._peek()
        if token is not None and token.kind == "name" and token.text.casefold() == word:
            self._at += 1
            return True
        return False

    def _literal(self) -> Value:
        token = self._peek()
        if token is not None and token.kind == "string":
            self._at += 1
            return token.text[1:-1].replace("''", "'")
        return Decimal(self._take("number"))

    def clauses(self) -> list[Clause]:
        clauses = [self._clause()]
        while self._keyword("and"):
            clauses.append(self._clause())
        if self._peek() is not None:
            raise FilterSyntaxError(f"unexpected {self._tokens[self._at].text!r}")
        return clauses

    def _clause(self) -> Clause:
        name = self._take("name")
        if name.casefold() in _TEXT and (token := self._peek()) and token.text == "(":
            self._take("punct")
            target = self._take("name")
            self._take("punct", ",")
            value = self._literal()
            self._take("punct", ")")
            if not isinstance(value, str):
                raise FilterSyntaxError(f"{name} takes a quoted string")
            return Clause(target, name.casefold(), (value,))
        if self._keyword("is"):
            negated = self._keyword("not")
            self._take("name", "null")
            return Clause(name, "is not null" if negated else "is null", ())
        negated = self._keyword("not")
        if self._keyword("in"):
            return Clause(name, "not in" if negated else "in", self._list())
        if negated:
            raise FilterSyntaxError("'not' must be followed by 'in'")
        op = self._take("name").casefold()
        if op not in _COMPARE:
            raise FilterSyntaxError(f"unknown operator {op!r}")
        return Clause(name, op, (self._literal(),))

    def _list(self) -> tuple[Value, ...]:
        self._take("punct", "(")
        values = [self._literal()]
        while (token := self._peek()) is not None and token.text == ",":
            self._at += 1
            values.append(self._literal())
        self._take("punct", ")")
        return tuple(values)


def _comparable(field_value: Any, literal: Value) -> tuple[Any, Any] | None:
    """The two sides in one comparable type, or ``None`` when they cannot compare."""
    if isinstance(field_value, bool | int | float) and isinstance(literal, Decimal):
        return Decimal(int(field_value) if isinstance(field_value, bool) else field_value), literal
    if isinstance(field_value, str) and isinstance(literal, str):
        if _DATETIME_TEXT.fullmatch(field_value) and _DATETIME_TEXT.fullmatch(literal):
            return (
                datetime.fromisoformat(field_value.replace(" ", "T")),
                datetime.fromisoformat(literal.replace(" ", "T")),
            )
        return field_value, literal
    return None


def _matches(clause: Clause, record: Mapping[str, Any]) -> bool:
    value = record[clause.name]
    if clause.op in ("is null", "is not null"):
        return (value is None) == (clause.op == "is null")
    if value is None:
        return False
    if clause.op in _TEXT:
        return isinstance(value, str) and _TEXT[clause.op](value, str(clause.values[0]))
    if clause.op in ("in", "not in"):
        found = any(
            (pair := _comparable(value, literal)) is not None and pair[0] == pair[1]
            for literal in clause.values
        )
        return found == (clause.op == "in")
    pair = _comparable(value, clause.values[0])
    return pair is not None and _COMPARE[clause.op](*pair)


def parse_clauses(text: str) -> list[Clause]:
    """The conditions of a filter, in order.

    :raises FilterSyntaxError: when it does not parse.
    """
    return _Parser(text).clauses()


def parse_filter(text: str, fields: frozenset[str]) -> Predicate:
    """A predicate over records (JSON objects) for a ``Filter=`` value.

    :param fields: the fields the endpoint's records have; any other name is an error.
    :raises FilterSyntaxError: when it does not parse or names an unknown field.
    """
    clauses = parse_clauses(text)
    unknown = sorted({c.name for c in clauses} - fields)
    if unknown:
        raise FilterSyntaxError(f"unknown field(s): {', '.join(unknown)}")
    return lambda record: all(_matches(c, record) for c in clauses)
