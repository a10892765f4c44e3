"""Sync benchmark (issue 14): a week of MyMinfin syncs drained by 1, 4 and 8 worker processes.

    python bench/sync.py [--companies 10000] [--workers 1 4 8] [--speed 40] [--rate 60]
                         [--concurrency 4] [--latency 0.5] [--kill 1] [--lease 120]
                         [--dir /dev/shm]

For each worker count: ``--companies`` companies are planned (Monday to Friday, 08:00-18:00) a
week before the workers start, so the whole week's syncs are due at once (a backlog, as after
an outage). ``--workers`` processes (``govlink.testing.sync_workers``, each
:func:`govlink.sync.work` with the real ``myminfin-sim`` fetcher) drain it from one SQLite store
against the portal simulator on a loopback socket, each answer taking ``--latency`` simulated
seconds; ``--kill`` of them are killed with SIGKILL at random moments while holding a claim
(and restarted, as a supervisor would); their claim and portal permit hold until ``--lease``
simulated seconds lapse (a sync takes a few seconds here; the default lease is 15 minutes).
Time is compressed: every process and the simulator share one scaled clock (``--speed``
simulated seconds per real second). The store lives in ``--dir`` (default a tmpfs, so the
disk's fsync is not what is measured).

Printed per run and checked (exit 1 when a target is missed): every due occurrence run exactly
once, documents lost and doubled (0), the most requests in flight at the portal (≤
``--concurrency``), the busiest simulated minute (≤ ``--rate``), and the sustained syncs per
minute against the rate limit. The **baseline** is the first run's (one worker: one company at a
time, bounded by the portal's latency); a run whose workers could together go faster than the
limit (workers × the baseline's rate ≥ 1.1 × the limit) must reach ≥ 90 % of it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from govlink.store import SQLiteStore
from govlink.testing.sync_workers import SyncRun, run_sync_workers

TARGET_SHARE = 0.90


def _line(run: SyncRun, baseline: SyncRun | None) -> str:
    ratio = "" if baseline is None else f" ({run.per_minute / baseline.per_minute:.2f}x baseline)"
    return (
        f"{run.workers} workers ({run.killed} killed): {run.occurrences} occurrences "
        f"({run.skipped} skipped: synced less than 24 h before), "
        f"unfinished {run.unfinished}, run twice {run.ran_twice}; documents {run.expected}, "
        f"lost {run.lost}, doubled {run.doubled}; peak requests {run.peak_requests} "
        f"(cap {run.concurrency}); busiest minute {run.max_in_minute} (limit {run.rate}); "
        f"sustained {run.per_minute:.1f}/min = {run.share_of_rate:.1%} of the limit{ratio}; "
        f"{run.simulated_seconds / 60:.0f} simulated min in {run.real_seconds:.0f} s real"
    )


def _misses(run: SyncRun, baseline: SyncRun | None) -> list[str]:
    could = baseline is not None and run.workers * baseline.per_minute >= 1.1 * run.rate
    checks = {
        "an occurrence not run exactly once": bool(run.unfinished or run.ran_twice),
        "documents lost or doubled": bool(run.lost or run.doubled),
        "more requests in flight than the cap": run.peak_requests > run.concurrency,
        "a minute over the rate limit": run.max_in_minute > run.rate,
        f"throughput under {TARGET_SHARE:.0%} of the limit": could
        and run.share_of_rate < TARGET_SHARE,
    }
    return [name for name, missed in checks.items() if missed]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 4, 8])
    parser.add_argument("--speed", type=float, default=40.0, help="simulated s per real s")
    parser.add_argument("--rate", type=int, default=60, help="portal syncs per minute")
    parser.add_argument("--concurrency", type=int, default=4, help="portal syncs at once")
    parser.add_argument("--latency", type=float, default=0.5, help="simulated s per answer")
    parser.add_argument("--kill", type=int, default=1, help="workers killed per run")
    parser.add_argument(
        "--lease", type=float, default=120.0, help="simulated s a dead worker's claim holds"
    )
    parser.add_argument("--dir", default="/dev/shm" if Path("/dev/shm").is_dir() else None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(
        f"{args.companies} companies, portal: {args.concurrency} at once, {args.rate}/min, "
        f"{args.latency:g} s per answer; lease {args.lease:g} s; clock {args.speed:g}x; "
        f"store in {args.dir or 'tmp'}"
    )
    failed, baseline = False, None
    for workers in args.workers:
        with tempfile.TemporaryDirectory(dir=args.dir) as folder:
            path = str(Path(folder) / "sync.db")
            with SQLiteStore(path) as store:
                run = run_sync_workers(
                    store,
                    path,
                    companies=args.companies,
                    workers=workers,
                    kill=args.kill,
                    concurrency=args.concurrency,
                    rate=args.rate,
                    latency=args.latency,
                    speed=args.speed,
                    lease=args.lease,
                    seed=args.seed,
                    timeout=3600.0,
                    progress=lambda line: print(f"  {line}", flush=True),
                )
        misses = _misses(run, baseline)
        print(_line(run, baseline) + (f"  MISSED: {', '.join(misses)}" if misses else ""))
        failed = failed or bool(misses)
        baseline = baseline or run
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
