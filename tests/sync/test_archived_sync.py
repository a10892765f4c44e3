"""An archived company is not synced: its occurrences are skipped, nothing is fetched."""

from __future__ import annotations

from datetime import timedelta

from govlink.store.sync import OccurrenceState
from govlink.sync import run_due
from govlink.testing.sync import in_process_fetcher
from govlink.workflows import archive_companies

from .conftest import START, World


def test_an_archived_company_is_not_synced(world: World) -> None:
    archived = world.numbers[0]
    archive_companies(world.store, [archived])
    world.clock.advance_to(START + timedelta(days=8))
    report = run_due(
        world.store, world.registry, in_process_fetcher(world.sim), options=world.options
    )
    assert archived not in {a.enterprise_number.compact for a in report.attempts}
    assert {a.enterprise_number.compact for a in report.attempts} == set(world.numbers[1:])
    theirs = [o for o in world.store.sync_occurrences() if o.enterprise_number.compact == archived]
    assert theirs
    assert {(o.state, o.outcome) for o in theirs} == {(OccurrenceState.SKIPPED, "archived")}
    others = world.store.sync_occurrences({OccurrenceState.SKIPPED})
    assert all(o.outcome != "archived" for o in others if o.enterprise_number.compact != archived)
    assert not [
        d for d in world.store.documents() if d.document.enterprise_number.compact == archived
    ]
