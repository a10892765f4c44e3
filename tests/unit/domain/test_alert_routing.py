"""Alert routing: the responsible colleague, else the fallback recipient, company flagged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govlink.domain.alert_routing import RouteBasis, route_alert


def test_responsible_colleague_receives_the_alert() -> None:
    route = route_alert(responsible="an@firm.be", fallback="office@firm.be")
    assert route.recipient == "an@firm.be"
    assert route.basis is RouteBasis.RESPONSIBLE
    assert not route.lacks_responsible


def test_without_responsible_the_fallback_receives_it_flagged() -> None:
    route = route_alert(responsible=None, fallback="office@firm.be")
    assert route.recipient == "office@firm.be"
    assert route.basis is RouteBasis.FALLBACK
    assert route.lacks_responsible


def test_unusable_responsible_address_goes_to_fallback() -> None:
    route = route_alert(responsible="user-42", fallback="office@firm.be")
    assert route.recipient == "office@firm.be"
    assert route.basis is RouteBasis.FALLBACK_BAD_ADDRESS


def test_nobody_to_send_to() -> None:
    assert route_alert(responsible=None, fallback=None).basis is RouteBasis.NOWHERE
    assert route_alert(responsible=None, fallback="not an address").recipient is None


emails = st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.be", fullmatch=True)


@given(st.one_of(st.none(), emails, st.text(max_size=10)), st.one_of(st.none(), emails))
def test_a_recipient_is_always_an_address_and_fallback_is_always_flagged(
    responsible: str | None, fallback: str | None
) -> None:
    route = route_alert(responsible=responsible, fallback=fallback)
    if route.recipient is not None:
        assert "@" in route.recipient
    if route.recipient is not None and route.recipient != responsible:
        assert route.lacks_responsible
    if fallback is not None:
        assert route.recipient is not None
