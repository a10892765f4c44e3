"""The planner's value records: inputs (:class:`SyncItem`, :class:`PlannerConfig`) and the
pieces of a plan (:class:`SlotTime`, :class:`Assignment`, :class:`SlotLoad`, :class:`Move`,
:class:`Onboarding`, :class:`Occurrence`, :class:`Balance`, :class:`PlanReport`)."""

from __future__ import annotations

from datetime import datetime
from typing import Final

import attrs

from govlink.errors import PlanningError

__all__ = [
    "COST_SCALE",
    "Assignment",
    "Balance",
    "Move",
    "Occurrence",
    "Onboarding",
    "PlanReport",
    "PlannerConfig",
    "SlotLoad",
    "SlotTime",
    "SyncItem",
    "from_units",
    "to_units",
]

#: Costs are kept as integer thousandths inside the planner, so sums never depend on order.
COST_SCALE: Final = 1000
_WEEKDAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def to_units(cost: float) -> int:
    """A cost in integer thousandths."""
    return round(cost * COST_SCALE)


def from_units(units: int) -> float:
    """A cost in integer thousandths back as a float (``1300`` → ``1.3``)."""
    return units / COST_SCALE


@attrs.frozen(order=True)
class SlotTime:
    """A weekly wall-clock time: ``weekday`` (0 = Monday) and ``minute`` after local midnight."""

    weekday: int
    minute: int

    @property
    def time(self) -> str:
        """The local start time as ``HH:MM``."""
        return f"{self.minute // 60:02d}:{self.minute % 60:02d}"

    def __str__(self) -> str:
        return f"{_WEEKDAYS[self.weekday]} {self.time}"


@attrs.frozen(kw_only=True)
class SyncItem:
    """A company to plan: its stable ``key`` (the compact enterprise number), its ``firm`` and
    either an explicit ``cost`` or the ``documents`` received in the last 12 weeks (``None``:
    unknown, counted as 0)."""

    key: str
    firm: str = ""
    documents: int | None = None
    cost: float | None = None


@attrs.frozen(kw_only=True)
class PlannerConfig:
    """How the planner weighs and balances.

    - cost of a company: ``fixed_cost + cost_per_document * documents`` unless it has a ``cost``;
    - ``epsilon``: newcomers and moved companies go only where a slot stays under
      ``(1 + epsilon) * mean`` (by cost and by count);
    - ``epsilon_hard``: a slot is repaired only above ``(1 + epsilon_hard) * mean`` and above
      what the previous plan left there (relative to the mean), so a plan is a fixed point;
    - ``max_shift_hours``: the shift cap: an existing company moves at most this many hours, even
      above the balance caps, unless no slot that near is allowed and under the capacity;
    - ``onboarding_horizon_hours``: a new company whose slot runs within this horizon needs no
      onboarding sync; the others get one in spare room within 7 days (else their slot's first
      run is their first sync). Spare room: no run's steady plus onboarding cost passes
      ``max(2 x mean steady slot, heaviest steady slot)`` (nor the absolute capacity);
    - ``onboarding_budget``: at most this onboarding cost per run as well (``None``: no more
      limit than the spare room);
    - ``spread_firms``: keep each firm at most ``ceil(n_firm / (slots - k)) + 1`` companies per
      slot, ``k`` the companies heavier than the placement cap (each sits alone).
    """

    fixed_cost: float = 1.0
    cost_per_document: float = 0.1
    epsilon: float = 0.05
    epsilon_hard: float = 0.10
    max_shift_hours: float = 24.0
    onboarding_horizon_hours: float = 24.0
    onboarding_budget: float | None = None
    spread_firms: bool = True

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.epsilon <= self.epsilon_hard:
            raise PlanningError(
                f"need 0 <= epsilon ({self.epsilon}) <= epsilon_hard ({self.epsilon_hard})",
                code="planner.config",
            )
        numbers = (self.fixed_cost, self.cost_per_document, self.max_shift_hours)
        if min(numbers) < 0 or self.onboarding_horizon_hours < 0:
            raise PlanningError(
                "costs, shift and horizon must not be negative", code="planner.config"
            )

    def cost_of(self, item: SyncItem) -> float:
        """The cost of syncing ``item`` once."""
        if item.cost is not None:
            return item.cost
        return self.fixed_cost + self.cost_per_document * (item.documents or 0)


@attrs.frozen(kw_only=True)
class Assignment:
    """A company's weekly slot and cost."""

    key: str
    slot: SlotTime
    cost: float


@attrs.frozen(kw_only=True)
class SlotLoad:
    """One allowed slot: its absolute ``capacity`` (``None``: none), cost and company count."""

    slot: SlotTime
    capacity: float | None
    load: float
    companies: int


@attrs.frozen(kw_only=True)
class Move:
    """A company that changed slot; ``shift_minutes`` is the signed nearest wall-clock shift."""

    key: str
    source: SlotTime
    target: SlotTime
    shift_minutes: int


@attrs.frozen(kw_only=True)
class Onboarding:
    """The one-off first sync of a company new to the plan."""

    key: str
    at: datetime


@attrs.frozen(kw_only=True, order=True)
class Occurrence:
    """One sync: when (aware) and which company."""

    at: datetime
    key: str


@attrs.frozen(kw_only=True)
class Balance:
    """Max slot load over the mean over the allowed slots, by cost and by company count;
    ``floor`` is the best reachable by cost, ``max(W / S, largest cost) / mean``."""

    by_cost: float
    by_count: float
    floor: float


@attrs.frozen(kw_only=True)
class PlanReport:
    """What a planning run did: sizes, balance, churn, shifts and onboarding.

    ``onboarding`` counts the onboarding syncs this run planned; ``last_first_sync`` is when the
    last new company (of this run, or of an earlier one and still to come) syncs for the first
    time (POSIX seconds; ``None``: none), see :attr:`govlink.planner.Plan.last_first_sync`.
    """

    companies: int
    allowed_slots: int
    total_cost: float
    mean_cost: float
    balance: Balance
    added: int
    removed: int
    moved: int
    moved_beyond_shift_cap: int
    max_shift_minutes: int
    p99_shift_minutes: int
    onboarding: int
    last_first_sync: int | None = None
