"""Saved sync plan benchmark (seeded): SQLite save and load of a plan, and make_plan end to end.

    python bench/plan_store.py            # 100k and 1M companies
    python bench/plan_store.py 100000     # one size

Beside each figure it prints the baseline measured in the same run: the planner's canonical
JSON (``dumps`` / ``loads``) of the same plan, which is what a store keeping the plan as one
text column would cost at least. The first plan onboards every company, so every row carries a
pending sync: the heaviest save there is.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from govlink.planner import Grid, SyncItem, dumps, loads, plan
from govlink.store import SQLiteStore

SEED = 20260323
NOW = datetime(2026, 3, 23, 9, 7, tzinfo=ZoneInfo("Europe/Brussels"))
_T = TypeVar("_T")


def timed(run: Callable[..., _T], *args: object, **kwargs: object) -> tuple[float, _T]:
    start = time.perf_counter()
    result = run(*args, **kwargs)
    return time.perf_counter() - start, result


def measure(size: int) -> None:
    rng = random.Random(SEED)
    keys = sorted(rng.sample(range(10**9), size))
    items = [SyncItem(key=f"0{key:09d}", documents=int(rng.lognormvariate(3, 1.2))) for key in keys]
    grid = Grid.parse("Mon-Fri 08:00-18:00")
    first = plan(items, grid=grid, now=NOW)
    later = plan(items, grid=grid, now=NOW + timedelta(days=2), previous=first)
    with tempfile.TemporaryDirectory() as folder, SQLiteStore(Path(folder) / "b.db") as store:
        for label, made in (("first plan (onboarding)", first), ("steady re-plan", later)):
            stored = store.load_plan()
            revision = None if stored is None else stored.revision
            save, _ = timed(store.save_plan, made, replaces=revision)
            load, loaded = timed(store.load_plan)
            text_out, text = timed(dumps, made)
            text_in, _ = timed(loads, text)
            assert loaded is not None
            assert dumps(loaded.plan) == text
            print(
                f"{size:>9,} {label:<28} save {save:6.2f} s (dumps {text_out:5.2f} s, "
                f"x{save / text_out:4.1f})  load {load:6.2f} s (loads {text_in:5.2f} s, "
                f"x{load / text_in:4.1f})"
            )


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [100_000, 1_000_000]
    for size in sizes:
        measure(size)


if __name__ == "__main__":
    main()
