"""Several source fields carrying the enterprise number: agreement, conflict, fallbacks."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from govlink.domain import (
    EnterpriseNumber,
    EnterpriseNumberCandidates,
    InvalidRecord,
    RawRecord,
    SourceRef,
    ValidRecord,
    validate,
)
from govlink.errors import InvalidEnterpriseNumber
from govlink.testing.strategies import (
    enterprise_numbers,
    invalid_enterprise_numbers,
    number_spellings,
)

_REF = SourceRef(source="test", record_id="1")
# Issued numbers never start with 00: the ints and floats of number_spellings() keep their digits.
_SPELLINGS = number_spellings(numbers=enterprise_numbers().filter(lambda n: n.compact[:2] != "00"))
_BLANKS = st.sampled_from([None, "", "  "])
_NOT_NUMBERS = invalid_enterprise_numbers().filter(
    lambda v: v is not None and not (isinstance(v, str) and not v.strip())
)


def _record(candidates: EnterpriseNumberCandidates) -> RawRecord:
    return RawRecord(fields={"enterprise_number": candidates, "name": "Acme NV"}, ref=_REF)


@given(_SPELLINGS, st.data())
def test_agreeing_fields_give_the_number(
    spelled: tuple[EnterpriseNumber, object], data: st.DataObject
) -> None:
    number, spelling = spelled
    _, other = data.draw(number_spellings(numbers=st.just(number)))
    candidates = EnterpriseNumberCandidates({"VATNr": spelling, "RegistrationNr": other})
    assert candidates.resolve() == number
    result = validate(_record(candidates))
    assert isinstance(result, ValidRecord)
    assert result.company.enterprise_number == number


@given(_SPELLINGS, _BLANKS | _NOT_NUMBERS, st.booleans())
def test_one_valid_field_wins_over_a_blank_or_broken_one(
    spelled: tuple[EnterpriseNumber, object], other: object, valid_first: bool
) -> None:
    number, spelling = spelled
    pairs = [("VATNr", spelling), ("RegistrationNr", other)]
    candidates = EnterpriseNumberCandidates(dict(pairs if valid_first else pairs[::-1]))
    assert candidates.resolve() == number


@given(_SPELLINGS, _SPELLINGS)
def test_different_valid_numbers_conflict(
    first: tuple[EnterpriseNumber, object], second: tuple[EnterpriseNumber, object]
) -> None:
    assume(first[0] != second[0])
    candidates = EnterpriseNumberCandidates({"VATNr": first[1], "RegistrationNr": second[1]})
    with pytest.raises(InvalidEnterpriseNumber) as caught:
        candidates.resolve()
    assert caught.value.code == "enterprise_number.conflict"
    assert first[0].formatted in caught.value.message
    assert second[0].formatted in caught.value.message
    result = validate(_record(candidates))
    assert isinstance(result, InvalidRecord)
    assert result.codes == ("enterprise_number.conflict",)
    assert result.problems[0].field == "enterprise_number"
    assert result.problems[0].value == str(candidates)


@given(_NOT_NUMBERS, _BLANKS | _NOT_NUMBERS)
def test_no_valid_field_reports_the_preferred_fields_reason(first: object, second: object) -> None:
    candidates = EnterpriseNumberCandidates({"VATNr": first, "RegistrationNr": second})
    with pytest.raises(InvalidEnterpriseNumber) as caught:
        candidates.resolve()
    with pytest.raises(InvalidEnterpriseNumber) as alone:
        EnterpriseNumber.parse(first)
    assert caught.value.code == alone.value.code
    assert caught.value.value == first


@given(_BLANKS, _BLANKS)
def test_all_blank_is_missing(first: object, second: object) -> None:
    result = validate(_record(EnterpriseNumberCandidates({"VATNr": first, "Reg": second})))
    assert isinstance(result, InvalidRecord)
    assert result.codes == ("enterprise_number.missing",)


@given(enterprise_numbers())
def test_a_plain_value_still_validates_as_before(number: EnterpriseNumber) -> None:
    record = RawRecord(fields={"enterprise_number": number.vat, "name": "Acme"}, ref=_REF)
    result = validate(record)
    assert isinstance(result, ValidRecord)
    assert result.company.enterprise_number == number
