"""Every later plan: sticky repair of the previous one.

Existing companies keep their slot. First, each slot that needs repair (above the repair cap and
above what the previous plan left there, see :meth:`Board.over`) sheds its largest companies that
have room within the shift cap, just enough of them (largest first is the fewest moves); only if
that is not enough does it shed to the least-loaded slot within the shift cap, and only while
that lowers the peak. Then companies in a slot that is no longer allowed go, largest first, to
the nearest slot in time with room (:meth:`Board.place`), never beyond the shift cap while a
slot within it is under the absolute capacity. Newcomers then go to the least-loaded slot with
room among their stable hash slot and its two allowed neighbours on each side, or else to the
nearest slot with room. What a run places itself never makes a slot "need repair" in the next
run with the same inputs, so a plan is a fixed point.
"""

from __future__ import annotations

import operator
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import compress, repeat
from typing import Final

from govlink.planner.board import Board, Tier

__all__ = ["NEW", "Placement", "repair"]

#: The previous slot of a company that was not in the previous plan.
NEW: Final = 0xFFFF
_NEIGHBOURS: Final = 2


class Placement:
    """The result of a repair: a slot per company, the moves, and the first company that fits
    nowhere under the absolute capacity (``None`` when all fit)."""

    def __init__(self, slots: array[int], moves: list[tuple[int, int, int]], unplaced: int | None):
        self.slots = slots
        self.moves = moves
        self.unplaced = unplaced


def _keep(
    board: Board, costs: Sequence[int], firms: Sequence[int], previous: array[int]
) -> list[int]:
    """Load the board with every company whose previous slot is still allowed; return the rest
    of the existing companies (displaced by a lost slot). Counting runs in C where it can."""
    staying = bytearray(NEW + 1)
    staying[NEW] = 1
    for slot in board.allowed:
        staying[slot] = 1
    displaced = list(
        compress(range(len(previous)), map(operator.not_, map(staying.__getitem__, previous)))
    )
    load = [0] * (NEW + 1)
    for slot, cost in zip(previous, costs, strict=True):
        load[slot] += cost
    count = Counter(previous)
    for index in displaced:
        load[previous[index]] -= costs[index]
        count[previous[index]] -= 1
    for slot in board.allowed:
        board.load[slot] = load[slot]
        board.count[slot] = count[slot]
    if board.firm_caps is not None:
        board.firm.update(
            Counter(map(operator.or_, map(operator.lshift, firms, repeat(16)), previous))
        )
    return displaced


def _newcomer_slot(board: Board, home: int, cost: int, firm: int) -> int | None:
    allowed, width = board.allowed, len(board.allowed)
    position = bisect_left(allowed, home)
    best = None
    for offset in range(-_NEIGHBOURS, _NEIGHBOURS + 1):
        slot = allowed[(position + offset) % width]
        if board.fits(slot, cost, firm, Tier.PLACE) and (
            best is None or board.load[slot] < board.load[best]
        ):
            best = slot
    return best if best is not None else board.place(home, cost, firm, leave=False)


def _over_members(board: Board, slots: array[int]) -> dict[int, list[int]]:
    """The companies of every slot that needs repair (see :meth:`Board.over`)."""
    over: dict[int, list[int]] = {slot: [] for slot in board.allowed if board.over(slot)}
    if over:
        for index, slot in enumerate(slots):
            members = over.get(slot)
            if members is not None:
                members.append(index)
    return over


def repair(
    board: Board,
    costs: Sequence[int],
    firms: Sequence[int],
    previous: array[int],
    newcomers: Sequence[tuple[int, int]],
) -> Placement:
    """Repair ``previous`` (a slot per company, :data:`NEW` for newcomers) on ``board``.

    ``newcomers`` are ``(index, stable hash)`` pairs; a newcomer's home slot is its hash modulo
    the allowed slots. Which slots need repair is decided on the companies that stay (before the
    displaced and the newcomers arrive), so what this run places never makes it move others.
    Moved companies and newcomers are each placed largest first.
    """
    displaced = _keep(board, costs, firms, previous)
    slots = array("H", previous)
    moves: list[tuple[int, int, int]] = []

    def move(index: int, target: int | None) -> bool:
        if target is None:
            return False
        source, cost, firm = previous[index], costs[index], firms[index]
        if board.mask[source]:
            board.remove(source, cost, firm)
        board.add(target, cost, firm)
        slots[index] = target
        moves.append((index, source, target))
        return True

    for slot, members in sorted(_over_members(board, previous).items()):
        members.sort(key=lambda i: (-costs[i], i))
        for last_resort in (False, True):
            for index in members:
                if not board.over(slot):
                    break
                if slots[index] != slot:
                    continue
                cost = costs[index]
                target = board.place(
                    slot, cost, firms[index], leave=True, last_resort=last_resort, moving=True
                )
                if not last_resort or (
                    target is not None and board.load[target] + cost < board.load[slot]
                ):
                    move(index, target)
        absolute = board.caps.absolute
        if absolute is not None and board.load[slot] > absolute:
            return Placement(slots, moves, members[-1])
    for index in sorted(displaced, key=lambda i: (-costs[i], i)):
        target = board.place(previous[index], costs[index], firms[index], leave=True, moving=True)
        if not move(index, target):
            return Placement(slots, moves, index)
    allowed = board.allowed
    for index, digest in sorted(newcomers, key=lambda pair: (-costs[pair[0]], pair[1], pair[0])):
        cost, firm = costs[index], firms[index]
        target = _newcomer_slot(board, allowed[digest % len(allowed)], cost, firm)
        if target is None:
            return Placement(slots, moves, index)
        board.add(target, cost, firm)
        slots[index] = target
    return Placement(slots, moves, None)
