"""The push workflow over a recording sink: forward-only, held, parked, unknown, resumed."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import attrs
import pytest

from govlink import (
    ConfigurationError,
    DeliveryUncertain,
    Document,
    EnterpriseNumber,
    FatalConnectorError,
    PluginError,
    RetriableConnectorError,
)
from govlink.domain.backoff import Backoff
from govlink.domain.outbox import DeliveryRetry, OutboxState
from govlink.plugins import Delivery, DeliveryStatus, Registry, SinkOptions, SinkSpec, hookimpl
from govlink.store import SQLiteStore
from govlink.testing.clock import SimulatedClock
from govlink.testing.documents import sample_document, sample_pdf
from govlink.workflows.ingesting import store_document
from govlink.workflows.pushing import (
    PushOptions,
    disable_sink,
    enable_sink,
    only_sink,
    push,
    push_status,
    worker_id,
)

NUMBER = EnterpriseNumber.parse("0403019261")
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
FAST = PushOptions(
    retry=DeliveryRetry(backoff=Backoff(first=0, longest=0)),
    clock=SimulatedClock(datetime.now(UTC)),
)


class RecordingSink:
    """Delivers by file name: ``skip-*`` skipped, ``fatal-*``/``flaky-*``/``lost-*`` fail."""

    name = "recorder"

    def __init__(self, log: list[str], options: SinkOptions) -> None:
        self.log = log
        self.options = options
        self.flaky_left = 2

    def deliver(self, document: Document, target_ref: str | None = None) -> Delivery:
        name = document.file_name
        assert document.content is not None
        if name.startswith("skip"):
            return Delivery(status=DeliveryStatus.SKIPPED, message="no relation 0403.019.261")
        if name.startswith("fatal"):
            raise FatalConnectorError("HTTP 400 bad document", status=400)
        if name.startswith("lost"):
            raise DeliveryUncertain("timed out after sending")
        if name.startswith("denied"):
            raise ConfigurationError("HTTP 401")
        if name.startswith("broken"):
            raise KeyError("a bug in the sink")
        if name.startswith("flaky") and self.flaky_left:
            self.flaky_left -= 1
            raise RetriableConnectorError("HTTP 503", status=503)
        self.log.append(f"{name}|{','.join(self.options.tags)}")
        return Delivery(status=DeliveryStatus.DELIVERED)


class Plugin:
    def __init__(self) -> None:
        self.log: list[str] = []

    @hookimpl
    def govlink_sinks(self) -> list[SinkSpec]:
        return [
            SinkSpec(
                name="recorder",
                description="records",
                open=lambda options: RecordingSink(self.log, options),
            )
        ]


@pytest.fixture
def plugin() -> Plugin:
    return Plugin()


@pytest.fixture
def registry(plugin: Plugin) -> Registry:
    registry = Registry(entry_points=False)
    registry.register(plugin, name="recorder")
    return registry


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "govlink.db") as opened:
        yield opened


def _add(store: SQLiteStore, serial: int, name: str, received_at: datetime) -> None:
    document = sample_document(serial, NUMBER, received_at=received_at)
    store_document(store, attrs.evolve(document, file_name=name), sample_pdf(serial))


def test_forward_only_cut_off_and_backfill(
    store: SQLiteStore, registry: Registry, plugin: Plugin
) -> None:
    _add(store, 1, "before.pdf", T0 - timedelta(seconds=1))
    enable_sink(store, registry, "recorder", tags=["GovLink", "MyMinfin"], now=T0)
    _add(store, 2, "at.pdf", T0)
    disable_sink(store, registry, "recorder")
    _add(store, 3, "while-off.pdf", T0 + timedelta(hours=1))
    enable_sink(store, registry, "recorder", now=T0 + timedelta(hours=2))
    _add(store, 4, "after.pdf", T0 + timedelta(hours=3))
    report = push(store, registry, sink="recorder", options=FAST)
    assert plugin.log == ["at.pdf|GovLink,MyMinfin", "after.pdf|GovLink,MyMinfin"]
    assert (len(report.pushed), report.pending) == (2, 0)
    again = push(store, registry, sink="recorder", options=FAST)
    assert again.pushed == ()
    backfill = push(
        store, registry, sink="recorder", options=FAST, backfill_since=T0 - timedelta(days=1)
    )
    assert backfill.backfilled == 2
    assert plugin.log[2:] == ["before.pdf|GovLink,MyMinfin", "while-off.pdf|GovLink,MyMinfin"]


def test_push_and_disable_refuse_an_unknown_sink(store: SQLiteStore, registry: Registry) -> None:
    with pytest.raises(PluginError, match=r"^unknown sink 'nowhere'; known sinks: .*recorder"):
        push(store, registry, sink="nowhere", options=FAST)
    with pytest.raises(PluginError, match=r"^unknown sink 'nowhere'"):
        disable_sink(store, registry, "nowhere")
    assert store.sink_switch("nowhere").enabled_at is None


def test_a_sink_that_is_on_can_be_switched_off_once_its_plugin_is_gone(
    store: SQLiteStore, registry: Registry
) -> None:
    enable_sink(store, registry, "recorder", now=T0)
    without = Registry(builtins=False, entry_points=False)
    assert not disable_sink(store, without, "recorder").enabled
    assert not store.sink_switch("recorder").enabled


def test_backfill_needs_the_sink_on(store: SQLiteStore, registry: Registry) -> None:
    with pytest.raises(PluginError, match="off"):
        push(store, registry, sink="recorder", backfill_since=T0)
    with pytest.raises(PluginError, match="unknown sink"):
        enable_sink(store, registry, "nowhere")


def test_held_failed_and_retried(store: SQLiteStore, registry: Registry, plugin: Plugin) -> None:
    enable_sink(store, registry, "recorder", now=T0)
    for serial, name in enumerate(["skip.pdf", "fatal.pdf", "lost.pdf", "flaky.pdf", "ok.pdf"]):
        _add(store, serial, name, T0)
    report = push(store, registry, sink="recorder", options=FAST)
    assert sorted(e.file_name for e in report.pushed) == ["flaky.pdf", "ok.pdf"]
    assert [(e.file_name, e.reason) for e in report.held] == [
        ("skip.pdf", "no relation 0403.019.261")
    ]
    assert [(e.file_name, e.state) for e in report.failed] == [
        ("fatal.pdf", OutboxState.PARKED),
        ("lost.pdf", OutboxState.UNKNOWN),
    ]
    assert report.pending == 0
    # the held one is retried on the next run, never dropped; unknown is never retried
    second = push(store, registry, sink="recorder", options=FAST)
    assert [e.file_name for e in second.held] == ["skip.pdf"]
    assert second.failed == ()
    status = push_status(store, "recorder")
    assert status.counts[OutboxState.DONE] == 2
    assert status.counts[OutboxState.HELD] == 1
    assert {e.file_name for e in status.failed} == {"fatal.pdf", "lost.pdf"}
    assert plugin.log.count("flaky.pdf|") == 1


def test_a_long_backoff_ends_the_run_and_keeps_the_entry(
    store: SQLiteStore, registry: Registry
) -> None:
    enable_sink(store, registry, "recorder", now=T0)
    _add(store, 1, "flaky.pdf", T0)
    slow = PushOptions(
        retry=DeliveryRetry(backoff=Backoff(first=3600, longest=3600)),
        clock=SimulatedClock(datetime.now(UTC)),
    )
    report = push(store, registry, sink="recorder", options=slow)
    assert (report.pushed, report.pending) == ((), 1)


@pytest.mark.parametrize(
    ("name", "error"), [("denied.pdf", ConfigurationError), ("broken.pdf", PluginError)]
)
def test_a_sink_that_cannot_work_stops_the_run_and_keeps_the_entry(
    store: SQLiteStore, registry: Registry, name: str, error: type[Exception]
) -> None:
    enable_sink(store, registry, "recorder", now=T0)
    _add(store, 1, name, T0)
    with pytest.raises(error):
        push(store, registry, sink="recorder", options=FAST)
    [entry] = store.outbox("recorder")
    assert (entry.state, entry.attempts) == (OutboxState.PENDING, 0)


def test_entries_of_a_dead_worker_are_taken_back_at_once(
    store: SQLiteStore, registry: Registry, plugin: Plugin
) -> None:
    enable_sink(store, registry, "recorder", now=T0)
    _add(store, 1, "a.pdf", T0)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    owner = worker_id().split(":")[0] + f":{dead.stdout.strip()}:dead"
    now = datetime.now(UTC)
    assert store.claim("recorder", owner=owner, now=now, lease=timedelta(hours=1)) is not None
    report = push(store, registry, sink="recorder", options=FAST)
    assert [e.file_name for e in report.pushed] == ["a.pdf"]


def test_without_a_sink_name_only_a_sole_sink_is_taken(registry: Registry) -> None:
    assert only_sink(Registry(entry_points=False)) == "adminpulse"
    with pytest.raises(PluginError, match="choose one of adminpulse, recorder") as several:
        only_sink(registry)
    assert several.value.code == "plugin.sink"
    with pytest.raises(PluginError, match="no plugin offers one"):
        only_sink(Registry(builtins=False, entry_points=False))
