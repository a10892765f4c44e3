"""Rich rendering of workflow results for people: tables of the four categories, runs, lists.

Every value from a source or the store goes in as :class:`rich.text.Text`, never as markup, so
a company called ``[bold]`` prints as it is, and with its control and bidi characters escaped
(``\x1b``, ``\u202e``) before the layout, so they neither act on the terminal nor misalign a
table.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Final

from rich.console import Console
from rich.table import Table
from rich.text import Text

from govlink.domain.company import Company
from govlink.domain.text_safety import escape_unsafe
from govlink.plugins import FailedPlugin, NameClash, PluginInfo
from govlink.reconcile.policy import ApplyPlan
from govlink.store.base import ImportRun
from govlink.workflows.importing import ImportPreview

__all__ = [
    "render_applied",
    "render_companies",
    "render_hint",
    "render_plugins",
    "render_preview",
    "safe_text",
    "section",
]


def safe_text(value: object, style: str = "") -> Text:
    """``value`` as plain text (never markup), unsafe characters escaped."""
    return Text("" if value is None else escape_unsafe(str(value)), style=style)


#: What the line under a cut table points to.
MORE_IN_FULL: Final = "see --report or --json"


def section(
    console: Console,
    heading: str,
    columns: Iterable[str],
    rows: Iterable[Iterable[object]],
    *,
    limit: int | None = None,
    more: str = MORE_IN_FULL,
    hidden: int = 0,
) -> None:
    """A heading, then a table of ``rows`` (or "none").

    With a ``limit`` at most that many rows are shown, then a line "+K more (``more``)";
    ``hidden`` rows not even passed in count among the K.
    """
    console.print(Text(heading, style="bold"))
    table = Table()
    for column in columns:
        table.add_column(column)
    remaining = iter(rows)
    for row in remaining if limit is None else islice(remaining, limit):
        table.add_row(*(safe_text(value) for value in row))
    left = sum(1 for _ in remaining) + hidden
    if table.row_count:
        console.print(table)
    elif not left:
        console.print(Text("  none", style="dim"))
    if left:
        console.print(Text(f"+{left:,} more ({more})", style="dim"))
    console.print()


def _row(company: Company) -> int | None:
    return company.origin.row if company.origin is not None else None


def _summary(preview: ImportPreview) -> str:
    counts = preview.counts
    parts = [
        f"{counts.rows} row{'' if counts.rows == 1 else 's'}",
        f"{counts.only_in_source} only in import",
        f"{counts.only_in_platform} only on the platform",
        f"{counts.matching} matching ({counts.changed} with changes)",
        f"{counts.invalid} invalid",
    ]
    if counts.skipped:
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(preview.skipped.items()))
        parts.append(f"{counts.skipped} out of scope ({reasons})")
    return " · ".join(parts)


def render_preview(console: Console, preview: ImportPreview, *, limit: int | None = None) -> None:
    """The four categories with counts and tables (at most ``limit`` rows each), then the
    warnings."""
    diff = preview.diff
    console.print(safe_text(f"Import from {preview.source} ({preview.location})", "bold"))
    console.print(safe_text(_summary(preview)))
    if preview.unknown_columns:
        ignored = ", ".join(preview.unknown_columns)
        console.print(safe_text(f"Columns not imported (unknown headers): {ignored}", "dim"))
    console.print()
    section(
        console,
        f"Only in import ({len(diff.only_in_source)}): new companies",
        ("row", "enterprise number", "name", "responsible"),
        (
            (_row(c), c.enterprise_number.formatted, c.name, c.responsible)
            for c in diff.only_in_source
        ),
        limit=limit,
    )
    section(
        console,
        f"Only on the platform ({len(diff.only_in_platform)}): possibly no longer clients",
        ("enterprise number", "name", "responsible"),
        ((c.enterprise_number.formatted, c.name, c.responsible) for c in diff.only_in_platform),
        limit=limit,
    )
    unchanged = len(diff.matching) - len(diff.changed)
    section(
        console,
        f"Matching ({len(diff.matching)}): {len(diff.changed)} with changes, {unchanged} unchanged",
        ("row", "enterprise number", "name", "field", "import", "platform"),
        (
            (
                _row(m.source),
                m.platform.enterprise_number.formatted,
                m.platform.name,
                change.field,
                change.source,
                change.platform,
            )
            for m in diff.changed
            for change in m.changes
        ),
        limit=limit,
    )
    section(
        console,
        f"Invalid ({len(diff.invalid)}): rows that cannot be imported",
        ("row", "column", "value", "reason"),
        (
            (str(r.ref) if r.ref.row is None else r.ref.row, p.field, p.value, p.message)
            for r in diff.invalid
            for p in r.problems
        ),
        limit=limit,
    )
    if diff.warnings:
        section(
            console,
            f"Warnings ({len(diff.warnings)})",
            ("row", "enterprise number", "warning"),
            ((w.ref.row, w.enterprise_number.formatted, w.message) for w in diff.warnings),
            limit=limit,
        )


def render_plan(console: Console, plan: ApplyPlan, *, limit: int | None = None) -> None:
    """Exactly what an apply of ``plan`` writes: the companies added, each field before -> after."""
    section(
        console,
        f"Would add ({len(plan.add)})",
        ("enterprise number", "name", "responsible"),
        ((c.enterprise_number.formatted, c.name, c.responsible) for c in plan.add),
        limit=limit,
    )
    section(
        console,
        f"Would overwrite ({len(plan.update)} companies)",
        ("enterprise number", "name", "field", "before", "after"),
        (
            (
                u.before.enterprise_number.formatted,
                u.before.name,
                field,
                getattr(u.before, field),
                getattr(u.after, field),
            )
            for u in plan.update
            for field in u.fields
        ),
        limit=limit,
    )


def render_applied(
    console: Console, plan: ApplyPlan, run: ImportRun, *, limit: int | None = None
) -> None:
    """What an apply did (at most ``limit`` updated companies listed)."""
    console.print(
        Text(
            f"Applied import run {run.id}: added {len(plan.add)} companies, "
            f"updated {len(plan.update)}.",
            style="bold green",
        )
    )
    if plan.update:
        section(
            console,
            "Updated",
            ("enterprise number", "name", "fields"),
            (
                (u.after.enterprise_number.formatted, u.after.name, ", ".join(u.fields))
                for u in plan.update
            ),
            limit=limit,
        )


def render_hint(console: Console, token: str) -> None:
    """How to apply, after a preview that wrote nothing."""
    console.print(
        Text(
            f"Nothing was written. Preview token {token}. Run again with --apply --token {token} "
            "to apply exactly this (--select/--exclude NUMBER,... to pick companies, "
            "--overwrite [NUMBER:]FIELD,...|all to update matches).",
            style="dim",
        )
    )


def render_companies(
    console: Console, companies: Iterable[Company], *, limit: int | None = None, hidden: int = 0
) -> None:
    """The companies on the platform (at most ``limit`` of them; ``hidden`` more not passed)."""
    section(
        console,
        "Companies on the platform",
        ("enterprise number", "name", "e-mail", "language", "responsible"),
        (
            (c.enterprise_number.formatted, c.name, c.email, c.language, c.responsible)
            for c in companies
        ),
        limit=limit,
        more="--all, --search or --json shows them",
        hidden=hidden,
    )


def render_plugins(
    console: Console,
    plugins: Iterable[PluginInfo],
    failed: Iterable[FailedPlugin],
    clashes: Iterable[NameClash] = (),
) -> None:
    """The loaded plugins with what they offer, then those that failed to load and the names
    two plugins offer."""
    section(
        console,
        "Plugins",
        ("plugin", "origin", "sources", "sinks", "fetchers", "notifiers"),
        (
            (
                p.name,
                p.origin.value + (f" ({p.distribution})" if p.distribution else ""),
                ", ".join(p.sources),
                ", ".join(p.sinks),
                ", ".join(p.fetchers),
                ", ".join(p.notifiers),
            )
            for p in plugins
        ),
    )
    for plugin in failed:
        console.print(Text(f"failed to load {plugin.name}: {plugin.error}", style="red"))
    for clash in clashes:
        console.print(Text(f"name clash: {clash}", style="red"))
