"""One company's sync: claim checks, a portal permit, the fetch, ingest, and the record.

Documents are handled exactly once: portal ids already handled are skipped, the rest go
through the ingest path (store once by company + SHA-256, with the alert and outbox entries in
the same transaction), and only after that commit are the portal ids remembered and the
watermark moved. A crash in between fetches them again next time; the content hash makes the
second ingest a duplicate, not a second document.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

import attrs

from govlink.domain.documents import Document
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import ConfigurationError, GovlinkError, RateLimited, RetriableConnectorError
from govlink.plugins.fetchers import FetchedDocument, Fetcher, FetchOutcome, FetchRequest
from govlink.plugins.registry import Registry
from govlink.store.sync import (
    AttemptOutcome,
    ClaimedSync,
    FetchedId,
    OccurrenceState,
    OccurrenceStep,
    SyncAttempt,
    SyncStore,
)
from govlink.sync.alerts import no_mandate_alert
from govlink.sync.labels import kind_of
from govlink.sync.options import SyncOptions
from govlink.sync.policy import next_step
from govlink.workflows.alerts import ALERT_LANGUAGE, FALLBACK_RECIPIENT, deliver_alerts
from govlink.workflows.ingesting import IngestStore, ingest

__all__ = ["CompanySync", "SyncWorkStore"]


class SyncWorkStore(SyncStore, IngestStore, Protocol):
    """What syncing a company needs: the sync's state, documents, companies and settings."""


@attrs.frozen
class _Fetched:
    outcome: AttemptOutcome
    documents: tuple[FetchedDocument, ...] = ()
    retry_after: float | None = None
    message: str = ""


def _fetch(fetcher: Fetcher, request: FetchRequest) -> _Fetched:
    """Call the fetcher; its typed failures become outcomes, a bad configuration propagates."""
    try:
        result = fetcher.fetch(request)
    except ConfigurationError:
        raise
    except RateLimited as error:
        return _Fetched(
            AttemptOutcome.THROTTLED, retry_after=error.retry_after, message=error.message
        )
    except RetriableConnectorError as error:
        return _Fetched(
            AttemptOutcome.UNAVAILABLE, retry_after=error.retry_after, message=error.message
        )
    except GovlinkError as error:
        return _Fetched(AttemptOutcome.ERROR, message=error.message)
    except Exception as error:
        return _Fetched(AttemptOutcome.ERROR, message=f"the fetcher failed: {type(error).__name__}")
    if result.outcome is FetchOutcome.OK:
        return _Fetched(AttemptOutcome.OK, documents=result.documents)
    return _Fetched(
        AttemptOutcome(result.outcome.value), retry_after=result.retry_after, message=result.message
    )


def _document(number: EnterpriseNumber, fetched: FetchedDocument, now: datetime) -> Document:
    document = Document.from_content(
        fetched.content,
        enterprise_number=number,
        kind=kind_of(fetched.kind_label),
        file_name=fetched.file_name,
        received_at=now,
        title=fetched.title,
        document_date=fetched.document_date,
        content_type=fetched.content_type,
    )
    return attrs.evolve(document, kind_label=fetched.kind_label)


class CompanySync:
    """Runs claimed occurrences for one worker: one fetcher, one store connection.

    :ivar skipped: occurrences skipped (a recent sync, archived, not on the platform).
    :ivar lost: claims lost before their sync began (the worker stalled past its lease and
        another worker took the occurrence over); not run here.
    """

    def __init__(
        self,
        store: SyncWorkStore,
        registry: Registry,
        fetcher: Fetcher,
        options: SyncOptions,
        owner: str,
    ) -> None:
        self._store = store
        self._registry = registry
        self._fetcher = fetcher
        self._options = options
        self.owner = owner
        self.skipped = 0
        self.lost = 0

    def run(self, claim: ClaimedSync) -> SyncAttempt | None:
        """Run one claimed occurrence; returns its attempt (``None`` when it was skipped or
        its claim was lost).

        While it waits for a portal permit the claim's lease is renewed, so the occurrence is
        not taken over; a claim found lost when the permit comes is not run.

        :raises ConfigurationError: the fetcher refused its credentials; the occurrence is
            given back untouched.
        """
        store, clock = self._store, self._options.clock
        number = claim.enterprise_number
        state = store.sync_company(number)
        now = clock.now()
        recent = (
            state is not None
            and state.last_success_at is not None
            and (now - state.last_success_at < self._options.min_interval)
        )
        company = store.company(number)
        archived = company is not None and number in store.archived()
        if recent or company is None or archived:
            if recent:
                why = "synced less than 24 h before"
            else:
                why = "archived" if archived else "not on the platform"
            step = OccurrenceStep(state=OccurrenceState.SKIPPED, outcome=why)
            store.finish_sync(claim, step=step, attempt=None)
            self.skipped += 1
            return None
        request = FetchRequest(
            enterprise_number=number,
            office=self._options.office,
            mandate=self._options.mandate,
            since=None if state is None else state.watermark,
            known=store.fetched_ids(number),
        )
        started = clock.now()
        permit = self._permit(claim)
        if permit is None:
            self.lost += 1
            return None
        try:
            fetched = _fetch(self._fetcher, request)
            if fetched.outcome is AttemptOutcome.OK:
                documents = self._ingest(number, fetched.documents)
            else:
                documents = 0
        except BaseException:
            store.release_sync(claim)
            raise
        finally:
            store.release_portal(permit, now=clock.now())
        ended = clock.now()
        attempt = SyncAttempt(
            enterprise_number=number,
            due_at=claim.due_at,
            worker=self.owner,
            started_at=started,
            seconds=(ended - started).total_seconds(),
            documents=documents,
            outcome=fetched.outcome,
            message=fetched.message,
        )
        step = next_step(
            fetched.outcome,
            due_at=claim.due_at,
            now=ended,
            attempts=claim.attempts + 1,
            retry_after=fetched.retry_after,
            rule=self._options.retry,
        )
        alert = None
        if fetched.outcome is AttemptOutcome.NO_MANDATE:
            alert = no_mandate_alert(
                company,
                fallback=store.get_setting(FALLBACK_RECIPIENT),
                message=fetched.message or "no active mandate",
                language=store.get_setting(ALERT_LANGUAGE),
            )
        store.finish_sync(
            claim,
            step=step,
            attempt=attempt,
            no_mandate_alert=alert,
            smoothing=self._options.smoothing,
        )
        if alert is not None:
            deliver_alerts(store, self._registry)
        return attempt

    def _permit(self, claim: ClaimedSync) -> int | None:
        """A portal permit, the claim renewed every third of its lease while waiting and
        once more before the sync if that much time passed; ``None`` when the claim was lost."""
        store, clock, lease = self._store, self._options.clock, self._options.lease
        beat = lease.total_seconds() / 3
        renewed = clock.now()
        while True:
            now = clock.now()
            if (now - renewed).total_seconds() >= beat:
                if not store.renew_sync(claim, now=now, lease=lease):
                    return None
                renewed = now
            grant = store.acquire_portal(owner=self.owner, now=now, limits=self._options.limits)
            if grant.permit is None:
                clock.sleep(min(grant.wait, beat))
                continue
            now = clock.now()
            if (now - renewed).total_seconds() < beat or store.renew_sync(
                claim, now=now, lease=lease
            ):
                return grant.permit
            store.release_portal(grant.permit, now=now, used=False)
            return None

    def _ingest(self, number: EnterpriseNumber, fetched: Sequence[FetchedDocument]) -> int:
        """Ingest the documents not handled yet, then remember them and move the watermark.

        :returns: how many documents were new (stored, or rejected by the checks).
        """
        known = self._store.fetched_ids(number)
        new = [item for item in fetched if item.portal_id not in known]
        now = self._options.clock.now()
        documents = [_document(number, item, now) for item in new]
        if documents:
            ingest(documents, self._store, self._registry)
        stamps = [item.published_at for item in fetched if item.published_at is not None]
        self._store.record_fetched(
            number,
            [
                FetchedId(portal_id=i.portal_id, sha256=d.sha256)
                for i, d in zip(new, documents, strict=True)
            ],
            watermark=max(stamps, default=None),
        )
        return len(new)
