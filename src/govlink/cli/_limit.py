"""``--limit N`` / ``--all``: how many rows a text table shows per category (JSON is complete)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, TypeVar

import click

__all__ = ["DEFAULT_LIMIT", "limit_options", "shown"]

#: Rows shown per table unless ``--limit`` or ``--all`` says otherwise.
DEFAULT_LIMIT: Final = 20

_F = TypeVar("_F", bound=Callable[..., object])


def limit_options(command: _F) -> _F:
    """Add ``--limit N`` (default 20) and ``--all``: the command gets ``limit: int`` and
    ``show_all: bool``; pass :func:`shown` of them to the renderer."""
    command = click.option(
        "--all",
        "show_all",
        is_flag=True,
        help="Show every row in the text tables.",
    )(command)
    return click.option(
        "--limit",
        type=click.IntRange(min=0),
        default=DEFAULT_LIMIT,
        show_default=True,
        help="At most this many rows per text table.",
    )(command)


def shown(limit: int, show_all: bool) -> int | None:
    """The rows per table to show: ``None`` for every row."""
    return None if show_all else limit
