"""The forward-only rule: a sink receives only documents that arrived while it was switched on.

Switching a sink on records the moment (the watermark); a document is queued for it only when it
was received at or after that moment. Off then on sets a new watermark, so documents that arrived
while it was off are never pushed, unless a backfill asks for them explicitly.

>>> from datetime import datetime, UTC
>>> on = SinkSwitch.off("adminpulse").switched_on(datetime(2026, 5, 1, tzinfo=UTC))
>>> on.accepts(datetime(2026, 4, 30, tzinfo=UTC)), on.accepts(datetime(2026, 5, 1, tzinfo=UTC))
(False, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import attrs

__all__ = ["SinkSwitch", "queued_sinks"]


@attrs.frozen(kw_only=True)
class SinkSwitch:
    """Whether a sink is on, since when, and the tag names it sends with each document."""

    sink: str
    enabled: bool
    enabled_at: datetime | None = None
    tags: tuple[str, ...] = ()

    @classmethod
    def off(cls, sink: str) -> SinkSwitch:
        """A sink never switched on."""
        return cls(sink=sink, enabled=False)

    def switched_on(self, now: datetime, tags: Sequence[str] | None = None) -> SinkSwitch:
        """On from ``now``; a sink that is already on keeps its watermark (tags may change)."""
        new_tags = self.tags if tags is None else tuple(tags)
        if self.enabled:
            return attrs.evolve(self, tags=new_tags)
        return attrs.evolve(self, enabled=True, enabled_at=now, tags=new_tags)

    def switched_off(self) -> SinkSwitch:
        """Off: no new entries; the old watermark is dropped."""
        return attrs.evolve(self, enabled=False, enabled_at=None)

    def accepts(self, received_at: datetime) -> bool:
        """True when a document received at ``received_at`` is queued for this sink."""
        return self.enabled and self.enabled_at is not None and received_at >= self.enabled_at


def queued_sinks(switches: Iterable[SinkSwitch], received_at: datetime) -> tuple[str, ...]:
    """The sinks a document received at ``received_at`` is queued for, sorted.

    >>> from datetime import datetime, UTC
    >>> on = SinkSwitch.off("adminpulse").switched_on(datetime(2026, 5, 1, tzinfo=UTC))
    >>> queued_sinks([on, SinkSwitch.off("archive")], datetime(2026, 5, 2, tzinfo=UTC))
    ('adminpulse',)
    """
    return tuple(sorted(s.sink for s in switches if s.accepts(received_at)))
