"""The import workflow: preview and apply against a real SQLite store, from any Source."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings

from govlink import ALL, Company, EnterpriseNumber, RawRecord, Selection, SourceRef
from govlink.errors import StaleStoreError
from govlink.reconcile import ApplyPlan
from govlink.store import ImportCounts, ImportRun, RunInfo, SQLiteStore, WriteProgress
from govlink.testing.strategies import ImportScenario, import_scenarios
from govlink.workflows import apply_import, preview_import


class ListSource:
    """A Source over a list of records."""

    name = "test"

    def __init__(self, records: Sequence[RawRecord]) -> None:
        self._records = records

    def records(self) -> Iterator[RawRecord]:
        yield from self._records

    @property
    def skipped(self) -> Mapping[str, int]:
        return {"person": 2}

    def known_colleagues(self) -> Collection[str] | None:
        return None


def _record(number: str, name: str, row: int, **fields: str) -> RawRecord:
    values = {"enterprise_number": number, "name": name, **fields}
    return RawRecord(fields=values, ref=SourceRef(source="test", row=row), raw=values)


RECORDS = (
    _record("BE 0403.019.261", "Acme NV", 2, email="info@acme.be"),
    _record("0417497106", "Bakkerij Peeters", 3),
    _record("0403019262", "Broken", 4),
)


def test_a_preview_reads_everything_and_writes_nothing(tmp_path: Path) -> None:
    seen: list[int] = []
    with SQLiteStore(tmp_path / "s.db") as store:
        preview = preview_import(ListSource(RECORDS), store, location="x", progress=seen.append)
        assert store.companies() == []
        assert store.import_runs() == []
    assert seen == [1, 2, 3]
    assert preview.counts == ImportCounts(
        rows=3, only_in_source=2, only_in_platform=0, matching=0, changed=0, invalid=1, skipped=2
    )


def test_apply_writes_the_selection_and_records_who_and_where(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        preview = preview_import(ListSource(RECORDS), store, location="clients.xlsx")
        number = EnterpriseNumber.parse("0417497106")
        result = apply_import(preview, store, Selection(add=[number]), actor="an")
        assert [c.enterprise_number for c in store.companies()] == [number]
        assert store.import_runs() == [result.run]
    assert result.run.info.location == "clients.xlsx"
    assert result.run.info.actor == "an"
    assert result.run.info.counts == preview.counts
    assert result.run.added == (number,)


def test_apply_replans_when_another_process_changed_the_store(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with SQLiteStore(path) as store:
        preview = preview_import(ListSource(RECORDS), store)
        with SQLiteStore(path) as other:
            other.apply(ApplyPlan(add=(preview.diff.only_in_source[0],)), _info(preview.counts))
        result = apply_import(preview, store, Selection(add=ALL), actor="an")
        assert len(store.companies()) == 2
    assert [c.name for c in result.plan.add] == ["Bakkerij Peeters"]
    assert len(result.preview.diff.matching) == 1


class AlwaysStale(SQLiteStore):
    """A store that another process always beats to the write."""

    def apply(
        self, plan: ApplyPlan, run: RunInfo, *, progress: WriteProgress | None = None
    ) -> ImportRun:
        raise StaleStoreError("the store changed since the preview")


def test_apply_gives_up_when_the_store_keeps_changing(tmp_path: Path) -> None:
    with AlwaysStale(tmp_path / "s.db") as store:
        preview = preview_import(ListSource(RECORDS), store)
        with pytest.raises(StaleStoreError):
            apply_import(preview, store, Selection(add=ALL), actor="an")


def _info(counts: ImportCounts) -> RunInfo:
    return RunInfo(at=datetime.now(UTC), source="test", location="x", actor="b", counts=counts)


@settings(max_examples=20, deadline=None)
@given(import_scenarios(max_size=8))
def test_after_applying_everything_a_new_preview_has_nothing_new_and_no_changes(
    scenario: ImportScenario,
) -> None:
    with SQLiteStore(":memory:") as store:
        if scenario.platform:
            store.apply(ApplyPlan(add=scenario.platform), _info(_zero()))
        source = ListSource(scenario.records)
        preview = preview_import(source, store)
        apply_import(preview, store, Selection(add=ALL, overwrite=ALL), actor="an")
        again = preview_import(source, store)
        stored: list[Company] = store.companies()
    assert again.diff.only_in_source == ()
    assert again.diff.changed == ()
    diff = preview.diff
    assert len(again.diff.matching) == len(diff.only_in_source) + len(diff.matching)
    assert {c.enterprise_number for c in stored} == {
        c.enterprise_number for c in (*scenario.platform, *diff.only_in_source)
    }


def _zero() -> ImportCounts:
    return ImportCounts(
        rows=0, only_in_source=0, only_in_platform=0, matching=0, changed=0, invalid=0
    )
