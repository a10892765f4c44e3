"""Every later plan: sticky repair of the previous one.

Existing companies keep their slot. Companies in a slot that is no longer allowed, and the
largest companies of a slot above the repair cap (just enough of them, largest first, which is
the fewest moves), go to the nearest slot in time with room (:meth:`Board.place`). Newcomers
then go to the least-loaded slot with room among their stable hash slot and its two allowed
neighbours on each side, or else to the nearest slot with room.
"""

from __future__ import annotations

import operator
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import compress, repeat

from govlink.planner.board import Board, Tier

__all__ = ["NEW", "Placement", "repair"]

#: The previous slot of a company that was not in the previous plan.
NEW = 0xFFFF
_NEIGHBOURS = 2


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


def _shed(
    board: Board, costs: Sequence[int], firms: Sequence[int], previous: array[int]
) -> list[int]:
    """Take the largest companies out of every slot above the repair cap until it is not."""
    over = {slot for slot in board.allowed if board.over(slot)}
    if not over:
        return []
    members: dict[int, list[int]] = {slot: [] for slot in over}
    for index, slot in enumerate(previous):
        if slot in over:
            members[slot].append(index)
    shed = []
    for slot in sorted(over):
        for index in sorted(members[slot], key=lambda i: (-costs[i], i)):
            if not board.over(slot):
                break
            board.remove(slot, costs[index], firms[index])
            shed.append(index)
    return shed


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


def repair(
    board: Board,
    costs: Sequence[int],
    firms: Sequence[int],
    previous: array[int],
    newcomers: Sequence[tuple[int, int]],
) -> Placement:
    """Repair ``previous`` (a slot per company, :data:`NEW` for newcomers) on ``board``.

    ``newcomers`` are ``(index, stable hash)`` pairs; a newcomer's home slot is its hash modulo
    the allowed slots. Moved companies and newcomers are each placed largest first.
    """
    displaced = _keep(board, costs, firms, previous)
    movers = sorted(displaced + _shed(board, costs, firms, previous), key=lambda i: (-costs[i], i))
    slots = array("H", previous)
    moves: list[tuple[int, int, int]] = []
    for index in movers:
        source, cost, firm = previous[index], costs[index], firms[index]
        target = board.place(source, cost, firm, leave=True)
        if target is None:
            return Placement(slots, moves, index)
        board.add(target, cost, firm)
        slots[index] = target
        moves.append((index, source, target))
    allowed = board.allowed
    for index, digest in sorted(newcomers, key=lambda pair: (-costs[pair[0]], pair[1], pair[0])):
        cost, firm = costs[index], firms[index]
        target = _newcomer_slot(board, allowed[digest % len(allowed)], cost, firm)
        if target is None:
            return Placement(slots, moves, index)
        board.add(target, cost, firm)
        slots[index] = target
    return Placement(slots, moves, None)
