"""The fast paths of the enterprise number, the reconciler and the validator give what the plain
reference gives.

``EnterpriseNumber`` checks plain ASCII spellings without python-stdnum and sends the rest down
the stdnum path; ``reconcile`` validates through ``Validator.check`` (no ``ValidRecord`` per
row), matches in one pass and sorts at the end; the validator normalises ASCII text inline. The
references below are the straightforward versions, written from the spec with the public
``validate`` (and, for the number, the stdnum path on its own).
"""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink import (
    Company,
    EnterpriseNumber,
    ImportDiff,
    InvalidEnterpriseNumber,
    InvalidRecord,
    Match,
    Problem,
    RawRecord,
    ReasonCode,
    SourceRef,
    ValidRecord,
    reconcile,
    validate,
)
from govlink.domain import enterprise_number, normalize
from govlink.domain.text_safety import has_unsafe_characters
from govlink.reconcile import diff_companies
from govlink.testing.strategies import (
    ImportScenario,
    enterprise_numbers,
    import_scenarios,
    invalid_enterprise_numbers,
    number_spellings,
)

_Result = ValidRecord | InvalidRecord

# Every example of shared/specs/enterprise-number.md (sections 2, 4, 5 and 6), valid or not.
_SPEC_EXAMPLES = [
    *("0417.497.106", "0417497106", "BE0417.497.106", "BE 0417 497 106", "be0417497106"),
    *("BE-0417497106", "0417/497/106", "BE (0)417.497.106", "417.497.106", "BE 417497106"),
    *("BE\u00a00417497106", "BTW BE0417497106", "TVA BE0417497106", "RPR Brussel 0417.497.106"),
    *("BE BE 0417497106", "0417,497,106", "BE:0417497106", "0417_497_106", "0417\t497\t106"),
    *("41749710", "417497106", 417497106, 417497106.0, "417497106.0", "4.17497106E+08"),
    *("4.17E+08", "BE0403.019.261", " be 0403.019.261 ", "BE-0403019261", "0403/019/261"),
    *("B E 0403019261", "403019261", "(0)403019261", "BE(0)403019261", "403019261.0"),
    *("0403019261.0", "BE 0403,019,261", "BE:0403019261", "0403_019_261", "40301926", ""),
    *("0", "0000000000", "1000000000", "2.147.812.701", "2000021323", "BE403019261"),
    *("BE 428759497", "BE431150351", "BE0000000000", "BE000000000", "000000", "BE2000021323"),
    *("BE 0202.239.951", "BE 0462423150", "BE 444.503.092", "BE697449992", "BE 0406.139.583"),
    *("BE 456.973.432", "BE 02A2.239.951", "BE 0220,764.971", "BE BE 0220764971"),
    *("0404.616.494", "0877.248.501", "0818.292.196", "2.147.812.897", "1000000021"),
    *("1234567894", "1999999943", "0417.497.107", "9000000092", "0428759400", "0000000097"),
    *("BTW-nummer in aanvraag", "０４１７４９７１０６", "0417\u2013497\u2013106", "0417`497106"),
]


def _parsed(raw: object) -> str | tuple[str, str]:
    try:
        return EnterpriseNumber.parse(raw).compact
    except InvalidEnterpriseNumber as error:
        return error.code, str(error)


def _reference_parse(raw: object) -> str | tuple[str, str]:
    """The reference path alone: python-stdnum's validation, then govlink's extra checks."""
    try:
        return enterprise_number._reference_digits(raw, enterprise_number._text_of(raw))
    except InvalidEnterpriseNumber as error:
        return error.code, str(error)


@given(
    st.one_of(
        number_spellings().map(lambda pair: pair[1]),
        invalid_enterprise_numbers(),
        st.sampled_from(_SPEC_EXAMPLES),
        st.text(alphabet="0123456789 .-/()BEbe`\t\n,:_+", max_size=16),
        st.integers(min_value=0, max_value=2_000_000_000),
    )
)
def test_enterprise_number_fast_path_equals_the_reference(raw: object) -> None:
    assert _parsed(raw) == _reference_parse(raw)


@given(
    enterprise_numbers(),
    st.sampled_from(["{c}", "{f}", "{v}", "BE {f}", "be{c}", " {c} ", "{c}.0"]),
)
def test_clean_spellings_take_the_fast_path(number: EnterpriseNumber, form: str) -> None:
    spelling = form.format(c=number.compact, f=number.formatted, v=number.vat)
    text = enterprise_number._text_of(spelling)
    assert enterprise_number._fast_digits(text) == number.compact


def _number(result: _Result) -> EnterpriseNumber | None:
    if isinstance(result, ValidRecord):
        return result.company.enterprise_number
    return result.enterprise_number


def _duplicate(record: RawRecord, result: _Result, refs: list[SourceRef]) -> tuple[Problem, ...]:
    number = _number(result)
    assert number is not None
    other_refs = [ref for ref in refs if ref is not record.ref]
    others = ", ".join(str(ref) for ref in other_refs)
    rows = [ref.row for ref in other_refs]
    params = (
        {"others": ", ".join(map(str, rows))}
        if None not in rows
        else {"others": others, "records": "yes"}
    )
    problem = Problem(
        code=ReasonCode.ENTERPRISE_NUMBER_DUPLICATE,
        field="enterprise_number",
        value=record.fields.get("enterprise_number"),
        message=f"enterprise number {number.formatted} also appears in {others}",
        params=params,
    )
    return (*result.problems, problem) if isinstance(result, InvalidRecord) else (problem,)


def reference_reconcile(
    records: list[RawRecord], platform: list[Company], colleagues: list[str] | None
) -> ImportDiff:
    """Group the validated rows by number, then categorise each group."""
    on_platform = {c.enterprise_number: c for c in platform}
    groups: dict[EnterpriseNumber, list[tuple[RawRecord, _Result]]] = {}
    invalid: list[InvalidRecord] = []
    for record in records:
        result = validate(record, known_colleagues=colleagues)
        number = _number(result)
        if number is None:
            assert isinstance(result, InvalidRecord)
            invalid.append(result)
        else:
            groups.setdefault(number, []).append((record, result))
    only_in_source: list[Company] = []
    matching: list[Match] = []
    warnings = []
    for number, group in groups.items():
        match = on_platform.pop(number, None)
        if len(group) > 1:
            refs = sorted((record.ref for record, _ in group), key=SourceRef.sort_key)
            for record, result in group:
                problems = _duplicate(record, result, refs)
                invalid.append(
                    InvalidRecord(
                        record=record,
                        problems=problems,
                        enterprise_number=number,
                        platform_match=match,
                    )
                )
            continue
        _, result = group[0]
        if isinstance(result, InvalidRecord):
            invalid.append(attrs.evolve(result, platform_match=match))
            continue
        company = result.company
        if match is None:
            only_in_source.append(company)
        else:
            changes = diff_companies(match, company)
            matching.append(Match(platform=match, source=company, changes=changes))
        warnings.extend(result.warnings)
    return ImportDiff(
        only_in_source=tuple(sorted(only_in_source, key=lambda c: c.enterprise_number)),
        only_in_platform=tuple(sorted(on_platform.values(), key=lambda c: c.enterprise_number)),
        matching=tuple(sorted(matching, key=lambda m: m.source.enterprise_number)),
        invalid=tuple(sorted(invalid, key=lambda r: (r.ref.sort_key(), r.codes))),
        warnings=tuple(sorted(warnings, key=lambda w: w.enterprise_number)),
    )


@st.composite
def _scenarios_with_repeats(draw: st.DrawFn) -> tuple[list[RawRecord], list[Company]]:
    """Import scenarios plus repeated rows: repeats of flawed rows, a number three times."""
    scenario: ImportScenario = draw(import_scenarios(max_size=12))
    records = list(scenario.records)
    if records:
        for original in draw(st.lists(st.sampled_from(records), max_size=3)):
            fields = dict(original.fields)
            if draw(st.booleans()):
                fields["email"] = "not an e-mail"
            ref = SourceRef(source="test", row=len(records) + 2)
            records.append(RawRecord(fields=fields, ref=ref))
    return draw(st.permutations(records)), list(scenario.platform)


@given(
    _scenarios_with_repeats(),
    st.one_of(st.none(), st.lists(st.sampled_from(["a@firm.be", "B@Firm.be "]), max_size=2)),
)
@pytest.mark.slow
def test_reconcile_equals_the_reference(
    scenario: tuple[list[RawRecord], list[Company]], colleagues: list[str] | None
) -> None:
    records, platform = scenario
    diff = reconcile(records, platform, known_colleagues=colleagues)
    assert diff == reference_reconcile(records, platform, colleagues)


_PLAIN_FIELDS = ("legal_form", "street", "house_number", "box", "postal_code", "city", "phone")
_RAW_VALUES = st.one_of(
    st.none(),
    st.text(st.characters(codec="ascii")),
    st.text(),
    st.text(" \t\n\u00a0\u3000abcÉé１２"),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
)


@given(st.dictionaries(st.sampled_from(_PLAIN_FIELDS), _RAW_VALUES), _RAW_VALUES)
def test_text_fields_are_normalised_as_normalize_text(
    values: dict[str, object], name: object
) -> None:
    fields = {"enterprise_number": "0417497106", "name": name, **values}
    result = validate(RawRecord(fields=fields, ref=SourceRef(source="test", row=2)))
    unsafe = {
        field
        for field, raw in fields.items()
        if field != "enterprise_number" and has_unsafe_characters(normalize.text(raw) or "")
    }
    if unsafe:  # never stored raw: each such field is a problem of its own
        assert isinstance(result, InvalidRecord)
        flagged = {p.field for p in result.problems if p.code == "value.control_characters"}
        assert flagged == unsafe
        assert set(result.codes) <= {ReasonCode.VALUE_CONTROL_CHARACTERS, ReasonCode.NAME_MISSING}
        return
    if normalize.text(name) is None:
        assert isinstance(result, InvalidRecord)
        assert result.codes == (ReasonCode.NAME_MISSING,)
        return
    assert isinstance(result, ValidRecord)
    assert result.company.name == normalize.text(name)
    for field, raw in values.items():
        assert getattr(result.company, field) == normalize.text(raw)
