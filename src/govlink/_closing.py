"""``with thing:`` for anything with a ``close()``: one mixin instead of a copy of
``__enter__`` / ``__exit__`` in every client, fetcher and store."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

__all__ = ["Closing"]


class _Closable(Protocol):
    def close(self) -> None: ...


class Closing:
    """Mixin: ``with obj:`` gives ``obj`` and calls ``obj.close()`` at the end (even on error)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self: _Closable,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
