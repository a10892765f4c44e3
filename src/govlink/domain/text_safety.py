"""Characters that must never reach a terminal or a workbook raw: control characters (C0, DEL,
C1, so every ESC sequence) and the bidirectional embeddings, overrides and isolates that make
text display in another order than it is stored (U+202A-U+202E, U+2066-U+2069).

>>> has_unsafe_characters("Acme\\u202eSDP.exe"), has_unsafe_characters("Café Sàrl")
(True, False)
>>> escape_unsafe("red\\x1b[31m\\u202e!")
'red\\\\x1b[31m\\\\u202e!'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "BIDI_CONTROLS",
    "MAX_CELL_CHARACTERS",
    "escape_unsafe",
    "escape_unsafe_json",
    "has_unsafe_characters",
    "is_unsafe_character",
]

MAX_CELL_CHARACTERS: Final = 32_767
"""The most characters a spreadsheet cell holds (Excel's limit)."""

BIDI_CONTROLS: Final = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # LRE RLE PDF LRO RLO
    "\u2066\u2067\u2068\u2069"  # LRI RLI FSI PDI
)
"""The bidirectional embedding, override and isolate controls."""

#: Unicode's control characters (category Cc: C0, DEL, C1), the bidi controls, and lone
#: surrogates (a JSON source can send ``"\ud800"``; no terminal or file can encode one).
_UNSAFE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: The same without the newline: layout in JSON text and in rendered lines.
_UNSAFE_IN_JSON: Final = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def is_unsafe_character(ch: str) -> bool:
    """Whether ``ch`` is a control character (C0, DEL, C1), a bidi control or a lone
    surrogate."""
    return _UNSAFE.fullmatch(ch) is not None


def has_unsafe_characters(text: str) -> bool:
    """Whether ``text`` holds any character :func:`is_unsafe_character` names."""
    return _UNSAFE.search(text) is not None


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_unsafe(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every unsafe character written as its escape (``\\x1b``, ``\\u202e``), so
    it shows what is there without acting on the terminal or the layout; ``keep_newlines`` for
    text already laid out in lines."""
    pattern = _UNSAFE_IN_JSON if keep_newlines else _UNSAFE
    return pattern.sub(lambda found: _escape(found.group()), text)


def escape_unsafe_json(text: str) -> str:
    """JSON text with every unsafe character written as a ``\\u`` escape (``\\u202e``): the
    same JSON value (inside strings they are the same characters; a newline outside them is
    layout and stays), but safe to print."""
    return _UNSAFE_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
