"""The Filter builder: typed literals, safe quoting, chunking and splitting; parsed back."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink.connectors.adminis.client import AdminisClient, AdminisConfig
from govlink.connectors.adminis.filters import Filter, field, in_chunks, render_literal
from govlink.connectors.http import Secret
from govlink.testing._adminis_filter import (
    Clause,
    FilterSyntaxError,
    parse_clauses,
    parse_filter,
)
from govlink.testing._loopback import LoopbackServer
from govlink.testing.adminis import AdminisData, AdminisSimulator
from govlink.testing.clock import ScaledClock

_NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,15}", fullmatch=True).filter(
    lambda n: n.casefold() not in {"and", "in", "not", "is", "null"}
)


@given(_NAMES, st.text())
def test_any_string_round_trips_through_the_parser(name: str, value: str) -> None:
    built = field(name).eq(value) & field("IsActive").eq(True)
    assert parse_clauses(str(built)) == [
        Clause(name, "eq", (value,)),
        Clause("IsActive", "eq", (Decimal(1),)),
    ]


@given(st.text().filter(lambda v: v != "x"))
def test_a_hostile_string_matches_only_itself(value: str) -> None:
    records = [{"Name": value, "Id": 1}, {"Name": value + "'", "Id": 2}, {"Name": "x", "Id": 3}]
    matches = parse_filter(str(field("Name").eq(value)), frozenset({"Name", "Id"}))
    assert [r["Id"] for r in records if matches(r)] == [1]


@given(st.lists(st.integers(-(10**12), 10**12) | st.text(max_size=8), max_size=30))
def test_in_lists_round_trip(values: list[int | str]) -> None:
    if not values:
        with pytest.raises(ValueError, match="at least one"):
            field("CustomerId").in_(values)
        return
    clause = parse_clauses(str(field("CustomerId").in_(values)))[0]
    expected = [Decimal(v) if isinstance(v, int) else v for v in dict.fromkeys(values)]
    assert list(clause.values) == expected


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        (True, "1"),
        (False, "0"),
        (42, "42"),
        (Decimal("-1.50"), "-1.50"),
        ("it's", "'it''s'"),
        (datetime(2024, 2, 29, 23, 59, 1), "'2024-02-29 23:59:01'"),
        (date(2024, 1, 1), "'2024-01-01 00:00:00'"),
    ],
)
def test_literals_are_typed(value: bool | int | Decimal | str | date, literal: str) -> None:
    assert render_literal(value) == literal


@pytest.mark.parametrize("value", [1.5, None, b"x", object()])
def test_values_without_a_literal_are_refused(value: object) -> None:
    with pytest.raises(TypeError):
        render_literal(value)  # type: ignore[arg-type]


def test_unsafe_values_and_names_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        render_literal(datetime(2024, 1, 1).astimezone())
    with pytest.raises(ValueError, match="no Filter literal"):
        render_literal(Decimal("NaN"))
    for name in ["Name eq 1 or 1", "Name)", "", "1abc", "Na-me"]:
        with pytest.raises(ValueError, match="not a field name"):
            field(name)


def test_every_operator_renders_and_parses() -> None:
    target = field("Name")
    built = [
        target.ne("a"),
        target.ge(1),
        target.gt(1),
        target.le(1),
        target.lt(1),
        target.not_in([1, 2]),
        target.is_null(),
        target.is_not_null(),
        target.starts_with("a'b"),
        target.ends_with("b"),
        target.contains("c"),
    ]
    ops = [parse_clauses(str(f))[0].op for f in built]
    assert ops == [
        "ne", "ge", "gt", "le", "lt", "not in", "is null", "is not null",
        "startswith", "endswith", "contains",
    ]  # fmt: skip
    assert str(built[8]) == "StartsWith(Name, 'a''b')"


@given(st.lists(st.integers(0, 500)), st.integers(1, 40))
def test_chunks_are_disjoint_and_cover_every_value(values: list[int], size: int) -> None:
    chunks = list(in_chunks("CustomerId", values, size=size))
    seen = [v for chunk in chunks for v in chunk.conditions[0].values]
    assert seen == list(dict.fromkeys(values))
    assert all(len(chunk.conditions[0].values) <= size for chunk in chunks)


@given(st.lists(st.integers(0, 10**6), min_size=2, unique=True))
def test_split_halves_the_longest_in_list(values: list[int]) -> None:
    whole = field("IsActive").eq(True) & field("CustomerId").in_(values)
    halves = whole.split()
    assert halves is not None
    parts = [h.conditions[1].values for h in halves]
    assert list(parts[0]) + list(parts[1]) == values
    assert all(h.conditions[0] == whole.conditions[0] for h in halves)


def test_nothing_to_split() -> None:
    assert field("CustomerId").in_([1]).split() is None
    assert Filter(field("IsActive").eq(True).conditions).split() is None


@pytest.mark.parametrize(
    "text",
    ["Name eq", "Name eq 'x", "Name like 'x'", "Name not eq 1", "Name eq 1 or Id eq 2", "Name ~ 1"],
)
def test_the_simulator_rejects_bad_filters(text: str) -> None:
    with pytest.raises(FilterSyntaxError):
        parse_filter(text, frozenset({"Name", "Id"}))


def test_the_simulator_rejects_unknown_fields() -> None:
    with pytest.raises(FilterSyntaxError, match="unknown field"):
        parse_filter("Nope eq 1", frozenset({"Name"}))


def test_evaluation_by_type() -> None:
    record = {"On": True, "N": 5, "When": "2024-03-01T10:00:00", "Name": "Acme", "Gone": None}
    fields = frozenset(record)

    def check(text: str) -> bool:
        return parse_filter(text, fields)(record)

    assert check("On eq 1 and N ge 5 and N lt 6 and When gt '2024-03-01 09:59:59'")
    assert not check("On eq 0")
    assert check("N in (1, 5) and N not in (2) and Gone is null and Name is not null")
    assert check("StartsWith(Name, 'Ac') and EndsWith(Name, 'me') and Contains(Name, 'cm')")
    assert not check("Gone eq 'x'")
    assert not check("Name eq 5")


def test_hostile_values_are_safe_over_http(clock: ScaledClock, api_key: str) -> None:
    """Any text, sent as a typed literal through a real socket, matches exactly its customer."""
    customers = [{"CustomerId": i, "Name": "", "IsCompany": True} for i in (1, 2, 3)]
    simulator = AdminisSimulator(AdminisData(customers=customers), api_key=api_key, clock=clock)
    with LoopbackServer(simulator) as server:
        config = AdminisConfig(base_url=server.url, api_key=Secret(api_key))
        with AdminisClient(config, clock=clock) as client:

            @given(st.text(max_size=100))
            def check(value: str) -> None:
                customers[0]["Name"], customers[1]["Name"] = value, value + "'"
                customers[2]["Name"] = "'" + value
                found = client.rows(
                    "customers", field("Name").eq(value) & field("IsCompany").eq(True)
                )
                assert [c["CustomerId"] for c in found] == [1]

            check()
    assert simulator.statuses[400] == 0
