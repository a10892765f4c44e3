"""The push against the AdminPulse simulator over loopback: exactly once, within the limit."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

import jsonschema
import pytest

from govlink import EnterpriseNumber
from govlink.cli._documents_json import push_json
from govlink.domain.backoff import Backoff
from govlink.domain.outbox import DeliveryRetry, OutboxState
from govlink.plugins import Registry
from govlink.store import SQLiteStore
from govlink.testing.adminpulse import Fault
from govlink.testing.documents import sample_pdf
from govlink.workflows.pushing import PushOptions, push

UNKNOWN = EnterpriseNumber.parse("0403.019.261")
NO_WAIT = PushOptions(retry=DeliveryRetry(backoff=Backoff(first=0, longest=0)))


@pytest.mark.slow
def test_200_documents_pushed_exactly_once_within_the_documents_limit(
    store: SQLiteStore, registry: Registry, served: Any, relation_ids: Any, queue: Any
) -> None:
    simulator = served.simulator
    documents = queue(store, list(relation_ids), 200)
    report = push(store, registry, sink="adminpulse")
    assert (len(report.pushed), report.held, report.failed, report.pending) == (200, (), (), 0)
    uploads = Counter(u.content for u in simulator.documents)
    assert uploads == Counter(sample_pdf(n) for n in range(200))
    assert simulator.limit_rejections == 0
    assert not [c for c in simulator.calls if c.status == 429]
    assert simulator.max_calls_in_window(60.0, "/documents/add") <= 50
    assert simulator.count("/relations") == 1
    sent = {u.content: u.fields for u in simulator.documents}
    for serial, document in enumerate(documents):
        fields = sent[sample_pdf(serial)]
        assert fields["relationIdentifier"] == (relation_ids[document.enterprise_number],)
        assert fields["fileName"] == (document.file_name,)
        assert fields["tagNames"] == ("GovLink,MyMinfin",)
        assert fields["documentDate"] == (document.received_at.strftime("%d%m%Y"),)
        assert fields["documentType"] == ("13",)
    assert push(store, registry, sink="adminpulse").pushed == ()
    assert len(simulator.documents) == 200


def test_an_unknown_company_is_held_then_pushed_once_adminpulse_knows_it(
    store: SQLiteStore,
    registry: Registry,
    served: Any,
    relation_ids: Any,
    queue: Any,
    documented_schema: Any,
) -> None:
    simulator = served.simulator
    known = list(relation_ids)[:2]
    queue(store, [UNKNOWN, *known], 3)
    first = push(store, registry, sink="adminpulse")
    assert len(first.pushed) == 2
    [held] = first.held
    assert held.reason == "AdminPulse has no relation with enterprise number 0403.019.261"
    document = push_json(first)
    jsonschema.validate(document, documented_schema("documents.md", "push"))
    assert document["held"] == [
        {
            "document": held.document_id,
            "file_name": "document-0.pdf",
            "enterprise_number": "0403019261",
            "reason": held.reason,
        }
    ]
    again = push(store, registry, sink="adminpulse")
    assert [e.document_id for e in again.held] == [held.document_id]
    simulator.relations += [
        {"id": "r1", "uniqueIdentifier": "APR99999", "vatNumber": "BE0403019261"},
        {"id": "r2", "uniqueIdentifier": "APR99998", "enterpriseNumber": "0417497106"},
        {"id": "r3", "uniqueIdentifier": "APR99997", "companyNumber": "0417.497.106"},
    ]
    queue(store, [EnterpriseNumber.parse("0417497106")], 1, first=3)
    third = push(store, registry, sink="adminpulse")
    assert [e.document_id for e in third.pushed] == [held.document_id]
    assert third.held[0].reason == (
        "AdminPulse has 2 relations with enterprise number 0417.497.106 (APR99998, APR99997)"
    )
    assert [u.fields["relationIdentifier"] for u in simulator.documents].count(("APR99999",)) == 1


def test_refused_documents_are_parked_and_the_rest_goes_on(
    store: SQLiteStore, registry: Registry, served: Any, relation_ids: Any, queue: Any
) -> None:
    served.refused.add(b"govlink sample 1\n")
    queue(store, list(relation_ids), 3)
    report = push(store, registry, sink="adminpulse", options=NO_WAIT)
    assert sorted(e.file_name for e in report.pushed) == ["document-0.pdf", "document-2.pdf"]
    [parked] = report.failed
    assert (parked.file_name, parked.state, parked.attempts) == (
        "document-1.pdf",
        OutboxState.PARKED,
        3,
    )
    assert "400" in (parked.reason or "")
    assert push(store, registry, sink="adminpulse", options=NO_WAIT).failed == ()


@pytest.mark.slow
def test_server_errors_are_retried_and_a_lost_answer_is_never_retried(
    store: SQLiteStore, registry: Registry, served: Any, relation_ids: Any, queue: Any
) -> None:
    simulator = served.simulator
    simulator.faults = {Fault.SERVER_ERROR: 3}
    simulator.fault_paths = frozenset({"/documents/add"})
    queue(store, list(relation_ids), 6)
    report = push(store, registry, sink="adminpulse", options=NO_WAIT)
    assert len(report.pushed) == 6
    assert Counter(u.content for u in simulator.documents) == Counter(
        sample_pdf(n) for n in range(6)
    )
    simulator.faults = {Fault.STALL: 1}
    queue(store, list(relation_ids), 1, first=6)
    stalled = push(store, registry, sink="adminpulse", options=NO_WAIT)
    [unknown] = stalled.failed
    assert unknown.state is OutboxState.UNKNOWN
    assert "may have been carried out" in (unknown.reason or "")
    simulator.faults = {}
    assert push(store, registry, sink="adminpulse", options=NO_WAIT).failed == ()
    assert sum(u.content == sample_pdf(6) for u in simulator.documents) == 1


@pytest.mark.slow
def test_relations_that_cannot_be_read_park_nothing(
    store: SQLiteStore, registry: Registry, served: Any, relation_ids: Any, queue: Any
) -> None:
    simulator = served.simulator
    simulator.faults = {Fault.SERVER_ERROR: 1}
    simulator.fault_paths = frozenset({"/relations"})
    queue(store, list(relation_ids), 3)
    report = push(store, registry, sink="adminpulse", options=PushOptions(max_wait=timedelta(0)))
    assert (report.pushed, report.failed, report.pending) == ((), (), 3)
    assert simulator.count("/relations") == 5  # one read (and the client's 4 retries) per run
    assert {e.attempts for e in store.outbox("adminpulse")} == {1}
    simulator.faults = {}
    assert len(push(store, registry, sink="adminpulse", options=NO_WAIT).pushed) == 3
