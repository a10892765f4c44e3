"""reconcile() and plan_apply(): the four categories, duplicates, selections, no erasure."""

import pytest

from govlink import (
    ALL,
    ApplyPlan,
    ChangeKind,
    Company,
    DomainError,
    EnterpriseNumber,
    FieldChange,
    ImportDiff,
    InvalidEnterpriseNumber,
    RawRecord,
    ReasonCode,
    Selection,
    SourceRef,
    WarningCode,
    plan_apply,
    reconcile,
)
from govlink.reconcile import OVERWRITABLE_FIELDS, diff_companies

INBEV = EnterpriseNumber.parse("0417.497.106")
ACKERMANS = EnterpriseNumber.parse("0404.616.494")
AEDIFICA = EnterpriseNumber.parse("0877.248.501")
AGEAS = EnterpriseNumber.parse("0451.406.524")
ARGENX = EnterpriseNumber.parse("0818.292.196")


def row(n: int, **fields: object) -> RawRecord:
    return RawRecord(fields=fields, ref=SourceRef(source="excel", row=n))


def test_the_four_categories() -> None:
    platform = [
        Company(enterprise_number=INBEV, name="AB InBev", email="info@ab-inbev.com"),
        Company(enterprise_number=ACKERMANS, name="Ackermans & van Haaren"),
        Company(enterprise_number=AGEAS, name="Ageas"),
    ]
    records = [
        row(2, enterprise_number="BE 0417 497 106", name="ab  inbev", email="INFO@ab-inbev.com"),
        row(3, enterprise_number="404616494", name="Ackermans & van Haaren", city="Antwerpen"),
        row(4, enterprise_number="0877.248.501", name="Aedifica"),
        row(5, enterprise_number="0417.497.107", name="Typo NV"),
    ]
    diff = reconcile(records, platform)

    assert [c.enterprise_number for c in diff.only_in_source] == [AEDIFICA]
    assert [c.enterprise_number for c in diff.only_in_platform] == [AGEAS]
    ackermans, inbev = diff.matching  # sorted by enterprise number
    assert inbev.unchanged
    assert inbev.changes == ()
    assert not ackermans.unchanged
    assert ackermans.changes == (
        FieldChange(field="city", platform=None, source="Antwerpen", kind=ChangeKind.ADDED),
    )
    assert ackermans.changed_fields == ("city",)
    assert diff.changed == (ackermans,)
    (bad,) = diff.invalid
    assert bad.codes == (ReasonCode.ENTERPRISE_NUMBER_CHECKSUM,)
    assert bad.ref.row == 5
    assert diff.rows == 4


def test_changed_values_are_side_by_side() -> None:
    platform = [Company(enterprise_number=INBEV, name="AB InBev", language="fr")]
    diff = reconcile([row(2, enterprise_number=INBEV.vat, name="AB InBev", language="N")], platform)
    (match,) = diff.matching
    assert match.changes == (
        FieldChange(field="language", platform="fr", source="nl", kind=ChangeKind.CHANGED),
    )


def test_comparison_ignores_case_and_whitespace_of_names_and_emails() -> None:
    platform = [Company(enterprise_number=INBEV, name="AB InBev", email="Info@AB-InBev.com")]
    records = [
        row(2, enterprise_number=INBEV.compact, name="  AB   INBEV ", email="info@ab-inbev.COM")
    ]
    (match,) = reconcile(records, platform).matching
    assert match.unchanged


def test_a_blank_source_value_is_never_a_change() -> None:
    platform = [
        Company(enterprise_number=INBEV, name="AB InBev", email="info@ab-inbev.com", city="Leuven")
    ]
    records = [row(2, enterprise_number=INBEV.compact, name="AB InBev", email="  ", city=None)]
    (match,) = reconcile(records, platform).matching
    assert match.unchanged


def test_diff_companies_treats_empty_strings_as_missing() -> None:
    platform = Company(enterprise_number=INBEV, name="AB InBev", city="", email="a@b.be")
    source = Company(enterprise_number=INBEV, name="AB InBev", city="Leuven", email="")
    assert diff_companies(platform, source) == (
        FieldChange(field="city", platform="", source="Leuven", kind=ChangeKind.ADDED),
    )


def test_duplicates_are_all_invalid_and_name_each_other() -> None:
    platform = [Company(enterprise_number=INBEV, name="AB InBev")]
    records = [
        row(9, enterprise_number="0417497106", name="AB InBev"),
        row(3, enterprise_number="BE0417.497.106", name="Anheuser-Busch InBev"),
        row(5, enterprise_number="417497106", name="AB Inbev", email="broken"),
        row(4, enterprise_number="0404.616.494", name="Ackermans"),
    ]
    diff = reconcile(records, platform)
    assert [r.ref.row for r in diff.invalid] == [3, 5, 9]
    messages = {r.ref.row: r.problems[-1].message for r in diff.invalid}
    assert messages[3] == "enterprise number 0417.497.106 also appears in excel row 5, excel row 9"
    assert messages[5] == "enterprise number 0417.497.106 also appears in excel row 3, excel row 9"
    assert messages[9] == "enterprise number 0417.497.106 also appears in excel row 3, excel row 5"
    params = {r.ref.row: r.problems[-1].params for r in diff.invalid}
    assert params == {3: {"others": "5, 9"}, 5: {"others": "3, 9"}, 9: {"others": "3, 5"}}
    by_row = {r.ref.row: r for r in diff.invalid}
    assert by_row[5].codes == (ReasonCode.EMAIL_INVALID, ReasonCode.ENTERPRISE_NUMBER_DUPLICATE)
    assert by_row[3].problems[-1].value == "BE0417.497.106"
    for invalid in diff.invalid:
        assert invalid.enterprise_number == INBEV
        assert invalid.platform_match == platform[0]
    assert diff.only_in_platform == ()
    assert diff.matching == ()
    assert [c.enterprise_number for c in diff.only_in_source] == [ACKERMANS]


def test_an_invalid_row_with_a_valid_number_names_its_platform_company() -> None:
    platform = [Company(enterprise_number=INBEV, name="AB InBev")]
    diff = reconcile([row(2, enterprise_number=INBEV.formatted, name="X", email="nope")], platform)
    (invalid,) = diff.invalid
    assert invalid.platform_match == platform[0]
    assert diff.only_in_platform == ()
    assert diff.matching == ()


def test_an_invalid_row_with_a_new_number_names_no_company() -> None:
    diff = reconcile([row(2, enterprise_number=INBEV.formatted, name="", email="nope")], [])
    (invalid,) = diff.invalid
    assert invalid.platform_match is None
    assert invalid.enterprise_number == INBEV


def test_matching_uses_the_canonical_number_only() -> None:
    platform = [Company(enterprise_number=INBEV, name="AB InBev")]
    records = [row(2, enterprise_number=ARGENX.compact, name="AB InBev")]
    diff = reconcile(records, platform)
    assert diff.matching == ()
    assert len(diff.only_in_source) == 1
    assert len(diff.only_in_platform) == 1


def test_warnings_are_collected_for_valid_rows() -> None:
    records = [
        row(2, enterprise_number=INBEV.compact, name="AB InBev"),
        row(3, enterprise_number=ARGENX.compact, name="argenx", responsible="ghost@firm.be"),
        row(4, enterprise_number=AGEAS.compact, name="Ageas", responsible="jan@firm.be"),
    ]
    diff = reconcile(records, [], known_colleagues=["jan@firm.be"])
    assert [(w.enterprise_number, w.code) for w in diff.warnings] == [
        (INBEV, WarningCode.RESPONSIBLE_MISSING),
        (ARGENX, WarningCode.RESPONSIBLE_UNKNOWN),
    ]


def test_a_platform_with_a_number_twice_is_an_error() -> None:
    platform = [
        Company(enterprise_number=INBEV, name="A"),
        Company(enterprise_number=INBEV, name="B"),
    ]
    with pytest.raises(DomainError) as caught:
        reconcile([], platform)
    assert caught.value.code == "platform.duplicate"


def test_reconcile_consumes_any_iterable_once() -> None:
    records = (row(n, enterprise_number=INBEV.compact, name="X") for n in range(2, 3))
    platform = iter([Company(enterprise_number=AGEAS, name="Ageas")])
    diff = reconcile(records, platform)
    assert len(diff.only_in_source) == 1
    assert len(diff.only_in_platform) == 1


def test_empty_inputs() -> None:
    diff = reconcile([], [])
    assert diff.rows == 0
    assert (diff.only_in_source, diff.only_in_platform, diff.matching, diff.invalid) == ((),) * 4


# plan_apply

PLATFORM = (
    Company(enterprise_number=INBEV, name="AB InBev", email="old@ab-inbev.com", city="Leuven"),
    Company(enterprise_number=ACKERMANS, name="AvH", email="old@avh.be", city="Antwerpen"),
    Company(enterprise_number=AGEAS, name="Ageas"),
)


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


def test_duplicates_of_an_api_source_name_the_other_records() -> None:
    records = [
        RawRecord(
            fields={"enterprise_number": "0417497106", "name": name},
            ref=SourceRef(source="adminis", record_id=name),
        )
        for name in ("A", "B")
    ]
    first = reconcile(records, []).invalid[0].problems[-1]
    assert first.params == {"others": "adminis record B", "records": "yes"}
