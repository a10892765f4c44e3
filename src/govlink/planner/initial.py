"""The first plan: LPT (largest cost first, each to the least-loaded allowed slot).

Ties are stable: equal costs go in key order, and equal loads go to slots in a fixed
low-discrepancy order (bit-reversed positions), so a small population spreads over the whole week
instead of filling its first hours. A slot is skipped while it holds the count cap or the firm's
cap; when every slot is skipped, the least-loaded one takes the company anyway. The absolute
capacity is never exceeded.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Sequence

from govlink.planner.board import Caps, Tier

__all__ = ["lpt", "spread_order"]


def spread_order(width: int) -> list[int]:
    """Positions ``0 .. width-1`` ordered by their bit-reversed index (a van der Corput sequence).

    Any prefix of the order is spread evenly over the range:

    >>> spread_order(8)
    [0, 4, 2, 6, 1, 5, 3, 7]
    """
    bits = max(1, (width - 1).bit_length())
    return sorted(range(width), key=lambda position: int(f"{position:0{bits}b}"[::-1], 2))


def lpt(
    costs: Sequence[int],
    firms: Sequence[int],
    order: Sequence[int],
    allowed: Sequence[int],
    caps: Caps,
    firm_caps: Sequence[int] | None,
) -> tuple[array[int], int | None]:
    """Slot numbers for companies placed in ``order``; also the index of the first company that
    fits under no absolute capacity (``None`` when all fit).

    Heap entries are single ints, ``load << shift | rank``, so the heap compares ints only; a
    rank is a position in the tie-break order :func:`spread_order`.
    """
    width = len(allowed)
    shift = width.bit_length()
    mask = (1 << shift) - 1
    by_rank = spread_order(width)
    heap = list(range(width))
    counts = [0] * width
    per_firm: dict[int, int] = {}
    count_cap = caps.count[Tier.PLACE]
    absolute = caps.absolute
    result = array("H", bytes(2 * len(costs)))
    skipped: list[int] = []
    for index in order:
        cost, firm = costs[index], firms[index]
        while True:
            entry = heap[0]
            position = by_rank[entry & mask]
            if counts[position] < count_cap and (
                firm_caps is None or per_firm.get(firm * width + position, 0) < firm_caps[firm]
            ):
                break
            skipped.append(heapq.heappop(heap))
            if not heap:
                break
        if skipped and (not heap or _too_full(entry >> shift, cost, absolute)):
            entry = skipped.pop(0)
            position = by_rank[entry & mask]
            heapq.heappush(heap, entry)
        if counts[position] and _too_full(entry >> shift, cost, absolute):
            return result, index
        heapq.heapreplace(heap, entry + (cost << shift))
        counts[position] += 1
        if firm_caps is not None:
            key = firm * width + position
            per_firm[key] = per_firm.get(key, 0) + 1
        result[index] = allowed[position]
        for entry in skipped:
            heapq.heappush(heap, entry)
        skipped.clear()
    return result, None


def _too_full(load: int, cost: int, absolute: int | None) -> bool:
    return absolute is not None and load + cost > absolute
