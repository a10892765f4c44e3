"""The planning workflow and the costs file, against real SQLite stores."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from govlink import Company, EnterpriseNumber, SourceError
from govlink.errors import PlanningError, StaleStoreError
from govlink.planner import Grid, plan
from govlink.store import SQLiteStore, StoredPlan
from govlink.testing.documents import add_companies
from govlink.workflows import due, make_plan, read_costs

BRUSSELS = ZoneInfo("Europe/Brussels")
NOW = datetime(2026, 3, 23, 9, 7, tzinfo=BRUSSELS)


def number(index: int) -> EnterpriseNumber:
    base = 2_000_000 + index * 7919
    return EnterpriseNumber.parse(f"{base:08d}{97 - base % 97:02d}")


def add_numbered(store: SQLiteStore, indices: range) -> None:
    add_companies(
        store, *(Company(enterprise_number=number(i), name=f"Company {i}") for i in indices)
    )


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    opened = SQLiteStore(tmp_path / "govlink.db")
    add_numbered(opened, range(30))
    return opened


def test_costs_come_from_explicit_costs_then_documents_unknown_is_zero(
    store: SQLiteStore,
) -> None:
    first, second, third = (number(i).compact for i in range(3))
    result = make_plan(
        store,
        now=NOW,
        costs={first: 7.5, "0403019261": 2.0},
        documents={first: 1000, second: 40},
    )
    costs = {a.key: a.cost for a in result.plan.assignments()}
    assert (costs[first], costs[second], costs[third]) == (7.5, 5.0, 1.0)
    assert result.unknown_costs == ("0403019261",)
    assert result.report is result.plan.report
    assert result.revision == 1


def test_what_is_not_given_is_kept_from_the_saved_plan(store: SQLiteStore) -> None:
    first = make_plan(store, now=NOW, windows="Mon-Fri 08:00-18:00", block="", capacity=5.0)
    again = make_plan(store, now=NOW + timedelta(days=1))
    assert again.plan.grid == first.plan.grid == Grid.parse("Mon-Fri 08:00-18:00", "", capacity=5.0)
    assert again.revision == 2
    assert again.report.moved == 0
    cleared = make_plan(store, now=NOW + timedelta(days=1), capacity=None, block="Sun 02:00-03:00")
    assert cleared.plan.grid == Grid.parse("Mon-Fri 08:00-18:00", capacity=None)


def test_a_naive_now_is_a_wall_clock_time_in_the_plans_zone(store: SQLiteStore) -> None:
    result = make_plan(store, now=datetime(2026, 7, 1, 12, 0))
    assert result.plan.since == datetime(2026, 7, 1, 12, 0, tzinfo=BRUSSELS)
    assert result.plan.since.utcoffset() == timedelta(hours=2)


class _Racing(SQLiteStore):
    """A store whose first load is followed by another process saving a plan."""

    def __init__(self, path: Path, races: int) -> None:
        super().__init__(path)
        self.races = races

    def load_plan(self) -> StoredPlan | None:
        loaded = super().load_plan()
        if self.races:
            self.races -= 1
            with SQLiteStore(self.path) as other:
                made = plan([], grid=Grid(), now=NOW)
                other.save_plan(made, replaces=None if loaded is None else loaded.revision)
        return loaded


def test_a_plan_saved_meanwhile_is_planned_on_again(store: SQLiteStore) -> None:
    racing = _Racing(Path(store.path), races=1)
    result = make_plan(racing, now=NOW)
    assert result.revision == 2
    assert len(result.plan) == 30
    assert result.report.added == 30  # planned on the empty plan the other process saved


def test_a_store_that_keeps_changing_gives_up_without_writing(store: SQLiteStore) -> None:
    racing = _Racing(Path(store.path), races=3)
    with pytest.raises(StaleStoreError):
        make_plan(racing, now=NOW)
    saved = store.load_plan()
    assert saved is not None
    assert saved.revision == 3
    assert len(saved.plan) == 0


def test_due_reads_naive_times_in_the_plans_zone(store: SQLiteStore) -> None:
    make_plan(store, now=NOW)
    start, end = datetime(2026, 3, 30, 0, 0), datetime(2026, 4, 6, 0, 0)
    listed = due(store, start, end)
    assert listed == due(store, start.replace(tzinfo=BRUSSELS), end.replace(tzinfo=BRUSSELS))
    assert sorted(o.key for o in listed) == sorted(n.compact for n in map(number, range(30)))
    assert all(o.at.tzinfo is not None for o in listed)


def test_due_needs_a_saved_plan_and_an_interval(tmp_path: Path, store: SQLiteStore) -> None:
    with (
        SQLiteStore(tmp_path / "empty.db") as empty,
        pytest.raises(PlanningError, match="no sync plan saved yet") as caught,
    ):
        due(empty, NOW, NOW + timedelta(days=1))
    assert caught.value.code == "planner.no_plan"
    make_plan(store, now=NOW)
    with pytest.raises(PlanningError, match="ends"):
        due(store, NOW, NOW - timedelta(minutes=1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "enterprise_number,cost\n0403.019.261,2.5\nBE 0417497106,0\n",
            {"0403019261": 2.5, "0417497106": 0.0},
        ),
        ("\ufeffEnterprise_Number;Cost;note\n0403019261;1,5;x\n", {"0403019261": 1.5}),
        ("enterprise_number\tcost\n0403019261\t3\n\n", {"0403019261": 3.0}),
        ("enterprise_number,cost\n", {}),
    ],
    ids=["comma", "semicolon-bom-decimal-comma", "tab", "header-only"],
)
def test_a_costs_file_reads(tmp_path: Path, text: str, expected: dict[str, float]) -> None:
    path = tmp_path / "costs.csv"
    path.write_text(text, encoding="utf-8")
    assert read_costs(path) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("number,cost\n0403019261,1\n", "missing enterprise_number"),
        ("", "missing enterprise_number"),
        ("enterprise_number,cost\n0403019261,1\n0403019262,1\n", "row 3: '0403019262'"),
        ("enterprise_number,cost\n0403019261,abc\n", "row 2: cost 'abc' is not a number >= 0"),
        ("enterprise_number,cost\n0403019261,-1\n", "row 2: cost '-1'"),
        ("enterprise_number,cost\n0403019261,nan\n", "row 2: cost 'nan'"),
        ("enterprise_number,cost\n0403019261\n", "row 2: cost ''"),
        (
            "enterprise_number,cost\n0403019261,1\n\n0403.019.261,2\n",
            "row 4: 0403019261 is listed twice \\(also row 2\\)",
        ),
    ],
)
def test_a_bad_costs_file_is_one_line_naming_the_row(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "costs.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match=message) as caught:
        read_costs(path)
    assert caught.value.code == "source.costs"
    assert "\n" not in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_costs_file_that_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "costs.csv"
    path.write_bytes(b"enterprise_number,cost\n\xff\xfe\x00,1\n")
    with pytest.raises(SourceError, match="not UTF-8 text"):
        read_costs(path)
