"""Properties of EnterpriseNumber: round trips, agreement with python-stdnum, junk never escapes."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.be import vat

from govlink import EnterpriseNumber, InvalidEnterpriseNumber, RawRecord, SourceRef, validate
from govlink.domain import COMPANY_FIELDS, InvalidRecord, ValidRecord, is_valid
from govlink.testing.strategies import enterprise_numbers, number_spellings


@given(number_spellings())
def test_every_spelling_parses_to_its_number(pair: tuple[EnterpriseNumber, object]) -> None:
    number, spelling = pair
    assert EnterpriseNumber.parse(spelling) == number


@given(enterprise_numbers())
def test_parse_of_format_is_identity(number: EnterpriseNumber) -> None:
    for form in (number.formatted, number.compact, number.vat, str(number)):
        assert EnterpriseNumber.parse(form) == number
    assert number.formatted.replace(".", "") == number.compact
    assert number.vat == "BE" + number.compact
    assert vat.is_valid(number.compact)


JUNK = st.one_of(
    st.from_type(object),
    st.text(),
    st.text(alphabet="0123456789 .-/()BEbe\u00a0\u2013,:_E+"),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.binary(),
    st.none(),
    st.booleans(),
    st.lists(st.integers()),
)


def _outcome(raw: object) -> EnterpriseNumber | InvalidEnterpriseNumber:
    try:
        return EnterpriseNumber.parse(raw)
    except InvalidEnterpriseNumber as error:
        return error


@given(JUNK)
def test_junk_raises_only_the_typed_error(raw: object) -> None:
    outcome = _outcome(raw)  # anything but InvalidEnterpriseNumber propagates and fails
    if isinstance(outcome, InvalidEnterpriseNumber):
        assert outcome.code.startswith("enterprise_number.")
        assert "\n" not in str(outcome)
        assert not is_valid(raw)
    else:
        assert len(outcome.compact) == 10
        assert is_valid(raw)


@given(st.text(alphabet="0123456789 .-/()BE", max_size=16))
def test_agrees_with_stdnum_apart_from_the_documented_quirks(text: str) -> None:
    try:
        stdnum_digits = vat.validate(text)
    except Exception:
        stdnum_digits = None
    outcome = _outcome(text)
    ours = outcome.compact if isinstance(outcome, EnterpriseNumber) else None
    if stdnum_digits is not None and stdnum_digits[8:] != "00" and stdnum_digits[:8] != "0" * 8:
        assert ours == stdnum_digits
    elif ours is not None:
        # only spreadsheet damage stdnum does not undo is ours alone
        assert "E" in text.upper() or text.strip().endswith("0")


@given(st.integers(min_value=1, max_value=199_999_999))
def test_integers_and_floats_agree(value: int) -> None:
    outcomes = {
        str(o) if isinstance(o, EnterpriseNumber) else o.code
        for o in map(_outcome, (value, float(value), Decimal(value), str(value), f"{value}.0"))
    }
    assert len(outcomes) == 1


@pytest.mark.slow
@given(st.dictionaries(st.sampled_from([*COMPANY_FIELDS, "extra"]), JUNK))
def test_validation_never_raises_on_junk(fields: dict[str, object]) -> None:
    result = validate(RawRecord(fields=fields, ref=SourceRef(source="fuzz")))
    assert isinstance(result, ValidRecord | InvalidRecord)
    if isinstance(result, InvalidRecord):
        assert result.problems
        assert all("\n" not in p.message for p in result.problems)
