"""The adminpulse source against the simulator over loopback: exactly once, calls, limits."""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlink.connectors.adminpulse.client import AdminPulseClient, DocumentUpload
from govlink.connectors.adminpulse.mapping import RelationMapping
from govlink.connectors.adminpulse.source import AdminPulseSource
from govlink.connectors.http import BearerToken, Rate, Secret
from govlink.reconcile import reconcile
from govlink.testing.adminpulse import (
    DEFAULT_API_KEY,
    VAT_PLACEHOLDERS,
    AdminPulseSimulator,
    Fault,
    generate,
)
from govlink.testing.clock import ScaledClock

Serve = Callable[..., tuple[AdminPulseSimulator, Any]]
Connect = Callable[..., AdminPulseClient]


def _expected(relations: list[dict[str, Any]]) -> tuple[set[str], Counter[str]]:
    customers = {
        r["uniqueIdentifier"]
        for r in relations
        if r["type"] != "person" and r["status"] == "customer"
    }
    skipped = Counter(
        "person" if r["type"] == "person" else f"status {r['status']}"
        for r in relations
        if r["uniqueIdentifier"] not in customers
    )
    return customers, skipped


def _read(source: AdminPulseSource) -> Counter[str]:
    return Counter(str(record.ref.record_id) for record in source.records())


@pytest.mark.parametrize("fault", list(Fault))
@pytest.mark.slow
def test_every_relation_arrives_exactly_once_under_each_fault(
    serve: Serve, connect: Connect, data_10k: dict[str, Any], fault: Fault
) -> None:
    simulator, server = serve(**data_10k, faults={fault: 6}, stall_seconds=1.0)
    source = AdminPulseSource(connect(server))
    seen = _read(source)
    customers, skipped = _expected(data_10k["relations"])
    assert set(seen) == customers
    assert set(seen.values()) == {1}
    assert source.skipped == skipped
    assert any(call.fault is fault for call in simulator.calls) or fault is Fault.SHIFTING_PAGE
    assert simulator.limit_rejections == 0


@pytest.mark.parametrize("n", [1, 399, 400, 401, 10_000])
def test_without_faults_list_calls_are_the_minimum(
    serve: Serve, connect: Connect, data_10k: dict[str, Any], n: int
) -> None:
    simulator, server = serve(relations=data_10k["relations"][:n], users=data_10k["users"])
    assert len(list(connect(server).relations())) == n
    assert simulator.count("/relations") == math.ceil(n / 400)


def test_bare_arrays_and_a_smaller_server_page_lose_nothing(
    serve: Serve, connect: Connect, data_10k: dict[str, Any]
) -> None:
    relations = data_10k["relations"][:1000]
    simulator, server = serve(relations=relations, envelope=False, max_page_size=300)
    ids = Counter(r["id"] for r in connect(server).relations())
    assert set(ids) == {r["id"] for r in relations}
    assert set(ids.values()) == {1}
    assert simulator.count("/relations") == 1000 // 300 + 1  # the short last page ends it


@pytest.mark.slow
def test_the_client_never_exceeds_the_limits(
    serve: Serve, connect: Connect, data_10k: dict[str, Any]
) -> None:
    relations = data_10k["relations"][:2400]
    simulator, server = serve(relations=relations, max_page_size=4)
    burst = {"all": (Rate(480, 60.0),), "documents/add": (Rate(50, 60.0),)}
    first, second = connect(server, limits=burst), connect(server, limits=burst)
    assert first.limiter is second.limiter
    counts: list[int] = []
    threads = [
        threading.Thread(target=lambda c=c: counts.append(sum(1 for _ in c.relations())))
        for c in (first, second)
    ]
    for thread in threads:
        thread.start()
    upload = DocumentUpload(content=b"%PDF-1.4", file_name="a.pdf")
    for _ in range(60):
        first.documents_add(upload)
    for thread in threads:
        thread.join()
    assert counts == [2400, 2400]
    assert simulator.count() == 2 * 600 + 60
    assert simulator.limit_rejections == 0
    assert simulator.max_calls_in_window(60.0) <= 480
    assert simulator.max_calls_in_window(60.0, "/documents/add") <= 50


def test_default_limits_keep_to_eight_a_second(
    serve: Serve, connect: Connect, data_10k: dict[str, Any]
) -> None:
    simulator, server = serve(relations=data_10k["relations"][:400], max_page_size=10)
    assert len(list(connect(server).relations())) == 400
    assert simulator.max_calls_in_window(1.0) <= 8


def test_statuses_and_types_are_configurable(
    serve: Serve, connect: Connect, data_10k: dict[str, Any]
) -> None:
    relations = data_10k["relations"][:100]
    _, server = serve(relations=relations, users=data_10k["users"])
    mapping = RelationMapping(imported_statuses={"customer", "Prospect"}, skipped_types=())
    source = AdminPulseSource(connect(server), mapping=mapping)
    assert len(_read(source)) == 100
    assert source.skipped == {}


SAMPLE = generate(900)["relations"]


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(0, 900),
    server_page=st.integers(1, 450),
    envelope=st.booleans(),
    shifting=st.sampled_from([0, 1, 2, 3]),
)
@pytest.mark.slow
def test_paging_yields_each_relation_once_for_any_shape(
    n: int, server_page: int, envelope: bool, shifting: int
) -> None:
    relations = SAMPLE[:n]
    simulator = AdminPulseSimulator(
        relations=relations,
        max_page_size=server_page,
        envelope=envelope,
        faults={Fault.SHIFTING_PAGE: shifting},
        limits=None,
    )
    client = AdminPulseClient(
        BearerToken(Secret(DEFAULT_API_KEY)),
        base_url="http://adminpulse.test",
        transport=simulator.transport(),
        clock=ScaledClock(speed=10_000),
    )
    with client:
        ids = Counter(r["id"] for r in client.relations())
    assert set(ids) == {r["id"] for r in relations}
    assert set(ids.values()) <= {1}
    size = min(400, server_page)
    calls = simulator.count("/relations")
    if envelope and not shifting:
        assert calls == max(1, math.ceil(n / size))
    elif not shifting:  # a bare array ends only on a page shorter than a full one
        assert math.ceil(n / size) <= calls <= n // size + 2


def test_vat_placeholders_are_their_own_reason_not_a_format_error(
    serve: Serve, connect: Connect
) -> None:
    data = generate(60, placeholder_every=4)
    _, server = serve(**data)
    records = list(AdminPulseSource(connect(server)).records())
    diff = reconcile(records, [])
    held = {
        r["uniqueIdentifier"]
        for r in data["relations"]
        if r.get("vatNumber") in VAT_PLACEHOLDERS and r["status"] == "customer"
    }
    placeholders = {
        i.ref.record_id for i in diff.invalid if i.codes == ("enterprise_number.placeholder",)
    }
    assert len(held) >= len(VAT_PLACEHOLDERS)
    assert placeholders == held
    assert not {c for i in diff.invalid for c in i.codes} & {"enterprise_number.format"}
