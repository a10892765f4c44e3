"""The window SPEC parser and the slot grid."""

import pytest

from govlink import PlanningError
from govlink.planner import Grid, SlotTime, parse_windows


def test_spec_examples_give_the_expected_slot_counts() -> None:
    assert len(Grid.parse("Mon-Fri 08:00-18:00", "").allowed) == 200
    nightly = Grid.parse("Mon-Sun 22:00-06:00", "Sun 02:00-06:00")
    assert len(nightly.allowed) == 208
    assert len(Grid.parse(block="").allowed) == 672
    assert len(Grid.parse().allowed) == 668  # the default Sunday 02:00-03:00 block


def test_a_window_wraps_past_midnight_and_the_week_end() -> None:
    grid = Grid.parse("Sun 22:00-06:00", "")
    times = {grid.slot_time(slot) for slot in grid.allowed}
    assert SlotTime(6, 22 * 60) in times
    assert SlotTime(0, 5 * 60 + 45) in times  # Monday morning, past the week end
    assert SlotTime(0, 6 * 60) not in times


def test_a_blocked_period_removes_every_slot_it_touches() -> None:
    grid = Grid.parse("Mon 08:00-10:00", "Mon 08:10-08:20")
    times = [grid.slot_time(slot).time for slot in grid.allowed]
    assert times[:2] == ["08:30", "08:45"]


def test_day_lists_ranges_and_full_names() -> None:
    (window,) = parse_windows("Fri-Mon 09:00-10:00")
    assert window.days == (0, 4, 5, 6)
    (window,) = parse_windows("monday,Wednesday 00:00-24:00")
    assert (window.days, window.length) == ((0, 2), 1440)
    assert parse_windows(str(window)) == (window,)


@pytest.mark.parametrize(
    "spec",
    ["", "Mon", "Xyz 08:00-09:00", "Mon 25:00-26:00", "Mon 08:60-09:00", "Mon 24:00-02:00"],
)
def test_bad_specs_raise_one_clear_error(spec: str) -> None:
    with pytest.raises(PlanningError) as caught:
        parse_windows(spec)
    assert caught.value.code == "planner.spec"
    assert "\n" not in str(caught.value)


def test_bad_grids_raise() -> None:
    with pytest.raises(PlanningError, match="divide"):
        Grid.parse(slot_minutes=7)
    with pytest.raises(PlanningError, match="time zone"):
        Grid.parse(timezone="Mars/Olympus")
    with pytest.raises(PlanningError, match="no allowed slot"):
        Grid.parse("Mon 08:00-09:00", "Mon 00:00-24:00")
    with pytest.raises(PlanningError, match="positive"):
        Grid.parse(capacity=0)
    with pytest.raises(PlanningError, match="not a slot start"):
        Grid.parse().slot_at(SlotTime(0, 7))
