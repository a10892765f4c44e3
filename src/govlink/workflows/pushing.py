"""The push workflow: switch a sink on or off, and drain its outbox exactly once.

A run claims one entry at a time (a lease in the store, taken in a transaction), hands the
document to the sink, and records the outcome in another transaction. Killed at any moment, a
run loses nothing: an entry is either still pending, or claimed by the dead worker (released at
the next run's start, or when its lease lapses), or done. The one window for a duplicate is an
upload that reached the sink but whose worker died before recording it: at most one document per
worker killed.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Final, Protocol

import attrs

from govlink.clock import SYSTEM_CLOCK, Clock
from govlink.domain.documents import Document
from govlink.domain.forwarding import SinkSwitch
from govlink.domain.outbox import DeliveryRetry, OutboxState, Outcome, next_step
from govlink.errors import (
    ConfigurationError,
    ConnectorError,
    DeliveryUncertain,
    GovlinkError,
    PluginError,
    RetriableConnectorError,
    Unreachable,
)
from govlink.plugins.registry import Registry
from govlink.plugins.types import DeliveryStatus, Sink, SinkOptions
from govlink.store.base import SettingsStore
from govlink.store.documents import DocumentStore, OutboxEntry, OutboxStore
from govlink.store.rates import RateStore

__all__ = [
    "PushOptions",
    "PushProgress",
    "PushReport",
    "PushStatus",
    "PushStore",
    "disable_sink",
    "enable_sink",
    "only_sink",
    "push",
    "push_status",
    "worker_id",
]

#: Called as ``progress(done, total)`` while a push works through its entries.
PushProgress = Callable[[int, int], None]

_HOST: Final = socket.gethostname()
_FAILED: Final = (OutboxState.PARKED, OutboxState.UNKNOWN)


class PushStore(DocumentStore, SettingsStore, Protocol):
    """What the push needs from the store."""


@attrs.frozen(kw_only=True)
class PushOptions:
    """How a push run behaves.

    :param lease: how long a claim lasts; a worker that dies holds its entry at most this long
        (on the same host, the next run takes it back at once).
    :param retry: backoff and the bound on permanent failures.
    :param max_wait: a run waits for a backoff this long at most, else it ends and leaves the
        entry pending for the next run.
    :param clock: the wall clock (UTC) and how a run waits for a backoff.
    :param rates: where the sink's API limits are shared with other workers (``None``: in this
        process only); see docs/limits.md.
    """

    lease: timedelta = timedelta(minutes=10)
    retry: DeliveryRetry = attrs.field(factory=DeliveryRetry)
    max_wait: timedelta = timedelta(minutes=1)
    clock: Clock = attrs.field(default=SYSTEM_CLOCK, repr=False)
    rates: RateStore | None = attrs.field(default=None, repr=False)


@attrs.frozen(kw_only=True)
class PushReport:
    """What a run did: documents pushed, held (retried next run), failed, and still pending."""

    sink: str
    pushed: tuple[OutboxEntry, ...] = ()
    held: tuple[OutboxEntry, ...] = ()
    failed: tuple[OutboxEntry, ...] = ()
    pending: int = 0
    backfilled: int = 0


@attrs.frozen(kw_only=True)
class PushStatus:
    """The outbox of a sink without pushing: the switch, counts per state, and what needs a look."""

    sink: str
    switch: SinkSwitch
    counts: Mapping[OutboxState, int]
    held: tuple[OutboxEntry, ...]
    failed: tuple[OutboxEntry, ...]


def worker_id() -> str:
    """This worker's lease owner name: ``host:pid:token``."""
    return f"{_HOST}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _alive(owner: str) -> bool:
    """False only when ``owner`` surely died: another process of this host that is gone."""
    host, _, rest = owner.partition(":")
    pid, _, _ = rest.partition(":")
    if host != _HOST or not pid.isdigit() or int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def enable_sink(
    store: OutboxStore,
    registry: Registry,
    sink: str,
    *,
    tags: Sequence[str] | None = None,
    now: datetime | None = None,
) -> SinkSwitch:
    """Switch ``sink`` on: documents received from now on are queued for it.

    A sink already on keeps its watermark (``tags``, when given, replace the old ones).

    :raises PluginError: no plugin offers ``sink``.
    """
    registry.sink(sink)
    switch = store.sink_switch(sink).switched_on(now or datetime.now(UTC), tags)
    store.save_sink_switch(switch)
    return switch


def disable_sink(store: OutboxStore, registry: Registry, sink: str) -> SinkSwitch:
    """Switch ``sink`` off: no new entries; entries already queued are still pushed.

    :raises PluginError: no plugin offers ``sink`` and it is not on (a sink that is on can be
        switched off after its plugin was removed).
    """
    switch = store.sink_switch(sink)
    if not switch.enabled:
        registry.sink(sink)
    switch = switch.switched_off()
    store.save_sink_switch(switch)
    return switch


def _outcome(sink: Sink, document: Document) -> Outcome:
    """Deliver one document and say what came of it (a configuration error, or a server that
    cannot be reached, propagates: it is not this document's fault and ends the run)."""
    try:
        delivery = sink.deliver(document)
    except (ConfigurationError, Unreachable):
        raise
    except DeliveryUncertain as error:
        return Outcome.unknown(error.message)
    except RetriableConnectorError as error:
        return Outcome.transient(error.message, error.retry_after)
    except ConnectorError as error:  # FatalConnectorError and any other refusal
        return Outcome.permanent(error.message)
    if delivery.status is DeliveryStatus.SKIPPED:
        return Outcome.held(delivery.message or "the sink skipped it")
    return Outcome.delivered()


class _Run:
    """One push run over one sink: claims, delivers, records."""

    def __init__(
        self,
        store: PushStore,
        registry: Registry,
        sink: str,
        settings: Mapping[str, str],
        options: PushOptions,
    ) -> None:
        self.store = store
        self.sink = sink
        self.options = options
        self.owner = worker_id()
        self._registry = registry
        self._settings = settings
        self._opened: Sink | None = None
        self.outcomes: dict[OutboxState, list[OutboxEntry]] = {}

    def _claim(self) -> OutboxEntry | None:
        options = self.options
        while True:
            now = options.clock.now()
            entry = self.store.claim(self.sink, owner=self.owner, now=now, lease=options.lease)
            if entry is not None:
                return entry
            due = self.store.next_due(self.sink)
            if due is None or due - now > options.max_wait:
                return None
            options.clock.sleep(max((due - now).total_seconds(), 0.0))

    def _deliver(self, entry: OutboxEntry) -> None:
        try:
            if self._opened is None:
                tags = self.store.sink_switch(self.sink).tags
                options = SinkOptions(settings=self._settings, tags=tags, rates=self.options.rates)
                self._opened = self._registry.open_sink(self.sink, options)
            outcome = _outcome(self._opened, self.store.document(entry.document_id))
        except BaseException as error:
            self.store.release(entry.id, owner=self.owner)
            if isinstance(error, GovlinkError) or not isinstance(error, Exception):
                raise
            raise PluginError(
                f"the {self.sink} sink failed: {type(error).__name__}: {error}"
            ) from error
        now = self.options.clock.now()
        step = next_step(outcome, attempts=entry.attempts + 1, now=now, policy=self.options.retry)
        self.store.finish(entry.id, owner=self.owner, step=step, now=now)
        finished = attrs.evolve(
            entry, state=step.state, reason=step.reason, attempts=entry.attempts + 1
        )
        self.outcomes.setdefault(step.state, []).append(finished)

    def run(self, progress: PushProgress | None) -> None:
        total = len(self.store.outbox(self.sink, {OutboxState.PENDING}))
        done = 0
        try:
            while (entry := self._claim()) is not None:
                self._deliver(entry)
                done += 1
                if progress is not None:
                    progress(done, max(total, done))
        finally:
            close = getattr(self._opened, "close", None)
            if callable(close):
                close()

    def entries(self, *states: OutboxState) -> tuple[OutboxEntry, ...]:
        found = (e for state in states for e in self.outcomes.get(state, ()))
        return tuple(sorted(found, key=lambda entry: entry.id))


def push(
    store: PushStore,
    registry: Registry,
    *,
    sink: str,
    settings: Mapping[str, str] | None = None,
    backfill_since: datetime | None = None,
    options: PushOptions | None = None,
    progress: PushProgress | None = None,
) -> PushReport:
    """Push the documents queued for ``sink``; held ones from earlier runs are retried first.

    :param settings: environment-style settings for the sink (credentials, URL, ...).
    :param backfill_since: first queue the documents received at or after this moment that
        were never queued for ``sink`` (an explicit request: the forward-only rule otherwise
        never pushes them). The sink must be on.
    :raises ConfigurationError: the sink refused the credentials; the entry in hand is back
        in the queue and nothing else changed.
    :raises Unreachable: the sink's server gave no answer within its timeout budget; the same.
    :raises PluginError: no such sink, or it cannot be opened.
    """
    registry.sink(sink)
    options = options or PushOptions()
    backfilled = 0
    if backfill_since is not None:
        if not store.sink_switch(sink).enabled:
            raise PluginError(
                f"the {sink} sink is off; switch it on (govlink sink enable {sink}) to backfill",
                code="plugin.sink_off",
            )
        backfilled = store.queue_backfill(sink, backfill_since)
    store.reset_held(sink)
    store.release_orphans(sink, _alive)
    run = _Run(store, registry, sink, settings or {}, options)
    run.run(progress)
    pending = store.outbox(sink, {OutboxState.PENDING, OutboxState.CLAIMED})
    return PushReport(
        sink=sink,
        pushed=run.entries(OutboxState.DONE),
        held=run.entries(OutboxState.HELD),
        failed=run.entries(*_FAILED),
        pending=len(pending),
        backfilled=backfilled,
    )


def only_sink(registry: Registry) -> str:
    """The sink to use when none is named: the one sink the plugins offer.

    :raises PluginError: ``plugin.sink`` when there is none, or several (named, to choose from).
    """
    names = list(registry.sinks())
    if len(names) == 1:
        return names[0]
    offered = f"choose one of {', '.join(names)}" if names else "no plugin offers one"
    raise PluginError(f"name the sink with --sink: {offered}", code="plugin.sink")


def push_status(store: OutboxStore, sink: str) -> PushStatus:
    """The sink's switch and outbox, without pushing anything."""
    entries = store.outbox(sink)
    counts = dict.fromkeys(OutboxState, 0)
    for entry in entries:
        counts[entry.state] += 1
    return PushStatus(
        sink=sink,
        switch=store.sink_switch(sink),
        counts=counts,
        held=tuple(e for e in entries if e.state is OutboxState.HELD),
        failed=tuple(e for e in entries if e.state in _FAILED),
    )
