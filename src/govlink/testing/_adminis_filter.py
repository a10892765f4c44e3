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


def _key(value: Any) -> Decimal | int | float | datetime | str | None:
    """A value in its comparable form: booleans as 0 / 1, numbers as they are, date-time text
    as date-times, other text as is; ``None`` for anything else (null, lists, objects)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, str):
        if _DATETIME_TEXT.fullmatch(value):
            return datetime.fromisoformat(value.replace(" ", "T"))
        return value
    return None


def _kind(key: Any) -> type:
    return Decimal if isinstance(key, int | float | Decimal) else type(key)


def _compiled(clause: Clause) -> Predicate:
    """The clause as a predicate; values of different kinds never match each other."""
    name, op = clause.name, clause.op
    if op in ("is null", "is not null"):
        wanted_null = op == "is null"
        return lambda record: (record[name] is None) == wanted_null
    if op in _TEXT:
        test, part = _TEXT[op], str(clause.values[0])
        return lambda record: isinstance(record[name], str) and test(record[name], part)
    if op in ("in", "not in"):
        members = {_key(v) for v in clause.values}  # 5 == Decimal(5), with equal hashes
        inside = op == "in"

        def member(record: Mapping[str, Any]) -> bool:
            key = _key(record[name])
            return key is not None and (key in members) == inside

        return member
    compare, literal = _COMPARE[op], _key(clause.values[0])
    kind = _kind(literal)

    def compared(record: Mapping[str, Any]) -> bool:
        key = _key(record[name])
        return _kind(key) is kind and compare(key, literal)

    return compared


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
    predicates = [_compiled(c) for c in clauses]

    return lambda record: all(predicate(record) for predicate in predicates)
