"""The candidate-tuple convention for sources with several enterprise-number fields."""

from hypothesis import assume, given
from hypothesis import strategies as st

from govlink import InvalidRecord, RawRecord, SourceRef, ValidRecord, validate
from govlink.testing.strategies import enterprise_numbers, number_spellings

REF = SourceRef(source="crm", record_id="1")


def _check(candidates: tuple[object, ...]) -> ValidRecord | InvalidRecord:
    return validate(RawRecord(fields={"enterprise_number": candidates, "name": "Acme"}, ref=REF))


@given(st.data())
def test_agreeing_candidates_give_the_number(data: st.DataObject) -> None:
    number = data.draw(enterprise_numbers())
    pairs = data.draw(st.lists(number_spellings(numbers=st.just(number)), min_size=1, max_size=3))
    spellings = [spelling for _, spelling in pairs]
    assume(all(isinstance(_check((s,)), ValidRecord) for s in spellings))
    result = _check((None, *spellings, ""))
    assert isinstance(result, ValidRecord)
    assert result.company.enterprise_number == number


@given(enterprise_numbers(), enterprise_numbers())
def test_two_different_valid_numbers_conflict(first: object, second: object) -> None:
    result = _check((str(first), str(second)))
    if first == second:
        assert isinstance(result, ValidRecord)
    else:
        assert isinstance(result, InvalidRecord)
        assert result.codes == ("enterprise_number.conflict",)


def test_an_invalid_candidate_yields_to_a_valid_one() -> None:
    result = _check(("junk", "0403.019.261"))
    assert isinstance(result, ValidRecord)
    assert result.company.enterprise_number.compact == "0403019261"


def test_no_valid_candidate_reports_the_first_problem_and_blank_is_missing() -> None:
    invalid = _check(("0417497107", "junk"))
    assert isinstance(invalid, InvalidRecord)
    assert invalid.codes == ("enterprise_number.checksum",)
    missing = _check(("", None))
    assert isinstance(missing, InvalidRecord)
    assert missing.codes == ("enterprise_number.missing",)
