"""Page walking that fails loudly instead of looping, and exactly-once reading of a moving list.

:class:`Paginator` (after singer-sdk's ``BaseAPIPaginator``) holds the current page token and
refuses a next token it has seen before, one that does not move forward, a page whose content
repeats the two before it (a server ignoring the page token; a single repeat is what a record
inserted before a small page looks like, and :func:`exactly_once` deals with that), and more than
``max_pages`` pages. :class:`PageNumbers` counts pages
(``page=0, 1, ...``); :class:`NextLinks` follows ``rel="next"`` URLs.

:func:`exactly_once` reads a list whose pages may shift while it is read (a record added or
removed between two page calls): it yields each key once and, when a pass saw a duplicate or
fewer keys than the server announced, reads the list again for what it missed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Generic, TypeVar

import attrs

from govlink.errors import FatalConnectorError

__all__ = ["NextLinks", "Page", "PageNumbers", "Paginator", "exactly_once"]

T = TypeVar("T")
Token = TypeVar("Token", bound=Hashable)


def _loop(connector: str, path: str, what: str) -> FatalConnectorError:
    return FatalConnectorError(
        f"{connector}: GET {path} {what}; stopped rather than loop or drop records",
        code="connector.pagination",
        connector=connector,
        method="GET",
        path=path,
    )


class Paginator(Generic[Token]):
    """Walks page tokens; raises :class:`~govlink.FatalConnectorError` on any sign of a loop.

    :param start: the first token.
    :param connector: the connector's name, for errors.
    :param path: the listed path, for errors.
    :param max_pages: a hard ceiling on pages read.
    """

    def __init__(self, start: Token, *, connector: str, path: str, max_pages: int = 10_000) -> None:
        self.current: Token = start
        self.finished = False
        self.pages = 0
        self._connector = connector
        self._path = path
        self._max_pages = max_pages
        self._seen: set[Token] = {start}
        self._last_content: Hashable | None = None
        self._repeats = 0

    def moves_forward(self, token: Token) -> bool:
        """Whether ``token`` comes after :attr:`current` (any new token, by default)."""
        return True

    def advance(self, token: Token | None, *, content: Hashable | None = None) -> None:
        """Record that the current page was read and move to ``token`` (``None``: the last).

        :param content: a fingerprint of the page just read (its record ids, say); a non-empty
            page identical to the two before it means the server ignores the page token.
        """
        self.pages += 1
        repeated = content is not None and content == self._last_content
        self._repeats = self._repeats + 1 if repeated else 0
        if self._repeats >= 2:
            raise _loop(
                self._connector, self._path, f"returned the same page 3 times ({self.pages})"
            )
        self._last_content = content
        if token is None:
            self.finished = True
            return
        if token in self._seen or not self.moves_forward(token):
            raise _loop(self._connector, self._path, f"sent page {token!r} again or out of order")
        if self.pages >= self._max_pages:
            raise _loop(self._connector, self._path, f"has more than {self._max_pages} pages")
        self._seen.add(token)
        self.current = token


class PageNumbers(Paginator[int]):
    """0-based (or ``start``-based) page numbers; a number must be greater than the current."""

    def __init__(
        self, start: int = 0, *, connector: str, path: str, max_pages: int = 10_000
    ) -> None:
        super().__init__(start, connector=connector, path=path, max_pages=max_pages)

    def moves_forward(self, token: int) -> bool:
        """Page numbers only go up."""
        return token > self.current


class NextLinks(Paginator[str]):
    """``rel="next"`` URLs; a URL seen before is a loop."""


@attrs.frozen
class Page(Generic[T]):
    """One page of a listing and the total the server announced for the whole list, if any."""

    items: Sequence[T]
    total: int | None = None


def exactly_once(
    read_pass: Callable[[], Iterable[Page[T]]],
    key: Callable[[T], Hashable | None],
    *,
    connector: str,
    path: str,
    max_passes: int = 3,
) -> Iterator[T]:
    """Yield every item of a paged list once, re-reading the list when it moved under us.

    A pass is *stable* when it saw no key twice, the announced total did not change and (when
    announced) equals the number of distinct keys. After an unstable pass the list is read again
    and only unseen keys are yielded; after ``max_passes`` unstable passes it raises
    :class:`~govlink.FatalConnectorError`. Items whose key is ``None`` are yielded as they come.
    """
    seen: set[Hashable] = set()
    for _ in range(max_passes):
        in_pass: set[Hashable] = set()
        totals: set[int | None] = set()
        stable = True
        for page in read_pass():
            totals.add(page.total)
            for item in page.items:
                k = key(item)
                if k is None:
                    yield item
                    continue
                if k in in_pass:
                    stable = False
                    continue
                in_pass.add(k)
                if k not in seen:
                    seen.add(k)
                    yield item
        total = next(iter(totals)) if len(totals) == 1 else None
        if len(totals) > 1 or (total is not None and total != len(in_pass)):
            stable = False
        if stable:
            return
    raise FatalConnectorError(
        f"{connector}: GET {path} kept changing while it was read ({max_passes} passes); "
        "try again later",
        code="connector.unstable_listing",
        connector=connector,
        method="GET",
        path=path,
    )
