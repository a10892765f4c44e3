"""Header matching ignores case, accents, punctuation and spacing; aliases never collide."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from govlink.connectors.excel.headers import ALIASES, TEMPLATE_HEADERS, field_for, header_key
from govlink.domain.company import COMPANY_FIELDS

LABELS = [(field, label) for field, labels in ALIASES.items() for label in (field, *labels)]


def test_every_alias_names_a_company_field_and_no_key_is_shared() -> None:
    assert set(ALIASES) == set(COMPANY_FIELDS)
    fields_by_key: dict[str, set[str]] = {}
    for field, label in LABELS:
        fields_by_key.setdefault(header_key(label), set()).add(field)
    assert all(len(fields) == 1 for fields in fields_by_key.values())
    assert all(field_for(label) == field for field, label in LABELS)


def test_template_headers_are_aliases() -> None:
    for headers in TEMPLATE_HEADERS.values():
        assert list(headers) == list(TEMPLATE_HEADERS["nl"])
        assert all(field_for(label) == field for field, label in headers.items())


def test_the_issue_aliases() -> None:
    assert {
        label: field_for(label)
        for label in ("KBO", "BCE", "N° TVA", "VAT number", "Dénomination", "Courriel", "Stad")
    } == {
        "KBO": "enterprise_number",
        "BCE": "enterprise_number",
        "N° TVA": "enterprise_number",
        "VAT number": "enterprise_number",
        "Dénomination": "name",
        "Courriel": "email",
        "Stad": "city",
    }


@st.composite
def _spellings(draw: st.DrawFn) -> tuple[str, str]:
    field, label = draw(st.sampled_from(LABELS))
    noise = st.sampled_from([" ", "  ", "-", "_", ".", ":", "*", "\u00a0", "/"])
    out = [draw(noise) if draw(st.booleans()) else ""]
    for char in label:
        out.append(char.upper() if draw(st.booleans()) else char.lower())
        if draw(st.integers(0, 5)) == 0:
            out.append(draw(noise))
    spelled = "".join(out)
    if draw(st.booleans()):
        spelled = unicodedata.normalize("NFD", spelled)
    return field, spelled


@given(_spellings())
def test_spelling_variants_match(case: tuple[str, str]) -> None:
    field, spelled = case
    assert field_for(spelled) == field


@given(st.text(max_size=30))
@example("🄐")  # a compatibility form that decomposes to a capital letter
def test_header_key_never_raises_and_is_idempotent(text: str) -> None:
    key = header_key(text)
    assert header_key(key) == key


def test_the_headers_accountants_type() -> None:
    assert {
        label: field_for(label)
        for label in ("N° d'entreprise", "Ondernemingsnr.", "BTW-nr", "GSM", "Raison sociale")
    } == {
        "N° d'entreprise": "enterprise_number",
        "Ondernemingsnr.": "enterprise_number",
        "BTW-nr": "enterprise_number",
        "GSM": "phone",
        "Raison sociale": "name",
    }


def test_the_docs_table_is_the_alias_list() -> None:
    page = (Path(__file__).resolve().parents[3] / "docs" / "excel.md").read_text("utf-8")
    section = page.split("## Accepted headers")[1].split("\n## ")[0]
    documented = dict(re.findall(r"^\| (\w+) \| (.+) \|$", section, re.M))
    documented.pop("field")
    assert documented == {field: ", ".join(labels) for field, labels in ALIASES.items()}
