"""The pure outbox transitions and the forward-only watermark."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from govlink.domain.forwarding import SinkSwitch
from govlink.domain.outbox import DeliveryRetry, OutboxState, Outcome, next_step

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
POLICY = DeliveryRetry(max_permanent_tries=3)


def test_delivered_is_done() -> None:
    assert next_step(Outcome.delivered(), attempts=1, now=NOW, policy=POLICY).state is (
        OutboxState.DONE
    )


def test_held_and_unknown_keep_their_reason() -> None:
    held = next_step(Outcome.held("no relation"), attempts=1, now=NOW, policy=POLICY)
    assert (held.state, held.reason) == (OutboxState.HELD, "no relation")
    unknown = next_step(Outcome.unknown("timed out"), attempts=1, now=NOW, policy=POLICY)
    assert (unknown.state, unknown.reason) == (OutboxState.UNKNOWN, "timed out")


def test_permanent_failure_parks_after_the_bound() -> None:
    states = [
        next_step(Outcome.permanent("HTTP 400"), attempts=n, now=NOW, policy=POLICY).state
        for n in (1, 2, 3, 4)
    ]
    assert states == [
        OutboxState.PENDING,
        OutboxState.PENDING,
        OutboxState.PARKED,
        OutboxState.PARKED,
    ]


def test_transient_failure_backs_off_and_honours_retry_after() -> None:
    first = next_step(Outcome.transient("503"), attempts=1, now=NOW, policy=POLICY)
    third = next_step(Outcome.transient("503"), attempts=3, now=NOW, policy=POLICY)
    assert first.not_before == NOW + timedelta(seconds=2)
    assert third.not_before == NOW + timedelta(seconds=8)
    slow = next_step(Outcome.transient("429", retry_after=40), attempts=1, now=NOW, policy=POLICY)
    assert slow.not_before == NOW + timedelta(seconds=40)


@given(st.integers(1, 10_000))
def test_transient_failures_are_never_parked_and_backoff_is_capped(attempts: int) -> None:
    step = next_step(Outcome.transient("503"), attempts=attempts, now=NOW, policy=POLICY)
    assert step.state is OutboxState.PENDING
    assert step.not_before is not None
    assert NOW < step.not_before <= NOW + timedelta(seconds=POLICY.backoff.longest)


def test_forward_only_watermark() -> None:
    on = SinkSwitch.off("adminpulse").switched_on(NOW, ["GovLink"])
    assert not on.accepts(NOW - timedelta(microseconds=1))
    assert on.accepts(NOW)
    assert on.switched_on(NOW + timedelta(days=1)).enabled_at == NOW
    assert on.switched_on(NOW + timedelta(days=1), ["X"]).tags == ("X",)
    off = on.switched_off()
    assert not off.accepts(NOW + timedelta(days=2))
    again = off.switched_on(NOW + timedelta(days=3))
    assert not again.accepts(NOW + timedelta(days=2))
    assert again.accepts(NOW + timedelta(days=3))
    assert again.tags == ("GovLink",)


@given(st.datetimes(timezones=st.just(UTC)), st.datetimes(timezones=st.just(UTC)))
def test_accepts_exactly_at_or_after_the_watermark(on_at: datetime, received: datetime) -> None:
    switch = SinkSwitch.off("s").switched_on(on_at)
    assert switch.accepts(received) == (received >= on_at)
    assert not switch.switched_off().accepts(received)
