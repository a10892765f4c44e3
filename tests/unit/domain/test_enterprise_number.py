"""EnterpriseNumber against every public vector of shared/specs/enterprise-number.md."""

import copy
import pickle
from decimal import Decimal

import pytest
from stdnum.be import vat

from govlink import DomainError, EnterpriseNumber, GovlinkError, InvalidEnterpriseNumber
from govlink.domain import ReasonCode, is_valid


class R:
    """The enterprise-number reason codes, by their short names."""

    MISSING = ReasonCode.ENTERPRISE_NUMBER_MISSING
    FORMAT = ReasonCode.ENTERPRISE_NUMBER_FORMAT
    LENGTH = ReasonCode.ENTERPRISE_NUMBER_LENGTH
    CHECKSUM = ReasonCode.ENTERPRISE_NUMBER_CHECKSUM
    ESTABLISHMENT_UNIT = ReasonCode.ENTERPRISE_NUMBER_ESTABLISHMENT_UNIT


# §2: notations seen in the wild, all meaning 0417.497.106.
NOTATIONS = [
    "0417.497.106",
    "0417497106",
    "BE0417.497.106",
    "BE 0417 497 106",
    "be0417497106",
    "BE-0417497106",
    "0417/497/106",
    "BE (0)417.497.106",
    "417.497.106",
    "BE 417497106",
    "BE\u00a00417497106",
    "０４１７４９７１０６",
    "0417\u2013497\u2013106",
    "0417\u2014497\u2014106",
    " 0417.497.106 ",
    "Be 0417.497.106",
    # Excel and pandas damage
    417497106,
    417497106.0,
    "417497106.0",
    "0417497106.0",
    "4.17497106E+08",
    "4.17497106e8",
    Decimal("417497106"),
    Decimal("417497106.000"),
]


@pytest.mark.parametrize("raw", NOTATIONS, ids=repr)
def test_every_notation_gives_the_canonical_number(raw: object) -> None:
    number = EnterpriseNumber.parse(raw)
    assert number.compact == "0417497106"
    assert number.formatted == "0417.497.106"
    assert number.vat == "BE0417497106"
    assert str(number) == "0417497106"


# §2 invalid notations and §4 quirks, with the code govlink gives.
REJECTED = [
    ("BTW BE0417497106", R.FORMAT),
    ("TVA BE0417497106", R.FORMAT),
    ("RPR Brussel 0417.497.106", R.FORMAT),
    ("BE BE 0417497106", R.FORMAT),
    ("0417,497,106", R.FORMAT),
    ("BE:0417497106", R.FORMAT),
    ("0417_497_106", R.FORMAT),
    ("0417\t497\t106", R.FORMAT),
    ("41749710", R.LENGTH),
    ("4.17E+08", R.FORMAT),
    ("4.174971E+08", R.FORMAT),
    ("BE 0403,019,261", R.FORMAT),
    ("0403019261.5", R.LENGTH),
    ("40301926", R.LENGTH),
    ("04030192610", R.LENGTH),
    ("0", R.FORMAT),
    ("0000000000", R.FORMAT),
    ("1000000000", R.CHECKSUM),
    ("0417.497.107", R.CHECKSUM),
    ("9000000092", R.FORMAT),
    # python-stdnum accepts these two; the KBO never issues them.
    ("0428759400", R.CHECKSUM),
    ("0000000097", R.CHECKSUM),
    # establishment units (§6): a valid unit, but not an enterprise number
    ("2.147.812.701", R.ESTABLISHMENT_UNIT),
    ("2.147.812.897", R.ESTABLISHMENT_UNIT),
    ("2147812701", R.ESTABLISHMENT_UNIT),
    ("2000021323", R.ESTABLISHMENT_UNIT),
    ("2.147.812.702", R.CHECKSUM),
    # blanks
    (None, R.MISSING),
    ("", R.MISSING),
    ("   ", R.MISSING),
    ("\u00a0", R.MISSING),
    # wrong types
    (True, R.FORMAT),
    (1.5, R.FORMAT),
    (float("nan"), R.FORMAT),
    (float("inf"), R.FORMAT),
    (-417497106, R.FORMAT),
    (Decimal("sNaN"), R.FORMAT),
    (Decimal("417497106.5"), R.FORMAT),
    (b"0417497106", R.FORMAT),
    (["0417497106"], R.FORMAT),
    (10**5000, R.LENGTH),
    (Decimal("1e5000"), R.LENGTH),
]


def _id(value: object) -> str:
    return f"int-{value.bit_length()}-bits" if isinstance(value, int) else repr(value)[:40]


@pytest.mark.parametrize(("raw", "code"), REJECTED, ids=_id)
def test_rejected_values_carry_a_stable_code(raw: object, code: ReasonCode) -> None:
    with pytest.raises(InvalidEnterpriseNumber) as caught:
        EnterpriseNumber.parse(raw)
    assert caught.value.code == code
    assert caught.value.value is raw
    assert "\n" not in str(caught.value)
    assert len(str(caught.value)) < 200
    assert not is_valid(raw)


def test_the_error_is_a_value_error_and_a_govlink_error() -> None:
    for parent in (ValueError, DomainError, GovlinkError):
        with pytest.raises(parent) as caught:  # what a caller catches
            EnterpriseNumber.parse("0417.497.107")
        assert type(caught.value) is InvalidEnterpriseNumber
    assert str(caught.value) == (
        "'0417.497.107' is not a valid enterprise number: the check digits do not match"
    )


def test_precision_loss_is_explained() -> None:
    with pytest.raises(InvalidEnterpriseNumber, match="precision lost"):
        EnterpriseNumber.parse("4.17E+08")


def test_establishment_unit_message_says_what_it_is() -> None:
    with pytest.raises(InvalidEnterpriseNumber, match="establishment unit number"):
        EnterpriseNumber.parse("2.147.812.701")


# §6: KBO Open Data vectors (real numbers and names).
KBO = [
    "0417.497.106",
    "0404.616.494",
    "0877.248.501",
    "0451.406.524",
    "0401.277.914",
    "0818.292.196",
    "0426.184.049",
    "0400.378.485",
    "0403.448.140",
    "0476.388.378",
    "0466.460.429",
    "0407.040.209",
    "0403.227.515",
]


@pytest.mark.parametrize("formatted", KBO)
def test_kbo_open_data_vectors(formatted: str) -> None:
    number = EnterpriseNumber.parse(formatted)
    assert number.formatted == formatted
    assert EnterpriseNumber.parse(number.vat) == number
    assert vat.is_valid(formatted)


@pytest.mark.parametrize("compact", ["1000000021", "1234567894", "1999999943"])
def test_synthetic_one_series_vectors(compact: str) -> None:
    number = EnterpriseNumber.parse(compact)
    assert number.compact == compact
    assert number.formatted == f"{compact[:4]}.{compact[4:7]}.{compact[7:]}"
    assert EnterpriseNumber.parse(int(compact)) == number
    assert EnterpriseNumber.parse(float(compact)) == number


# §5: python-stdnum's own vectors.
STDNUM_VALID = {
    "BE403019261": "0403019261",
    "(0)403019261": "0403019261",
    "BE 428759497": "0428759497",
    "BE0403.019.261": "0403019261",
    " be 0403.019.261 ": "0403019261",
    "BE-0403019261": "0403019261",
    "0403/019/261": "0403019261",
    "B E 0403019261": "0403019261",
    "403019261": "0403019261",
    "BE(0)403019261": "0403019261",
    "403019261.0": "0403019261",
    "0403019261.0": "0403019261",
    "4.03019261E+08": "0403019261",
}

EU_VAT_VALID = [
    "BE (0)468.561.072",
    "BE 0202.239.951",
    "BE 0220.764.971",
    "BE 0248.015.142",
    "BE 0402 918 402",
    "BE 0407.139.583",
    "BE 0408 299 922",
    "BE 0441.928.931",
    "BE 0450 118 996",
    "BE 0462423150",
    "BE 0474 621 394",
    "BE 0795 013 186",
    "BE 0897290877",
    "BE 444.503.092",
    "BE 456.973.433",
    "BE 464 401 356",
    "BE0428759497",
    "BE413562567",
    "BE697449992",
]

STDNUM_INVALID = [
    ("BE431150351", R.CHECKSUM),
    ("BE0000000000", R.FORMAT),
    ("BE000000000", R.FORMAT),
    ("000000", R.FORMAT),
    ("BE2000021323", R.ESTABLISHMENT_UNIT),
    ("BE 0406.139.583", R.CHECKSUM),
    ("BE 0793 013 186", R.CHECKSUM),
    ("BE 456.973.432", R.CHECKSUM),
    ("BE697449982", R.CHECKSUM),
    ("BE 02A2.239.951", R.FORMAT),
    ("BE 0220,764.971", R.FORMAT),
    ("BE BE 0220764971", R.FORMAT),
]


@pytest.mark.parametrize(("raw", "compact"), STDNUM_VALID.items())
def test_stdnum_docstring_and_table_vectors(raw: str, compact: str) -> None:
    assert EnterpriseNumber.parse(raw).compact == compact


@pytest.mark.parametrize("raw", EU_VAT_VALID)
def test_stdnum_eu_vat_valid_vectors(raw: str) -> None:
    number = EnterpriseNumber.parse(raw)
    assert number.compact == vat.compact(raw)


@pytest.mark.parametrize(("raw", "code"), STDNUM_INVALID)
def test_stdnum_invalid_vectors(raw: str, code: ReasonCode) -> None:
    with pytest.raises(InvalidEnterpriseNumber) as caught:
        EnterpriseNumber.parse(raw)
    assert caught.value.code == code


def test_values_hash_and_compare_by_digits() -> None:
    a = EnterpriseNumber.parse("BE 0417.497.106")
    b = EnterpriseNumber.parse(417497106)
    c = EnterpriseNumber.parse("0404.616.494")
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b, c}) == 2
    assert a != c
    assert c < a
    assert a > c
    assert a >= b
    assert a <= b
    assert sorted([a, c]) == [c, a]
    assert a != "0417497106"
    assert repr(a) == "EnterpriseNumber('0417497106')"


def test_ordering_against_other_types_is_a_type_error() -> None:
    number = EnterpriseNumber.parse("0417497106")
    with pytest.raises(TypeError):
        _ = number < "0417497106"  # type: ignore[operator]


def test_values_are_immutable_and_survive_pickle_and_copy() -> None:
    number = EnterpriseNumber.parse("0417497106")
    with pytest.raises(AttributeError):
        number.compact = "0404616494"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del number.compact
    with pytest.raises(AttributeError):
        number.other = 1  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(number)) == number
    assert copy.deepcopy(number) == number


def test_constructor_parses_like_parse() -> None:
    assert EnterpriseNumber("BE0417497106") == EnterpriseNumber.parse("0417.497.106")


def test_from_trusted_wraps_stored_digits() -> None:
    assert EnterpriseNumber.from_trusted("0417497106") == EnterpriseNumber.parse("0417497106")


@pytest.mark.parametrize("formatted", KBO)
def test_parse_of_each_form_round_trips(formatted: str) -> None:
    number = EnterpriseNumber.parse(formatted)
    for form in (number.compact, number.formatted, number.vat, str(number)):
        assert EnterpriseNumber.parse(form) == number
