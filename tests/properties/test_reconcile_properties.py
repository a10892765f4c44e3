"""Properties of reconcile() and plan_apply() over generated import scenarios."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink import ALL, Company, RawRecord, Selection, SourceRef, plan_apply, reconcile
from govlink.reconcile import OVERWRITABLE_FIELDS
from govlink.testing.strategies import ImportScenario, companies, import_scenarios

FIELD_SETS = st.one_of(st.just(ALL), st.frozensets(st.sampled_from(sorted(OVERWRITABLE_FIELDS))))


def records_of(pool: list[Company]) -> list[RawRecord]:
    return [
        RawRecord(
            fields={k: v for k, v in attrs.asdict(c, recurse=False).items() if k != "origin"},
            ref=SourceRef(source="test", row=row),
        )
        for row, c in enumerate(pool, start=2)
    ]


@given(import_scenarios())
@pytest.mark.slow
def test_partition_invariant(scenario: ImportScenario) -> None:
    diff = reconcile(scenario.records, scenario.platform)
    refs = [c.origin for c in diff.only_in_source]
    refs += [m.source.origin for m in diff.matching]
    refs += [r.ref for r in diff.invalid]
    assert sorted(r.row or 0 for r in refs) == sorted(r.ref.row or 0 for r in scenario.records)
    assert diff.rows == len(scenario.records)

    matched = [m.platform.enterprise_number for m in diff.matching]
    platform_only = [c.enterprise_number for c in diff.only_in_platform]
    referenced = [r.platform_match.enterprise_number for r in diff.invalid if r.platform_match]
    assert not set(matched) & set(platform_only)
    assert len(set(matched)) == len(matched)
    assert set(matched) | set(platform_only) | set(referenced) == {
        c.enterprise_number for c in scenario.platform
    }

    assert {c.enterprise_number for c in diff.only_in_source} == scenario.new
    assert set(matched) == scenario.shared
    assert set(platform_only) == scenario.platform_only
    assert {r.ref.row for r in diff.invalid} == scenario.invalid_rows
    assert set(referenced) == scenario.referenced


@given(import_scenarios(), st.randoms(use_true_random=False))
@pytest.mark.slow
def test_independent_of_input_order(scenario: ImportScenario, rnd: object) -> None:
    records, platform = list(scenario.records), list(scenario.platform)
    rnd.shuffle(records)  # type: ignore[attr-defined]
    rnd.shuffle(platform)  # type: ignore[attr-defined]
    assert reconcile(records, platform) == reconcile(scenario.records, scenario.platform)


@pytest.mark.slow
@given(st.lists(companies(), max_size=15, unique_by=lambda c: c.enterprise_number))
def test_reconcile_with_itself_has_no_changes(pool: list[Company]) -> None:
    records = records_of(pool)
    platform = reconcile(records, []).only_in_source
    diff = reconcile(records, platform)
    assert diff.only_in_source == ()
    assert diff.only_in_platform == ()
    assert diff.invalid == ()
    assert len(diff.matching) == len(pool)
    assert all(m.unchanged for m in diff.matching)


@given(import_scenarios(), FIELD_SETS)
@pytest.mark.slow
def test_apply_then_reconcile_is_idempotent(scenario: ImportScenario, fields: object) -> None:
    diff = reconcile(scenario.records, scenario.platform)
    plan = plan_apply(diff, Selection(add=ALL, overwrite=fields))  # type: ignore[arg-type]
    after = plan.apply_to(scenario.platform)
    again = reconcile(scenario.records, after)
    assert again.only_in_source == ()
    overwritten = OVERWRITABLE_FIELDS if fields is ALL else fields
    for match in again.matching:
        assert not set(match.changed_fields) & overwritten  # type: ignore[operator]
    assert {c.enterprise_number for c in scenario.platform} <= {c.enterprise_number for c in after}
    assert again.invalid == diff.invalid


@given(import_scenarios(), FIELD_SETS)
@pytest.mark.slow
def test_a_plan_never_erases_platform_data(scenario: ImportScenario, fields: object) -> None:
    diff = reconcile(scenario.records, scenario.platform)
    plan = plan_apply(diff, Selection(overwrite=fields))  # type: ignore[arg-type]
    for update in plan.update:
        for name in OVERWRITABLE_FIELDS:
            if getattr(update.before, name):
                assert getattr(update.after, name)
        untouched = OVERWRITABLE_FIELDS - set(update.fields)
        for name in untouched:
            assert getattr(update.after, name) == getattr(update.before, name)


@given(
    st.lists(companies(), max_size=12, unique_by=lambda c: c.enterprise_number),
    st.data(),
)
@pytest.mark.slow
def test_swapping_sides_swaps_only_in(pool: list[Company], data: st.DataObject) -> None:
    sides = [data.draw(st.sampled_from(["a", "b", "both"])) for _ in pool]
    a = [c for c, s in zip(pool, sides, strict=True) if s != "b"]
    b = [c for c, s in zip(pool, sides, strict=True) if s != "a"]
    ab = reconcile(records_of(a), b)
    ba = reconcile(records_of(b), a)

    def numbers(companies: tuple[Company, ...]) -> set[object]:
        return {c.enterprise_number for c in companies}

    assert numbers(ab.only_in_source) == numbers(ba.only_in_platform)
    assert numbers(ab.only_in_platform) == numbers(ba.only_in_source)
    assert {m.platform.enterprise_number for m in ab.matching} == {
        m.platform.enterprise_number for m in ba.matching
    }
