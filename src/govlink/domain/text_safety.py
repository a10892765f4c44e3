"""Characters that must never reach a terminal or a workbook raw: control characters (C0, DEL,
C1, so every ESC sequence) and the bidirectional embeddings, overrides and isolates that make
text display in another order than it is stored (U+202A-U+202E, U+2066-U+2069).

>>> has_unsafe_characters("Acme\\u202eSDP.exe"), has_unsafe_characters("Café Sàrl")
(True, False)
>>> escape_unsafe("red\\x1b[31m\\u202e!")
'red\\\\x1b[31m\\\\u202e!'
"""

from __future__ import annotations

import unicodedata
from typing import Final

__all__ = ["BIDI_CONTROLS", "escape_unsafe", "has_unsafe_characters", "is_unsafe_character"]

BIDI_CONTROLS: Final = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # LRE RLE PDF LRO RLO
    "\u2066\u2067\u2068\u2069"  # LRI RLI FSI PDI
)
"""The bidirectional embedding, override and isolate controls."""


def is_unsafe_character(ch: str) -> bool:
    """Whether ``ch`` is a control character (C0, DEL, C1) or a bidi control."""
    return ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cc"


def has_unsafe_characters(text: str) -> bool:
    """Whether ``text`` holds any character :func:`is_unsafe_character` names."""
    return any(is_unsafe_character(ch) for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_unsafe(text: str) -> str:
    """``text`` with every unsafe character written as its escape (``\\x1b``, ``\\u202e``), so
    it shows what is there without acting on the terminal or the layout."""
    if not has_unsafe_characters(text):
        return text
    return "".join(_escape(ch) if is_unsafe_character(ch) else ch for ch in text)
