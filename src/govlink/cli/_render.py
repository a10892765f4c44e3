"""Rich rendering of workflow results for people: tables of the four categories, runs, lists.

Every value from a source or the store goes in as :class:`rich.text.Text`, never as markup, so
a company called ``[bold]`` prints as it is, and with its control and bidi characters escaped
(``\x1b``, ``\u202e``) before the layout, so they neither act on the terminal nor misalign a
table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from itertools import islice
from typing import Final

from rich.console import Console
from rich.table import Table
from rich.text import Text

from govlink.cli._lang import texts
from govlink.domain.company import Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.text_safety import escape_unsafe
from govlink.plugins import FailedPlugin, NameClash, PluginInfo
from govlink.reconcile.policy import ApplyPlan
from govlink.store.base import ImportRun
from govlink.workflows.importing import ImportPreview

__all__ = [
    "render_applied",
    "render_companies",
    "render_hint",
    "render_plan",
    "render_plugins",
    "render_preview",
    "safe_text",
    "section",
]


def safe_text(value: object, style: str = "") -> Text:
    """``value`` as plain text (never markup), unsafe characters escaped."""
    return Text("" if value is None else escape_unsafe(str(value)), style=style)


def section(
    console: Console,
    heading: str,
    columns: Iterable[str],
    rows: Iterable[Iterable[object]],
    *,
    limit: int | None = None,
    more: str | None = None,
    hidden: int = 0,
) -> None:
    """A heading, then a table of ``rows`` (or "none"), in the command's language.

    With a ``limit`` at most that many rows are shown, then a line "+K more (``more``, by
    default: see --report or --json)"; ``hidden`` rows not even passed in count among the K.
    """
    t = texts()
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
        console.print(Text(t("section.none"), style="dim"))
    if left:
        hint = more or t("section.more.report")
        console.print(Text(t("section.more", count=f"{left:,}", more=hint), style="dim"))
    console.print()


def _row(company: Company) -> int | None:
    return company.origin.row if company.origin is not None else None


def _summary(preview: ImportPreview) -> str:
    t = texts()
    counts = preview.counts
    parts = [
        t.count("preview.rows", counts.rows),
        t("preview.only_in_source", count=counts.only_in_source),
        t("preview.only_in_platform", count=counts.only_in_platform),
        t("preview.matching", count=counts.matching, changed=counts.changed),
        t("preview.invalid", count=counts.invalid),
    ]
    if counts.skipped:
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(preview.skipped.items()))
        parts.append(t("preview.skipped", count=counts.skipped, reasons=reasons))
    return " · ".join(parts)


_HINTED: Final = 5


def _archive_hint(console: Console, preview: ImportPreview) -> None:
    """Under "only on the platform": the command that archives them, and the archived ones
    left out of the list."""
    t = texts()
    numbers = [c.enterprise_number.formatted for c in preview.diff.only_in_platform]
    if numbers:
        shown = " ".join(numbers[:_HINTED]) + (" ..." if len(numbers) > _HINTED else "")
        console.print(Text(t("preview.archive_hint", numbers=shown), "dim"))
    if preview.archived:
        left_out = t("preview.archived_left_out", count=len(preview.archived))
        console.print(Text(left_out, "dim"))
    if numbers or preview.archived:
        console.print()


def render_preview(console: Console, preview: ImportPreview, *, limit: int | None = None) -> None:
    """The four categories with counts and tables (at most ``limit`` rows each), then the
    warnings."""
    t = texts()
    diff = preview.diff
    title = t("preview.title", source=preview.source, location=preview.location)
    console.print(safe_text(title, "bold"))
    console.print(safe_text(_summary(preview)))
    if preview.unknown_columns:
        ignored = ", ".join(preview.unknown_columns)
        console.print(safe_text(t("preview.unknown_columns", columns=ignored), "dim"))
    console.print()
    row, number, name, responsible = (
        t("column.row"),
        t.field("enterprise_number"),
        t.field("name"),
        t.field("responsible"),
    )
    section(
        console,
        t("section.only_in_source", count=len(diff.only_in_source)),
        (row, number, name, responsible),
        (
            (_row(c), c.enterprise_number.formatted, c.name, c.responsible)
            for c in diff.only_in_source
        ),
        limit=limit,
    )
    section(
        console,
        t("section.only_in_platform", count=len(diff.only_in_platform)),
        (number, name, responsible),
        ((c.enterprise_number.formatted, c.name, c.responsible) for c in diff.only_in_platform),
        limit=limit,
    )
    _archive_hint(console, preview)
    unchanged = len(diff.matching) - len(diff.changed)
    section(
        console,
        t(
            "section.matching",
            count=len(diff.matching),
            changed=len(diff.changed),
            unchanged=unchanged,
        ),
        (row, number, name, t("column.field"), t("column.import"), t("column.platform")),
        (
            (
                _row(m.source),
                m.platform.enterprise_number.formatted,
                m.platform.name,
                t.field(change.field),
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
        t("section.invalid", count=len(diff.invalid)),
        (row, t("column.column"), t("column.value"), t("column.reason"), t("column.code")),
        (
            (
                str(r.ref) if r.ref.row is None else r.ref.row,
                t.column(p, preview.headers),
                p.value,
                t.reason(p.code, p.params),
                p.code,
            )
            for r in diff.invalid
            for p in r.problems
        ),
        limit=limit,
    )
    if diff.warnings:
        section(
            console,
            t("section.warnings", count=len(diff.warnings)),
            (row, number, t("column.warning"), t("column.code")),
            (
                (w.ref.row, w.enterprise_number.formatted, t.reason(w.code, w.params), w.code)
                for w in diff.warnings
            ),
            limit=limit,
        )


def render_plan(console: Console, plan: ApplyPlan, *, limit: int | None = None) -> None:
    """Exactly what an apply of ``plan`` writes: the companies added, each field before -> after."""
    t = texts()
    number, name = t.field("enterprise_number"), t.field("name")
    section(
        console,
        t("section.would_add", count=len(plan.add)),
        (number, name, t.field("responsible")),
        ((c.enterprise_number.formatted, c.name, c.responsible) for c in plan.add),
        limit=limit,
    )
    section(
        console,
        t.count("section.would_overwrite", len(plan.update)),
        (number, name, t("column.field"), t("column.before"), t("column.after")),
        (
            (
                u.before.enterprise_number.formatted,
                u.before.name,
                t.field(field),
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
    t = texts()
    applied = t("applied.summary", run=run.id, added=len(plan.add), updated=len(plan.update))
    console.print(Text(applied, style="bold green"))
    if plan.update:
        section(
            console,
            t("section.updated"),
            (t.field("enterprise_number"), t.field("name"), t("column.fields")),
            (
                (
                    u.after.enterprise_number.formatted,
                    u.after.name,
                    ", ".join(t.field(f) for f in u.fields),
                )
                for u in plan.update
            ),
            limit=limit,
        )


def render_hint(console: Console, token: str, selection: str | None = None) -> None:
    """How to apply, after a preview that wrote nothing (of the ``selection`` workbook)."""
    t = texts()
    hint = (
        t("hint.preview", token=token)
        if selection is None
        else t("hint.selection", path=selection, token=token)
    )
    console.print(safe_text(hint, "dim"))


def render_companies(
    console: Console,
    companies: Iterable[Company],
    *,
    limit: int | None = None,
    archived: Mapping[EnterpriseNumber, datetime] | None = None,
    hidden: int = 0,
) -> None:
    """The companies on the platform (at most ``limit`` of them; ``hidden`` more not passed);
    with ``archived``, the archived ones with when each was archived."""
    t = texts()
    columns = tuple(map(t.field, ("enterprise_number", "name", "email", "language", "responsible")))

    def row(c: Company) -> tuple[object, ...]:
        shown = (c.enterprise_number.formatted, c.name, c.email, c.language, c.responsible)
        if archived is None:
            return shown
        return (*shown, archived[c.enterprise_number].date().isoformat())

    section(
        console,
        t("section.companies" if archived is None else "section.archived_companies"),
        columns if archived is None else (*columns, t("column.archived")),
        (row(c) for c in companies),
        limit=limit,
        more=t("section.more.companies"),
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
    t = texts()
    columns = ("plugin", "origin", "sources", "sinks", "fetchers", "notifiers")
    section(
        console,
        t("plugins.title"),
        tuple(t(f"plugins.column.{column}") for column in columns),
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
        console.print(Text(t("plugins.failed", name=plugin.name, error=plugin.error), style="red"))
    for clash in clashes:
        console.print(Text(t("plugins.clash", clash=clash), style="red"))
