"""Shared setup of the sync tests: a store with companies and a plan, a simulated portal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import attrs
import pytest

from govlink.plugins import Registry
from govlink.store import SQLiteStore
from govlink.store.sync import PortalLimits
from govlink.sync.options import SyncOptions
from govlink.testing.clock import SimulatedClock
from govlink.testing.myminfin import MyMinfinSimulator, generate_portal
from govlink.testing.sync import enterprise_numbers, put_companies
from govlink.workflows.plan import make_plan

#: Monday 2 March 2026, 08:00 UTC.
START = datetime(2026, 3, 2, 8, tzinfo=UTC)


@attrs.define
class World:
    """A store with companies and a saved plan, a portal simulator and options on one clock."""

    store: SQLiteStore
    path: Path
    clock: SimulatedClock
    numbers: list[str]
    sim: MyMinfinSimulator
    options: SyncOptions
    registry: Registry


def build_world(
    tmp_path: Path,
    n: int = 6,
    *,
    no_mandate_every: int = 3,
    windows: str | None = None,
    **sim_knobs: object,
) -> World:
    """``n`` companies planned at START (in ``windows``, default the whole week), every
    ``no_mandate_every``-th without a mandate; ``sim_knobs`` go to the simulator."""
    path = tmp_path / "govlink.db"
    store = SQLiteStore(path)
    clock = SimulatedClock(START)
    numbers = enterprise_numbers(n)
    put_companies(store, numbers)
    make_plan(store, now=START, **({} if windows is None else {"windows": windows}))
    data = generate_portal(
        numbers, start=START, days=14, documents=(1, 3), no_mandate_every=no_mandate_every, seed=7
    )
    sim = MyMinfinSimulator(data, clock=clock, **sim_knobs)  # type: ignore[arg-type]
    options = SyncOptions(
        clock=clock, limits=PortalLimits(concurrency=2, calls=30, per=60), poll=900
    )
    registry = Registry(entry_points=False, blocked=("adminpulse", "adminis", "excel"))
    return World(store, path, clock, numbers, sim, options, registry)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    built = build_world(tmp_path)
    yield built
    built.store.close()
