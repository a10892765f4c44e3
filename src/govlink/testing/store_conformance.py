"""The conformance suite every govlink store passes: SQLite, PostgreSQL, and yours.

Subclass :class:`StoreConformance` in a test module and give it a ``store_factory`` fixture: a
callable ``store_factory(office=None)`` that opens a *new* store object on the same, initially
empty, database each time it is called (the suite closes what it opens). pytest then runs every
test below against your store::

    import pytest
    from govlink.testing.store_conformance import StoreConformance

    class TestMyStore(StoreConformance):
        @pytest.fixture
        def store_factory(self, tmp_path):
            return lambda office=None: MyStore(tmp_path / "db", office=office)

A store that holds a single office refuses any other ``office`` with
``StoreError(code="store.office")``; the office tests then check that refusal instead.
Needs pytest (``govlink[testing]``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlink.domain.alerts import Alert, AlertKind
from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.domain.documents import DocumentKind
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.forwarding import SinkSwitch
from govlink.domain.outbox import OutboxState, Step
from govlink.domain.records import SourceRef
from govlink.errors import StaleStoreError, StoreError
from govlink.planner import Grid, SyncItem, dumps, plan
from govlink.reconcile.policy import ApplyPlan, Update
from govlink.store.base import CompanyArchive, ImportCounts, PlanStore, RunInfo, Store
from govlink.store.documents import AlertStatus, DocumentStore
from govlink.store.offices import DEFAULT_OFFICE, OfficeDirectory
from govlink.store.sync import OccurrenceState, OccurrenceStep, PortalLimits, SyncStore
from govlink.testing.documents import sample_document, sample_pdf

__all__ = ["StoreConformance", "StoreFactory", "sample_run"]

NUMBERS = tuple(EnterpriseNumber.parse(n) for n in ("0403019261", "0417497106", "0202239951"))
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=10)


class StoreFactory(Protocol):
    """Opens a new store object on the test's database, for ``office`` (``None``: default)."""

    def __call__(self, office: str | None = None) -> Any: ...


def sample_run(source: str = "excel") -> RunInfo:
    """The record of an applied import run, as a test hands it to ``apply``."""
    counts = ImportCounts(
        rows=3, only_in_source=2, only_in_platform=0, matching=1, changed=1, invalid=0
    )
    return RunInfo(
        at=datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
        source=source,
        location="clients.xlsx",
        actor="an",
        counts=counts,
    )


def _acme() -> Company:
    return Company(enterprise_number=NUMBERS[0], name="Acme", email="info@acme.be")


def _full(number: EnterpriseNumber) -> Company:
    """A company with every field set, and unusual text."""
    return Company(
        enterprise_number=number,
        name="Bakkerij « Peeters » 'n Zonen; DROP TABLE companies",
        legal_form="BV",
        email="hallo@peeters.be",
        language="nl",
        street="Kerkstraat",
        house_number="12",
        box="b3",
        postal_code="9000",
        city="Gent",
        country_code="BE",
        phone="+32 9 123 45 67",
        responsible="An %s ?",
        customer_code="K-7:name",
        origin=SourceRef(source="excel", record_id="r1", row=4),
    )


_TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=8)
_ORIGINS = st.none() | st.builds(
    SourceRef,
    source=_TEXT,
    record_id=st.none() | _TEXT,
    row=st.none() | st.integers(0, 2**31 - 1),
)


def _number(first8: int) -> EnterpriseNumber:
    return EnterpriseNumber.parse(f"{first8:08d}{97 - first8 % 97:02d}")


@st.composite
def _sparse_companies(draw: st.DrawFn) -> list[Company]:
    """Companies with any text or ``None`` in their fields and origin: many that share one set
    of empty fields (the bulk of an import), and a few of any shape."""

    def values() -> dict[str, Any]:
        return {name: draw(st.none() | _TEXT) for name in COMPANY_FIELDS[2:]}

    shared = values()
    shapes = [shared] * draw(st.sampled_from((0, 1, 70, 130)))
    shapes += [values() for _ in range(draw(st.integers(0, 8)))]
    start = draw(st.integers(1_000_000, 19_000_000))
    companies = [
        Company(
            enterprise_number=_number(start + i),
            name=draw(_TEXT),
            origin=draw(_ORIGINS),
            **shape,
        )
        for i, shape in enumerate(shapes)
    ]
    return draw(st.permutations(companies))


def _three(store: Any) -> None:
    """Put a company for each of :data:`NUMBERS` on the platform."""
    added = tuple(Company(enterprise_number=n, name=f"Client {n.compact}") for n in NUMBERS)
    store.apply(ApplyPlan(add=added), sample_run())


def _queued(store: Any, count: int, sink: str = "s") -> list[int]:
    added = [
        store.add_document(sample_document(n, NUMBERS[0], received_at=T0), b"x", queue_for=[sink])
        for n in range(count)
    ]
    return [stored.id for stored in added]


def _in_threads(factory: StoreFactory, count: int, work: Callable[[Any, int], None]) -> None:
    """Run ``work(store, i)`` in ``count`` threads at once, each on a store object of its own
    (opened and closed in its thread: a store object serves one thread)."""
    start = threading.Barrier(count)
    failures: list[BaseException] = []

    def run(i: int) -> None:
        try:
            store = factory()
            try:
                start.wait()
                work(store, i)
            finally:
                store.close()
        except BaseException as error:  # reported by the test's thread
            failures.append(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


class StoreConformance:
    """The tests; a subclass provides the ``store_factory`` fixture (see the module)."""

    #: Whether the store holds several offices (else it must refuse any but the default).
    several_offices: bool = True

    @pytest.fixture
    def opened(self, store_factory: StoreFactory) -> Iterator[Callable[..., Any]]:
        """``store_factory``, closing every store it opened at the end of the test."""
        stores: list[Any] = []

        def open_one(office: str | None = None) -> Any:
            stores.append(store_factory(office))
            return stores[-1]

        yield open_one
        for store in stores:
            store.close()

    @pytest.fixture
    def store(self, opened: Callable[..., Any]) -> Any:
        """A store object on the test's empty database, default office."""
        return opened()

    # the protocols and the schema

    def test_an_empty_store_satisfies_every_protocol(self, store: Any) -> None:
        for protocol in (
            Store,
            PlanStore,
            CompanyArchive,
            DocumentStore,
            SyncStore,
            OfficeDirectory,
        ):
            assert isinstance(store, protocol), protocol.__name__
        assert store.companies() == []
        assert store.import_runs() == []
        assert store.load_plan() is None
        assert store.office == DEFAULT_OFFICE
        assert DEFAULT_OFFICE in store.offices()

    # companies and import runs

    def test_companies_read_back_equal_to_what_was_added(self, store: Any) -> None:
        added = (
            _full(NUMBERS[2]),
            _full(NUMBERS[0]),
            Company(enterprise_number=NUMBERS[1], name="B"),
        )
        store.apply(ApplyPlan(add=added), sample_run())
        assert store.companies() == sorted(added, key=lambda c: c.enterprise_number.compact)
        for company in added:
            assert store.company(company.enterprise_number) == company

    def test_companies_page_filters_counts_and_cuts(self, store: Any) -> None:
        added = (
            Company(enterprise_number=NUMBERS[0], name="Garage  Lemmens", responsible="An@x.be"),
            Company(enterprise_number=NUMBERS[1], name="Acme NV", responsible="an@x.be"),
            Company(enterprise_number=NUMBERS[2], name="Bakkerij Acme"),
        )
        store.apply(ApplyPlan(add=added), sample_run())
        page = store.companies_page(limit=2)
        assert ([c.name for c in page.companies], page.total) == (
            ["Bakkerij Acme", "Garage  Lemmens"],
            3,
        )
        acme = store.companies_page(search="ACME")
        assert ([c.name for c in acme.companies], acme.total) == (["Bakkerij Acme", "Acme NV"], 2)
        assert store.companies_page(search="0417.497").companies == (added[1],)
        mine = store.companies_page(responsible=" AN@X.BE", limit=1)
        assert (mine.companies, mine.total) == ((added[0],), 2)
        store.set_archived([NUMBERS[1]], archived=True)
        assert store.companies_page().total == 2
        assert store.companies_page(archived=True).companies == (added[1],)
        assert store.companies_page(search="acme", archived=True).total == 1

    def test_the_run_apply_returns_is_the_one_read_back(self, store: Any) -> None:
        store.apply(ApplyPlan(add=(_acme(),)), sample_run())
        before = _acme()
        after = attrs.evolve(before, name="ACME NV", phone=None, email="x@acme.be")
        added = (_full(NUMBERS[2]), Company(enterprise_number=NUMBERS[1], name="B"))
        change = ApplyPlan(
            add=added, update=(Update(before=before, after=after, fields=("name", "email")),)
        )
        run = store.apply(change, sample_run())
        assert store.import_runs()[0] == run
        assert [c.enterprise_number for c in run.changes] == [NUMBERS[2], NUMBERS[1], NUMBERS[0]]

    def test_any_companies_read_back_with_their_run(self, store: Any) -> None:
        @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(_sparse_companies())
        def read_back(added: list[Company]) -> None:
            on_platform = {c.enterprise_number for c in store.companies()}
            added = [c for c in added if c.enterprise_number not in on_platform]
            run = store.apply(ApplyPlan(add=tuple(added)), sample_run())
            assert store.import_runs()[0] == run
            assert run.added == tuple(sorted(c.enterprise_number for c in added))
            stored = {c.enterprise_number: c for c in store.companies()}
            assert [
                (stored[c.enterprise_number], stored[c.enterprise_number].origin) for c in added
            ] == [(c, c.origin) for c in added]

        read_back()

    def test_apply_records_the_run_with_who_applied_what(self, store: Any) -> None:
        store.apply(ApplyPlan(add=(_acme(),)), sample_run())
        before = _acme()
        after = attrs.evolve(before, email="hello@acme.be", language="nl")
        new = Company(
            enterprise_number=NUMBERS[1], name="New", origin=SourceRef(source="excel", row=4)
        )
        change = ApplyPlan(
            add=(new,), update=(Update(before=before, after=after, fields=("email",)),)
        )
        run = store.apply(change, sample_run("adminpulse"))
        assert store.company(NUMBERS[0]) == attrs.evolve(before, email="hello@acme.be")
        runs = store.import_runs()
        assert [r.id for r in runs] == [run.id, runs[1].id]
        assert runs[1].id < run.id
        assert runs[0] == run
        assert run.info == sample_run("adminpulse")
        assert run.added == (NUMBERS[1],)
        [updated] = run.updated
        assert (updated.enterprise_number, updated.fields) == (NUMBERS[0], ("email",))
        assert updated.before == {"email": "info@acme.be"}
        assert updated.after == {"email": "hello@acme.be"}

    def test_an_update_writes_only_its_fields(self, store: Any) -> None:
        store.apply(ApplyPlan(add=(_acme(),)), sample_run())
        after = attrs.evolve(_acme(), name="ACME NV", email="x@acme.be")
        only_name = Update(before=_acme(), after=after, fields=("name",))
        store.apply(ApplyPlan(update=(only_name,)), sample_run())
        assert store.company(NUMBERS[0]) == attrs.evolve(_acme(), name="ACME NV")

    @pytest.mark.parametrize(
        "stale", ["adds-an-existing-company", "updates-from-an-outdated-before"]
    )
    def test_a_stale_plan_writes_nothing(self, store: Any, stale: str) -> None:
        store.apply(ApplyPlan(add=(_acme(),)), sample_run())
        if stale == "adds-an-existing-company":
            change = ApplyPlan(add=(Company(enterprise_number=NUMBERS[1], name="New"), _acme()))
        else:
            outdated = attrs.evolve(_acme(), email="old@acme.be")
            change = ApplyPlan(
                update=(
                    Update(
                        before=outdated,
                        after=attrs.evolve(outdated, email="n@acme.be"),
                        fields=("email",),
                    ),
                )
            )
        before = (store.companies(), store.import_runs())
        with pytest.raises(StaleStoreError, match=r"0403\.019\.261"):
            store.apply(change, sample_run())
        assert (store.companies(), store.import_runs()) == before

    def test_an_apply_that_fails_part_way_writes_nothing(self, store: Any) -> None:
        store.apply(ApplyPlan(add=(_acme(),)), sample_run())
        before = (store.companies(), store.import_runs())

        def fail(done: int, total: int) -> None:
            if done == 2:
                raise RuntimeError("injected failure")

        change = ApplyPlan(add=tuple(Company(enterprise_number=n, name="x") for n in NUMBERS[1:]))
        with pytest.raises(RuntimeError, match="injected failure"):
            store.apply(change, sample_run(), progress=fail)
        assert (store.companies(), store.import_runs()) == before

    def test_two_workers_applying_the_same_add_write_it_once(
        self, store_factory: StoreFactory, store: Any
    ) -> None:
        outcomes: list[str] = []

        def apply(worker: Any, _: int) -> None:
            try:
                worker.apply(ApplyPlan(add=(_acme(),)), sample_run())
                outcomes.append("applied")
            except StoreError:
                outcomes.append("refused")

        _in_threads(store_factory, 2, apply)
        assert sorted(outcomes) == ["applied", "refused"]
        assert len(store.import_runs()) == 1
        assert store.companies() == [_acme()]

    # settings and the plan

    def test_settings_are_set_read_and_removed(self, opened: Callable[..., Any]) -> None:
        store = opened()
        assert store.get_setting("sync.interval_days") is None
        store.set_setting("sync.interval_days", "7")
        store.set_setting("sync.interval_days", "14")
        store.set_setting("push.enabled", "yes")
        again = opened()
        assert again.get_setting("sync.interval_days") == "14"
        assert again.settings() == {"push.enabled": "yes", "sync.interval_days": "14"}
        again.set_setting("push.enabled", None)
        assert again.settings() == {"sync.interval_days": "14"}

    def test_a_saved_plan_loads_back_to_the_same_text_and_a_stale_save_writes_nothing(
        self, opened: Callable[..., Any]
    ) -> None:
        now = datetime(2026, 3, 23, 9, 7, tzinfo=UTC)
        items = [SyncItem(key=f"{i:010d}", documents=(i * 37) % 90) for i in range(40)]
        first = plan(items, grid=Grid.parse("Mon-Fri 08:00-18:00"), now=now)
        moved = plan(
            [*items[3:], SyncItem(key="0999999999", documents=5)],
            grid=Grid.parse("Mon-Fri 09:00-18:00", capacity=40.0),
            now=now + timedelta(days=2),
            previous=first,
        )
        store = opened()
        saved = store.save_plan(moved, replaces=None)
        loaded = opened().load_plan()
        assert loaded is not None
        assert dumps(loaded.plan) == dumps(moved)
        assert (loaded.revision, loaded.saved_at) == (saved.revision, saved.saved_at)
        with pytest.raises(StaleStoreError):
            store.save_plan(first, replaces=None)
        assert dumps(store.load_plan().plan) == dumps(moved)

    # documents, alerts, the outbox

    def test_a_document_is_stored_once_per_company(self, store: Any) -> None:
        document = sample_document(1, NUMBERS[0], received_at=T0)
        first = store.add_document(document, sample_pdf(1))
        assert first is not None
        assert first.document.content is None
        assert store.add_document(document, sample_pdf(1)) is None
        assert store.add_document(sample_document(1, NUMBERS[1], received_at=T0), sample_pdf(1))
        assert len(store.documents()) == 2
        loaded = store.document(first.id)
        assert loaded.content == sample_pdf(1)
        assert (loaded.sha256, loaded.received_at) == (document.sha256, T0)
        with pytest.raises(StoreError, match="no document"):
            store.document(first.id + 1000)

    def test_a_document_is_queued_for_the_sinks_it_is_given(self, store: Any) -> None:
        earlier = sample_document(1, NUMBERS[0], received_at=T0 - timedelta(days=1))
        before = store.add_document(earlier, b"x")
        at = store.add_document(
            sample_document(2, NUMBERS[0], received_at=T0), b"x", queue_for=["b", "a"]
        )
        assert (before.queued_for, at.queued_for) == ((), ("a", "b"))
        assert [e.document_id for e in store.outbox("a")] == [at.id]
        assert [d.queued_for for d in store.documents()] == [(), ("a", "b")]
        assert store.queue_backfill("a", T0 - timedelta(days=2)) == 1
        assert store.queue_backfill("a", T0 - timedelta(days=2)) == 0

    def test_sink_switches_are_recorded(self, store: Any) -> None:
        store.save_sink_switch(SinkSwitch.off("adminpulse").switched_on(T0, ["GovLink"]))
        store.save_sink_switch(SinkSwitch.off("archive"))
        assert store.sink_switch("adminpulse").tags == ("GovLink",)
        assert store.sink_switch("adminpulse").enabled_at == T0
        assert store.sink_switch("nothing") == SinkSwitch.off("nothing")
        assert [s.sink for s in store.sink_switches()] == ["adminpulse", "archive"]
        store.save_sink_switch(store.sink_switch("adminpulse").switched_off())
        assert not store.sink_switch("adminpulse").enabled

    def test_claim_finish_and_a_lapsed_lease_taken_over(self, store: Any) -> None:
        _queued(store, 2)
        first = store.claim("s", owner="a", now=T0, lease=LEASE)
        second = store.claim("s", owner="b", now=T0, lease=LEASE)
        assert first.id != second.id
        assert first.state is OutboxState.CLAIMED
        assert store.claim("s", owner="c", now=T0, lease=LEASE) is None
        again = store.claim("s", owner="c", now=T0 + LEASE, lease=LEASE)
        assert again.id == first.id
        assert again.lease_owner == "c"
        assert not store.finish(first.id, owner="a", step=Step(state=OutboxState.HELD), now=T0)
        assert store.finish(first.id, owner="a", step=Step(state=OutboxState.DONE), now=T0)
        assert store.outbox("s", {OutboxState.DONE})[0].attempts == 1

    def test_backoff_held_release_and_orphans(self, store: Any) -> None:
        _queued(store, 3)
        one, two, three = (store.claim("s", owner=o, now=T0, lease=LEASE) for o in "abc")
        later = T0 + timedelta(seconds=30)
        backoff = Step(state=OutboxState.PENDING, reason="503", not_before=later)
        store.finish(one.id, owner="a", step=backoff, now=T0)
        store.finish(two.id, owner="b", step=Step(state=OutboxState.HELD, reason="?"), now=T0)
        assert store.next_due("s") == later
        assert store.claim("s", owner="x", now=T0, lease=LEASE) is None
        assert store.release_orphans("s", alive=lambda owner: owner != "c") == 1
        reclaimed = store.claim("s", owner="x", now=T0, lease=LEASE)
        assert reclaimed.id == three.id
        store.release(reclaimed.id, owner="x")
        assert store.reset_held("s") == 1
        assert {e.state for e in store.outbox("s")} == {OutboxState.PENDING}

    def test_workers_claiming_at_once_never_take_one_entry_twice(
        self, store_factory: StoreFactory, store: Any
    ) -> None:
        ids = _queued(store, 24)
        taken: list[int] = []

        def work(worker: Any, i: int) -> None:
            while (entry := worker.claim("s", owner=f"w{i}", now=T0, lease=LEASE)) is not None:
                taken.append(entry.id)

        _in_threads(store_factory, 4, work)
        assert sorted(taken) == sorted(ids)

    def test_alerts_are_stored_with_their_document(self, store: Any) -> None:
        document = sample_document(1, NUMBERS[0], kind=DocumentKind.REQUEST_FOR_INFORMATION)
        alert = Alert(
            kind=AlertKind.GOVERNMENT_REQUEST,
            enterprise_number=NUMBERS[0],
            company_name="Acme",
            recipient=None,
            fallback=True,
            subject="s",
            message="m",
            document_sha256=document.sha256,
        )
        store.add_document(document, b"x", alert)
        store.add_document(document, b"x", alert)
        [stored] = store.alerts()
        assert (stored.alert, stored.status) == (alert, AlertStatus.PENDING)
        store.mark_alert(stored.id, AlertStatus.FAILED, "smtp down")
        assert store.alerts({AlertStatus.PENDING}) == []
        assert store.alerts({AlertStatus.FAILED})[0].error == "smtp down"

    # archived companies

    def test_archive_and_restore_change_only_what_differs(self, store: Any) -> None:
        _three(store)
        first, second, third = NUMBERS
        assert store.archived() == {}
        assert store.set_archived([second, first], archived=True) == tuple(sorted((first, second)))
        archived = store.archived()
        assert set(archived) == {first, second}
        assert all(at.utcoffset() is not None for at in archived.values())
        assert store.set_archived([first, third], archived=True) == (third,)
        assert store.set_archived([first, first], archived=False) == (first,)
        assert set(store.archived()) == {second, third}
        assert store.archived()[second] == archived[second], "unchanged: its time stays"
        assert store.set_archived([], archived=True) == ()
        assert len(store.companies()) == 3, "archived companies stay on the platform"

    def test_archiving_an_unknown_company_changes_nothing(self, store: Any) -> None:
        _three(store)
        unknown = EnterpriseNumber.parse("0400000086")
        with pytest.raises(StoreError) as refused:
            store.set_archived([NUMBERS[0], unknown], archived=True)
        assert refused.value.code == "store.not_found"
        assert store.archived() == {}
        store.set_archived([NUMBERS[1]], archived=True)
        with pytest.raises(StoreError):
            store.set_archived([NUMBERS[1], unknown], archived=False)
        assert set(store.archived()) == {NUMBERS[1]}, "the restore of a known one undone too"

    def test_an_archived_companys_outbox_entries_wait_until_it_is_restored(
        self, store: Any
    ) -> None:
        _three(store)
        [entry_id] = _queued(store, 1)
        store.set_archived([NUMBERS[0]], archived=True)
        assert store.claim("s", owner="w", now=T0, lease=LEASE) is None
        assert store.next_due("s") is None, "a push does not wait for it"
        assert [e.state for e in store.outbox("s")] == [OutboxState.PENDING]
        store.set_archived([NUMBERS[0]], archived=False)
        claimed = store.claim("s", owner="w", now=T0, lease=LEASE)
        assert claimed is not None
        assert claimed.id == entry_id

    def test_archived_by_office_reads_every_offices_archive(
        self, opened: Callable[..., Any]
    ) -> None:
        ours = opened()
        _three(ours)
        ours.set_archived([NUMBERS[0]], archived=True)
        if not self.several_offices:
            assert ours.archived_by_office() == {DEFAULT_OFFICE: ours.archived()}
            return
        theirs = opened("other_office")
        _three(theirs)
        theirs.set_archived([NUMBERS[1], NUMBERS[2]], archived=True)
        assert set(ours.archived()) == {NUMBERS[0]}, "an office's archive is its own"
        by_office = ours.archived_by_office()
        assert by_office == {DEFAULT_OFFICE: ours.archived(), "other_office": theirs.archived()}
        assert set(by_office["other_office"]) == {NUMBERS[1], NUMBERS[2]}

    # the sync

    def test_sync_occurrences_are_claimed_once_and_finished(self, store: Any) -> None:
        due = [(n, T0) for n in NUMBERS[:2]]
        assert store.enqueue(due, until=T0 + timedelta(days=7)) == 2
        assert store.enqueue(due, until=T0) == 0
        assert store.enqueued_until() == T0 + timedelta(days=7)
        first = store.claim_sync(owner="a", now=T0, due_until=T0, lease=LEASE)
        second = store.claim_sync(owner="b", now=T0, due_until=T0, lease=LEASE)
        assert {first.enterprise_number, second.enterprise_number} == set(NUMBERS[:2])
        assert store.claim_sync(owner="c", now=T0, due_until=T0, lease=LEASE) is None
        done = OccurrenceStep(state=OccurrenceState.DONE)
        assert store.finish_sync(first, step=done, attempt=None)
        assert not store.finish_sync(first, step=done, attempt=None)
        states = {o.enterprise_number: o.state for o in store.sync_occurrences()}
        assert states == {
            first.enterprise_number: OccurrenceState.DONE,
            second.enterprise_number: OccurrenceState.CLAIMED,
        }

    def test_a_sync_claim_is_renewed_only_while_its_owner_holds_it(self, store: Any) -> None:
        store.enqueue([(NUMBERS[0], T0)], until=T0)
        claim = store.claim_sync(owner="a", now=T0, due_until=T0, lease=LEASE)
        later = T0 + LEASE
        assert store.renew_sync(claim, now=later - timedelta(seconds=1), lease=LEASE)
        assert store.claim_sync(owner="b", now=later, due_until=later, lease=LEASE) is None
        lapsed = later + LEASE
        assert store.renew_sync(claim, now=lapsed, lease=LEASE), "lapsed, but nobody took it"
        taken = store.claim_sync(owner="b", now=lapsed + LEASE, due_until=lapsed, lease=LEASE)
        assert taken is not None
        assert taken.owner == "b"
        assert not store.renew_sync(claim, now=lapsed + LEASE, lease=LEASE)
        [held] = store.sync_occurrences({OccurrenceState.CLAIMED})
        assert held.lease_owner == "b"

    def test_dead_owners_claims_and_permits_are_released(self, store: Any) -> None:
        store.enqueue([(n, T0) for n in NUMBERS[:2]], until=T0)
        limits = PortalLimits(concurrency=2, calls=10, per=60.0)
        for owner in ("dead", "live"):
            assert store.claim_sync(owner=owner, now=T0, due_until=T0, lease=LEASE) is not None
            assert store.acquire_portal(owner=owner, now=T0, limits=limits).permit is not None
        assert store.acquire_portal(owner="x", now=T0, limits=limits).permit is None
        assert store.release_sync_orphans(lambda owner: owner != "dead", now=T0) == 1
        states = {o.lease_owner: o.state for o in store.sync_occurrences()}
        assert states == {None: OccurrenceState.PENDING, "live": OccurrenceState.CLAIMED}
        assert store.acquire_portal(owner="x", now=T0, limits=limits).permit is not None

    def test_an_unused_portal_permit_counts_for_nothing(self, store: Any) -> None:
        limits = PortalLimits(concurrency=1, calls=1, per=60.0)
        grant = store.acquire_portal(owner="a", now=T0, limits=limits)
        store.release_portal(grant.permit, now=T0, used=False)
        used = store.acquire_portal(owner="b", now=T0, limits=limits)
        assert used.permit is not None
        store.release_portal(used.permit, now=T0)
        assert store.acquire_portal(owner="c", now=T0, limits=limits).permit is None

    def test_portal_permits_hold_for_every_store_object_and_office(
        self, opened: Callable[..., Any]
    ) -> None:
        limits = PortalLimits(concurrency=1, calls=10, per=60.0)
        first = opened()
        other = opened("other_office") if self.several_offices else opened()
        grant = first.acquire_portal(owner="a", now=T0, limits=limits)
        assert grant.permit is not None
        assert other.acquire_portal(owner="b", now=T0, limits=limits).permit is None
        first.release_portal(grant.permit, now=T0)
        assert other.acquire_portal(owner="b", now=T0, limits=limits).permit is not None

    # offices

    def test_an_office_cannot_read_or_change_another_offices_rows(
        self, opened: Callable[..., Any]
    ) -> None:
        ours = opened()
        if not self.several_offices:
            with pytest.raises(StoreError) as refused:  # a store of one office refuses others
                opened("other_office")
            assert refused.value.code == "store.office"
            return
        theirs = opened("other_office")
        ours.apply(ApplyPlan(add=(_acme(),)), sample_run())
        ours.set_setting("k", "ours")
        [entry_id] = _queued(ours, 1)
        document_id = ours.documents()[0].id
        assert theirs.office == "other_office"
        assert theirs.companies() == []
        assert theirs.company(NUMBERS[0]) is None
        assert theirs.import_runs() == []
        assert theirs.settings() == {}
        assert theirs.documents() == []
        assert theirs.outbox() == []
        with pytest.raises(StoreError, match="no document"):
            theirs.document(document_id)
        assert theirs.claim("s", owner="x", now=T0, lease=LEASE) is None
        assert not theirs.finish(entry_id, owner="x", step=Step(state=OutboxState.DONE), now=T0)
        renamed = attrs.evolve(_acme(), name="Taken over")
        with pytest.raises(StaleStoreError):
            theirs.apply(
                ApplyPlan(update=(Update(before=_acme(), after=renamed, fields=("name",)),)),
                sample_run(),
            )
        # the same number in an office of its own
        theirs.apply(ApplyPlan(add=(renamed,)), sample_run())
        theirs.set_setting("k", "theirs")
        assert ours.companies() == [_acme()]
        assert ours.get_setting("k") == "ours"
        assert [e.state for e in ours.outbox()] == [OutboxState.PENDING]
        assert set(ours.offices()) == {DEFAULT_OFFICE, "other_office"}
        assert ours.companies_by_office() == {DEFAULT_OFFICE: [_acme()], "other_office": [renamed]}
