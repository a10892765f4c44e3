"""The ``--json`` documents of the CLI (schema in docs/cli.md), built from workflow results."""

from __future__ import annotations

import math
import operator
from datetime import date, time
from typing import Any, Final

from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.domain.records import NumberCandidates, SkippedRecord
from govlink.domain.validation import InvalidRecord
from govlink.reconcile.model import Match
from govlink.reconcile.policy import ApplyPlan
from govlink.workflows.importing import ImportPreview

__all__ = ["company_json", "import_json"]


def _jsonable(value: object) -> Any:
    """A raw value as JSON can carry it: text, finite numbers, booleans and null as they are;
    several candidate fields as an object of their non-blank raw values."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, NumberCandidates):  # the raw values by source field, never a repr
        return {name: _jsonable(raw) for name, raw in value.present.items()}
    return str(value)


_FIELDS: Final = operator.attrgetter(*COMPANY_FIELDS)


def company_json(company: Company) -> dict[str, Any]:
    """Every data field of ``company``; the enterprise number in its 10-digit form."""
    data: dict[str, Any] = dict(zip(COMPANY_FIELDS, _FIELDS(company), strict=True))
    data["enterprise_number"] = company.enterprise_number.compact
    return data


def _new(company: Company) -> dict[str, Any]:
    data = company_json(company)
    data["row"] = company.origin.row if company.origin is not None else None
    return data


def _match(match: Match) -> dict[str, Any]:
    origin = match.source.origin
    return {
        "enterprise_number": match.platform.enterprise_number.compact,
        "row": origin.row if origin is not None else None,
        "changes": [
            {"field": c.field, "platform": c.platform, "source": c.source} for c in match.changes
        ],
    }


def _invalid(invalid: InvalidRecord) -> dict[str, Any]:
    return {
        "row": invalid.ref.row,
        "source_ref": str(invalid.ref),
        "reasons": [
            {"code": p.code, "field": p.field, "value": _jsonable(p.value), "message": p.message}
            for p in invalid.problems
        ],
    }


def _skipped(skipped: SkippedRecord) -> dict[str, Any]:
    ref = skipped.ref
    return {
        "source_ref": str(ref),
        "record_id": ref.record_id,
        "row": ref.row,
        "reason": skipped.reason,
        "numbers": {name: _jsonable(value) for name, value in skipped.numbers.items()},
    }


def _plan(plan: ApplyPlan) -> dict[str, Any]:
    return {
        "added": [c.enterprise_number.compact for c in plan.add],
        "updated": [
            {
                "enterprise_number": u.after.enterprise_number.compact,
                "fields": list(u.fields),
                "before": {f: getattr(u.before, f) for f in u.fields},
                "after": {f: getattr(u.after, f) for f in u.fields},
            }
            for u in plan.update
        ],
    }


def import_json(
    preview: ImportPreview, applied: ApplyPlan | None = None, *, planned: ApplyPlan | None = None
) -> dict[str, Any]:
    """The ``govlink import --json`` document; with ``applied``, also what the apply did, with
    ``planned`` what applying the selection would do.

    The per-row lists are generators, consumed once by :func:`~govlink.cli._output.echo_json`,
    so 100k rows are never all held as dictionaries at once."""
    diff = preview.diff
    counts = preview.counts
    document: dict[str, Any] = {
        "source": preview.source,
        "token": preview.token,
        "counts": {
            "rows": counts.rows,
            "only_in_source": counts.only_in_source,
            "only_in_platform": counts.only_in_platform,
            "matching": counts.matching,
            "changed": counts.changed,
            "invalid": counts.invalid,
            "skipped": counts.skipped,
        },
        "only_in_source": (_new(c) for c in diff.only_in_source),
        "only_in_platform": (company_json(c) for c in diff.only_in_platform),
        "matching": (_match(m) for m in diff.matching),
        "invalid": (_invalid(r) for r in diff.invalid),
        "warnings": (
            {"code": w.code, "enterprise_number": w.enterprise_number.compact, "message": w.message}
            for w in diff.warnings
        ),
        "unknown_columns": list(preview.unknown_columns),
        "skipped": (_skipped(s) for s in preview.skipped_records),
        "archived": [c.enterprise_number.compact for c in preview.archived],
    }
    if applied is not None:
        document["applied"] = _plan(applied)
    if planned is not None:
        document["planned"] = _plan(planned)
    return document
