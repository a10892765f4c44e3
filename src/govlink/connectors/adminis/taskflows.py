""" "Only the clients of a taskflow": pick the taskflow, collect its customers in a date window.

The taskflow is found by ``TaskId`` or by name in ``taskflow/tasks`` (matched here, never sent
to the server as text); its customers are the distinct ``CustomerId``s of
``taskflow/tasks/{id}/data`` whose ``Deadline`` falls in the window (``datefrom`` / ``dateto``),
by default 1 January of last year to 31 December of this year.

>>> DateWindow.default(today=date(2025, 3, 14))
DateWindow(start=datetime.date(2024, 1, 1), end=datetime.date(2025, 12, 31))
>>> find_taskflow([{"TaskId": 4, "TaskName": "BTW-aangifte"}], " btw-AANGIFTE ")["TaskId"]
4
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import attrs

from govlink.connectors.adminis.client import CONNECTOR, AdminisClient
from govlink.errors import SourceError

__all__ = ["DateWindow", "find_taskflow", "taskflow_customer_ids"]


@attrs.frozen(kw_only=True)
class DateWindow:
    """The deadlines that count, both days included."""

    start: date
    end: date

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise SourceError(
                f"{CONNECTOR}: the taskflow date window ends ({self.end}) before it starts "
                f"({self.start})"
            )

    @classmethod
    def default(cls, *, today: date | None = None) -> DateWindow:
        """1 January of last year to 31 December of this year."""
        year = (today or date.today()).year
        return cls(start=date(year - 1, 1, 1), end=date(year, 12, 31))


def _folded(text: Any) -> str:
    return " ".join(str(text).casefold().split())


def find_taskflow(taskflows: Sequence[Mapping[str, Any]], wanted: str) -> Mapping[str, Any]:
    """The taskflow whose ``TaskId`` is ``wanted``, else whose ``TaskName`` matches it.

    Names match case- and whitespace-insensitively.

    :raises SourceError: when none matches, or several share the name (listing them).
    """
    text = wanted.strip()
    if text.isdigit():
        by_id = [t for t in taskflows if str(t.get("TaskId")) == str(int(text))]
        if by_id:
            return by_id[0]
    named = [t for t in taskflows if _folded(t.get("TaskName", "")) == _folded(text)]
    if len(named) == 1:
        return named[0]
    if named:
        ids = ", ".join(str(t.get("TaskId")) for t in named)
        raise SourceError(
            f"{CONNECTOR}: several taskflows are named {wanted!r} (ids {ids}); "
            "pass the id to --template instead"
        )
    known = "; ".join(f"{t.get('TaskId')}: {t.get('TaskName')}" for t in taskflows) or "none"
    raise SourceError(f"{CONNECTOR}: no taskflow {wanted!r}; the taskflows are {known}")


def taskflow_customer_ids(client: AdminisClient, task_id: int, window: DateWindow) -> list[int]:
    """The distinct ``CustomerId``s of the taskflow's rows in ``window``, in first-seen order."""
    rows: Iterable[Mapping[str, Any]] = client.rows(
        f"taskflow/tasks/{int(task_id)}/data",
        datefrom=window.start.isoformat(),
        dateto=window.end.isoformat(),
    )
    seen: dict[int, None] = {}
    for row in rows:
        customer = row.get("CustomerId")
        if isinstance(customer, int) and not isinstance(customer, bool):
            seen.setdefault(customer, None)
        elif isinstance(customer, str) and customer.strip().isdigit():
            seen.setdefault(int(customer), None)
    return list(seen)
