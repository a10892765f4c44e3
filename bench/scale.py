"""Scale-out benchmark (issue 13): push workers sharing one store, and applies into PostgreSQL.

    python bench/scale.py [--workers 4 8] [--documents 400] [--speed 20] [--store postgres]
    python bench/scale.py --apply 100000

For each worker count, ``--workers`` processes (``govlink.testing.workers``) push
``--documents`` queued documents from one store to the AdminPulse simulator (its real limits:
480 calls/min, 50 ``documents/add``/min), one of them killed with SIGKILL once a third is
uploaded, and one more process finishes what the dead one held. Time is compressed: every
process and the simulator share one scaled clock (``--speed`` simulated seconds per real
second). Printed per run and checked (exit 1 when a target is missed):

* the busiest 60 s window of ``documents/add`` (target ≤ 50) and the sustained rate while the
  workers ran (50 per the mean time from an upload to the 50th after it; target ≥ 95 % of 50/min),
* 429 answers (target 0), documents lost (target 0), duplicates (target ≤ workers killed).

``--store postgres`` keeps the outbox and the shared limits in a throw-away PostgreSQL database
(:class:`~govlink.store.postgres.PostgresStore`, ``$GOVLINK_TEST_POSTGRES``) instead of an SQLite
file; ``--limits postgres`` keeps only the limits there (the outbox in SQLite).

``--apply N`` instead times one apply of N new companies into an SQLite file and into a
PostgreSQL database, in the same run, best of ``--repeat``; target: PostgreSQL ≤ 2× SQLite.

``--baseline`` also runs the workers without shared limits (each process its own limiter), as
before issue 13: that is what the 429s looked like.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from govlink import Company, EnterpriseNumber
from govlink.reconcile import ApplyPlan
from govlink.store import ImportCounts, RunInfo, open_store
from govlink.store.documents import DocumentStore
from govlink.testing.postgres import TemporaryDatabase, temporary_database
from govlink.testing.workers import WorkerRun, run_workers

LIMIT = 50
APPLY_TARGET = 2.0


@contextmanager
def _store(database: TemporaryDatabase | None) -> Iterator[tuple[str, DocumentStore]]:
    """A new store: an SQLite file, or a schema of ``database``."""
    with tempfile.TemporaryDirectory() as folder:
        target = str(Path(folder) / "scale.db") if database is None else database.schema("scale")
        with open_store(target) as store:
            yield target, store


def _companies(count: int) -> tuple[Company, ...]:
    """``count`` companies with valid, distinct numbers and most fields set."""
    made = []
    for i in range(count):
        first = 2_000_000 + i
        number = EnterpriseNumber.parse(f"{first:08d}{97 - first % 97:02d}")
        made.append(
            Company(
                enterprise_number=number,
                name=f"Company {i}",
                legal_form="BV",
                email=f"info{i}@example.be",
                language="nl",
                street="Kerkstraat",
                house_number=str(i % 300),
                postal_code="9000",
                city="Gent",
                country_code="BE",
                responsible="an@firm.be",
            )
        )
    return tuple(made)


def _timed_apply(target: str, plan: ApplyPlan) -> float:
    counts = ImportCounts(
        rows=len(plan.add),
        only_in_source=len(plan.add),
        only_in_platform=0,
        matching=0,
        changed=0,
        invalid=0,
    )
    run = RunInfo(
        at=datetime.now(UTC), source="bench", location="scale", actor="bench", counts=counts
    )
    with open_store(target) as store:
        began = time.perf_counter()
        store.apply(plan, run)
        return time.perf_counter() - began


def _applies(count: int, repeat: int) -> int:
    """Time the apply of ``count`` companies into SQLite and PostgreSQL; 1 when over target."""
    plan = ApplyPlan(add=_companies(count))
    best = {"SQLite": float("inf"), "PostgreSQL": float("inf")}
    with temporary_database("govlink_scale") as database, tempfile.TemporaryDirectory() as folder:
        for attempt in range(repeat):
            targets = {
                "SQLite": str(Path(folder) / f"apply{attempt}.db"),
                "PostgreSQL": database.schema("apply"),
            }
            for name, target in targets.items():
                open_store(target).close()  # created and migrated outside the timing
                best[name] = min(best[name], _timed_apply(target, plan))
    ratio = best["PostgreSQL"] / best["SQLite"]
    print(
        f"apply of {count} companies, best of {repeat}: SQLite {best['SQLite']:.2f} s, "
        f"PostgreSQL {best['PostgreSQL']:.2f} s = {ratio:.2f}x SQLite (target <= {APPLY_TARGET:g}x)"
        + ("" if ratio <= APPLY_TARGET else "  MISSED")
    )
    return 0 if ratio <= APPLY_TARGET else 1


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
    parser.add_argument("--store", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--limits", choices=["store", "postgres"], default="store")
    parser.add_argument("--baseline", action="store_true", help="also run without sharing")
    parser.add_argument("--apply", type=int, metavar="N", help="time applies of N companies")
    parser.add_argument("--repeat", type=int, default=2, help="with --apply: best of")
    args = parser.parse_args()
    if args.apply:
        return _applies(args.apply, args.repeat)
    limits = "PostgreSQL" if "postgres" in (args.store, args.limits) else "SQLite"
    print(
        f"outbox: {'PostgreSQL' if args.store == 'postgres' else 'SQLite'}, limits: {limits}, "
        f"clock speed: {args.speed:g}x (time compressed)"
    )
    with ExitStack() as stack:
        database = (
            stack.enter_context(temporary_database("govlink_scale"))
            if "postgres" in (args.store, args.limits)
            else None
        )
        return _runs(args, database)


def _runs(args: argparse.Namespace, database: TemporaryDatabase | None) -> int:
    outbox = database if args.store == "postgres" else None
    limits = database if args.limits == "postgres" else None
    failed = False
    for workers in args.workers:
        run_these = partial(
            run_workers, workers=workers, documents=args.documents, speed=args.speed
        )
        if args.baseline:
            with _store(outbox) as (target, store):
                run = run_these(target, store, shared=False, kill=False)
            print(_line(run, "unshared limits (before)"))
        with _store(outbox) as (target, store):
            run = run_these(target, store, rates=None if limits is None else limits.schema("rates"))
        misses = _misses(run)
        print(_line(run, "shared limits") + (f"  MISSED: {', '.join(misses)}" if misses else ""))
        failed = failed or bool(misses)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
