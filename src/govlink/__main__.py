"""``python -m govlink``: reconcile the bundled example and print the import overview.

Until the ``govlink`` command lands this shows what an import does, with no set-up: a small
fictitious Excel-like source against a few platform companies.
"""

from __future__ import annotations

from govlink import _example
from govlink.reconcile import ImportDiff, reconcile

__all__ = ["main", "render"]


def _blank(value: object) -> str:
    return "(empty)" if value is None else str(value)


def render(diff: ImportDiff, *, source: str) -> str:
    """The import overview as plain text: counts, then each category in detail."""
    changed = len(diff.changed)
    lines = [
        f"Import from {source}: {diff.rows} rows",
        f"  only in the import:   {len(diff.only_in_source)}",
        f"  only on the platform: {len(diff.only_in_platform)}",
        f"  matching:             {len(diff.matching)} "
        f"({changed} changed, {len(diff.matching) - changed} unchanged)",
        f"  invalid:              {len(diff.invalid)}",
        f"  warnings:             {len(diff.warnings)}",
        "",
        "New companies (only in the import)",
    ]
    lines += [f"  {c.enterprise_number.formatted}  {c.name}" for c in diff.only_in_source]
    lines += ["", "Only on the platform (kept; never deleted)"]
    lines += [f"  {c.enterprise_number.formatted}  {c.name}" for c in diff.only_in_platform]
    lines += ["", "Matching companies (platform -> import)"]
    for match in diff.matching:
        state = "unchanged" if match.unchanged else f"{len(match.changes)} changed"
        lines.append(
            f"  {match.platform.enterprise_number.formatted}  {match.platform.name}: {state}"
        )
        lines += [
            f"      {c.field}: {_blank(c.platform)} -> {c.source} ({c.kind})" for c in match.changes
        ]
    lines += ["", "Invalid rows"]
    for invalid in diff.invalid:
        would_match = invalid.platform_match
        suffix = f" (platform: {would_match.name})" if would_match else ""
        lines.append(f"  {invalid.ref}{suffix}")
        lines += [f"      {p.code}: {p.message}" for p in invalid.problems]
    lines += ["", "Warnings"]
    lines += [
        f"  {w.ref} {w.enterprise_number.formatted}: {w.code}: {w.message}" for w in diff.warnings
    ]
    return "\n".join(lines)


def main() -> None:
    """Reconcile the bundled example and print the overview."""
    diff = reconcile(_example.SOURCE, _example.PLATFORM, known_colleagues=_example.KNOWN_COLLEAGUES)
    print(render(diff, source=_example.SOURCE_NAME))


if __name__ == "__main__":
    main()
