"""plan_apply(): the user's selection plus a diff become an ApplyPlan; nothing is erased."""

import pytest

from govlink import (
    ALL,
    ApplyPlan,
    Company,
    DomainError,
    EnterpriseNumber,
    ImportDiff,
    InvalidEnterpriseNumber,
    RawRecord,
    Selection,
    SourceRef,
    plan_apply,
    reconcile,
)
from govlink.reconcile import OVERWRITABLE_FIELDS

INBEV = EnterpriseNumber.parse("0417.497.106")
ACKERMANS = EnterpriseNumber.parse("0404.616.494")
AEDIFICA = EnterpriseNumber.parse("0877.248.501")
AGEAS = EnterpriseNumber.parse("0451.406.524")
ARGENX = EnterpriseNumber.parse("0818.292.196")

PLATFORM = (
    Company(enterprise_number=INBEV, name="AB InBev", email="old@ab-inbev.com", city="Leuven"),
    Company(enterprise_number=ACKERMANS, name="AvH", email="old@avh.be", city="Antwerpen"),
    Company(enterprise_number=AGEAS, name="Ageas"),
)


def row(n: int, **fields: object) -> RawRecord:
    return RawRecord(fields=fields, ref=SourceRef(source="excel", row=n))


@pytest.fixture
def diff() -> ImportDiff:
    records = [
        row(2, enterprise_number=INBEV.compact, name="AB InBev NV", email="new@ab-inbev.com"),
        row(3, enterprise_number=ACKERMANS.compact, name="AvH", email="new@avh.be", city=""),
        row(4, enterprise_number=AEDIFICA.compact, name="Aedifica"),
        row(5, enterprise_number=ARGENX.compact, name="argenx"),
    ]
    return reconcile(records, PLATFORM)


def test_the_default_selection_changes_nothing(diff: ImportDiff) -> None:
    plan = plan_apply(diff, Selection())
    assert plan == ApplyPlan()
    assert plan.empty
    assert plan.apply_to(PLATFORM) == tuple(sorted(PLATFORM, key=lambda c: c.enterprise_number))


def test_add_all_new_companies(diff: ImportDiff) -> None:
    plan = plan_apply(diff, Selection(add=ALL))
    assert [c.enterprise_number for c in plan.add] == [ARGENX, AEDIFICA]
    assert plan.update == ()


def test_add_some_new_companies_in_any_notation(diff: ImportDiff) -> None:
    plan = plan_apply(diff, Selection(add=["BE 0877.248.501"]))
    assert [c.name for c in plan.add] == ["Aedifica"]
    assert plan_apply(diff, Selection(add=AEDIFICA)).add == plan.add


def test_adding_a_company_that_is_not_new_is_an_error(diff: ImportDiff) -> None:
    with pytest.raises(DomainError) as caught:
        plan_apply(diff, Selection(add=[INBEV, AEDIFICA]))
    assert caught.value.code == "selection.add"
    assert "0417.497.106" in str(caught.value)


def test_a_bad_number_in_a_selection_is_a_typed_error() -> None:
    with pytest.raises(InvalidEnterpriseNumber):
        Selection(add=["0417.497.107"])


def test_overwrite_a_field_for_all_matches(diff: ImportDiff) -> None:
    plan = plan_apply(diff, Selection(overwrite={"email"}))
    assert [(u.before.enterprise_number, u.fields) for u in plan.update] == [
        (ACKERMANS, ("email",)),
        (INBEV, ("email",)),
    ]
    inbev = plan.update[1]
    assert inbev.after.email == "new@ab-inbev.com"
    assert inbev.after.name == "AB InBev"  # not selected, kept
    assert inbev.after.city == "Leuven"


def test_overwrite_all_fields_never_erases(diff: ImportDiff) -> None:
    plan = plan_apply(diff, Selection(overwrite=ALL))
    ackermans = next(u for u in plan.update if u.before.enterprise_number == ACKERMANS)
    assert ackermans.after.city == "Antwerpen"  # blank in the source: kept
    assert ackermans.after.email == "new@avh.be"
    for update in plan.update:
        for field in OVERWRITABLE_FIELDS:
            if getattr(update.before, field) is not None:
                assert getattr(update.after, field) is not None


def test_per_company_exceptions_replace_the_run_wide_set(diff: ImportDiff) -> None:
    selection = Selection(overwrite={"email"}, overwrite_for={INBEV.formatted: {"name"}})
    plan = plan_apply(diff, selection)
    by_number = {u.before.enterprise_number: u for u in plan.update}
    assert by_number[INBEV].fields == ("name",)
    assert by_number[INBEV].after.email == "old@ab-inbev.com"
    assert by_number[ACKERMANS].fields == ("email",)


def test_per_company_nothing_excludes_a_company(diff: ImportDiff) -> None:
    plan = plan_apply(diff, Selection(overwrite=ALL, overwrite_for={INBEV: ()}))
    assert [u.before.enterprise_number for u in plan.update] == [ACKERMANS]


def test_per_company_all(diff: ImportDiff) -> None:
    plan = plan_apply(diff, Selection(overwrite_for={INBEV: ALL}))
    (update,) = plan.update
    assert update.fields == ("name", "email")


def test_unknown_or_protected_fields_are_an_error(diff: ImportDiff) -> None:
    for selection in (
        Selection(overwrite={"emial"}),
        Selection(overwrite={"enterprise_number"}),
        Selection(overwrite_for={INBEV: {"origin"}}),
    ):
        with pytest.raises(DomainError) as caught:
            plan_apply(diff, selection)
        assert caught.value.code == "selection.field"
        assert "choose from" in str(caught.value)


def test_a_single_field_name_is_one_field(diff: ImportDiff) -> None:
    assert Selection(overwrite="email").overwrite == frozenset({"email"})


def test_exceptions_for_companies_that_do_not_match_are_an_error(diff: ImportDiff) -> None:
    with pytest.raises(DomainError) as caught:
        plan_apply(diff, Selection(overwrite_for={AGEAS: {"email"}}))
    assert caught.value.code == "selection.company"


def test_platform_only_companies_are_never_deleted(diff: ImportDiff) -> None:
    plan = plan_apply(diff, Selection(add=ALL, overwrite=ALL))
    after = plan.apply_to(PLATFORM)
    assert PLATFORM[2] in after
    assert {c.enterprise_number for c in after} == {INBEV, ACKERMANS, AGEAS, AEDIFICA, ARGENX}


def test_apply_then_reconcile_is_idempotent(diff: ImportDiff) -> None:
    records = [
        row(2, enterprise_number=INBEV.compact, name="AB InBev NV", email="new@ab-inbev.com"),
        row(3, enterprise_number=ACKERMANS.compact, name="AvH", email="new@avh.be", city=""),
        row(4, enterprise_number=AEDIFICA.compact, name="Aedifica"),
    ]
    plan = plan_apply(reconcile(records, PLATFORM), Selection(add=ALL, overwrite={"email"}))
    again = reconcile(records, plan.apply_to(PLATFORM))
    assert again.only_in_source == ()
    assert all("email" not in m.changed_fields for m in again.matching)
    assert [m.changed_fields for m in again.matching if not m.unchanged] == [("name",)]
