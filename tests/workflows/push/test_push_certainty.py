"""Delivery certainty: a 2xx from ``documents/add`` whose body cannot be read is ``unknown``
(for review), never ``done``; the simulator's cut-short answer processed the upload, and the
client says it cannot tell. No document is ever lost silently."""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx
import pytest

from govlink.connectors.adminpulse.client import AdminPulseClient, DocumentUpload
from govlink.connectors.http import BearerToken, Secret
from govlink.domain.backoff import Backoff
from govlink.domain.outbox import DeliveryRetry, OutboxState
from govlink.errors import DeliveryUncertain
from govlink.plugins import Registry
from govlink.store import SQLiteStore
from govlink.testing.adminpulse import DEFAULT_API_KEY, Fault
from govlink.testing.documents import sample_pdf
from govlink.workflows.pushing import PushOptions, push

NO_WAIT = PushOptions(retry=DeliveryRetry(backoff=Backoff(first=0, longest=0)))


def _uploads(served: Any) -> Counter[bytes]:
    return Counter(u.content for u in served.simulator.documents)


@pytest.mark.parametrize("every", [1, 2, 3, 5])
def test_no_document_is_lost_silently_when_answers_are_cut_short(
    store: SQLiteStore, registry: Registry, served: Any, relation_ids: Any, queue: Any, every: int
) -> None:
    simulator = served.simulator
    simulator.faults = {Fault.MALFORMED: every}
    simulator.fault_paths = frozenset({"/documents/add"})
    queue(store, list(relation_ids), 12)
    push(store, registry, sink="adminpulse", options=NO_WAIT)
    by_name = {e.file_name: e for e in store.outbox("adminpulse")}
    uploads = _uploads(served)
    cut_short = [c for c in simulator.calls if c.fault is Fault.MALFORMED]
    states = Counter(entry.state for entry in by_name.values())
    assert states[OutboxState.UNKNOWN] == len(cut_short) > 0
    for serial in range(12):
        entry = by_name[f"document-{serial}.pdf"]
        on_server = uploads[sample_pdf(serial)]
        if entry.state is OutboxState.DONE:
            assert on_server == 1, entry
        else:
            assert entry.state is OutboxState.UNKNOWN, entry
            assert on_server == 1  # the simulator processed it: a person finds it there
            assert "could not be read" in (entry.reason or "")
    simulator.faults = {}
    again = push(store, registry, sink="adminpulse", options=NO_WAIT)
    assert again.pushed == ()
    assert _uploads(served) == uploads  # an unknown entry is never uploaded blindly


def test_a_json_answer_cut_short_is_uncertain_and_sent_once(served: Any) -> None:
    simulator = served.simulator
    simulator.faults = {Fault.MALFORMED: 1}
    relation = simulator.relations[0]["uniqueIdentifier"]
    upload = DocumentUpload(
        content=sample_pdf(7),
        file_name="cut.pdf",
        relation_identifier=relation,
        document_date=None,
    )
    with (
        AdminPulseClient(
            BearerToken(Secret(DEFAULT_API_KEY)),
            base_url=served.server.url,
            timeout=httpx.Timeout(5.0),
        ) as client,
        pytest.raises(DeliveryUncertain) as raised,
    ):
        client.documents_add(upload)
    assert raised.value.status == 200
    assert "returned 200 OK but its body could not be read" in raised.value.message
    assert simulator.count("/documents/add") == 1
    assert _uploads(served) == Counter({sample_pdf(7): 1})
