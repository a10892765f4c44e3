"""ScaledClock: a worker process rebuilds its parent's simulated time from the options."""

import argparse

from govlink.testing.clock import ScaledClock


def test_options_hand_the_same_clock_to_a_worker() -> None:
    parent = ScaledClock(speed=120.0)
    parser = argparse.ArgumentParser()
    ScaledClock.add_options(parser)
    child = ScaledClock.from_options(parser.parse_args(parent.options()))
    assert child.speed == parent.speed
    assert child.origin == parent.origin
