"""The ``adminis`` source over real loopback sockets: exactly once under every fault, limits."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

import httpx
import pytest

from govlink.connectors.adminis.taskflows import DateWindow
from govlink.domain import InvalidRecord, RawRecord, ValidRecord, validate
from govlink.testing.adminis import AdminisData, AdminisSimulator, ApiSettings, Fault, sample_data
from govlink.testing.clock import ScaledClock

Run = Callable[..., tuple[list[RawRecord], dict[str, int], AdminisSimulator]]
Kinds = Callable[[AdminisData], dict[int, str | None]]

_DATA = sample_data(10_000, seed=6)
_SETTINGS = ApiSettings(max_records_per_page=500, rate_limit=300)
_ALL_TIME = DateWindow(start=date(1900, 1, 1), end=date(2999, 12, 31))


def _check_exactly_once(
    expected_kinds: Kinds,
    records: list[RawRecord],
    skipped: dict[str, int],
    data: AdminisData = _DATA,
    among: set[int] | None = None,
) -> None:
    """Every customer to import (``among`` those ids, if given) arrived once with its office;
    the others were skipped for the right reason (companies looked up in the whole CRM)."""
    kinds = {i: k for i, k in expected_kinds(data).items() if among is None or i in among}
    ids = Counter(int(r.ref.record_id) for r in records)
    assert set(ids) == {i for i, kind in kinds.items() if kind is None}
    assert max(ids.values()) == 1
    assert skipped == dict(Counter(kind for kind in kinds.values() if kind is not None))
    offices = {a["CustomerId"]: a for a in data.addresses if a["RegisteredOffice"]}
    for record in records:
        office = offices.get(int(record.ref.record_id))
        assert record.fields.get("postal_code") == (office["ZipCode"] if office else None)
        if office:
            assert record.fields["street"] == office["StreetName"] or (
                office["StreetName"] is None
                and record.fields["street"] + " " + office["HouseNr"]
                == office["Street1"].split("/")[0]
            )
            assert record.fields["house_number"] == office["HouseNr"]
        assert record.raw["CustomerId"] == int(record.ref.record_id)


@pytest.mark.parametrize(
    ("fault", "probability"),
    [
        (None, 0.0),
        (Fault.THROTTLE, 0.15),
        (Fault.SERVER_ERROR, 0.15),
        (Fault.DROP, 0.15),
        (Fault.TIMEOUT, 0.06),
        (Fault.EXPIRE_TOKENS, 0.05),
    ],
)
@pytest.mark.slow
def test_10k_customers_arrive_exactly_once(
    run: Run,
    clock: ScaledClock,
    api_key: str,
    fault: Fault | None,
    probability: float,
    expected_kinds: Kinds,
) -> None:
    simulator = AdminisSimulator(
        _DATA,
        api_key=api_key,
        clock=clock,
        settings=_SETTINGS,
        faults={fault: probability} if fault else None,
        stall_seconds=0.4,
        seed=len(str(fault)),
        token_ttl=10**6,
    )
    records, skipped, simulator = run(simulator, timeout=0.2)
    _check_exactly_once(expected_kinds, records, skipped)
    if fault is not None:
        assert simulator.injected[fault] > 0
    else:
        # The token, the settings, then pages of 500: profiles, employees, the responsible
        # profile's project employees, projects, registered offices, customers.
        offices = sum(1 for a in _DATA.addresses if a["RegisteredOffice"])
        holders = sum(1 for e in _DATA.project_employees if e["EmployeeProfileId"] == 2)
        assert simulator.calls == {
            "token": 1,
            "apisettings": 1,
            "employeeprofiles": 1,
            "employees": 1,
            "projectemployees": -(-holders // 500),
            "projects": -(-len(_DATA.projects) // 500),
            "customers": 20,
            "customeraddresses": -(-offices // 500),
        }


def test_every_fault_at_once(
    run: Run, clock: ScaledClock, api_key: str, expected_kinds: Kinds
) -> None:
    data = sample_data(2_000, seed=2)
    faults = {
        Fault.THROTTLE: 0.05,
        Fault.SERVER_ERROR: 0.05,
        Fault.DROP: 0.05,
        Fault.TIMEOUT: 0.02,
        Fault.EXPIRE_TOKENS: 0.03,
    }
    simulator = AdminisSimulator(
        data, api_key=api_key, clock=clock, faults=faults, stall_seconds=0.6, token_ttl=120, seed=3
    )
    records, skipped, _ = run(simulator, timeout=0.3)
    _check_exactly_once(expected_kinds, records, skipped, data)


@pytest.mark.slow
@pytest.mark.parametrize(("ttl_format", "expired_status"), [("seconds", 401), ("iso", 403)])
def test_token_renewal_mid_run_loses_nothing(
    run: Run,
    api_key: str,
    virtual_clock: Any,
    ttl_format: str,
    expired_status: int,
    expected_kinds: Kinds,
) -> None:
    """Each call takes one virtual second; a token lives 30: renewed every 24 calls or so."""
    data = sample_data(3_000, seed=4)
    virtual = virtual_clock
    simulator = AdminisSimulator(
        data,
        api_key=api_key,
        clock=virtual,
        settings=ApiSettings(max_records_per_page=100),
        token_ttl=30,
        ttl_format=ttl_format,  # type: ignore[arg-type]
        expired_status=expired_status,
    )

    def one_second_each(request: httpx.Request) -> httpx.Response:
        virtual.sleep(1)
        return simulator(request)

    records, skipped, simulator = run(simulator, handler=one_second_each, on=virtual)
    _check_exactly_once(expected_kinds, records, skipped, data)
    calls = sum(simulator.calls.values())
    assert simulator.exchanges >= calls // 30
    assert simulator.statuses[expired_status] == 0  # renewed before expiry, never refused


def test_a_revoked_token_is_exchanged_once_and_the_call_repeated(
    run: Run, clock: ScaledClock, api_key: str, expected_kinds: Kinds
) -> None:
    data = sample_data(600, seed=5)
    simulator = AdminisSimulator(
        data, api_key=api_key, clock=clock, settings=ApiSettings(max_records_per_page=50)
    )
    revoke_at = {5, 9, 14}

    def revoking(request: httpx.Request) -> httpx.Response:
        if sum(simulator.calls.values()) in revoke_at:
            simulator.revoke_tokens()
        return simulator(request)

    records, skipped, simulator = run(simulator, handler=revoking)
    _check_exactly_once(expected_kinds, records, skipped, data)
    assert simulator.statuses[401] == len(revoke_at)
    assert simulator.exchanges == 1 + len(revoke_at)


@pytest.mark.slow
def test_the_rate_limit_from_apisettings_is_never_exceeded(
    run: Run, clock: ScaledClock, api_key: str, expected_kinds: Kinds
) -> None:
    data = sample_data(2_500, seed=7)
    simulator = AdminisSimulator(
        data,
        api_key=api_key,
        clock=clock,
        settings=ApiSettings(max_records_per_page=100, rate_limit=20),
    )
    start = clock.monotonic()
    records, skipped, simulator = run(simulator)
    _check_exactly_once(expected_kinds, records, skipped, data)
    total = sum(simulator.calls.values())
    assert total > 2 * 20  # the run needed more than two windows ...
    assert clock.monotonic() - start >= 2 * 60  # ... so the client waited ...
    assert simulator.over_limit == 0  # ... and never went over
    assert simulator.peak_window <= 20
    assert simulator.statuses[403] == 0


@pytest.mark.slow
def test_throttled_calls_back_off_to_the_next_window(
    run: Run, clock: ScaledClock, api_key: str, expected_kinds: Kinds
) -> None:
    data = sample_data(300, seed=8)
    # A 20 % throttle rate fits the default budget of 5 retries for any seed: a call fails for
    # good with 0.2**6 = 6e-5, so the ~50 calls of this import all get through.
    simulator = AdminisSimulator(
        data,
        api_key=api_key,
        clock=clock,
        settings=ApiSettings(max_records_per_page=100),
        faults={Fault.THROTTLE: 0.2},
        seed=1,
    )
    start = clock.monotonic()
    records, skipped, simulator = run(simulator)
    _check_exactly_once(expected_kinds, records, skipped, data)
    assert clock.monotonic() - start >= 30 * simulator.injected[Fault.THROTTLE]


def test_long_filters_are_split_on_414(
    run: Run, clock: ScaledClock, api_key: str, expected_kinds: Kinds
) -> None:
    data = sample_data(1_000, seed=9)
    simulator = AdminisSimulator(
        data,
        api_key=api_key,
        clock=clock,
        settings=ApiSettings(max_records_per_page=250),
        max_url_length=400,
    )
    records, skipped, simulator = run(simulator, template="BTW-aangifte", window=_ALL_TIME)
    _check_exactly_once(
        expected_kinds, records, skipped, data, among={r["CustomerId"] for r in data.task_data[2]}
    )
    assert simulator.statuses[414] > 0


def test_records_validate_with_the_conflict_rule(
    run: Run, clock: ScaledClock, api_key: str
) -> None:
    data = sample_data(400, seed=10)
    simulator = AdminisSimulator(data, api_key=api_key, clock=clock)
    records, _, _ = run(simulator)
    results = {int(r.ref.record_id): validate(r) for r in records}
    customers = {c["CustomerId"]: c for c in data.customers}
    for customer_id, result in results.items():
        conflict = (customer_id - 1000) % 97 == 11
        if conflict:
            assert isinstance(result, InvalidRecord)
            assert "enterprise_number.conflict" in result.codes
        elif isinstance(result, InvalidRecord):
            assert result.codes == ("email.invalid",)
            assert customers[customer_id]["Email"] == "not-an-email"
        else:
            assert isinstance(result, ValidRecord)
            number = result.company.enterprise_number
            assert number.vat == customers[customer_id]["VATNr"] or number.compact in str(
                customers[customer_id]["RegistrationNr"]
            ).replace(".", "")
    assert any(isinstance(r, InvalidRecord) and "enterprise_number.conflict" in r.codes
               for r in results.values())  # fmt: skip
