"""The responsible colleague from the customers' project employees, read in bulk listings."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from govlink.connectors.adminis.mapping import CustomerMapping
from govlink.domain import RawRecord
from govlink.errors import ConfigurationError
from govlink.reconcile import reconcile
from govlink.testing.adminis import AdminisData, AdminisSimulator, ApiSettings, sample_data
from govlink.testing.clock import ScaledClock

Run = Callable[..., tuple[list[RawRecord], dict[str, int], AdminisSimulator]]

_DATA = sample_data(600, seed=4)


def _expected(data: AdminisData, profile: int) -> dict[int, str]:
    """CustomerId -> the e-mail of the profile's employee on its lowest active project."""
    emails = {e["EmployeeId"]: e["WorkEmail"] for e in data.employees}
    holder = {
        pe["ProjectId"]: pe["EmployeeId"]
        for pe in data.project_employees
        if pe["EmployeeProfileId"] == profile and pe["IsActive"]
    }
    found: dict[int, str] = {}
    for project in sorted(data.projects, key=lambda p: -p["ProjectId"]):
        if project["IsActive"] and project["ProjectId"] in holder:
            found[project["CustomerId"]] = emails[holder[project["ProjectId"]]]
    return found


def _responsibles(records: list[RawRecord]) -> dict[int, str | None]:
    return {int(r.ref.record_id or 0): r.fields.get("responsible") for r in records}


def test_the_first_relational_profile_gives_the_responsible(
    run: Run, clock: ScaledClock, api_key: str
) -> None:
    settings = ApiSettings(max_records_per_page=100)
    simulator = AdminisSimulator(_DATA, api_key=api_key, clock=clock, settings=settings)
    records, _, simulator = run(simulator)
    expected = _expected(_DATA, profile=2)  # "Dossierbeheerder": the lowest relational id
    got = _responsibles(records)
    assert {i: e for i, e in got.items() if e is not None} == {
        i: e for i, e in expected.items() if i in got
    }
    assert None in got.values()  # customers without a project have none
    # bulk: each listing once (paged), never per customer or per project
    holders = sum(1 for pe in _DATA.project_employees if pe["EmployeeProfileId"] == 2)
    assert simulator.calls["employeeprofiles"] == 1
    assert simulator.calls["employees"] == 1
    assert simulator.calls["projectemployees"] == -(-holders // 100)
    assert simulator.calls["projects"] == -(-len(_DATA.projects) // 100)
    assert not any(key.startswith("projects/") for key in simulator.calls)


def test_an_inactive_colleague_is_warned_about_and_a_missing_one_too(
    run: Run, clock: ScaledClock, api_key: str
) -> None:
    simulator = AdminisSimulator(_DATA, api_key=api_key, clock=clock)
    server_records, _, _ = run(simulator)
    active = {e["WorkEmail"] for e in _DATA.employees if e["EmployeeActive"]}
    diff = reconcile(server_records, [], known_colleagues=active)
    codes = {w.code for w in diff.warnings}
    assert codes == {"responsible.unknown", "responsible.missing"}
    unknown = {w.message for w in diff.warnings if w.code == "responsible.unknown"}
    assert all("colleague5@kantoor.example" in m for m in unknown)


def test_the_profile_is_a_setting(run: Run, clock: ScaledClock, api_key: str) -> None:
    simulator = AdminisSimulator(_DATA, api_key=api_key, clock=clock)
    mapping = CustomerMapping(responsible_profile=" medewerker ")
    records, _, _ = run(simulator, mapping=mapping)
    got = {i: e for i, e in _responsibles(records).items() if e is not None}
    assert got == {i: e for i, e in _expected(_DATA, profile=3).items() if i in got}
    assert got


def test_none_reads_no_responsible(run: Run, clock: ScaledClock, api_key: str) -> None:
    simulator = AdminisSimulator(_DATA, api_key=api_key, clock=clock)
    records, _, simulator = run(simulator, mapping=CustomerMapping(responsible_profile="none"))
    assert set(_responsibles(records).values()) == {None}
    assert "employeeprofiles" not in simulator.calls


def test_a_customer_field_wins_over_the_projects(
    run: Run, clock: ScaledClock, api_key: str
) -> None:
    simulator = AdminisSimulator(_DATA, api_key=api_key, clock=clock)
    records, _, simulator = run(simulator, mapping=CustomerMapping(responsible_field="Email"))
    assert all(r.fields["responsible"] == r.raw["Email"] for r in records)
    assert "projects" not in simulator.calls


def test_an_unknown_profile_is_a_configuration_error_listing_them(
    run: Run, clock: ScaledClock, api_key: str
) -> None:
    simulator = AdminisSimulator(_DATA, api_key=api_key, clock=clock)
    with pytest.raises(ConfigurationError, match="Dossierbeheerder") as caught:
        run(simulator, mapping=CustomerMapping(responsible_profile="Boekhouder"))
    assert "GOVLINK_ADMINIS_RESPONSIBLE_PROFILE" in str(caught.value)


def test_without_profiles_there_is_no_responsible(
    run: Run, clock: ScaledClock, api_key: str
) -> None:
    data = sample_data(50, seed=4)
    data.employee_profiles.clear()
    simulator = AdminisSimulator(data, api_key=api_key, clock=clock)
    records, _, _ = run(simulator)
    assert records
    assert set(_responsibles(records).values()) == {None}


def test_the_simulator_serves_one_projects_employees(clock: ScaledClock) -> None:
    simulator = AdminisSimulator(_DATA, api_key="k3y", clock=clock)
    project = _DATA.projects[0]["ProjectId"]
    with httpx.Client(transport=simulator.transport(), base_url="http://adminis") as client:
        token = client.get("/api/v1/token/k3y").json()["TokenGuid"]
        rows = client.get(
            f"/api/v1/projects/{project}/projectemployee", headers={"synetonToken": token}
        ).json()
    assert {r["EmployeeProfileId"] for r in rows} == {2, 3}
    assert {r["ProjectId"] for r in rows} == {project}


def test_valid_records_carry_the_responsible(run: Run, clock: ScaledClock, api_key: str) -> None:
    simulator = AdminisSimulator(_DATA, api_key=api_key, clock=clock)
    records, _, _ = run(simulator)
    diff = reconcile(records, [])
    assert any(c.responsible for c in diff.only_in_source)
