"""Several push workers, as separate processes, on one store against the AdminPulse simulator.

:func:`run_workers` queues documents in a store, serves an
:class:`~govlink.testing.adminpulse.AdminPulseSimulator` (with its real limits) on a loopback
socket, starts ``workers`` processes running ``python -m govlink.testing.workers`` (each one
:func:`~govlink.workflows.pushing.push` sharing the store's rate limits), kills one with
SIGKILL mid-run, lets a last worker take over what the dead one held, and measures what the
simulator saw (:class:`WorkerRun`). All processes and the simulator share one
:class:`~govlink.testing.clock.ScaledClock` (its :attr:`~ScaledClock.origin` is passed on), so a
minute of API limits passes in ``60 / speed`` seconds. The multi-worker tests and
``bench/scale.py`` use it.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Final

import attrs
import httpx

from govlink.connectors.http import RetryPolicy
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.forwarding import SinkSwitch
from govlink.store.rates import RateStore, closing_rates
from govlink.testing._loopback import LoopbackServer
from govlink.testing.adminpulse import DEFAULT_API_KEY, AdminPulseSimulator, generate
from govlink.testing.clock import ScaledClock
from govlink.testing.documents import adminpulse_registry, sample_document, sample_pdf
from govlink.workflows.ingesting import QueueingStore, store_document
from govlink.workflows.pushing import PushOptions, PushStore, push

__all__ = [
    "WorkerRun",
    "finish",
    "main",
    "queue_documents",
    "relation_numbers",
    "run_workers",
    "sustained_per_minute",
]

ENABLED_AT: Final = datetime(2026, 5, 1, tzinfo=UTC)
_DOCUMENTS: Final = "/documents/add"
_WINDOW: Final = 60.0


@attrs.frozen(kw_only=True)
class WorkerRun:
    """What the simulator saw of one multi-worker push.

    :param uploads: accepted ``documents/add`` calls (duplicates included).
    :param duplicates: uploads beyond one per document.
    :param lost: queued documents never uploaded.
    :param rejections: calls the simulator refused with 429.
    :param killed: workers killed with SIGKILL.
    :param max_in_window: the most accepted ``documents/add`` in any 60 s (simulated) window.
    :param per_minute: the sustained ``documents/add`` rate while the workers ran (see
        :func:`sustained_per_minute`; the limit is 50).
    :param simulated_seconds: first to last upload, in simulated seconds.
    :param real_seconds: the whole run, in real seconds.
    """

    workers: int
    documents: int
    uploads: int
    duplicates: int
    lost: int
    rejections: int
    killed: int
    max_in_window: int
    per_minute: float
    simulated_seconds: float
    real_seconds: float


def sustained_per_minute(stamps: Sequence[float], calls: int = 50) -> float:
    """Calls per minute: ``calls`` per the mean time from a call to the ``calls``-th after it
    (exactly at a limit of ``calls`` a minute that span is 60 s; 0 with too few calls)."""
    ordered = sorted(stamps)
    spans = [later - earlier for earlier, later in zip(ordered, ordered[calls:], strict=False)]
    return calls / (sum(spans) / len(spans)) * _WINDOW if spans else 0.0


def queue_documents(store: QueueingStore, count: int, numbers: Sequence[EnterpriseNumber]) -> None:
    """Switch the ``adminpulse`` sink on and queue ``count`` documents spread over ``numbers``."""
    store.save_sink_switch(SinkSwitch.off("adminpulse").switched_on(ENABLED_AT, ("GovLink",)))
    received = ENABLED_AT + timedelta(hours=1)
    for serial in range(count):
        document = sample_document(serial, numbers[serial % len(numbers)], received_at=received)
        store_document(store, attrs.evolve(document, document_date=None), sample_pdf(serial))


def relation_numbers(data: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[EnterpriseNumber]:
    """The enterprise numbers of the simulator's relations that have one."""
    return [
        EnterpriseNumber.parse(str(r["vatNumber"])) for r in data["relations"] if "vatNumber" in r
    ]


def _command(
    target: str, url: str, clock: ScaledClock, *, shared: bool, rates: str | None
) -> list[str]:
    return [
        sys.executable,
        "-m",
        "govlink.testing.workers",
        target,
        url,
        *clock.options(),
        *(() if shared else ("--unshared",)),
        *(() if rates is None else (f"--rates={rates}",)),
    ]


def _wait_for(
    simulator: AdminPulseSimulator, uploads: int, procs: Sequence[subprocess.Popen[bytes]]
) -> None:
    deadline = time.monotonic() + 60
    while simulator.count(_DOCUMENTS) < uploads and any(p.poll() is None for p in procs):
        if time.monotonic() > deadline:
            raise TimeoutError("the workers never uploaded")
        time.sleep(0.005)


def finish(procs: Sequence[subprocess.Popen[bytes]], timeout: float) -> None:
    """Wait for every process to end; one still running after ``timeout`` is killed and the
    :class:`subprocess.TimeoutExpired` raised."""
    for proc in procs:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise


def run_workers(
    target: str,
    store: QueueingStore,
    *,
    workers: int,
    documents: int,
    speed: float,
    kill: bool = True,
    shared: bool = True,
    rates: str | None = None,
    timeout: float = 300.0,
) -> WorkerRun:
    """Queue ``documents`` in ``store`` (opened by the workers as ``target``), push them with
    ``workers`` processes (one killed mid-run when ``kill``), then one more to finish.

    :param shared: the workers share the store's rate limits (``False``: each keeps its own,
        as before shared limits existed).
    :param rates: a ``postgresql://`` URL where the workers keep the limits instead of the
        store (:class:`~govlink.store.pg_rates.PostgresRateStore`).
    """
    data = generate(40, seed=8)
    queue_documents(store, documents, relation_numbers(data))
    clock = ScaledClock(speed=speed)
    simulator = AdminPulseSimulator(
        clock=clock, relations=data["relations"], users=data["users"], tasks=data["tasks"]
    )
    began = time.monotonic()
    killed = 0
    env = {**os.environ, "GOVLINK_ADMINPULSE_API_KEY": DEFAULT_API_KEY}
    with LoopbackServer(simulator) as server:
        command = _command(target, server.url, clock, shared=shared, rates=rates)
        procs = [subprocess.Popen(command, env=env) for _ in range(workers)]
        try:
            if kill:
                _wait_for(simulator, documents // 3, procs)
                if procs[0].poll() is None:
                    procs[0].send_signal(signal.SIGKILL)
                    killed = 1
            finish(procs, timeout)
        finally:
            for proc in procs:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
        main_phase = [c.at for c in simulator.calls if c.path == _DOCUMENTS and not c.limited]
        last = subprocess.Popen(command, env=env)
        finish([last], timeout)
        if any(p.returncode not in (0, -signal.SIGKILL) for p in (*procs, last)):
            raise RuntimeError(f"a worker failed: {[p.returncode for p in (*procs, last)]}")
    ours = Counter(u.content for u in simulator.documents)
    expected = {sample_pdf(n) for n in range(documents)}
    span = max(main_phase) - min(main_phase) if main_phase else 0.0
    return WorkerRun(
        workers=workers,
        documents=documents,
        uploads=sum(ours.values()),
        duplicates=sum(ours.values()) - len(set(ours) & expected),
        lost=len(expected - set(ours)),
        rejections=simulator.limit_rejections,
        killed=killed,
        max_in_window=simulator.max_calls_in_window(_WINDOW, _DOCUMENTS),
        per_minute=sustained_per_minute(main_phase),
        simulated_seconds=span,
        real_seconds=time.monotonic() - began,
    )


def open_target(target: str) -> tuple[PushStore, RateStore | None]:
    """The store a worker pushes from (an SQLite file or a ``postgresql://`` URL) and its shared
    rate limits."""
    from govlink.store import open_store

    store = open_store(target)
    return store, store.rate_store()


def main(argv: Sequence[str] | None = None) -> int:
    """One push worker: ``python -m govlink.testing.workers STORE URL --speed --origin --wall``."""
    parser = argparse.ArgumentParser(prog="python -m govlink.testing.workers")
    parser.add_argument("store")
    parser.add_argument("url")
    ScaledClock.add_options(parser)
    parser.add_argument("--unshared", action="store_true", help="limits in this process only")
    parser.add_argument("--rates", help="a postgresql:// URL keeping the limits")
    args = parser.parse_args(argv)
    clock = ScaledClock.from_options(args)
    registry = adminpulse_registry(
        args.url,
        DEFAULT_API_KEY,
        clock,
        timeout=httpx.Timeout(10.0),
        retry=RetryPolicy(max_retries=4),
    )
    store, rates = open_target(args.store)
    if args.rates:
        from govlink.store.pg_rates import PostgresRateStore

        if rates is not None:
            rates.close()
        rates = PostgresRateStore(args.rates)
    with closing_rates(rates):
        rates = None if args.unshared else rates
        # the default lease (10 min): on the compressed clock a shorter one lapses whenever a
        # loaded machine stalls a live worker for a second, and its entry is uploaded twice;
        # the killed worker's entry goes again in the last run, which releases the dead's claims
        options = PushOptions(clock=clock, rates=rates)
        push(store, registry, sink="adminpulse", options=options)
    close = getattr(store, "close", None)
    if callable(close):
        close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
