"""The previews a browser is reviewing, kept in this process under a random id.

A preview holds the records read, so an apply can reconcile them again against the store as it
is then; only the newest few are kept.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from typing import Final

from govlink.workflows.importing import ImportPreview

__all__ = ["KEPT", "Previews"]

KEPT: Final = 16
"""How many previews are kept; an older one must be imported again."""


class Previews:
    """The newest :data:`KEPT` previews by id."""

    def __init__(self, kept: int = KEPT) -> None:
        self._kept = kept
        self._previews: OrderedDict[str, ImportPreview] = OrderedDict()

    def add(self, preview: ImportPreview) -> str:
        """Keep ``preview``; its new id."""
        key = secrets.token_urlsafe(12)
        self.replace(key, preview)
        return key

    def replace(self, key: str, preview: ImportPreview) -> None:
        """Keep ``preview`` under ``key`` (the refreshed preview of a stale one)."""
        self._previews[key] = preview
        self._previews.move_to_end(key)
        while len(self._previews) > self._kept:
            self._previews.popitem(last=False)

    def get(self, key: str) -> ImportPreview | None:
        """The preview with this id, or ``None`` when unknown or dropped."""
        return self._previews.get(key)

    def drop(self, key: str) -> None:
        """Forget the preview (after it was applied)."""
        self._previews.pop(key, None)
