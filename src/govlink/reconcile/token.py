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
from collections.abc import Iterable
from typing import Final

from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.reconcile.model import ImportDiff

__all__ = ["TOKEN_LENGTH", "preview_token"]

#: The number of hexadecimal digits of a token.
TOKEN_LENGTH: Final = 12


def _values(company: Company) -> list[str | None]:
    return [None if (v := getattr(company, n)) is None else str(v) for n in COMPANY_FIELDS]


def _all(companies: Iterable[Company]) -> list[list[str | None]]:
    return [_values(c) for c in companies]


def preview_token(diff: ImportDiff) -> str:
    """The token of ``diff``: equal diffs give equal tokens, any change gives another one."""
    content = {
        "new": _all(diff.only_in_source),
        "platform": _all(diff.only_in_platform),
        "matching": [[_values(m.platform), _values(m.source)] for m in diff.matching],
        "invalid": [
            [str(r.ref), [[p.code, p.field, str(p.value)] for p in r.problems]]
            for r in diff.invalid
        ],
    }
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    encoded = text.encode("utf-8", "surrogatepass")  # a source may hand lone surrogates
    return hashlib.sha256(encoded).hexdigest()[:TOKEN_LENGTH]
