"""Output that data from any source cannot turn against the terminal: control characters and
bidi controls are shown escaped (``\\x1b``, ``\\u202e``) in text and written as JSON ``\\u``
escapes (``\\u001b``) in JSON, which is the same JSON value."""

from __future__ import annotations

import json
from collections.abc import Iterable

import click
from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from govlink.domain.text_safety import escape_unsafe, escape_unsafe_json, has_unsafe_characters

__all__ = ["SafeConsole", "echo_json", "echo_line", "json_text"]


class SafeConsole(Console):
    """A rich console that escapes unsafe characters in every text segment it renders (its
    own control segments, colours and cursor moves, pass untouched): the last line of defence
    behind the renderers, which escape values before the layout."""

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        """Render ``renderable``; see :meth:`rich.console.Console.render`."""
        for segment in super().render(renderable, options):
            if segment.control or not has_unsafe_characters(segment.text):
                yield segment
            else:
                text = escape_unsafe(segment.text, keep_newlines=True)
                yield Segment(text, segment.style, segment.control)


def json_text(document: object) -> str:
    """``document`` as indented JSON (UTF-8 kept), unsafe characters as ``\\u`` escapes."""
    return escape_unsafe_json(json.dumps(document, ensure_ascii=False, indent=2))


def echo_json(document: object) -> None:
    """Print ``document`` as JSON on stdout (see :func:`json_text`)."""
    click.echo(json_text(document))


def echo_line(text: str, *, err: bool = False) -> None:
    """Print one line of text, unsafe characters escaped."""
    click.echo(escape_unsafe(text), err=err)
