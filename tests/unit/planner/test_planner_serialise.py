"""Canonical JSON: byte-identical across processes, PYTHONHASHSEED and input order (T10); loads
back to an equal plan; bad text is a typed error."""

import hashlib
import os
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from govlink import PlanningError
from govlink.planner import Grid, SyncItem, dumps, loads, plan

NOW = datetime(2026, 10, 20, 9, 7, tzinfo=ZoneInfo("Europe/Brussels"))

_SCRIPT = """
import random, sys, hashlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
from govlink.planner import Grid, SyncItem, dumps, plan
rng = random.Random(7)
items = [SyncItem(key=f"{i:010d}", firm=f"f{i % 13}", documents=rng.randrange(90))
         for i in range(3000)]
random.Random(int(sys.argv[1])).shuffle(items)
now = datetime(2026, 10, 20, 9, 7, tzinfo=ZoneInfo("Europe/Brussels"))
grid = Grid.parse("Mon-Fri 08:00-18:00; Mon-Sun 22:00-06:00")
first = plan(items, grid=grid, now=now)
kept = [item for item in items if item.key >= "0000000100"]
second = plan(kept + [SyncItem(key=f"n{i}", documents=i) for i in range(50)],
              grid=Grid.parse("Mon-Fri 08:00-18:00"), now=now + timedelta(days=7), previous=first)
print(hashlib.sha256((dumps(first) + dumps(second)).encode()).hexdigest())
"""


@pytest.mark.slow
def test_plans_are_byte_identical_across_hash_seeds_and_input_order() -> None:
    digests = set()
    for seed, order in (("0", 1), ("12345", 2), ("random", 3)):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", _SCRIPT, str(order)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_a_saved_plan_loads_back_and_plans_on_identically() -> None:
    items = [SyncItem(key=f"{i:010d}", documents=i % 50) for i in range(500)]
    grid = Grid.parse("Mon-Fri 08:00-18:00", capacity=200)
    first = plan(items, grid=grid, now=NOW)
    text = dumps(first)
    restored = loads(text)
    assert dumps(restored) == text
    assert restored.occurrences(NOW, NOW + timedelta(days=8)) == first.occurrences(
        NOW, NOW + timedelta(days=8)
    )
    later = NOW + timedelta(days=7)
    narrower = Grid.parse("Mon-Fri 09:00-18:00", capacity=200)
    assert dumps(plan(items, grid=narrower, now=later, previous=restored)) == dumps(
        plan(items, grid=narrower, now=later, previous=first)
    )
    assert (
        hashlib.sha256(text.encode()).hexdigest()
        == hashlib.sha256(dumps(plan(items[::-1], grid=grid, now=NOW)).encode()).hexdigest()
    )


@pytest.mark.parametrize("text", ["", "[]", '{"format": 9}', '{"format": 1}', "{"])
def test_bad_saved_plans_raise_a_planning_error(text: str) -> None:
    with pytest.raises(PlanningError):
        loads(text)
