"""validate(): a raw record becomes a Company, or an invalid record listing every problem."""

import pytest

from govlink import (
    Company,
    EnterpriseNumber,
    InvalidRecord,
    NumberCandidates,
    RawRecord,
    ReasonCode,
    SourceRef,
    Validator,
    ValidRecord,
    WarningCode,
    validate,
)

REF = SourceRef(source="excel", row=7)


def record(**fields: object) -> RawRecord:
    return RawRecord(fields=fields, ref=REF)


def valid(result: ValidRecord | InvalidRecord) -> ValidRecord:
    assert isinstance(result, ValidRecord), result
    return result


def invalid(result: ValidRecord | InvalidRecord) -> InvalidRecord:
    assert isinstance(result, InvalidRecord), result
    return result


def test_a_clean_record_becomes_a_normalised_company() -> None:
    result = valid(
        validate(
            record(
                enterprise_number="BE 0417.497.106",
                name="  AB   InBev ",
                legal_form="NV",
                email=" info@ab-inbev.com ",
                language="Nederlands",
                street="Grote Markt",
                house_number=1,
                postal_code=1000.0,
                city="Brussel",
                country_code="België",
                phone="+32 2 123 45 67",
                responsible="Jan.Peeters@Firm.be",
                customer_code="K001",
                relation_type="company",
            )
        )
    )
    assert result.company == Company(
        enterprise_number=EnterpriseNumber.parse("0417497106"),
        name="AB InBev",
        legal_form="NV",
        email="info@ab-inbev.com",
        language="nl",
        street="Grote Markt",
        house_number="1",
        postal_code="1000",
        city="Brussel",
        country_code="BE",
        phone="+32 2 123 45 67",
        responsible="jan.peeters@firm.be",
        customer_code="K001",
    )
    assert result.company.origin == REF
    assert result.warnings == ()


def test_blank_optional_values_are_unknown() -> None:
    company = valid(
        validate(
            record(
                enterprise_number="0417497106",
                name="X",
                email="  ",
                city=None,
                responsible="a@b.be",
            )
        )
    ).company
    assert company.email is None
    assert company.city is None


def test_every_problem_is_listed_at_once() -> None:
    raw = record(enterprise_number="0417.497.107", name=" ", email="x@", language="Klingon")
    result = invalid(validate(raw))
    assert result.codes == (
        ReasonCode.ENTERPRISE_NUMBER_CHECKSUM,
        ReasonCode.NAME_MISSING,
        ReasonCode.EMAIL_INVALID,
        ReasonCode.LANGUAGE_INVALID,
    )
    assert [p.field for p in result.problems] == ["enterprise_number", "name", "email", "language"]
    assert [p.value for p in result.problems] == ["0417.497.107", " ", "x@", "Klingon"]
    assert result.problems[2].message == "'x@' is not a valid e-mail address"
    assert result.problems[3].message == "'Klingon' is not one of nl, fr, de, en"
    assert result.enterprise_number is None
    assert result.ref == REF
    assert result.record is raw


def test_problem_order_does_not_depend_on_column_order() -> None:
    a = invalid(validate(record(language="xx", email="bad", enterprise_number=None)))
    b = invalid(validate(record(enterprise_number=None, email="bad", language="xx")))
    assert a.codes == b.codes


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (None, ReasonCode.ENTERPRISE_NUMBER_MISSING),
        ("BTW BE0417497106", ReasonCode.ENTERPRISE_NUMBER_FORMAT),
        ("41749710", ReasonCode.ENTERPRISE_NUMBER_LENGTH),
        ("0417497107", ReasonCode.ENTERPRISE_NUMBER_CHECKSUM),
        ("2.147.812.701", ReasonCode.ENTERPRISE_NUMBER_ESTABLISHMENT_UNIT),
    ],
)
def test_enterprise_number_codes(raw: object, code: ReasonCode) -> None:
    result = invalid(validate(record(enterprise_number=raw, name="X")))
    assert result.codes == (code,)


def test_a_missing_number_field_is_missing() -> None:
    assert invalid(validate(record(name="X"))).codes == (ReasonCode.ENTERPRISE_NUMBER_MISSING,)


def test_an_invalid_record_keeps_its_valid_number() -> None:
    result = invalid(validate(record(enterprise_number="0417497106", name="X", email="nope")))
    assert result.codes == (ReasonCode.EMAIL_INVALID,)
    assert result.enterprise_number == EnterpriseNumber.parse("0417497106")


@pytest.mark.parametrize(
    "address",
    ["jan@firm.be", "Jan.Peeters+crm@sub.firm.be", "info@café.be", "A@B.COM"],
)
def test_good_email_addresses(address: str) -> None:
    result = valid(validate(record(enterprise_number="0417497106", name="X", email=address)))
    assert result.company.email == address


@pytest.mark.parametrize(
    "address",
    [
        "x@",
        "@firm.be",
        "jan@firm",
        "jan firm@x.be",
        "jan@firm.be;piet@firm.be",
        "a@b.c",
        "mailto:a@b.be",
    ],
)
def test_bad_email_addresses(address: str) -> None:
    result = invalid(validate(record(enterprise_number="0417497106", name="X", email=address)))
    assert result.codes == (ReasonCode.EMAIL_INVALID,)


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("nl", "nl"),
        ("NL", "nl"),
        ("N", "nl"),
        ("Nederlands", "nl"),
        ("Néerlandais", "nl"),
        ("nl-BE", "nl"),
        ("nl_BE", "nl"),
        ("Vlaams", "nl"),
        ("F", "fr"),
        ("Français", "fr"),
        ("francais", "fr"),
        ("Frans", "fr"),
        ("fr-BE", "fr"),
        ("Deutsch", "de"),
        ("Duits", "de"),
        ("Allemand", "de"),
        ("English", "en"),
        ("Engels", "en"),
        ("EN", "en"),
    ],
)
def test_language_labels(label: str, code: str) -> None:
    result = valid(validate(record(enterprise_number="0417497106", name="X", language=label)))
    assert result.company.language == code


def test_unknown_language_is_invalid() -> None:
    result = invalid(validate(record(enterprise_number="0417497106", name="X", language="Latijn")))
    assert result.codes == (ReasonCode.LANGUAGE_INVALID,)


def test_responsible_missing_warning() -> None:
    result = valid(validate(record(enterprise_number="0417497106", name="X")))
    (warning,) = result.warnings
    assert warning.code == WarningCode.RESPONSIBLE_MISSING
    assert warning.enterprise_number == EnterpriseNumber.parse("0417497106")
    assert warning.ref == REF


def test_responsible_unknown_only_when_colleagues_are_given() -> None:
    raw = record(enterprise_number="0417497106", name="X", responsible="ghost@firm.be")
    assert valid(validate(raw)).warnings == ()
    result = valid(validate(raw, known_colleagues=["Jan@Firm.be "]))
    (warning,) = result.warnings
    assert warning.code == WarningCode.RESPONSIBLE_UNKNOWN
    assert "ghost@firm.be" in warning.message


def test_known_responsible_matches_case_insensitively() -> None:
    raw = record(enterprise_number="0417497106", name="X", responsible=" JAN@firm.be")
    assert valid(validate(raw, known_colleagues=["jan@FIRM.be"])).warnings == ()


def test_each_row_warns_about_its_own_responsible_past_the_shared_ones() -> None:
    """A validator shares a colleague's warning text among the rows naming them (memory), for
    the first few thousand colleagues; every row still names its own."""
    validator = Validator(known_colleagues=["jan@firm.be"])
    names = [f"ghost{n % 5000}@firm.be" for n in range(10_000)]
    warnings = [
        valid(
            validator(record(enterprise_number="0417497106", name="X", responsible=name))
        ).warnings[0]
        for name in names
    ]
    assert [dict(w.params) for w in warnings] == [{"responsible": name} for name in names]
    assert all(name in w.message for w, name in zip(warnings, names, strict=True))
    assert warnings[0].message is warnings[5000].message  # the same text, not a copy


def test_warnings_never_make_a_record_invalid() -> None:
    raw = record(enterprise_number="0417497106", name="X", responsible="ghost@firm.be")
    assert isinstance(validate(raw, known_colleagues=[]), ValidRecord)


def test_unknown_fields_are_ignored_but_kept_raw() -> None:
    raw = RawRecord(
        fields={"enterprise_number": "0417497106", "name": "X", "relation_type": "weird"},
        ref=REF,
        raw={"Ondernemingsnummer": "0417497106", "Naam": "X", "Extra": 1},
    )
    result = valid(validate(raw))
    assert result.company.name == "X"
    assert raw.raw["Extra"] == 1


def test_raw_record_mappings_are_read_only_copies() -> None:
    fields = {"enterprise_number": "0417497106", "name": "X"}
    raw = RawRecord(fields=fields, ref=REF)
    fields["name"] = "changed"
    assert raw.fields["name"] == "X"
    with pytest.raises(TypeError):
        raw.fields["name"] = "Y"  # type: ignore[index]


def test_long_raw_values_give_short_messages() -> None:
    result = invalid(validate(record(enterprise_number="0417497106", name="X", email="x" * 500)))
    assert len(result.problems[0].message) < 100


class TestNumberCandidates:
    """Sources with the number in several fields (AdminPulse, Admin-IS)."""

    def test_one_valid_candidate_is_used(self) -> None:
        candidates = NumberCandidates({"VATNr": "", "RegistrationNr": "0417.497.106"})
        company = valid(validate(record(enterprise_number=candidates, name="X"))).company
        assert company.enterprise_number == EnterpriseNumber.parse("0417497106")

    def test_equal_valid_candidates_agree(self) -> None:
        candidates = NumberCandidates({"VATNr": "BE0417497106", "RegistrationNr": "417497106"})
        assert isinstance(validate(record(enterprise_number=candidates, name="X")), ValidRecord)

    def test_a_valid_candidate_wins_over_an_invalid_one(self) -> None:
        candidates = NumberCandidates({"VATNr": "BE0417497107", "RegistrationNr": "0417497106"})
        assert isinstance(validate(record(enterprise_number=candidates, name="X")), ValidRecord)

    def test_different_valid_candidates_conflict(self) -> None:
        candidates = NumberCandidates({"VATNr": "BE0417497106", "RegistrationNr": "0404616494"})
        result = invalid(validate(record(enterprise_number=candidates, name="X")))
        assert result.codes == (ReasonCode.ENTERPRISE_NUMBER_CONFLICT,)
        assert result.enterprise_number is None
        assert "VATNr: 0417.497.106" in result.problems[0].message
        assert "RegistrationNr: 0404.616.494" in result.problems[0].message

    def test_no_valid_candidate_reports_the_first_non_blank(self) -> None:
        candidates = NumberCandidates({"VATNr": " ", "RegistrationNr": "0417497107"})
        result = invalid(validate(record(enterprise_number=candidates, name="X")))
        assert result.codes == (ReasonCode.ENTERPRISE_NUMBER_CHECKSUM,)
        assert result.problems[0].value == "0417497107"
        assert result.problems[0].message.startswith("RegistrationNr: ")

    def test_all_blank_candidates_are_missing(self) -> None:
        candidates = NumberCandidates({"VATNr": None, "RegistrationNr": ""})
        result = invalid(validate(record(enterprise_number=candidates, name="X")))
        assert result.codes == (ReasonCode.ENTERPRISE_NUMBER_MISSING,)
