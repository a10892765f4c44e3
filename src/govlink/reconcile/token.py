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
import itertools
import json
import operator
from collections.abc import Iterator
from typing import Final

from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.reconcile.model import ImportDiff

__all__ = ["TOKEN_LENGTH", "preview_token"]

#: The number of hexadecimal digits of a token.
TOKEN_LENGTH: Final = 12


# Every field but the enterprise number (first): text or None, as JSON takes them.
_OTHERS: Final = operator.attrgetter(*COMPANY_FIELDS[1:])
# (``default=str``: a value that is neither text nor None, from a caller's own Company.)
_ENCODE: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode
# Companies hashed per JSON text: bounded memory, few encoder calls.
_BATCH: Final = 4096


def _values(company: Company) -> tuple[str | None, ...]:
    return (company.enterprise_number.compact, *_OTHERS(company))


def _parts(diff: ImportDiff) -> Iterator[object]:
    """Everything the token covers, in batches of companies, matches and invalid rows."""
    yield "new"
    yield from _batches(map(_values, diff.only_in_source))
    yield "platform"
    yield from _batches(map(_values, diff.only_in_platform))
    yield "matching"
    yield from _batches((_values(m.platform), _values(m.source)) for m in diff.matching)
    yield "invalid"
    yield from _batches(
        (str(r.ref), [(p.code, p.field, str(p.value)) for p in r.problems]) for r in diff.invalid
    )


def _batches(items: Iterator[object]) -> Iterator[list[object]]:
    batch = list(itertools.islice(items, _BATCH))
    while batch:
        yield batch
        batch = list(itertools.islice(items, _BATCH))


def preview_token(diff: ImportDiff) -> str:
    """The token of ``diff``: equal diffs give equal tokens, any change gives another one.

    Hashed part by part (each a compact JSON text on its own line: a category's name, or a
    batch of its entries), so a large diff is never held as one text.
    """
    digest = hashlib.sha256()
    for part in _parts(diff):
        # a source may hand lone surrogates
        digest.update(_ENCODE(part).encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()[:TOKEN_LENGTH]
