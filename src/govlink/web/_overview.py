"""What the overview page shows of a preview: the four tabs, the changed fields per column, and
the form the user sends back as a :class:`~govlink.reconcile.policy.Selection`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import attrs
from starlette.datastructures import FormData

from govlink.domain.company import Company, field_policy
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.validation import InvalidRecord
from govlink.i18n import Translator
from govlink.reconcile.model import ImportDiff, Match
from govlink.reconcile.policy import ALL, AllType, Selection

__all__ = [
    "ADD_FIELD",
    "ARCHIVE_FIELD",
    "OVERWRITE_FIELD",
    "Reason",
    "changed_columns",
    "per_company_field",
    "reasons",
    "row_of",
    "selection_from",
]

ADD_FIELD: Final = "add"
ARCHIVE_FIELD: Final = "archive"
OVERWRITE_FIELD: Final = "overwrite"
_PER_COMPANY: Final = "for-"
_AS_COLUMN: Final = ""
_NOTHING: Final = "none"
_EVERYTHING: Final = "all"


@attrs.frozen
class Reason:
    """One reason an import row is invalid: its code, the user's own column, the value and the
    sentence in the user's language."""

    code: str
    column: str
    value: object
    text: str


def row_of(company: Company) -> int | None:
    """The source row a company came from, when the source has rows."""
    return None if company.origin is None else company.origin.row


def changed_columns(diff: ImportDiff) -> tuple[str, ...]:
    """The overwritable fields that differ on at least one match, in the record's field order."""
    seen = {c.field for m in diff.matching for c in m.changes if field_policy(c.field).overwritable}
    order = [f.name for f in attrs.fields(Company)]
    return tuple(sorted(seen, key=order.index))


def per_company_field(number: EnterpriseNumber) -> str:
    """The form field of a company's own overwrite choice."""
    return f"{_PER_COMPANY}{number.compact}"


def reasons(record: InvalidRecord, t: Translator, headers: Mapping[str, str]) -> tuple[Reason, ...]:
    """The record's problems as the CLI shows them: the sentence with its parameters (the
    duplicate names the other rows) and the column under the user's own header."""
    return tuple(
        Reason(
            code=p.code,
            column=t.column(p, headers),
            value=p.value,
            text=t.reason(p.code, p.params),
        )
        for p in record.problems
    )


def _choice(value: str) -> AllType | frozenset[str] | None:
    if value == _AS_COLUMN:
        return None
    if value == _NOTHING:
        return frozenset()
    if value == _EVERYTHING:
        return ALL
    return frozenset({value})


def selection_from(form: FormData, matching: Iterable[Match]) -> Selection:
    """The user's choice: the ticked new companies, the fields ticked per column, and any
    company's own choice (which replaces the columns for that company).

    :raises DomainError: a field that may not be overwritten, or a number that does not parse.
    """
    per_company: dict[EnterpriseNumber | str, AllType | str | Iterable[str]] = {}
    for match in matching:
        number = match.platform.enterprise_number
        value = form.get(per_company_field(number))
        chosen = _choice(value) if isinstance(value, str) else None
        if chosen is not None:
            per_company[number] = chosen
    return Selection(
        add=frozenset(v for v in form.getlist(ADD_FIELD) if isinstance(v, str)),
        overwrite=frozenset(v for v in form.getlist(OVERWRITE_FIELD) if isinstance(v, str)),
        overwrite_for=per_company,
    )
