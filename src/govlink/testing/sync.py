"""Helpers for tests and benchmarks of the MyMinfin sync: companies with valid numbers on the
platform, and the ``myminfin-sim`` fetcher wired to a simulator in-process.

>>> enterprise_numbers(2)
['0400000086', '0400000779']
"""

from __future__ import annotations

from collections.abc import Sequence

from govlink.connectors.myminfin.fetcher import MyMinfinSimFetcher
from govlink.domain.company import Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.store.base import ImportStore
from govlink.testing.documents import add_companies
from govlink.testing.myminfin import MyMinfinSimulator

__all__ = ["enterprise_numbers", "in_process_fetcher", "put_companies"]


def enterprise_numbers(n: int, *, offset: int = 0) -> list[str]:
    """``n`` distinct valid compact enterprise numbers (deterministic)."""
    numbers = []
    for index in range(offset, offset + n):
        first8 = 4_000_000 + index * 7
        numbers.append(f"{first8:08d}{97 - first8 % 97:02d}")
    return numbers


def put_companies(
    store: ImportStore, numbers: Sequence[str], *, responsible: str | None = "an@firm.example"
) -> list[Company]:
    """Put a company for each number on the platform (named ``Client N``, one responsible)."""
    companies = [
        Company(
            enterprise_number=EnterpriseNumber.parse(number),
            name=f"Client {index}",
            responsible=responsible,
        )
        for index, number in enumerate(numbers)
    ]
    add_companies(store, *companies)
    return companies


def in_process_fetcher(
    simulator: MyMinfinSimulator, token: str | None = None
) -> MyMinfinSimFetcher:
    """A ``myminfin-sim`` fetcher talking to ``simulator`` without a socket."""
    return MyMinfinSimFetcher(
        "http://myminfin.test", token or simulator.token, transport=simulator.transport()
    )
