"""Bad values for a Document raise govlink's typed error (still a ValueError)."""

from datetime import datetime

import attrs
import pytest

from govlink import Document, EnterpriseNumber, GovlinkError, InvalidDocument


def _document(received_at: datetime) -> Document:
    return Document.from_content(
        b"%PDF-1.4 test",
        enterprise_number=EnterpriseNumber.parse("0403019261"),
        kind="other",
        file_name="a.pdf",
        received_at=received_at,
    )


def test_a_naive_received_at_is_a_typed_error() -> None:
    for parent in (GovlinkError, ValueError):
        with pytest.raises(parent) as caught:  # what a caller catches
            _document(datetime(2026, 11, 28, 10))
        assert type(caught.value) is InvalidDocument


def test_a_bad_sha256_is_a_typed_error() -> None:
    good = _document(datetime.fromisoformat("2026-11-28T10:00:00+01:00"))
    with pytest.raises(InvalidDocument, match="sha256"):
        attrs.evolve(good, sha256="not-hex")
