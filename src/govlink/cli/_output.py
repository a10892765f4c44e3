"""Output that data from any source cannot turn against the terminal: control characters and
bidi controls are shown escaped (``\\x1b``, ``\\u202e``) in text and written as JSON ``\\u``
escapes (``\\u001b``) in JSON, which is the same JSON value."""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable, Iterable, Iterator
from types import GeneratorType
from typing import Final

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


def _encoder() -> Callable[[object], str]:
    """``JSONEncoder(ensure_ascii=False).encode``, its C encoder made once instead of once a
    call (a quarter of the time of 100k rows) where there is one (CPython).

    json's indenting encoder is pure Python, ten times slower on 100k rows: this one writes
    one member or element a line.
    """
    encoder = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return encoder.encode
    encode = make(
        None,  # no circular check: the documents are trees
        encoder.default,
        json.encoder.encode_basestring,
        None,
        encoder.key_separator,
        encoder.item_separator,
        encoder.sort_keys,
        encoder.skipkeys,
        encoder.allow_nan,
    )
    return lambda value: "".join(encode(value, 0))


_ENCODE: Final = _encoder()
# The characters up to U+00FF that escape_unsafe_json escapes, as bytes.
_UNSAFE_LATIN1: Final = bytes(c for c in range(256) if escape_unsafe_json(chr(c)) != chr(c))


def _escaped(text: str) -> str:
    """:func:`escape_unsafe_json` of ``text``; text up to U+00FF (the common case) is first
    checked by one ``bytes.translate``, six times faster than the regular expression."""
    try:
        latin1 = text.encode("latin-1")
    except UnicodeEncodeError:
        return escape_unsafe_json(text)
    if len(latin1.translate(None, _UNSAFE_LATIN1)) == len(latin1):
        return text
    return escape_unsafe_json(text)


_ARRAYS: Final = (list, tuple, GeneratorType)
# Chunks written to stdout at once.
_BATCH: Final = 1024


def _array(items: Iterable[object]) -> Iterator[str]:
    empty = True
    for item in items:
        yield ("[\n    " if empty else ",\n    ") + _ENCODE(item)
        empty = False
    yield "[]" if empty else "\n  ]"


def _chunks(document: object) -> Iterator[str]:
    """``document`` as JSON text in pieces: an object has one member a line, an array member
    one element a line (its elements may be generators, consumed once)."""
    if not isinstance(document, dict):
        yield _ENCODE(document)
        return
    separator = "{\n  "
    for key, value in document.items():
        yield separator + _ENCODE(key) + ": "
        separator = ",\n  "
        if isinstance(value, _ARRAYS):
            yield from _array(value)
        else:
            yield _ENCODE(value)
    yield "\n}" if document else "{}"


def json_text(document: object) -> str:
    """``document`` as JSON (UTF-8 kept; one member, or one element of a member's array, a
    line), unsafe characters as ``\\u`` escapes."""
    return _escaped("".join(_chunks(document)))


def echo_json(document: object) -> None:
    """Print ``document`` as JSON on stdout (see :func:`json_text`), a batch of lines at a
    time: a large document is never held as one string."""
    batch: list[str] = []
    for chunk in _chunks(document):
        batch.append(chunk)
        if len(batch) == _BATCH:
            click.echo(_escaped("".join(batch)), nl=False)
            batch.clear()
    click.echo(_escaped("".join(batch)))


def echo_line(text: str, *, err: bool = False) -> None:
    """Print one line of text, unsafe characters escaped."""
    click.echo(escape_unsafe(text), err=err)
