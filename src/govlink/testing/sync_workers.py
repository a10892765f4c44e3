"""Several sync workers, as separate processes, on one store against the MyMinfin simulator.

:func:`run_sync_workers` puts companies on the platform of a store, plans them a week before
:data:`START` (so a week of syncs is due: a backlog), serves a
:class:`~govlink.testing.myminfin.MyMinfinSimulator` on a loopback socket and starts
``workers`` processes running ``python -m govlink.testing.sync_workers``: each either
:func:`~govlink.sync.work` (polling until SIGTERM) or :func:`~govlink.sync.run_due` (once).
Some are killed with SIGKILL mid-run; the others (or, for ``run_due``, one last run after the
dead worker's lease lapsed) take their claims over. It then checks, from the store and from what
the simulator saw, that every occurrence ran once, no document was lost or doubled, and the
portal's cap and rate limit held in sum (:class:`SyncRun`).

Every process and the simulator share one :class:`~govlink.testing.clock.ScaledClock` (its
:attr:`~ScaledClock.origin` is passed on), so the portal's minute passes in ``60 / speed``
seconds. The store is named by a string ``target`` that each worker opens with ``opener``
(``module:callable``, default the SQLite store), so the same run works on any store backend.
The multi-worker tests and ``bench/sync.py`` use it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Final, Literal, Protocol, cast

import attrs

from govlink.connectors.myminfin.fetcher import MyMinfinSimFetcher
from govlink.plugins import Registry
from govlink.store.base import ImportStore
from govlink.store.sync import OccurrenceState, PortalLimits
from govlink.sync import RunnerStore, SyncOptions, run_due, stop_on_signals, work
from govlink.sync.options import CONCURRENCY_SETTING, RATE_SETTING
from govlink.testing._loopback import max_in_window
from govlink.testing.clock import ScaledClock
from govlink.testing.myminfin import (
    DEFAULT_TOKEN,
    MyMinfinSimulator,
    PortalData,
    generate_portal,
)
from govlink.testing.sync import enterprise_numbers, put_companies
from govlink.testing.workers import finish, sustained_per_minute
from govlink.workflows.plan import due, make_plan

__all__ = [
    "SQLITE",
    "START",
    "SyncRun",
    "WorkerStore",
    "main",
    "open_target",
    "run_sync_workers",
]

#: Saturday 14 March 2026, 06:00 UTC: the workers start here, a week after the plan was made
#: (syncs run Monday to Friday, so nothing more falls due for two days).
START: Final = datetime(2026, 3, 14, 6, tzinfo=UTC)
WINDOWS: Final = "Mon-Fri 08:00-18:00"
#: The default ``opener``: an SQLite file at ``target``.
SQLITE: Final = "govlink.store.sqlite:SQLiteStore"
_LISTING: Final = "/api/enterprises/"
_FINAL: Final = frozenset({OccurrenceState.DONE, OccurrenceState.SKIPPED, OccurrenceState.GAVE_UP})
Mode = Literal["work", "run"]


class WorkerStore(RunnerStore, ImportStore, Protocol):
    """What the run needs: the sync's runner store that companies can be imported into."""


@attrs.frozen(kw_only=True)
class SyncRun:
    """What one multi-worker sync did.

    :param occurrences: occurrences the plan made due (all enqueued, each stored once).
    :param unfinished: occurrences not done, skipped or given up at the end.
    :param skipped: occurrences skipped without a sync (within 24 h of the company's last
        successful one, e.g. its weekly slot right after its first sync in a backlog).
    :param ran_twice: occurrences with more than one attempt (none fail in this run).
    :param syncs: attempts recorded; :param listings: company listings the portal answered
        (beyond ``syncs``: the killed workers' syncs in flight).
    :param expected: documents the portal published for companies with a mandate;
        :param lost: of those, never stored; :param doubled: stored more than once.
    :param peak_requests: the most requests the portal had in flight at once (cap:
        ``concurrency``).
    :param max_in_minute: the most syncs started in any simulated minute (limit: ``rate``).
    :param per_minute: the sustained syncs per simulated minute while the backlog drained.
    """

    workers: int
    killed: int
    occurrences: int
    unfinished: int
    skipped: int
    ran_twice: int
    syncs: int
    listings: int
    expected: int
    lost: int
    doubled: int
    concurrency: int
    peak_requests: int
    rate: int
    max_in_minute: int
    per_minute: float
    simulated_seconds: float
    real_seconds: float

    @property
    def share_of_rate(self) -> float:
        """The sustained throughput over the portal's rate limit."""
        return self.per_minute / self.rate


def open_target(target: str, opener: str = SQLITE) -> WorkerStore:
    """Open the store ``target`` with ``opener`` (``module:callable`` taking the target)."""
    module, _, name = opener.partition(":")
    factory = getattr(importlib.import_module(module), name)
    return cast(WorkerStore, factory(target))


def _close(store: object) -> None:
    close = getattr(store, "close", None)
    if callable(close):
        close()


def _prepare(store: WorkerStore, companies: int, limits: PortalLimits, seed: int) -> PortalData:
    """Companies on the platform, the portal limits in the settings, a plan made a week
    before START; returns the portal's documents and mandates."""
    numbers = enterprise_numbers(companies)
    put_companies(store, numbers)
    store.set_setting(CONCURRENCY_SETTING, str(limits.concurrency))
    store.set_setting(RATE_SETTING, str(limits.calls))
    made = START - timedelta(days=7)
    make_plan(store, now=made, windows=WINDOWS)
    return generate_portal(
        numbers, start=made, days=7, documents=(0, 2), no_mandate_every=10, seed=seed
    )


def _command(
    target: str,
    opener: str,
    url: str,
    clock: ScaledClock,
    mode: Mode,
    lease: float,
    lifetime: float,
) -> list[str]:
    return [
        sys.executable,
        "-m",
        "govlink.testing.sync_workers",
        target,
        url,
        f"--opener={opener}",
        *clock.options(),
        f"--mode={mode}",
        f"--lease={lease}",
        f"--lifetime={lifetime}",
    ]


def _holder(
    store: WorkerStore,
    simulator: MyMinfinSimulator,
    procs: Sequence[subprocess.Popen[bytes]],
    listed: int,
    timeout: float,
) -> subprocess.Popen[bytes]:
    """Once the portal listed ``listed`` companies, a live worker that holds a claim."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if simulator.count(_LISTING) >= listed:
            live = {str(p.pid): p for p in procs if p.poll() is None}
            for claim in store.sync_occurrences({OccurrenceState.CLAIMED}):
                pid = (claim.lease_owner or "").split(":")[1:2]
                if pid and pid[0] in live:
                    return live[pid[0]]
        time.sleep(0.002)
    raise TimeoutError("no worker held a claim to kill")


def _settled(store: WorkerStore) -> bool:
    """True once the plan is enqueued up to START and nothing due waits or is held."""
    enqueued = store.enqueued_until()
    waiting = {OccurrenceState.PENDING, OccurrenceState.CLAIMED}
    return enqueued is not None and enqueued >= START and not store.sync_occurrences(waiting)


def _stop(procs: Sequence[subprocess.Popen[bytes]], timeout: float) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    finish(procs, timeout)


def run_sync_workers(
    store: WorkerStore,
    target: str,
    *,
    opener: str = SQLITE,
    companies: int = 40,
    workers: int = 3,
    kill: int = 1,
    mode: Mode = "work",
    concurrency: int = 3,
    rate: int = 20,
    latency: float = 1.0,
    speed: float = 60.0,
    lease: float = 300.0,
    seed: int = 1,
    timeout: float = 300.0,
    progress: Callable[[str], None] | None = None,
) -> SyncRun:
    """Plan ``companies`` in ``store`` (opened by the workers as ``target`` with ``opener``) a
    week before :data:`START`, then sync the week's backlog with ``workers`` processes, ``kill``
    of them killed with SIGKILL at random moments while they hold a claim.

    :param mode: ``work``: workers poll until SIGTERM (sent once every occurrence ran), a
        killed one is restarted, as a supervisor would; ``run``: each runs
        :func:`~govlink.sync.run_due` once, then one more run after the leases lapsed.
    :param concurrency: the portal cap (syncs at once); :param rate: syncs per minute.
    :param latency: simulated seconds each portal answer takes.
    :param lease: simulated seconds a claim (and a portal permit) lasts before a dead worker's
        is taken over.
    :param timeout: real seconds each wait may take; a worker also stops by itself after
        that long, or as soon as this process is gone.
    :param progress: called with a line at each step (benchmarks).
    """
    say = progress or (lambda line: None)
    limits = PortalLimits(
        concurrency=concurrency, calls=rate, per=60.0, lease=timedelta(seconds=lease)
    )
    data = _prepare(store, companies, limits, seed)
    say(f"{companies} companies planned; starting {workers} workers")
    clock = ScaledClock(speed=speed, origin=(time.monotonic(), START))
    simulator = MyMinfinSimulator(data, clock=clock, latency=latency)
    occurrences = len(due(store, START - timedelta(days=7), START))
    rng = random.Random(seed)
    began = time.monotonic()
    with simulator.serve() as server:
        command = _command(target, opener, server.url, clock, mode, lease, timeout)
        procs = [subprocess.Popen(command) for _ in range(workers)]
        try:
            for _ in range(kill):
                spread = max(occurrences // (2 * kill + 2), 1)
                listed = simulator.count(_LISTING) + rng.randint(1, spread)
                victim = _holder(store, simulator, procs, listed, timeout)
                victim.send_signal(signal.SIGKILL)
                victim.wait()
                say(f"killed worker {victim.pid} (it held a claim)")
                if mode == "work":
                    procs.append(subprocess.Popen(command))
            deadline = time.monotonic() + timeout
            if mode == "work":
                while not _settled(store):
                    if time.monotonic() > deadline:
                        raise TimeoutError("the workers never finished the backlog")
                    time.sleep(0.25)
                _stop(procs, timeout)
            else:
                finish(procs, timeout)
                clock.sleep(lease)
                procs.append(subprocess.Popen(command))
                finish(procs[-1:], timeout)
        finally:
            for proc in procs:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
        codes = [p.returncode for p in procs]
        if sum(code == -signal.SIGKILL for code in codes) != kill or any(
            code not in (0, -signal.SIGKILL) for code in codes
        ):
            raise RuntimeError(f"a worker failed: exit statuses {codes}")
    return _measure(store, simulator, workers, kill, occurrences, limits, began)


def _measure(
    store: RunnerStore,
    simulator: MyMinfinSimulator,
    workers: int,
    killed: int,
    occurrences: int,
    limits: PortalLimits,
    began: float,
) -> SyncRun:
    stored = store.sync_occurrences()
    attempts = store.sync_attempts()
    per_occurrence = Counter((a.enterprise_number, a.due_at) for a in attempts)
    expected = {
        d.file_name for d in simulator.published(START) if d.enterprise_number in simulator.mandates
    }
    documents = Counter(d.document.file_name for d in store.documents())
    listings = sorted(
        (c.at - START).total_seconds() for c in simulator.calls if c.path.startswith(_LISTING)
    )
    return SyncRun(
        workers=workers,
        killed=killed,
        occurrences=max(occurrences, len(stored)),
        unfinished=sum(1 for o in stored if o.state not in _FINAL) + occurrences - len(stored),
        skipped=sum(1 for o in stored if o.state is OccurrenceState.SKIPPED),
        ran_twice=sum(1 for n in per_occurrence.values() if n > 1),
        syncs=len(attempts),
        listings=len(listings),
        expected=len(expected),
        lost=len(expected - set(documents)),
        doubled=sum(n - 1 for n in documents.values()),
        concurrency=limits.concurrency,
        peak_requests=simulator.peak_in_flight,
        rate=limits.calls,
        max_in_minute=max_in_window(listings, limits.per),
        per_minute=sustained_per_minute(listings, limits.calls),
        simulated_seconds=listings[-1] - listings[0] if listings else 0.0,
        real_seconds=time.monotonic() - began,
    )


def _watch(stop: threading.Event, lifetime: float) -> None:
    """Set ``stop`` when the harness that started this worker dies or ``lifetime`` real
    seconds pass, so no worker outlives its run."""
    parent, ends = os.getppid(), time.monotonic() + lifetime
    while not stop.wait(0.5):
        if os.getppid() != parent or time.monotonic() > ends:
            stop.set()


def _worker(
    store: RunnerStore, url: str, options: SyncOptions, mode: Mode, lifetime: float
) -> None:
    registry = Registry(entry_points=False, blocked=("adminpulse", "adminis", "excel"))
    with MyMinfinSimFetcher(url, DEFAULT_TOKEN, timeout=options.fetch_timeout) as fetcher:
        if mode == "run":
            run_due(store, registry, fetcher, options=options)
            return
        with stop_on_signals() as stop:
            threading.Thread(target=_watch, args=(stop, lifetime), daemon=True).start()
            work(store, registry, fetcher, stop=stop, options=options)


def main(argv: Sequence[str] | None = None) -> int:
    """One sync worker: ``python -m govlink.testing.sync_workers TARGET URL --speed --origin
    --wall [--opener] [--mode work|run] [--lease] [--lifetime]``."""
    parser = argparse.ArgumentParser(prog="python -m govlink.testing.sync_workers")
    parser.add_argument("target")
    parser.add_argument("url")
    parser.add_argument("--opener", default=SQLITE)
    ScaledClock.add_options(parser)
    parser.add_argument("--mode", choices=("work", "run"), default="work")
    parser.add_argument("--lease", type=float, default=300.0)
    parser.add_argument("--lifetime", type=float, default=600.0, help="real seconds at most")
    args = parser.parse_args(argv)
    clock = ScaledClock.from_options(args)
    store = open_target(args.target, args.opener)
    lease = timedelta(seconds=args.lease)
    settings = store.settings()
    base = SyncOptions.from_settings(settings)
    options = attrs.evolve(
        base,
        clock=clock,
        lease=lease,
        limits=attrs.evolve(base.limits, lease=lease),
        poll=5.0,
        max_wait=0.0,
    )
    try:
        _worker(store, args.url, options, cast(Mode, args.mode), args.lifetime)
    finally:
        _close(store)
    return 0


if __name__ == "__main__":
    sys.exit(main())
