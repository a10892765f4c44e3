"""The public hypothesis strategies give what they promise; the entry point registers types."""

from importlib.metadata import entry_points

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from govlink import Company, EnterpriseNumber, InvalidEnterpriseNumber, validate
from govlink.domain import ENTERPRISE_NUMBER_REASONS, ReasonCode, ValidRecord
from govlink.testing.strategies import (
    ImportScenario,
    companies,
    enterprise_numbers,
    import_scenarios,
    invalid_enterprise_numbers,
    number_spellings,
    raw_records,
)


@pytest.mark.parametrize("reason", ENTERPRISE_NUMBER_REASONS)
@given(data=st.data())
def test_invalid_numbers_fail_with_the_asked_reason(
    reason: ReasonCode, data: st.DataObject
) -> None:
    raw = data.draw(invalid_enterprise_numbers(reason=reason))
    with pytest.raises(InvalidEnterpriseNumber) as caught:
        EnterpriseNumber.parse(raw)
    assert caught.value.code == reason


@given(invalid_enterprise_numbers())
def test_invalid_numbers_never_parse(raw: object) -> None:
    with pytest.raises(InvalidEnterpriseNumber):
        EnterpriseNumber.parse(raw)


def test_an_unknown_reason_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown reason"):
        invalid_enterprise_numbers(reason="enterprise_number.nope")


@given(enterprise_numbers(series=("1",)))
def test_one_series(number: EnterpriseNumber) -> None:
    assert number.compact[0] == "1"


@given(enterprise_numbers(series=("0",)))
def test_zero_series(number: EnterpriseNumber) -> None:
    assert number.compact[0] == "0"


def test_both_series_are_drawn() -> None:
    find(enterprise_numbers(), lambda n: n.compact[0] == "1")
    find(enterprise_numbers(), lambda n: n.compact[0] == "0")


@pytest.mark.parametrize("series", [(), ("2",), ("0", "9")])
def test_bad_series_are_refused(series: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="series"):
        enterprise_numbers(series=series)


def test_factories_take_strategies_not_values() -> None:
    number = EnterpriseNumber.parse("0417497106")
    with pytest.raises(TypeError, match=r"st\.just"):
        companies(numbers=number).example()  # type: ignore[arg-type]


@given(number_spellings(numbers=st.just(EnterpriseNumber.parse("0417497106"))))
def test_spellings_of_a_given_number(pair: tuple[EnterpriseNumber, object]) -> None:
    number, spelling = pair
    assert number.compact == "0417497106"
    assert EnterpriseNumber.parse(spelling) == number


@pytest.mark.slow
@given(raw_records())
def test_raw_records_validate_to_their_company(record: object) -> None:
    result = validate(record)  # type: ignore[arg-type]
    assert isinstance(result, ValidRecord)


@given(st.from_type(EnterpriseNumber))
def test_from_type_enterprise_number_uses_the_entry_point(number: EnterpriseNumber) -> None:
    assert EnterpriseNumber.parse(number.formatted) == number


@given(st.from_type(Company))
def test_from_type_company(company: Company) -> None:
    assert isinstance(company.enterprise_number, EnterpriseNumber)
    assert company.name


@given(st.builds(Company))
def test_builds_company_gets_valid_numbers(company: Company) -> None:
    assert EnterpriseNumber.parse(company.enterprise_number.compact) == company.enterprise_number


def test_the_hypothesis_entry_point_is_declared() -> None:
    (point,) = [p for p in entry_points(group="hypothesis") if p.name == "govlink"]
    assert point.value == "govlink.testing._hypothesis:setup_hook"


@pytest.mark.slow
def test_scenarios_cover_every_category() -> None:
    seen: set[str] = set()

    @settings(max_examples=60, phases=[Phase.generate], database=None)
    @given(import_scenarios())
    def collect(scenario: ImportScenario) -> None:
        for name in ("new", "shared", "platform_only", "invalid_rows", "referenced"):
            if getattr(scenario, name):
                seen.add(name)

    collect()
    assert seen == {"new", "shared", "platform_only", "invalid_rows", "referenced"}


@given(import_scenarios(max_size=8))
@pytest.mark.slow
def test_scenario_rows_are_unique(scenario: ImportScenario) -> None:
    rows = [r.ref.row for r in scenario.records]
    assert len(rows) == len(set(rows))
