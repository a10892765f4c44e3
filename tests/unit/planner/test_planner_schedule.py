"""Syncs across plan changes: moved companies never skip a week nor sync twice within 24 h (T7);
new companies get a first sync within the horizon, or their slot within 7 days (T8)."""

import itertools
import random
from collections import defaultdict
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from govlink.planner import Grid, Plan, SyncItem, plan

BRUSSELS = ZoneInfo("Europe/Brussels")
HOUR = 3600.0


@pytest.mark.parametrize(("seed", "start_day"), [(0, 1), (1, 20), (2, 80), (3, 290), (4, 300)])
def test_syncs_over_twelve_weeks_of_churn_and_window_changes(seed: int, start_day: int) -> None:
    rng = random.Random(seed)
    grids = [
        Grid.parse("Mon-Fri 08:00-18:00"),
        Grid.parse("Mon-Fri 08:00-18:00", "Tue 08:00-12:00"),
    ]
    population = {f"{i:010d}": rng.randrange(60) for i in range(300)}
    now = datetime(2026, 1, 1, 9, 7, tzinfo=BRUSSELS) + timedelta(
        days=start_day, hours=rng.random() * 100
    )
    plans: list[tuple[datetime, Plan]] = []
    previous = None
    appeared: dict[str, float] = {}
    for week in range(12):
        for key in rng.sample(sorted(population), 3):
            del population[key]
        for _ in range(3):
            population[f"{rng.randrange(10**10):010d}"] = rng.randrange(60)
        items = [SyncItem(key=k, documents=d) for k, d in population.items()]
        previous = plan(items, grid=grids[week % 3 == 2], now=now, previous=previous)
        for key in population:
            appeared.setdefault(key, now.timestamp())
        plans.append((now, previous))
        now += timedelta(days=7, hours=rng.uniform(-30, 30))
    runs: dict[str, list[float]] = defaultdict(list)
    for (start, current), (end, _) in zip(plans, [*plans[1:], (now, None)], strict=True):
        for occurrence in current.occurrences(start, end):
            runs[occurrence.key].append(occurrence.at.timestamp())
    shifted: dict[str, float] = defaultdict(float)
    for _, current in plans:
        for move in current.moves:
            shifted[move.key] += abs(move.shift_minutes) / 60
    last = plans[-1][0].timestamp()
    for key, times in runs.items():
        gaps = [(b - a) / HOUR for a, b in itertools.pairwise(times)]
        assert all(gap >= 24 for gap in gaps), (key, gaps)
        limit = 7 * 24 + 1 + shifted[key]
        assert all(gap <= limit for gap in gaps[1:]), (key, gaps)
        if key not in shifted:
            assert set(gaps[1:]) <= {167, 168, 169}, (key, gaps)
    for key, since in appeared.items():
        if since < last - 8 * 24 * HOUR and key in plans[-1][1]:
            assert runs[key][0] - since <= 7 * 24 * HOUR + HOUR
