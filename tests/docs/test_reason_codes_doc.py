"""docs/reason-codes.md documents every reason and warning code."""

from pathlib import Path

import pytest

from govlink import ReasonCode, WarningCode
from govlink.domain import ENTERPRISE_NUMBER_REASONS

PAGE = Path(__file__).parents[2] / "docs" / "reason-codes.md"
CODES = sorted({*ReasonCode, *WarningCode})


@pytest.mark.parametrize("code", CODES)
def test_code_is_documented(code: str) -> None:
    assert f"`{code}`" in PAGE.read_text(encoding="utf-8")


def test_enterprise_number_reasons_are_the_enterprise_number_codes() -> None:
    assert {str(r) for r in ENTERPRISE_NUMBER_REASONS} == {
        "enterprise_number.missing",
        "enterprise_number.format",
        "enterprise_number.length",
        "enterprise_number.checksum",
        "enterprise_number.establishment_unit",
        "enterprise_number.placeholder",
    }
