"""Scale-out benchmark (issue 13): several push workers on one store share AdminPulse's limits.

    python bench/scale.py [--workers 4 8] [--documents 400] [--speed 20] [--limits postgres]

For each worker count, ``--workers`` processes (``govlink.testing.workers``) push
``--documents`` queued documents from one store to the AdminPulse simulator (its real limits:
480 calls/min, 50 ``documents/add``/min), one of them killed with SIGKILL once a third is
uploaded, and one more process finishes what the dead one held. Time is compressed: every
process and the simulator share one scaled clock (``--speed`` simulated seconds per real
second). Printed per run and checked (exit 1 when a target is missed):

* the busiest 60 s window of ``documents/add`` (target ≤ 50) and the sustained rate while the
  workers ran (50 per the mean time from an upload to the 50th after it; target ≥ 95 % of 50/min),
* 429 answers (target 0), documents lost (target 0), duplicates (target ≤ workers killed).

``--limits postgres`` keeps the shared limits in a throw-away PostgreSQL database
(:class:`~govlink.store.pg_rates.PostgresRateStore`, ``$GOVLINK_TEST_POSTGRES``) instead of the
SQLite store; the outbox stays in SQLite until the PostgreSQL store lands.

``--baseline`` also runs the workers without shared limits (each process its own limiter), as
before issue 13: that is what the 429s looked like.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path

from govlink.store import SQLiteStore
from govlink.store.documents import DocumentStore
from govlink.testing.postgres import TemporaryDatabase, temporary_database
from govlink.testing.workers import WorkerRun, run_workers

LIMIT = 50


@contextmanager
def _sqlite_store() -> Iterator[tuple[str, DocumentStore]]:
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "scale.db")
        with SQLiteStore(path) as store:
            yield path, store


def _line(run: WorkerRun, label: str) -> str:
    return (
        f"{label}: {run.workers} workers, {run.documents} documents: busiest 60 s window "
        f"{run.max_in_window} documents/add (limit {LIMIT}), sustained {run.per_minute:.1f}/min "
        f"= {run.per_minute / LIMIT:.1%} of the limit; 429: {run.rejections}; lost: {run.lost}; "
        f"duplicates: {run.duplicates} (killed: {run.killed}); "
        f"{run.simulated_seconds / 60:.1f} simulated min in {run.real_seconds:.1f} s real"
    )


def _misses(run: WorkerRun) -> list[str]:
    checks = {
        "busiest window over the limit": run.max_in_window > LIMIT,
        "sustained rate under 95 %": run.per_minute < 0.95 * LIMIT,
        "429 received": run.rejections > 0,
        "documents lost": run.lost > 0,
        "more duplicates than workers killed": run.duplicates > run.killed,
    }
    return [name for name, missed in checks.items() if missed]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[4, 8])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--speed", type=float, default=20.0, help="simulated s per real s")
    parser.add_argument("--limits", choices=["store", "postgres"], default="store")
    parser.add_argument("--baseline", action="store_true", help="also run without sharing")
    args = parser.parse_args()
    print(
        f"outbox: SQLite, limits: {'PostgreSQL' if args.limits == 'postgres' else 'the store'}, "
        f"clock speed: {args.speed:g}x (time compressed)"
    )
    with ExitStack() as stack:
        database = (
            stack.enter_context(temporary_database("govlink_scale"))
            if args.limits == "postgres"
            else None
        )
        return _runs(args, database)


def _runs(args: argparse.Namespace, database: TemporaryDatabase | None) -> int:
    failed = False
    for workers in args.workers:
        run_these = partial(
            run_workers, workers=workers, documents=args.documents, speed=args.speed
        )
        if args.baseline:
            with _sqlite_store() as (target, store):
                run = run_these(target, store, shared=False, kill=False)
            print(_line(run, "unshared limits (before)"))
        with _sqlite_store() as (target, store):
            run = run_these(
                target, store, rates=None if database is None else database.schema("scale")
            )
        misses = _misses(run)
        print(_line(run, "shared limits") + (f"  MISSED: {', '.join(misses)}" if misses else ""))
        failed = failed or bool(misses)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
