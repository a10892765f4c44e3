"""Sync planner benchmark (seeded, pure Python): balance, churn, shifts, time and memory.

    python bench/planner.py            # 100k and 1M companies
    python bench/planner.py 100000     # one size

Each size runs in its own process so the peak RSS belongs to that size. Beside every figure it
prints the Jenkins-style baseline computed in the same run: slot = blake2b(id) mod allowed slots.
Targets (issue 7): balance by cost <= 1.05 and by count <= 1.10; no existing company moved on
+1 % / -1 %; moved companies shift <= 24 h when capacity allows; 1M planned in <= 10 s from
scratch and <= 3 s incrementally; peak memory < 1 GB.
"""

from __future__ import annotations

import math
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from govlink.planner import Grid, Plan, PlannerConfig, SyncItem, plan, stable_hash

SEED = 20260323
FIRMS = 5000
NOW = datetime(2026, 3, 23, 9, 7, tzinfo=ZoneInfo("Europe/Brussels"))
WINDOWS = {
    "business": ("Mon-Fri 08:00-18:00", "Sun 02:00-03:00", "Wed 10:00-14:00"),
    "nightly": ("Mon-Sun 22:00-06:00", "Sun 02:00-06:00", "Wed 00:00-04:00"),
    "all": ("Mon-Sun 00:00-24:00", "Sun 02:00-03:00", "Wed 10:00-14:00"),
}
REPEAT = 3


def population(n: int, rng: random.Random, prefix: str = "0") -> list[SyncItem]:
    """``n`` companies with unique 10-digit keys over FIRMS firms; lognormal documents
    (mu 3, sigma 1.2) and 0.1 % outliers at 100x the median."""
    keys = {f"{prefix}{rng.randrange(10**9):09d}" for _ in range(int(n * 1.01) + 10)}
    chosen = sorted(rng.sample(sorted(keys), n))
    median = math.exp(3)
    return [
        SyncItem(
            key=key,
            firm=f"firm{rng.randrange(FIRMS)}",
            documents=int(100 * median)
            if rng.random() < 0.001
            else int(rng.lognormvariate(3, 1.2)),
        )
        for key in chosen
    ]


def best_of(run: Callable[[], Plan]) -> tuple[float, Plan]:
    best, result = math.inf, None
    for _ in range(REPEAT):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def baseline(items: list[SyncItem], grid: Grid) -> tuple[float, float, float]:
    """Jenkins-style hash mod the allowed slots: (seconds, by cost, by count)."""
    config = PlannerConfig()
    start = time.perf_counter()
    allowed = grid.allowed
    load: Counter[int] = Counter()
    count: Counter[int] = Counter()
    for item in items:
        slot = allowed[stable_hash(item.key) % len(allowed)]
        load[slot] += config.cost_of(item)
        count[slot] += 1
    seconds = time.perf_counter() - start
    mean, mean_count = sum(load.values()) / len(allowed), len(items) / len(allowed)
    return seconds, max(load.values()) / mean, max(count.values()) / mean_count


def firm_excess(result: Plan, items: list[SyncItem]) -> int:
    firm_of = {item.key: item.firm for item in items}
    size = Counter(firm_of.values())
    per = Counter((firm_of[a.key], a.slot) for a in result.assignments())
    cap = len(result.grid.allowed)
    return sum(1 for (firm, _), n in per.items() if n > math.ceil(size[firm] / cap) + 1)


def churn(before: Plan, after: Plan) -> str:
    common = len(before) - after.report.removed
    r = after.report
    return (
        f"moved {r.moved} ({100 * r.moved / max(common, 1):.3f} %), "
        f"beyond 24 h {r.moved_beyond_shift_cap}, shift max {r.max_shift_minutes / 60:.2f} h "
        f"p99 {r.p99_shift_minutes / 60:.2f} h"
    )


def run_size(n: int) -> None:
    rng = random.Random(SEED + n)
    items = population(n, rng)
    extra = population(n // 100, rng, prefix="1")
    grown = sorted(items + extra, key=lambda item: item.key)
    shrunk = [item for item in items if rng.random() >= 0.01]
    later = NOW + timedelta(days=7)
    print(f"\n== {n:,} companies ({FIRMS} firms)")
    for name, (windows, block, removed) in WINDOWS.items():
        if n >= 1_000_000 and name != "all":
            continue
        grid = Grid.parse(windows, block)
        narrower = Grid.parse(windows, f"{block}; {removed}")
        full_s, first = best_of(lambda grid=grid: plan(items, grid=grid, now=NOW))
        hash_s, hash_cost, hash_count = baseline(items, grid)
        bal = first.report.balance
        print(
            f"[{name}: {len(grid.allowed)} slots] balance by cost {bal.by_cost:.4f} "
            f"(floor {bal.floor:.4f}; hash baseline {hash_cost:.4f}), by count {bal.by_count:.4f} "
            f"(hash baseline {hash_count:.4f}); firm-cap excess {firm_excess(first, items)}"
        )
        incr_s, plus = best_of(
            lambda grid=grid, first=first: plan(grown, grid=grid, now=later, previous=first)
        )
        minus = plan(shrunk, grid=grid, now=later, previous=first)
        window_start = time.perf_counter()
        cut = plan(items, grid=narrower, now=later, previous=first)
        window_s = time.perf_counter() - window_start
        lost = sum(
            1 for a in first.assignments() if narrower.slot_at(a.slot) not in set(narrower.allowed)
        )
        print(f"  +1 %: {churn(first, plus)}; balance after {plus.report.balance.by_cost:.4f}")
        print(f"  -1 %: {churn(first, minus)}; balance after {minus.report.balance.by_cost:.4f}")
        print(
            f"  -4 h window ({removed}): {churn(first, cut)}; in lost slots {lost}, others moved "
            f"{cut.report.moved - lost}; balance after {cut.report.balance.by_cost:.4f}"
        )
        print(
            f"  time: full {full_s:.2f} s, incremental +1 % {incr_s:.2f} s, window change "
            f"{window_s:.2f} s; hash baseline {hash_s:.2f} s (full / baseline "
            f"{full_s / hash_s:.1f}x)"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS of this size's process: {peak:.0f} MB")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--size":
        run_size(int(sys.argv[2]))
        return
    sizes = [int(arg) for arg in sys.argv[1:]] or [100_000, 1_000_000]
    print(f"bench/planner.py seed {SEED}, best of {REPEAT}, Python {sys.version.split()[0]}")
    for n in sizes:
        subprocess.run([sys.executable, __file__, "--size", str(n)], check=True)


if __name__ == "__main__":
    main()
