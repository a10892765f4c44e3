"""Turn the saved plan into stored occurrences: every sync due up to a moment, once.

The store keeps how far the plan was enqueued; each call adds the occurrences from there up to
``until`` (those already stored are left alone), so workers enqueueing at the same time add
each occurrence once and skip none.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final, Protocol

from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import PlanningError
from govlink.store.base import PlanStore
from govlink.store.sync import SyncStore

__all__ = ["NO_PLAN", "EnqueueStore", "enqueue_due"]

NO_PLAN: Final = "no sync plan saved yet: run govlink plan first"


class EnqueueStore(SyncStore, PlanStore, Protocol):
    """The plan and the sync's occurrences."""


def enqueue_due(store: EnqueueStore, until: datetime) -> int:
    """Store every occurrence of the saved plan due before ``until`` not enqueued yet.

    The first time, the plan's occurrences count from when the plan was made.

    :returns: how many occurrences were added.
    :raises PlanningError: no plan is saved yet.
    """
    saved = store.load_plan()
    if saved is None:
        raise PlanningError(NO_PLAN, code="planner.no_plan")
    start = store.enqueued_until() or saved.plan.since
    if until <= start:
        return 0
    listed = saved.plan.occurrences(start, until)
    return store.enqueue(
        [(EnterpriseNumber.parse(sync.key), sync.at) for sync in listed], until=until
    )
