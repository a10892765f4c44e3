"""govlink.workflows.companies: complete a company, archive and restore; and what archiving
does to the plan, the syncs due and the sync itself (tests/sync/test_archived_sync.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from govlink import EnterpriseNumber
from govlink.domain.company import Company
from govlink.errors import DomainError, StaleStoreError
from govlink.store import SQLiteStore
from govlink.testing.sync import enterprise_numbers, put_companies
from govlink.workflows import (
    MANUAL_SOURCE,
    archive_companies,
    due,
    due_companies,
    edit_company,
    make_plan,
    moment,
    restore_companies,
)

NUMBERS = enterprise_numbers(4)
MONDAY = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "govlink.db") as opened:
        put_companies(opened, NUMBERS[:3], responsible="an@firm.example")
        put_companies(opened, NUMBERS[3:], responsible=None)
        yield opened


def test_the_responsible_is_completed_afterwards_and_recorded(store: SQLiteStore) -> None:
    edit = edit_company(store, NUMBERS[3], actor="sofie", responsible=" An@Firm.example ")
    assert edit.fields == ("responsible",)
    assert edit.before.responsible is None
    assert edit.after.responsible == "an@firm.example"
    assert edit.warnings == ()
    assert store.company(EnterpriseNumber.parse(NUMBERS[3])) == edit.after
    run = store.import_runs()[0]
    assert run.info.source == MANUAL_SOURCE
    assert run.info.actor == "sofie"
    assert run.updated[0].before == {"responsible": None}
    assert run.updated[0].after == {"responsible": "an@firm.example"}


@pytest.mark.parametrize(
    ("responsible", "known", "code"),
    [
        ("Sofie", None, "responsible.not_email"),
        ("sofie@firm.example", None, "responsible.unknown"),
        ("sofie@firm.example", ["sofie@firm.example"], None),
        ("", None, "responsible.missing"),
    ],
    ids=["not-an-address", "unknown-colleague", "known-colleague", "removed"],
)
def test_a_doubtful_responsible_is_stored_with_a_warning(
    store: SQLiteStore, responsible: str, known: list[str] | None, code: str | None
) -> None:
    edit = edit_company(
        store, NUMBERS[0], actor="x", responsible=responsible, known_colleagues=known
    )
    assert [w.code for w in edit.warnings] == ([] if code is None else [code])
    stored = store.company(EnterpriseNumber.parse(NUMBERS[0]))
    assert stored is not None
    assert stored.responsible == (responsible.casefold() or None)


def test_nothing_to_change_records_no_run(store: SQLiteStore) -> None:
    runs = len(store.import_runs())
    edit = edit_company(store, NUMBERS[0], actor="x", name="Client 0")
    assert edit.fields == ()
    assert edit.run is None
    assert len(store.import_runs()) == runs


@pytest.mark.parametrize(
    ("changes", "code"),
    [({"name": "  "}, "name.missing"), ({"name": "Evil\x1b]0;x\x07"}, "value.control_characters")],
)
def test_a_value_that_cannot_be_stored_is_refused(
    store: SQLiteStore, changes: dict[str, str], code: str
) -> None:
    before = store.companies()
    with pytest.raises(DomainError) as raised:
        edit_company(store, NUMBERS[0], actor="x", **changes)
    assert raised.value.code == code
    assert store.companies() == before


def test_an_unknown_company_is_refused(store: SQLiteStore) -> None:
    with pytest.raises(DomainError, match="not on the platform") as raised:
        edit_company(store, enterprise_numbers(1, offset=50)[0], actor="x", name="X")
    assert raised.value.code == "company.unknown"
    with pytest.raises(DomainError, match="not on the platform"):
        archive_companies(store, [NUMBERS[0], enterprise_numbers(1, offset=50)[0]])
    assert store.archived() == {}


class _ChangedMeanwhile:
    """A store whose company changes (through another connection) right after it was read."""

    def __init__(self, store: SQLiteStore, other: SQLiteStore) -> None:
        self._store, self._other = store, other

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)

    def company(self, number: EnterpriseNumber) -> Company | None:
        read = self._store.company(number)
        edit_company(self._other, number, actor="colleague", name="Renamed meanwhile")
        return read


def test_an_edit_refuses_a_company_that_changed_meanwhile(
    store: SQLiteStore, tmp_path: Path
) -> None:
    with SQLiteStore(store.path) as other:
        racing = _ChangedMeanwhile(store, other)
        with pytest.raises(StaleStoreError):
            edit_company(racing, NUMBERS[0], actor="x", responsible="bo@firm.example")  # type: ignore[arg-type]
    stored = store.company(EnterpriseNumber.parse(NUMBERS[0]))
    assert stored is not None
    assert (stored.name, stored.responsible) == ("Renamed meanwhile", "an@firm.example")


def test_archived_companies_leave_due_at_once_and_the_plan_at_its_next_run(
    store: SQLiteStore,
) -> None:
    make_plan(store, now=MONDAY)
    week = (MONDAY, MONDAY + timedelta(days=7))
    everyone = {o.key for o in due(store, *week)}
    assert everyone == set(NUMBERS)
    result = archive_companies(store, [NUMBERS[1]])
    assert [c.enterprise_number.compact for c in result.changed] == [NUMBERS[1]]
    assert {o.key for o in due(store, *week)} == everyone - {NUMBERS[1]}
    replanned = make_plan(store, now=MONDAY + timedelta(hours=1))
    assert {a.key for a in replanned.plan.assignments()} == everyone - {NUMBERS[1]}
    assert replanned.report.removed == 1
    again = restore_companies(store, [NUMBERS[1], NUMBERS[2]])
    assert [c.enterprise_number.compact for c in again.changed] == [NUMBERS[1]]
    assert [c.enterprise_number.compact for c in again.unchanged] == [NUMBERS[2]]
    restored = make_plan(store, now=MONDAY + timedelta(hours=2))
    assert {a.key for a in restored.plan.assignments()} == everyone


def test_due_companies_default_to_this_week_with_names(store: SQLiteStore) -> None:
    make_plan(store, now=MONDAY)
    wednesday = MONDAY + timedelta(days=2, hours=15)
    listed = due_companies(store, now=wednesday)
    start = datetime(2026, 3, 4, tzinfo=listed[0].at.tzinfo)  # midnight, the plan's zone
    expected = due(store, start, start + timedelta(days=7))
    assert [(d.enterprise_number.compact, d.at) for d in listed] == [
        (o.key, o.at) for o in expected
    ]
    names = {c.enterprise_number: c.name for c in store.companies()}
    assert all(d.name == names[d.enterprise_number] for d in listed)
    assert {d.enterprise_number.compact for d in listed} == set(NUMBERS)


def test_moments_people_type() -> None:
    now = datetime(2026, 3, 25, 14, 30, tzinfo=UTC)
    assert moment("now", now=now) == now
    assert moment(" Tomorrow ", now=now) == datetime(2026, 3, 26, tzinfo=UTC)
    assert moment("yesterday", now=now) == datetime(2026, 3, 24, tzinfo=UTC)
    assert moment("+2h", now=now) == now + timedelta(hours=2)
    assert moment("-1w", now=now, base=now) == now - timedelta(weeks=1)
    assert moment("+30m", now=now, base=datetime(2026, 1, 1)) == datetime(2026, 1, 1, 0, 30)
    assert moment("2026-03-23", now=now) == datetime(2026, 3, 23)
    with pytest.raises(DomainError, match="is not a time") as raised:
        moment("next week", now=now)
    assert raised.value.code == "planner.moment"
