""" "Only the clients of a task template", approximated through ``/tasks``.

No public AdminPulse call lists the relations of a task template, so
:func:`template_relations` pages ``/tasks`` in a deadline window, keeps the main tasks whose
``templateName`` (or template id, when the API gives one) is the template, and returns their
relations' ``uniqueIdentifier``. The source then keeps the relations of ``/relations`` with those
identifiers.

**Limitation:** only relations that currently have a *generated* task of the template in the
window are found; a relation with a task planning whose first task is not generated yet, or
whose tasks fall outside the window, is missed. Everything goes through this one function, so a
dedicated endpoint can replace it without touching the source.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Final

import attrs

from govlink.connectors.adminpulse.client import AdminPulseClient
from govlink.errors import SourceError

__all__ = ["TaskWindow", "template_relations"]

_SHOWN: Final = 12
_LOG: Final = logging.getLogger("govlink.connectors.adminpulse")


@attrs.frozen(kw_only=True)
class TaskWindow:
    """The deadline window searched for tasks (default: 1 Jan last year to 31 Dec next year)."""

    start: date
    end: date

    @classmethod
    def around(cls, today: date) -> TaskWindow:
        """The default window around ``today``."""
        return cls(start=date(today.year - 1, 1, 1), end=date(today.year + 1, 12, 31))


def _matches(task: Mapping[str, Any], wanted: str) -> bool:
    for name in ("templateName", "templateId", "taskTemplateId"):
        value = task.get(name)
        if value is not None and str(value).strip().casefold() == wanted:
            return True
    return False


def _names(tasks: Iterable[Mapping[str, Any]]) -> list[str]:
    return sorted({str(t["templateName"]).strip() for t in tasks if t.get("templateName")})


def template_relations(
    client: AdminPulseClient, template: str, *, window: TaskWindow
) -> frozenset[str]:
    """The ``uniqueIdentifier`` of every relation with a main task of ``template`` in the window.

    :raises SourceError: when no task in the window uses the template (the message lists the
        template names that were seen, so a typo is easy to spot).
    """
    wanted = template.strip().casefold()
    _LOG.warning(
        "adminpulse: the template filter is approximated through the tasks due between "
        "%s and %s; relations without a generated task of %r in that window are missed",
        window.start,
        window.end,
        template,
    )
    tasks = list(client.tasks(deadline_from=window.start, deadline_until=window.end))
    found = frozenset(
        str(task["relationUniqueIdentifier"]).strip()
        for task in tasks
        if _matches(task, wanted) and task.get("relationUniqueIdentifier")
    )
    if not any(_matches(task, wanted) for task in tasks):
        seen = _names(tasks)
        listing = ", ".join(seen[:_SHOWN]) + (", ..." if len(seen) > _SHOWN else "")
        raise SourceError(
            f"adminpulse: no task between {window.start:%d/%m/%Y} and {window.end:%d/%m/%Y} "
            f"uses the template {template!r}; templates seen: {listing or 'none'}",
            code="source.unknown_template",
        )
    return found
