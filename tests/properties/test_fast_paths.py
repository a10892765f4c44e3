"""The reconciler's and the validator's fast paths give what the plain reference gives.

``reconcile`` validates through ``Validator.check`` (no ``ValidRecord`` per row), matches in one
pass and sorts at the end; the validator normalises ASCII text inline. The references below are
the straightforward versions, written from the spec with the public ``validate``.
"""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink import (
    Company,
    EnterpriseNumber,
    ImportDiff,
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
from govlink.domain import normalize
from govlink.domain.text_safety import has_unsafe_characters
from govlink.reconcile import diff_companies
from govlink.testing.strategies import ImportScenario, import_scenarios

_Result = ValidRecord | InvalidRecord


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
