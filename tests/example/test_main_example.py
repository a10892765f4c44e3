"""``python -m govlink`` reconciles the bundled example and prints every category."""

import subprocess
import sys

from govlink import _example, reconcile
from govlink.__main__ import render


def test_the_example_fills_every_category() -> None:
    diff = reconcile(_example.SOURCE, _example.PLATFORM, known_colleagues=_example.KNOWN_COLLEAGUES)
    assert diff.only_in_source
    assert diff.only_in_platform
    assert diff.changed
    assert any(m.unchanged for m in diff.matching)
    assert {p.code for r in diff.invalid for p in r.problems} >= {
        "enterprise_number.duplicate",
        "enterprise_number.checksum",
        "enterprise_number.establishment_unit",
        "email.invalid",
    }
    assert {w.code for w in diff.warnings} == {"responsible.missing", "responsible.unknown"}


def test_python_m_govlink_prints_the_overview() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "govlink"], capture_output=True, text=True, check=True, timeout=60
    )
    out = done.stdout
    assert done.stderr == ""
    assert "Import from klanten.xlsx: 9 rows" in out
    assert "only in the import:   2" in out
    assert "only on the platform: 1" in out
    assert "matching:             2 (1 changed, 1 unchanged)" in out
    assert "invalid:              5" in out
    assert "0987.654.394  Brouwerij Wouters" in out
    assert "email: garage.lambert@mail.be -> contact@garage-lambert.be (changed)" in out
    assert "klanten.xlsx row 5 (platform: Immo De Smet)" in out
    assert "responsible.unknown" in out


def test_render_marks_added_values_from_an_empty_platform_field() -> None:
    records = [_example.SOURCE[0]]
    platform = [c for c in _example.PLATFORM if c.name == "Bakkerij Janssens"]
    text = render(reconcile(records, platform), source="x.xlsx")
    assert "email: (empty) -> info@bakkerij-janssens.be (added)" in text
