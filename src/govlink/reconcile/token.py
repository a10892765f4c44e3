"""The preview token: a short fingerprint of an :class:`ImportDiff`.

A user confirms a preview; the apply recomputes the preview and refuses when its token differs,
so what gets written is exactly what was shown. Two diffs have the same token when they hold
the same companies (every field, on both sides) in the same categories and the same invalid rows.

>>> from govlink.reconcile.model import ImportDiff
>>> empty = ImportDiff(only_in_source=(), only_in_platform=(), matching=(), invalid=())
>>> len(preview_token(empty))
12
"""

from __future__ import annotations

import hashlib
import json
import operator
from collections.abc import Iterator
from typing import Final

from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.reconcile.model import ImportDiff

__all__ = ["TOKEN_LENGTH", "preview_token"]

#: The number of hexadecimal digits of a token.
TOKEN_LENGTH: Final = 12


_VALUES: Final = operator.attrgetter(*COMPANY_FIELDS)
_ENCODE: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _values(company: Company) -> list[str | None]:
    return [None if v is None else str(v) for v in _VALUES(company)]


def _parts(diff: ImportDiff) -> Iterator[object]:
    """Everything the token covers, one company, match or invalid row at a time."""
    yield "new"
    yield from map(_values, diff.only_in_source)
    yield "platform"
    yield from map(_values, diff.only_in_platform)
    yield "matching"
    for match in diff.matching:
        yield [_values(match.platform), _values(match.source)]
    yield "invalid"
    for record in diff.invalid:
        yield [str(record.ref), [[p.code, p.field, str(p.value)] for p in record.problems]]


def preview_token(diff: ImportDiff) -> str:
    """The token of ``diff``: equal diffs give equal tokens, any change gives another one.

    Hashed part by part (each part as compact JSON, one line each), so a large diff is never
    held as one text.
    """
    digest = hashlib.sha256()
    for part in _parts(diff):
        # a source may hand lone surrogates
        digest.update(_ENCODE(part).encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()[:TOKEN_LENGTH]
