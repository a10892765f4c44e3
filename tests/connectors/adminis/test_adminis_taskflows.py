"""Only the clients of a taskflow; the source's settings and its plugin registration."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from govlink.connectors.adminis import SPEC
from govlink.connectors.adminis.client import AdminisConfig
from govlink.connectors.adminis.settings import SETTINGS
from govlink.connectors.adminis.source import NOT_FOUND, AdminisSource
from govlink.connectors.adminis.taskflows import DateWindow, find_taskflow
from govlink.connectors.http import Secret
from govlink.domain import RawRecord
from govlink.errors import ConfigurationError, SourceError
from govlink.plugins import Registry, SourceOptions
from govlink.testing.adminis import AdminisData, AdminisSimulator, sample_data
from govlink.testing.clock import ScaledClock

Run = Callable[..., tuple[list[RawRecord], dict[str, int], AdminisSimulator]]

_YEAR = date.today().year
_DATA = sample_data(800, seed=12, year=_YEAR)


def _task_customers(data: AdminisData, task: int, years: set[int]) -> set[int]:
    return {r["CustomerId"] for r in data.task_data[task] if int(r["Deadline"][:4]) in years}


Kinds = Callable[[AdminisData], dict[int, str | None]]


def _imported(kinds: Kinds, data: AdminisData, ids: set[int]) -> set[int]:
    return {i for i, kind in kinds(data).items() if i in ids and kind is None}


@pytest.mark.parametrize("template", ["1", "Jaarafsluiting", "  jaarafsluiting "])
def test_the_default_window_is_this_year_and_last(
    run: Run, clock: ScaledClock, api_key: str, template: str, expected_kinds: Kinds
) -> None:
    simulator = AdminisSimulator(_DATA, api_key=api_key, clock=clock)
    records, skipped, simulator = run(simulator, template=template)
    wanted = _task_customers(_DATA, 1, {_YEAR, _YEAR - 1})
    ids = Counter(int(r.ref.record_id) for r in records)
    assert set(ids) == _imported(expected_kinds, _DATA, wanted)
    assert max(ids.values()) == 1
    assert sum(skipped.values()) == len(wanted) - len(ids)
    assert {r["CustomerId"] for r in _DATA.task_data[1]} > wanted  # older deadlines left out
    kinds = expected_kinds(_DATA)
    sole = [i for i in wanted if kinds[i] is None and not _DATA.customers[i - 1000]["IsCompany"]]
    contacts = [i for i in wanted if kinds[i] == "skipped.contact_of_company"]
    assert contacts
    assert skipped["skipped.contact_of_company"] == len(contacts)
    companies = sum(1 for c in _DATA.customers if c["IsCompany"] and c["IsActive"])
    # the chunks, then (a sole proprietor or contact being among them) every active company
    lookup = -(-companies // 500) if sole or contacts else 0
    assert simulator.calls["customers"] == -(-len(wanted) // 100) + lookup


def test_a_custom_window(run: Run, clock: ScaledClock, api_key: str, expected_kinds: Kinds) -> None:
    simulator = AdminisSimulator(_DATA, api_key=api_key, clock=clock)
    window = DateWindow(start=date(_YEAR - 5, 1, 1), end=date(_YEAR - 2, 12, 31))
    records, _, _ = run(simulator, template="Jaarafsluiting", window=window)
    wanted = _task_customers(_DATA, 1, {_YEAR - 4})
    assert {int(r.ref.record_id) for r in records} == _imported(expected_kinds, _DATA, wanted)


def test_an_empty_taskflow_gives_no_records(run: Run, clock: ScaledClock, api_key: str) -> None:
    simulator = AdminisSimulator(_DATA, api_key=api_key, clock=clock)
    records, skipped, _ = run(simulator, template="Personenbelasting 2019")
    assert (records, skipped) == ([], {})


def test_customers_gone_from_the_crm_are_counted(
    run: Run, clock: ScaledClock, api_key: str
) -> None:
    data = sample_data(200, seed=13)
    gone = {r["CustomerId"] for r in data.task_data[2][:3]}
    data.customers = [c for c in data.customers if c["CustomerId"] not in gone]
    simulator = AdminisSimulator(data, api_key=api_key, clock=clock)
    window = DateWindow(start=date(1900, 1, 1), end=date(2999, 12, 31))
    _, skipped, _ = run(simulator, template="2", window=window)
    assert skipped[NOT_FOUND] == 3


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        ("Boekhouding", "no taskflow 'Boekhouding'; the taskflows are 1: A; 2: A; 7: B"),
        ("a", r"several taskflows are named 'a' \(ids 1, 2\); pass the id"),
        ("9", "no taskflow '9'"),
    ],
)
def test_unknown_or_ambiguous_taskflows(wanted: str, message: str) -> None:
    flows = [
        {"TaskId": 1, "TaskName": "A"},
        {"TaskId": 2, "TaskName": "A"},
        {"TaskId": 7, "TaskName": "B"},
    ]
    with pytest.raises(SourceError, match=message):
        find_taskflow(flows, wanted)
    assert find_taskflow(flows, "7")["TaskName"] == "B"
    assert find_taskflow(flows, "b")["TaskId"] == 7


def test_a_window_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(SourceError, match="ends"):
        DateWindow(start=date(2025, 1, 1), end=date(2024, 1, 1))


def test_the_default_window() -> None:
    assert DateWindow.default(today=date(2025, 1, 1)) == DateWindow(
        start=date(2024, 1, 1), end=date(2025, 12, 31)
    )


_ENV = {"GOVLINK_ADMINIS_URL": "crm.firm.be:2100", "GOVLINK_ADMINIS_API_KEY": "k3y"}


def test_settings_configure_the_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVLINK_ADMINIS_URL", "https://ignored.example")
    settings = _ENV | {
        "GOVLINK_ADMINIS_TIMEOUT": "12.5",
        "GOVLINK_ADMINIS_VERIFY_TLS": "0",
        "GOVLINK_ADMINIS_NUMBER_FIELDS": "RPR, VATNr",
        "GOVLINK_ADMINIS_RESPONSIBLE_FIELD": "Manager",
        "GOVLINK_ADMINIS_INCLUDE_INACTIVE": "yes",
        "GOVLINK_ADMINIS_SOLE_PROPRIETORS": "off",
        "GOVLINK_ADMINIS_TASKFLOW_FROM": "2020-01-01",
        "GOVLINK_ADMINIS_TASKFLOW_TO": "2020-12-31",
        "GOVLINK_ADMINIS_CHUNK": "40",
    }
    options = SourceOptions(location="adminis", template="Jaarafsluiting", settings=settings)
    source = AdminisSource.from_options(options)
    assert source.config.base_url == "https://crm.firm.be:2100"
    assert (source.config.timeout, source.config.verify_tls, source.config.chunk_size) == (
        12.5,
        False,
        40,
    )
    assert source.mapping.number_fields == ("RPR", "VATNr")
    assert source.mapping.responsible_field == "Manager"
    assert source.mapping.include_inactive
    assert not source.mapping.include_sole_proprietors
    assert source.window == DateWindow(start=date(2020, 1, 1), end=date(2020, 12, 31))
    assert source.template == "Jaarafsluiting"
    assert source.name == "adminis"
    assert source.known_colleagues() is None
    assert "k3y" not in repr(source) + repr(source.config)


def test_settings_come_only_from_the_options(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in _ENV.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigurationError, match="GOVLINK_ADMINIS_URL is not set"):
        AdminisSource.from_options(SourceOptions(location="adminis"))
    source = AdminisSource.from_options(SourceOptions(location="adminis", settings=_ENV))
    assert source.config.api_key == Secret("k3y")
    assert source.window == DateWindow.default()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("GOVLINK_ADMINIS_URL", "", "GOVLINK_ADMINIS_URL is not set"),
        ("GOVLINK_ADMINIS_API_KEY", " ", "GOVLINK_ADMINIS_API_KEY is not set"),
        ("GOVLINK_ADMINIS_TIMEOUT", "soon", "must be a positive number"),
        ("GOVLINK_ADMINIS_CHUNK", "-1", "must be a positive number"),
        ("GOVLINK_ADMINIS_VERIFY_TLS", "maybe", "must be 1 or 0"),
        ("GOVLINK_ADMINIS_TASKFLOW_FROM", "1/1/2024", r"must be a date \(YYYY-MM-DD\)"),
    ],
)
def test_bad_settings_are_configuration_errors(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    for variable in _ENV:
        monkeypatch.delenv(variable, raising=False)
    options = SourceOptions(location="adminis", settings=_ENV | {name: value})
    with pytest.raises(ConfigurationError, match=message):
        AdminisSource.from_options(options)


def test_the_plugin_offers_the_adminis_source() -> None:
    registry = Registry(entry_points=False)
    assert registry.sources()["adminis"] is SPEC
    assert "adminis" in [info.name for info in registry.plugins()]
    source: Any = registry.open_source(SourceOptions(location="adminis", settings=_ENV))
    assert isinstance(source, AdminisSource)
    blocked = Registry(entry_points=False, blocked=("adminis",))
    assert "adminis" not in blocked.sources()


def test_a_source_built_from_a_config_has_defaults() -> None:
    source = AdminisSource(AdminisConfig(base_url="https://x.example", api_key=Secret("k")))
    assert source.window == DateWindow.default()
    assert source.skipped == {}


def test_every_setting_is_documented() -> None:
    page = (Path(__file__).resolve().parents[3] / "docs" / "adminis.md").read_text("utf-8")
    missing = [name for name in SETTINGS if f"`{name}`" not in page]
    assert missing == []
