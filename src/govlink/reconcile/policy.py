"""The overwrite policy: the user's selection plus a diff become an ApplyPlan.

Nothing here writes anywhere: a store (or :meth:`ApplyPlan.apply_to`) carries the plan out.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Final, Literal, TypeAlias

import attrs

from govlink.domain.company import COMPANY_FIELDS, Company, field_policy
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.sentinel import Sentinel
from govlink.errors import DomainError
from govlink.reconcile.model import ImportDiff, Match

__all__ = [
    "ALL",
    "OVERWRITABLE_FIELDS",
    "AllType",
    "ApplyPlan",
    "Selection",
    "Update",
    "check_fields",
    "plan_apply",
]


class _All(Sentinel):
    ALL = "all"


#: Selects every new company, or every overwritable field.
ALL: Final = _All.ALL
AllType: TypeAlias = Literal[_All.ALL]

#: The Company fields an import may overwrite (the key and the origin never change).
OVERWRITABLE_FIELDS: Final = frozenset(n for n in COMPANY_FIELDS if field_policy(n).overwritable)


def _number(value: EnterpriseNumber | str) -> EnterpriseNumber:
    return value if isinstance(value, EnterpriseNumber) else EnterpriseNumber.parse(value)


def _numbers(
    value: AllType | EnterpriseNumber | str | Iterable[EnterpriseNumber | str],
) -> AllType | frozenset[EnterpriseNumber]:
    return ALL if value is ALL else _excluded(value)


def _excluded(
    value: EnterpriseNumber | str | Iterable[EnterpriseNumber | str],
) -> frozenset[EnterpriseNumber]:
    if isinstance(value, EnterpriseNumber | str):
        return frozenset((_number(value),))
    return frozenset(_number(v) for v in value)


def _fields(value: AllType | str | Iterable[str]) -> AllType | frozenset[str]:
    if value is ALL:
        return ALL
    return frozenset((value,)) if isinstance(value, str) else frozenset(value)


def _per_company(
    value: Mapping[EnterpriseNumber | str, AllType | str | Iterable[str]],
) -> Mapping[EnterpriseNumber, AllType | frozenset[str]]:
    return {_number(number): _fields(fields) for number, fields in value.items()}


@attrs.frozen(kw_only=True)
class Selection:
    """What the user chose in the review.

    :param add: the new companies to add (numbers in any notation), or :data:`ALL`; by default
        none.
    :param overwrite: the fields to overwrite on every match, or :data:`ALL`; by default none.
    :param overwrite_for: per-company exceptions: for these numbers, this field set (or
        :data:`ALL`) replaces ``overwrite``.
    :param exclude: companies left out entirely (neither added nor overwritten), so
        ``Selection(add=ALL, exclude=...)`` reads "all except".
    :raises InvalidEnterpriseNumber: for a number that does not parse.
    """

    add: AllType | frozenset[EnterpriseNumber] = attrs.field(
        default=frozenset(), converter=_numbers
    )
    overwrite: AllType | frozenset[str] = attrs.field(default=frozenset(), converter=_fields)
    overwrite_for: Mapping[EnterpriseNumber, AllType | frozenset[str]] = attrs.field(
        factory=dict, converter=_per_company
    )
    exclude: frozenset[EnterpriseNumber] = attrs.field(default=frozenset(), converter=_excluded)

    def fields_for(self, number: EnterpriseNumber) -> frozenset[str]:
        """The fields to overwrite on the company with this number."""
        chosen = self.overwrite_for.get(number, self.overwrite)
        return OVERWRITABLE_FIELDS if chosen is ALL else chosen


@attrs.frozen(kw_only=True)
class Update:
    """One platform company and the record it becomes; ``fields`` are the overwritten ones."""

    before: Company
    after: Company
    fields: tuple[str, ...]


@attrs.frozen(kw_only=True)
class ApplyPlan:
    """The companies to add and the updates to make; companies only on the platform stay."""

    add: tuple[Company, ...] = ()
    update: tuple[Update, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the plan changes nothing."""
        return not self.add and not self.update

    def apply_to(self, platform: Iterable[Company]) -> tuple[Company, ...]:
        """The platform companies after the plan, sorted by number (a pure, in-memory apply)."""
        companies = {c.enterprise_number: c for c in platform}
        for update in self.update:
            companies[update.after.enterprise_number] = update.after
        for company in self.add:
            companies.setdefault(company.enterprise_number, company)
        return tuple(sorted(companies.values(), key=lambda c: c.enterprise_number.compact))


def check_fields(fields: AllType | frozenset[str]) -> None:
    """Check that every field may be overwritten.

    :raises DomainError: ``selection.field``, naming the fields that may not and those that may.
    """
    if fields is ALL:
        return
    unknown = sorted(fields - OVERWRITABLE_FIELDS)
    if unknown:
        raise DomainError(
            f"cannot overwrite {', '.join(unknown)}; choose from "
            f"{', '.join(sorted(OVERWRITABLE_FIELDS))} or all",
            code="selection.field",
        )


def _check_numbers(
    chosen: Iterable[EnterpriseNumber], known: Collection[EnterpriseNumber], what: str, code: str
) -> None:
    unknown = sorted(n.formatted for n in chosen if n not in known)
    if unknown:
        raise DomainError(f"{what} in this import: {', '.join(unknown)}", code=code)


def _update(match: Match, fields: frozenset[str]) -> Update | None:
    chosen = tuple(c.field for c in match.changes if c.field in fields)
    if not chosen:
        return None
    after = attrs.evolve(match.platform, **{name: getattr(match.source, name) for name in chosen})
    return Update(before=match.platform, after=after, fields=chosen)


def plan_apply(diff: ImportDiff, selection: Selection) -> ApplyPlan:
    """Turn a diff and the user's selection into an :class:`ApplyPlan`.

    Only changed fields with a source value are written, so a blank import value never erases
    platform data; companies only on the platform are never touched.

    :raises DomainError: when the selection names a field that may not be overwritten
        (``selection.field``), a company to add that is not new in this diff
        (``selection.add``), a per-company exception for a company that is not a match
        (``selection.company``), or excludes a company that is not in this import
        (``selection.exclude``).
    """
    check_fields(selection.overwrite)
    for fields in selection.overwrite_for.values():
        check_fields(fields)
    matched = {m.platform.enterprise_number for m in diff.matching}
    _check_numbers(selection.overwrite_for, matched, "not a matching company", "selection.company")
    new = {c.enterprise_number: c for c in diff.only_in_source}
    if selection.exclude:
        known = new.keys() | matched
        _check_numbers(selection.exclude, known, "not a company", "selection.exclude")
    if selection.add is not ALL:
        _check_numbers(selection.add, new, "not a new company", "selection.add")
    excluded = selection.exclude
    add = tuple(
        c
        for n, c in new.items()
        if (selection.add is ALL or n in selection.add) and not (excluded and n in excluded)
    )
    updates = (
        _update(m, selection.fields_for(m.platform.enterprise_number))
        for m in diff.matching
        if m.platform.enterprise_number not in selection.exclude
    )
    return ApplyPlan(add=add, update=tuple(u for u in updates if u is not None))
