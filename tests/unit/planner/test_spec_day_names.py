"""Window SPEC day names in English, Dutch and French (``ma-vr``, ``lun-ven``, ``Mon-Fri``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink.errors import PlanningError
from govlink.planner.spec import parse_windows

DAYS = (
    ("Mon", "Monday", "ma", "maandag", "lun", "lundi"),
    ("Tue", "Tuesday", "di", "dinsdag", "mar", "mardi"),
    ("Wed", "Wednesday", "wo", "woensdag", "mer", "mercredi"),
    ("Thu", "Thursday", "do", "donderdag", "jeu", "jeudi"),
    ("Fri", "Friday", "vr", "vrijdag", "ven", "vendredi"),
    ("Sat", "Saturday", "za", "zaterdag", "sam", "samedi"),
    ("Sun", "Sunday", "zo", "zondag", "dim", "dimanche"),
)


def _spelled(name: str, style: int) -> str:
    return (name, name.upper(), name.capitalize(), f"{name}.")[style]


@given(
    first=st.integers(0, 6),
    last=st.integers(0, 6),
    names=st.tuples(st.integers(0, 5), st.integers(0, 5)),
    styles=st.tuples(st.integers(0, 3), st.integers(0, 3)),
)
def test_any_language_any_case_names_the_same_days(
    first: int, last: int, names: tuple[int, int], styles: tuple[int, int]
) -> None:
    start = _spelled(DAYS[first][names[0]], styles[0])
    end = _spelled(DAYS[last][names[1]], styles[1])
    expected = parse_windows(f"{DAYS[first][0]}-{DAYS[last][0]} 08:00-18:00")
    assert parse_windows(f"{start}-{end} 08:00-18:00") == expected


def test_the_examples_people_type() -> None:
    weekdays = parse_windows("Mon-Fri 08:00-18:00")
    assert parse_windows("ma-vr 08:00-18:00") == weekdays
    assert parse_windows("lun-ven 08:00-18:00") == weekdays
    assert parse_windows("ma,wo,vr 09:00-10:00") == parse_windows("Mon,Wed,Fri 09:00-10:00")
    assert parse_windows("dim 02:00-06:00") == parse_windows("Sun 02:00-06:00")


@pytest.mark.parametrize("day", ["mo", "fr", "lu", "Tues", "mard", "m"])
def test_a_name_of_no_language_is_refused(day: str) -> None:
    with pytest.raises(PlanningError, match=f"unknown day '{day}'") as raised:
        parse_windows(f"{day} 08:00-18:00")
    assert raised.value.code == "planner.spec"
