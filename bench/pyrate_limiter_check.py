"""Measurement: does pyrate-limiter's SQLite bucket keep a limit across processes, as govlink's
shared limiter does? (Issue 13 asked to measure it before writing our own.)

    pip install 'pyrate-limiter[filelock]'   # not a govlink dependency
    python bench/pyrate_limiter_check.py [--processes 4] [--calls 30] [--limit 10] [--latency 0.2]

``--processes`` processes each make ``--calls`` calls through a limiter of ``--limit`` calls per
real second, on one SQLite file (pyrate-limiter: ``create_sqlite_bucket(..., use_file_lock=True)``,
its multi-process setup; govlink: :class:`~govlink.store.rates.SqliteRateStore`). A call lasts
``--latency`` seconds and the server counts it when it arrives, at a random point of the call
(as the network decides). Printed: the most arrivals in any 1 s window (must be ≤ the limit)
and the sustained rate. Real time (pyrate-limiter reads the system clock).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from govlink.connectors.http.limiter import Rate, RateLimiter
from govlink.store.rates import SqliteRateStore
from govlink.testing._loopback import max_in_window
from govlink.testing.workers import sustained_per_minute


def _pyrate(path: str, limit: int) -> Callable[[], object]:
    from pyrate_limiter import Duration, Limiter
    from pyrate_limiter import Rate as PyrateRate
    from pyrate_limiter.limiter_factory import create_sqlite_bucket

    bucket = create_sqlite_bucket([PyrateRate(limit, Duration.SECOND)], path, use_file_lock=True)
    limiter = Limiter(bucket)

    def call() -> object:
        limiter.try_acquire("api", blocking=True)
        return None

    return call


def _worker(kind: str, path: str, limit: int, calls: int, latency: float, seed: int) -> list[float]:
    rng = random.Random(seed)
    arrivals = []
    if kind == "pyrate-limiter":
        acquire = _pyrate(path, limit)
        for _ in range(calls):
            acquire()
            start = time.time()
            time.sleep(latency)
            arrivals.append(start + rng.random() * latency)
    else:
        store = SqliteRateStore(path)
        limiter = RateLimiter({"api": (Rate(limit, 1.0),)}, store=store, key="api")
        for _ in range(calls):
            with limiter.acquire("api"):
                start = time.time()
                time.sleep(latency)
                arrivals.append(start + rng.random() * latency)
        store.close()
    return arrivals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--calls", type=int, default=30)
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args()
    for kind in ("pyrate-limiter", "govlink"):
        with tempfile.TemporaryDirectory() as folder:
            path = str(Path(folder) / "limits.db")
            jobs = [
                (kind, path, args.limit, args.calls, args.latency, seed)
                for seed in range(args.processes)
            ]
            with multiprocessing.get_context("spawn").Pool(args.processes) as pool:
                arrivals = [a for part in pool.starmap(_worker, jobs) for a in part]
        busiest = max_in_window(arrivals, 1.0)
        rate = sustained_per_minute(arrivals, args.limit) / 60.0
        print(
            f"{kind}: {len(arrivals)} calls, busiest 1 s window {busiest} "
            f"(limit {args.limit}: {'kept' if busiest <= args.limit else 'EXCEEDED'}), "
            f"sustained {rate:.1f}/s"
        )


if __name__ == "__main__":
    main()
