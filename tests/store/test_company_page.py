"""``SQLiteStore.companies_page``: filtered, counted and cut in SQL, the same as filtering the full
listing in Python."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from govlink import Company
from govlink.reconcile import ApplyPlan
from govlink.store import ImportCounts, RunInfo, SQLiteStore
from govlink.testing.strategies import companies

_RUN = RunInfo(
    at=datetime(2026, 1, 1, tzinfo=UTC),
    source="test",
    location="test",
    actor="test",
    counts=ImportCounts(
        rows=0, only_in_source=0, only_in_platform=0, matching=0, changed=0, invalid=0
    ),
)
_WORDS = st.sampled_from(["acme", "ACME  nv", "garage", "0417", "2", "é", " ", "", "Straße"])


def _folded(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def reference(listed: list[Company], search: str | None, responsible: str | None) -> list[Company]:
    """The filter as written before it moved into SQL, on the listing sorted by number."""
    wanted, person = _folded(search), _folded(responsible)
    digits = "".join(ch for ch in wanted if ch.isdigit())
    return [
        c
        for c in sorted(listed, key=lambda c: c.enterprise_number)
        if (responsible is None or _folded(c.responsible) == person)
        and (
            search is None
            or wanted in _folded(c.name)
            or bool(digits and digits in c.enterprise_number.compact)
        )
    ]


@settings(max_examples=25)
@given(
    st.lists(companies(), max_size=8, unique_by=lambda c: c.enterprise_number),
    st.none() | _WORDS,
    st.none() | _WORDS | st.just("a@firm.be"),
    st.none() | st.integers(min_value=0, max_value=4),
)
def test_page_equals_the_filtered_listing(
    listed: list[Company], search: str | None, responsible: str | None, limit: int | None
) -> None:
    with SQLiteStore(":memory:") as store:
        store.apply(ApplyPlan(add=tuple(listed)), _RUN)
        page = store.companies_page(search=search, responsible=responsible, limit=limit)
    expected = reference(listed, search, responsible)
    assert page.total == len(expected)
    assert list(page.companies) == expected[:limit]


@settings(max_examples=15)
@given(
    st.lists(companies(), min_size=1, max_size=6, unique_by=lambda c: c.enterprise_number),
    st.data(),
)
def test_archived_companies_are_listed_apart(listed: list[Company], data: st.DataObject) -> None:
    gone = data.draw(st.sets(st.sampled_from([c.enterprise_number for c in listed])))
    with SQLiteStore(":memory:") as store:
        store.apply(ApplyPlan(add=tuple(listed)), _RUN)
        store.set_archived(gone, archived=True)
        kept = store.companies_page()
        archived = store.companies_page(archived=True)
    assert [c.enterprise_number for c in kept.companies] == sorted(
        c.enterprise_number for c in listed if c.enterprise_number not in gone
    )
    assert [c.enterprise_number for c in archived.companies] == sorted(gone)
    assert kept.total + archived.total == len(listed)
