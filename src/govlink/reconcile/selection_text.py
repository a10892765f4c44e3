"""The review choices as people type them (the CLI's ``--select/--exclude/--overwrite``).

>>> from govlink.reconcile.policy import Selection
>>> everywhere, per_company = parse_overwrite(["email", "0403019261:name,phone"])
>>> s = Selection(add=parse_numbers("all"), overwrite=everywhere, overwrite_for=per_company)
>>> sorted(s.overwrite), sorted(s.fields_for(EnterpriseNumber.parse("BE 0403 019 261")))
(['email'], ['name', 'phone'])
"""

from __future__ import annotations

from collections.abc import Iterable

from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.reconcile.policy import ALL, AllType, check_fields

__all__ = ["parse_fields", "parse_numbers", "parse_overwrite"]


def _words(value: str) -> list[str]:
    return [word.strip() for word in value.split(",") if word.strip()]


def parse_numbers(value: str) -> AllType | frozenset[EnterpriseNumber]:
    """``all``, ``none`` or comma-separated enterprise numbers in any spelling.

    :raises InvalidEnterpriseNumber: for a number that does not parse.
    """
    word = value.strip().casefold()
    if word == "all":
        return ALL
    if word == "none":
        return frozenset()
    return frozenset(EnterpriseNumber.parse(w) for w in _words(value))


def parse_fields(value: str) -> AllType | frozenset[str]:
    """``all`` or comma-separated overwritable fields.

    :raises DomainError: ``selection.field`` for a field that may not be overwritten.
    """
    if value.strip().casefold() == "all":
        return ALL
    fields = frozenset(_words(value))
    check_fields(fields)
    return fields


def parse_overwrite(
    specs: Iterable[str],
) -> tuple[AllType | frozenset[str], dict[EnterpriseNumber | str, AllType | frozenset[str]]]:
    """The ``overwrite`` and ``overwrite_for`` of a :class:`~govlink.reconcile.policy.Selection`
    from ``FIELD,...|all`` (every match) and ``NUMBER:FIELD,...|all`` (that company only)
    specifications; a later specification for the same target wins.

    :raises InvalidEnterpriseNumber: for a number that does not parse.
    :raises DomainError: ``selection.field`` for a field that may not be overwritten.
    """
    everywhere: AllType | frozenset[str] = frozenset()
    per_company: dict[EnterpriseNumber | str, AllType | frozenset[str]] = {}
    for spec in specs:
        number, colon, fields = spec.rpartition(":")
        if colon:
            per_company[EnterpriseNumber.parse(number)] = parse_fields(fields)
        else:
            everywhere = parse_fields(fields)
    return everywhere, per_company
