"""Public hypothesis strategies for govlink values.

Hypothesis must be installed (``pip install 'govlink[testing]'``). Every factory takes keyword
arguments only. Installing govlink also registers :class:`~govlink.EnterpriseNumber` and
:class:`~govlink.Company` for ``st.from_type`` / ``st.builds`` through the ``hypothesis``
entry point (set ``HYPOTHESIS_NO_PLUGINS=1`` to turn that off).

>>> from hypothesis import given
>>> @given(enterprise_numbers())
... def test_round_trip(number):
...     assert EnterpriseNumber.parse(number.formatted) == number
>>> test_round_trip()
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.reasons import ReasonCode
from govlink.domain.records import RawRecord, SourceRef

__all__ = [
    "ImportScenario",
    "companies",
    "enterprise_numbers",
    "import_scenarios",
    "invalid_enterprise_numbers",
    "number_spellings",
    "raw_records",
]

# Readable alphabets keep shrunk failures legible.
_NAME_ALPHABET = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz &'.-éèàç")
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10)


def _with_check_digits(first8: int) -> str:
    return f"{first8:08d}{97 - first8 % 97:02d}"


@st.composite
def _numbers(draw: st.DrawFn, series: Sequence[str]) -> EnterpriseNumber:
    lead = draw(st.sampled_from(series))
    rest = draw(st.integers(min_value=0 if lead == "1" else 1, max_value=9_999_999))
    return EnterpriseNumber.from_trusted(_with_check_digits(int(lead) * 10_000_000 + rest))


def enterprise_numbers(
    *, series: Sequence[str] = ("0", "1")
) -> st.SearchStrategy[EnterpriseNumber]:
    """Valid enterprise numbers of the given series (first digit ``"0"`` and/or ``"1"``)."""
    if not series or set(series) - {"0", "1"}:
        raise ValueError("series must be a non-empty selection of '0' and '1'")
    return _numbers(tuple(series))


def _strategy_or_default(
    numbers: st.SearchStrategy[EnterpriseNumber] | None,
) -> st.SearchStrategy[EnterpriseNumber]:
    if numbers is None:
        return enterprise_numbers()
    if not isinstance(numbers, st.SearchStrategy):
        raise TypeError("numbers must be a strategy; wrap a value in st.just()")
    return numbers


_SEPARATED = ("{d4}.{d3}.{d3b}", "{d4} {d3} {d3b}", "{d4}/{d3}/{d3b}", "{d4}-{d3}-{d3b}")
_PREFIXES = ("", "BE", "BE ", "be", "Be ", "BE-", "BE\u00a0")


@st.composite
def number_spellings(
    draw: st.DrawFn, *, numbers: st.SearchStrategy[EnterpriseNumber] | None = None
) -> tuple[EnterpriseNumber, object]:
    """Pairs ``(number, spelling)``: a valid number and one messy way it appears in the wild.

    Spellings include VAT prefixes, dots, spaces, slashes, dashes (also Unicode), NBSP, ``(0)``,
    the legacy 9-digit form, full-width digits, and the ints, floats, ``"…1.0"`` and scientific
    (``"4.17497106E+08"``) strings of spreadsheets.
    """
    number = draw(_strategy_or_default(numbers))
    d = number.compact
    groups = {"d4": d[:4], "d3": d[4:7], "d3b": d[7:]}
    kinds: list[object] = [
        d,
        draw(st.sampled_from(_SEPARATED)).format(**groups),
        draw(st.sampled_from(_PREFIXES)) + draw(st.sampled_from((d, number.formatted))),
        f" {d} ",
        "".join(chr(ord(c) + 0xFEE0) for c in d),
        f"{d[:4]}\u2013{d[4:7]}\u2013{d[7:]}",
        f"{d[:4]}\u00a0{d[4:7]}\u00a0{d[7:]}",
    ]
    if d[0] == "0":
        short = d[1:]
        kinds += [
            short,
            "BE " + short,
            "(0)" + short,
            "BE (0)" + f"{short[:3]}.{short[3:6]}.{short[6:]}",
            f"{short}.0",
        ]
        if short[0] != "0":  # a number cell keeps 9 digits only when the second digit is not 0
            kinds += [int(short), float(int(short)), f"{short[0]}.{short[1:]}E+08"]
    else:
        kinds += [int(d), float(int(d)), f"{d}.0", f"{d[0]}.{d[1:]}E+09"]
    return number, draw(st.sampled_from(kinds))


def _bad_checksum(number: EnterpriseNumber) -> str:
    d = number.compact
    check = (int(d[8:]) % 97) + 1
    return d[:8] + f"{check:02d}"


@st.composite
def _establishment_units(draw: st.DrawFn) -> str:
    first8 = draw(st.integers(min_value=20_000_000, max_value=89_999_999))
    return _with_check_digits(first8)


def invalid_enterprise_numbers(
    *, reason: ReasonCode | str | None = None
) -> st.SearchStrategy[object]:
    """Values that are not enterprise numbers, for one reason code or any of them."""
    numbers = enterprise_numbers()
    by_reason: dict[str, st.SearchStrategy[object]] = {
        ReasonCode.ENTERPRISE_NUMBER_MISSING: st.sampled_from([None, "", "   ", "\u00a0"]),
        ReasonCode.ENTERPRISE_NUMBER_FORMAT: st.one_of(
            numbers.map(lambda n: "BTW " + n.vat),
            numbers.map(lambda n: "BE BE " + n.compact),
            numbers.map(lambda n: n.formatted.replace(".", ",")),
            numbers.map(lambda n: n.compact[:4] + "_" + n.compact[4:]),
            st.integers(min_value=90_000_000, max_value=99_999_999).map(_with_check_digits),
            st.sampled_from(
                [
                    "abc",
                    "BE:0403019261",
                    "0417,497,106",
                    "0417\t497\t106",
                    "RPR Brussel 0417.497.106",
                    "4.17E+08",
                    True,
                    1.5,
                    -403019261,
                    b"0417497106",
                    ["0417497106"],
                ]
            ),
        ),
        ReasonCode.ENTERPRISE_NUMBER_LENGTH: st.one_of(
            numbers.map(lambda n: n.compact[:8]),
            numbers.map(lambda n: n.compact + "1"),
            st.just("04030192610"),
        ),
        ReasonCode.ENTERPRISE_NUMBER_CHECKSUM: st.one_of(
            numbers.map(_bad_checksum), st.sampled_from(["0428759400", "0000000097", "1000000000"])
        ),
        ReasonCode.ENTERPRISE_NUMBER_ESTABLISHMENT_UNIT: _establishment_units(),
        ReasonCode.ENTERPRISE_NUMBER_PLACEHOLDER: st.sampled_from(
            [
                "BTW-nummer in aanvraag",
                "btw nr. in aanvraag",
                "Ondernemingsnummer aangevraagd",
                "N° TVA en cours",
                "TVA en cours d'attribution",
                "numéro en demande",
                "VAT number applied for",
                "pending",
            ]
        ),
    }
    if reason is None:
        return st.one_of(*by_reason.values())
    try:
        return by_reason[ReasonCode(reason)]
    except ValueError:
        raise ValueError(f"unknown reason {reason!r}; choose from {sorted(by_reason)}") from None


def _optional(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    return st.none() | strategy


def _email() -> st.SearchStrategy[str]:
    return st.builds(lambda user, host: f"{user}@{host}.be", _WORD, _WORD)


def _company_values() -> dict[str, st.SearchStrategy[Any]]:
    return {
        "name": st.text(_NAME_ALPHABET, min_size=1, max_size=30)
        .map(lambda s: " ".join(s.split()))
        .filter(bool),
        "legal_form": _optional(st.sampled_from(["NV", "BV", "CV", "VZW", "SRL", "SA"])),
        "email": _optional(_email()),
        "language": _optional(st.sampled_from(["nl", "fr", "de", "en"])),
        "street": _optional(_WORD.map(str.title)),
        "house_number": _optional(st.integers(1, 400).map(str)),
        "box": _optional(st.sampled_from(["A", "1", "12"])),
        "postal_code": _optional(st.integers(1000, 9999).map(str)),
        "city": _optional(_WORD.map(str.title)),
        "country_code": _optional(st.sampled_from(["BE", "NL", "FR"])),
        "phone": _optional(st.integers(10_000_000, 99_999_999).map(lambda n: f"+32 {n}")),
        "responsible": _optional(_email()),
        "customer_code": _optional(st.integers(1, 99_999).map(lambda n: f"K{n:05d}")),
    }


def companies(
    *, numbers: st.SearchStrategy[EnterpriseNumber] | None = None
) -> st.SearchStrategy[Company]:
    """Valid companies with normalised values; optional fields are sometimes ``None``."""
    return st.builds(
        Company,
        enterprise_number=_strategy_or_default(numbers),
        **_company_values(),
    )


def _record_of(company: Company, ref: SourceRef, spelling: object) -> RawRecord:
    fields = {name: getattr(company, name) for name in COMPANY_FIELDS}
    fields["enterprise_number"] = spelling
    return RawRecord(fields={k: v for k, v in fields.items() if v is not None}, ref=ref)


@st.composite
def raw_records(draw: st.DrawFn, *, row: int = 2, source: str = "test") -> RawRecord:
    """A raw record of a valid company, its number spelled messily."""
    company = draw(companies())
    _, spelling = draw(number_spellings(numbers=st.just(company.enterprise_number)))
    return _record_of(company, SourceRef(source=source, row=row), spelling)


@attrs.frozen(kw_only=True)
class ImportScenario:
    """A source and a platform with known overlaps, as drawn by :func:`import_scenarios`.

    ``new``, ``shared`` and ``platform_only`` are the numbers that belong in ``only_in_source``,
    ``matching`` and ``only_in_platform``; ``invalid_rows`` the rows that belong in ``invalid``;
    ``referenced`` the platform companies that invalid rows with a valid number would match.
    """

    records: tuple[RawRecord, ...]
    platform: tuple[Company, ...]
    new: frozenset[EnterpriseNumber]
    shared: frozenset[EnterpriseNumber]
    platform_only: frozenset[EnterpriseNumber]
    invalid_rows: frozenset[int]
    referenced: frozenset[EnterpriseNumber] = frozenset()


_ROLES = ("new", "shared", "platform", "duplicate", "flawed")


@st.composite
def import_scenarios(draw: st.DrawFn, *, max_size: int = 20) -> ImportScenario:
    """A source (raw records) and a platform covering every category.

    Each company of a pool is new (source only), shared (both sides; the platform copy may
    differ in any field), platform-only, duplicated (two source rows) or flawed (a source row
    with a valid number and a bad e-mail); duplicated and flawed ones may be on the platform
    too. Further rows carry a bad enterprise number. The source spells numbers messily and comes
    in any order; row numbers start at 2 (below a header row).
    """
    pool = draw(st.lists(companies(), max_size=max_size, unique_by=lambda c: c.enterprise_number))
    roles = [draw(st.sampled_from(_ROLES)) for _ in pool]
    platform: list[Company] = []
    records: list[RawRecord] = []
    invalid_rows: set[int] = set()
    referenced: set[EnterpriseNumber] = set()

    def add_row(company: Company, *, invalid: bool, **changes: object) -> None:
        row = len(records) + 2
        _, spelling = draw(number_spellings(numbers=st.just(company.enterprise_number)))
        record = _record_of(company, SourceRef(source="test", row=row), spelling)
        records.append(attrs.evolve(record, fields={**record.fields, **changes}))
        if invalid:
            invalid_rows.add(row)

    for company, role in zip(pool, roles, strict=True):
        if role == "platform":
            platform.append(company)
        elif role == "shared":
            platform.append(draw(_variant_of(company)))
        elif role in ("duplicate", "flawed") and draw(st.booleans()):
            platform.append(company)
            referenced.add(company.enterprise_number)
        if role in ("new", "shared"):
            add_row(company, invalid=False)
        elif role == "duplicate":
            add_row(company, invalid=True)
            add_row(company, invalid=True)
        elif role == "flawed":
            add_row(company, invalid=True, email="not an e-mail")
    for _ in range(draw(st.integers(0, max(1, max_size // 5)))):
        bad, row = draw(invalid_enterprise_numbers()), len(records) + 2
        ref = SourceRef(source="test", row=row)
        records.append(RawRecord(fields={"enterprise_number": bad, "name": "Broken"}, ref=ref))
        invalid_rows.add(row)
    order = draw(st.permutations(range(len(records))))

    def numbers(role: str) -> frozenset[EnterpriseNumber]:
        return frozenset(c.enterprise_number for c, r in zip(pool, roles, strict=True) if r == role)

    return ImportScenario(
        records=tuple(records[i] for i in order),
        platform=tuple(platform),
        new=numbers("new"),
        shared=numbers("shared"),
        platform_only=numbers("platform"),
        invalid_rows=frozenset(invalid_rows),
        referenced=frozenset(referenced),
    )


@st.composite
def _variant_of(draw: st.DrawFn, company: Company) -> Company:
    """The same company with some fields changed or cleared."""
    values = _company_values()
    changed = draw(st.sets(st.sampled_from(sorted(values))))
    return attrs.evolve(company, **{name: draw(values[name]) for name in changed})
