"""Daylight saving: slots are wall-clock times; no sync at a non-existent local time, none twice
in the repeated hour, and consecutive runs of a slot 167, 168 or 169 hours apart (T6)."""

from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from govlink.planner import Grid, PlannerConfig, SlotTime, SyncItem, plan

BRUSSELS = ZoneInfo("Europe/Brussels")
START = datetime(2026, 1, 5, tzinfo=BRUSSELS)  # a Monday
EVERYWHERE = Grid.parse(block="")


def _runs(grid: Grid, slot: SlotTime, weeks: int) -> list[datetime]:
    config = PlannerConfig(onboarding_horizon_hours=0)
    item = SyncItem(key="0000000001")
    day = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[slot.weekday]
    end = slot.minute + 15
    single = Grid.parse(
        f"{day} {slot.time}-{end // 60:02d}:{end % 60:02d}", "", timezone=grid.timezone
    )
    result = plan([item], grid=single, now=START, config=config)
    return [o.at for o in result.occurrences(START, START + timedelta(weeks=weeks))]


def _hours(runs: list[datetime]) -> list[float]:
    """Real elapsed hours (aware datetimes of one zone subtract as wall clocks, so use UTC)."""
    return [(b.timestamp() - a.timestamp()) / 3600 for a, b in pairwise(runs)]


def test_tuesday_10_is_167_hours_after_march_and_169_after_october() -> None:
    runs = _runs(EVERYWHERE, SlotTime(1, 600), 52)
    gaps = dict(zip([r.date().isoformat() for r in runs[1:]], _hours(runs), strict=False))
    assert gaps["2026-03-31"] == 167
    assert gaps["2026-10-27"] == 169
    assert Counter(_hours(runs)) == {168: 49, 167: 1, 169: 1}


def test_the_spring_gap_time_runs_at_an_existing_local_time() -> None:
    runs = _runs(EVERYWHERE, SlotTime(6, 150), 52)  # Sunday 02:30
    gap_day = next(r for r in runs if r.date().isoformat() == "2026-03-29")
    assert gap_day.strftime("%H:%M") == "03:30"
    for run in runs:  # every run is a real local time: it round-trips through UTC
        assert run.astimezone(UTC).astimezone(BRUSSELS) == run
        assert run.astimezone(UTC).astimezone(BRUSSELS).strftime("%H:%M") == run.strftime("%H:%M")
    assert set(_hours(runs)) <= {167, 168, 169}


def test_the_repeated_autumn_hour_runs_once() -> None:
    runs = _runs(EVERYWHERE, SlotTime(6, 150), 52)
    october = [r for r in runs if r.date().isoformat() == "2026-10-25"]
    assert len(october) == 1
    assert october[0].fold == 0
    assert october[0].utcoffset() == timedelta(hours=2)


@given(
    slot=st.builds(SlotTime, st.integers(0, 6), st.sampled_from(range(0, 1440, 15))),
    zone=st.sampled_from(["Europe/Brussels", "America/New_York", "Australia/Sydney"]),
)
def test_every_slot_runs_once_a_week_167_to_169_hours_apart(slot: SlotTime, zone: str) -> None:
    grid = Grid.parse(block="", timezone=zone)
    runs = _runs(grid, slot, 60)
    assert len(runs) in {59, 60, 61}
    assert set(_hours(runs)) <= {167, 168, 169}
    assert len(set(runs)) == len(runs)
