"""Document checks: each bad document gets a reason; good ones pass; sniffing recognises formats."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink.domain.content_type import Family, declared_family, matches, sniff
from govlink.domain.document_checks import (
    DEFAULT_MAX_SIZE,
    DocumentReason,
    check_document,
    check_file_name,
    resolve_content_type,
)

PDF = b"%PDF-1.7\n1 0 obj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF"
ZIP = b"PK\x03\x04\x14\x00\x06\x00"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"
XML = codecs.BOM_UTF8 + b'  <?xml version="1.0"?><a/>'
TEXT = "Aanslagbiljet vennootschapsbelasting €\n".encode()

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def codes(problems: list) -> list[str]:  # type: ignore[type-arg]
    return [p.code.value for p in problems]


@pytest.mark.parametrize(
    ("head", "family"),
    [
        (PDF, Family.PDF),
        (PNG, Family.PNG),
        (JPEG, Family.JPEG),
        (ZIP, Family.ZIP),
        (b"PK\x05\x06" + b"\x00" * 18, Family.ZIP),
        (OLE, Family.OLE),
        (XML, Family.XML),
        (TEXT, Family.TEXT),
        (b"\x00\x01\x02binary", None),
        (b"\xff\xfe\xfa", None),
        (b"", None),
    ],
)
def test_sniff_recognises_magic_numbers(head: bytes, family: Family | None) -> None:
    assert sniff(head) == family


def test_text_cut_inside_a_multibyte_character_is_still_text() -> None:
    assert sniff("ab€".encode()[:-1]) is Family.TEXT


@pytest.mark.parametrize(
    ("declared", "head"),
    [
        ("application/pdf", PDF),
        ("APPLICATION/PDF; name=x.pdf", PDF),
        ("image/png", PNG),
        ("image/jpeg", JPEG),
        ("application/zip", ZIP),
        (DOCX, ZIP),
        ("application/vnd.oasis.opendocument.text", ZIP),
        ("application/msword", OLE),
        ("application/xml", XML),
        ("application/atom+xml", XML),
        ("text/plain", TEXT),
        ("text/plain", XML),
        ("text/csv", TEXT),
    ],
)
def test_matching_types(declared: str, head: bytes) -> None:
    assert matches(declared, head)


@pytest.mark.parametrize(
    ("declared", "head"),
    [
        ("application/pdf", PNG),
        ("image/png", JPEG),
        (DOCX, PDF),
        ("application/xml", TEXT),
        ("text/plain", PDF),
        ("application/x-unheard-of", PDF),
    ],
)
def test_mismatching_types(declared: str, head: bytes) -> None:
    assert not matches(declared, head)


def test_unknown_declared_type_has_no_family() -> None:
    assert declared_family("application/x-unheard-of") is None


def test_good_document_passes() -> None:
    assert (
        check_document(file_name="aanslag.pdf", content_type="application/pdf", size=1000, head=PDF)
        == []
    )


def test_empty_file_is_rejected() -> None:
    assert codes(
        check_document(file_name="a.pdf", content_type="application/pdf", size=0, head=b"")
    ) == ["document.empty"]


def test_size_limit_is_configurable() -> None:
    assert codes(
        check_document(
            file_name="a.pdf", content_type="application/pdf", size=DEFAULT_MAX_SIZE + 1, head=PDF
        )
    ) == ["document.too_large"]
    assert codes(
        check_document(
            file_name="a.pdf", content_type="application/pdf", size=11, head=PDF, max_size=10
        )
    ) == ["document.too_large"]
    assert (
        check_document(
            file_name="a.pdf", content_type="application/pdf", size=DEFAULT_MAX_SIZE, head=PDF
        )
        == []
    )


def test_mismatch_names_what_the_bytes_are() -> None:
    [problem] = check_document(file_name="a.png", content_type="image/png", size=9, head=PDF)
    assert problem.code is DocumentReason.CONTENT_TYPE_MISMATCH
    assert "PDF" in problem.message


def test_missing_type_is_sniffed_and_unrecognised_bytes_rejected() -> None:
    assert resolve_content_type(None, PDF) == "application/pdf"
    assert resolve_content_type("application/octet-stream", PNG) == "image/png"
    assert resolve_content_type(None, b"\x00\x01") is None
    assert codes(
        check_document(file_name="a.bin", content_type=None, size=2, head=b"\x00\x01")
    ) == ["document.content_type_unknown"]
    assert codes(
        check_document(file_name="a.x", content_type="application/x-unheard-of", size=9, head=PDF)
    ) == ["document.content_type_unknown"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "file_name.missing"),
        ("   ", "file_name.missing"),
        ("../etc/passwd", "file_name.path_separator"),
        ("dir\\a.pdf", "file_name.path_separator"),
        ("a\x00.pdf", "file_name.control_character"),
        ("a\n.pdf", "file_name.control_character"),
        ("a\x85.pdf", "file_name.control_character"),
        ("CON", "file_name.reserved"),
        ("nul.txt", "file_name.reserved"),
        ("Com1.pdf", "file_name.reserved"),
        ("LPT9 .tar.gz", "file_name.reserved"),
        ("..", "file_name.reserved"),
        (".", "file_name.reserved"),
    ],
)
def test_bad_file_names(name: str, reason: str) -> None:
    assert reason in codes(check_file_name(name))


@pytest.mark.parametrize("name", ["aanslag 2025.pdf", "CONSOLE.pdf", "com10.pdf", "é€.txt"])
def test_good_file_names(name: str) -> None:
    assert check_file_name(name) == []


@given(st.binary(max_size=64), st.text(max_size=40), st.integers(0, 2**40))
def test_checks_never_raise(head: bytes, name: str, size: int) -> None:
    for problem in check_document(file_name=name, content_type=None, size=size, head=head):
        assert problem.message


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1))
def test_any_utf8_text_without_controls_is_text(value: str) -> None:
    head = value.encode()
    if all(ch in "\t\n\x0c\r" or (ord(ch) >= 0x20 and ord(ch) != 0x7F) for ch in value):
        assert sniff(head) in {Family.TEXT, Family.XML} or head.startswith((b"%PDF-", b"PK"))
