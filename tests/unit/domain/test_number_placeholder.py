"""A VAT field that says "applied for" gets its own reason, in every source."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink.domain import InvalidRecord, NumberCandidates, RawRecord, SourceRef, validate
from govlink.testing.adminpulse import VAT_PLACEHOLDERS

_REF = SourceRef(source="excel", row=3)


def _codes(number: object) -> tuple[str, ...]:
    result = validate(RawRecord(fields={"enterprise_number": number, "name": "Acme"}, ref=_REF))
    assert isinstance(result, InvalidRecord)
    return result.codes


@pytest.mark.parametrize(
    "text",
    [*VAT_PLACEHOLDERS, "BTW-NUMMER IN AANVRAAG", "aangevraagd", "TVA demandée", "En Cours"],
)
def test_placeholders_get_their_own_reason(text: str) -> None:
    assert _codes(text) == ("enterprise_number.placeholder",)


@pytest.mark.parametrize("text", ["BTW BE0417497106", "in aanvraag sinds 2024", "Acme", ""])
def test_other_text_keeps_its_number_reason(text: str) -> None:
    assert "enterprise_number.placeholder" not in _codes(text)


def test_a_placeholder_among_candidates_is_the_reason_when_nothing_is_valid() -> None:
    both = NumberCandidates({"vatNumber": "BTW-nummer in aanvraag", "companyNumber": None})
    assert _codes(both) == ("enterprise_number.placeholder",)
    result = validate(
        RawRecord(
            fields={
                "enterprise_number": NumberCandidates(
                    {"vatNumber": "in aanvraag", "enterpriseNumber": "0403.019.261"}
                ),
                "name": "Acme",
            },
            ref=_REF,
        )
    )
    assert not isinstance(result, InvalidRecord)


def test_the_message_names_the_field() -> None:
    record = RawRecord(
        fields={"enterprise_number": NumberCandidates({"VATNr": "en cours"}), "name": "A"},
        ref=_REF,
    )
    result = validate(record)
    assert isinstance(result, InvalidRecord)
    assert result.problems[0].message.startswith("VATNr: 'en cours' is a placeholder")


@given(st.text())
def test_a_value_with_a_digit_is_never_a_placeholder(text: str) -> None:
    assert "enterprise_number.placeholder" not in _codes("in aanvraag " + text + "7")
