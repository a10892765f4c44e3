"""Data from any source cannot act on the terminal or break the workbook: control characters
(C0, C1, ESC sequences) and bidi controls are shown escaped in text, written as ``\\uXXXX`` in
JSON, escaped in the overview workbook, and never make ``--report`` fail."""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlink import Company, EnterpriseNumber
from govlink.cli import main
from govlink.cli._json import import_json
from govlink.cli._output import SafeConsole, json_text
from govlink.cli._render import render_companies, render_preview
from govlink.domain.records import RawRecord, SourceRef
from govlink.domain.text_safety import has_unsafe_characters
from govlink.report.overview import write_overview
from govlink.store import SQLiteStore
from govlink.testing.adminpulse import AdminPulseSimulator, generate
from govlink.testing.documents import add_companies
from govlink.workflows.importing import preview_import

HOSTILE: Final = (
    "Evil\x1b]0;pwned\x07 NV",  # set the terminal title
    "Wipe\x1b[2J\x1b[H BV",  # clear the screen
    "Bidi \u202eVN emca\u202c",  # shown reversed
    "Iso\u2066late\u2069 SRL",
    "C1\x9b31m red\x85 BV",  # CSI as one C1 byte, NEL
    "Nul\x00 Del\x7f BV",
)
SGR: Final = re.compile("\x1b\\[[0-9;]*m")  # rich's own colours, on a terminal


def _number(index: int) -> EnterpriseNumber:
    base = 3_000_000 + index * 11
    return EnterpriseNumber.parse(f"{base:08d}{97 - base % 97:02d}")


def _clean(text: str) -> bool:
    """No unsafe character left, bar the newlines of the layout and rich's colour codes."""
    return not has_unsafe_characters(SGR.sub("", text).replace("\n", ""))


def _workbook_is_clean(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8")
            if has_unsafe_characters(text.replace("\n", "").replace("\r", "")):
                return False
    return True


class _Records:
    """A source of the given raw records."""

    name = "hostile"

    def __init__(self, records: Sequence[RawRecord]) -> None:
        self._records = records

    def records(self) -> Iterator[RawRecord]:
        return iter(self._records)

    @property
    def skipped(self) -> Mapping[str, int]:
        return {"status \x1b[31mprospect": 1}

    def known_colleagues(self) -> Collection[str] | None:
        return None


class _Platform:
    def __init__(self, companies: Sequence[Company]) -> None:
        self._companies = list(companies)

    def companies(self) -> list[Company]:
        return self._companies

    def archived(self) -> dict[EnterpriseNumber, datetime]:
        return {}


_TEXT = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from(["\x1b", "\x9b", "\x07", "\u202e", "\u2066", "\x00", "\x7f", "[", "\n"]),
    ),
    max_size=40,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    rows=st.lists(
        st.fixed_dictionaries({"name": _TEXT, "city": _TEXT, "notes": _TEXT}), max_size=6
    ),
    platform_names=st.lists(_TEXT.filter(lambda t: t.strip() != ""), max_size=4),
    terminal=st.booleans(),
)
@pytest.mark.slow
def test_whatever_a_source_gives_printing_and_the_workbook_are_clean(
    rows: list[dict[str, str]], platform_names: list[str], terminal: bool
) -> None:
    records = [
        RawRecord(
            fields={"enterprise_number": _number(i).compact, **fields},
            ref=SourceRef(source="hostile", row=i + 2),
            raw={"Naam\x1b[1m": fields["name"], "Gemeente": fields["city"], "x": fields["notes"]},
        )
        for i, fields in enumerate(rows)
    ]
    platform = [  # stored raw by an older govlink: printed and reported all the same
        Company(enterprise_number=_number(100 + i), name=name, city=name)
        for i, name in enumerate(platform_names)
    ]
    preview = preview_import(_Records(records), _Platform(platform), location="in\x1bmemory")
    out = io.StringIO()
    console = SafeConsole(file=out, width=100, force_terminal=terminal, color_system="standard")
    render_preview(console, preview)
    render_companies(console, platform)
    assert _clean(out.getvalue()), out.getvalue()
    text = json_text(import_json(preview, None, planned=None))
    assert json.loads(text)["source"] == "hostile"
    assert not has_unsafe_characters(text.replace("\n", ""))
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "overview.xlsx"
        write_overview(report, preview.diff, source="hostile\x1b", applied=None)
        assert _workbook_is_clean(report)


@pytest.fixture
def hostile_adminpulse(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """The AdminPulse simulator serving relations with hostile names (and one 40,000-character
    one), the environment pointing ``govlink import adminpulse`` at it."""
    data = generate(len(HOSTILE) + 3, seed=5)
    customers = [r for r in data["relations"] if r["type"] != "person"]
    for relation in customers:
        relation["status"] = "customer"
    for relation, name in zip(customers, HOSTILE, strict=False):
        relation["name"] = name
    customers[len(HOSTILE)]["name"] = "L" * 40_000
    simulator = AdminPulseSimulator(**data, api_keys=("hostile-key",))
    with simulator.serve() as server:
        monkeypatch.setenv("GOVLINK_ADMINPULSE_URL", server.url)
        monkeypatch.setenv("GOVLINK_ADMINPULSE_API_KEY", "hostile-key")
        yield data


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.stderr
    assert _clean(result.stderr)
    return result.stdout


@pytest.mark.slow
def test_hostile_names_from_a_crm_are_invalid_and_shown_escaped(
    hostile_adminpulse: dict[str, Any], tmp_path: Path
) -> None:
    store, report = str(tmp_path / "govlink.db"), tmp_path / "overview.xlsx"
    shown = _run("import", "adminpulse", "--store", store, "--all", "--report", str(report))
    assert _clean(shown)
    assert "Evil\\x1b]0;pwned\\x07 NV" in shown
    assert "Bidi \\u202eVN emca\\u202c" in shown
    assert _workbook_is_clean(report)
    document = json.loads(_run("import", "adminpulse", "--store", store, "--json"))
    codes = [r["reasons"][0]["code"] for r in document["invalid"]]
    assert codes.count("value.control_characters") == len(HOSTILE)
    assert codes.count("value.too_long") == 1
    assert {r["reasons"][0]["value"] for r in document["invalid"]} >= set(HOSTILE)
    _run("import", "adminpulse", "--store", store, "--apply", "--yes")
    with SQLiteStore(Path(store), read_only=True) as opened:
        names = [c.name for c in opened.companies()]
    assert names
    assert not any(has_unsafe_characters(n) or len(n) > 32_767 for n in names)


@pytest.mark.slow
def test_companies_stored_raw_before_are_printed_escaped_and_reported(tmp_path: Path) -> None:
    store = tmp_path / "govlink.db"
    with SQLiteStore(store) as opened:
        add_companies(
            opened,
            *(Company(enterprise_number=_number(i), name=n) for i, n in enumerate(HOSTILE)),
        )
    for args in (("companies", "list", "--all"), ("companies", "list", "--json")):
        assert _clean(_run(*args, "--store", str(store)))
    examples = Path(__file__).resolve().parents[2] / "examples" / "clients.xlsx"
    report = tmp_path / "overview.xlsx"
    _run("import", str(examples), "--store", str(store), "--report", str(report))
    assert _workbook_is_clean(report)
