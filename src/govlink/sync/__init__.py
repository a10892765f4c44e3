"""The MyMinfin sync: the plan's due occurrences → fetch → ingest → alerts → outbox.

See docs/sync.md. :func:`run_due` runs what is due once; :func:`work` is a worker that polls
until stopped (:func:`stop_on_signals` stops it on SIGTERM); :func:`sync_status` reports;
:func:`govlink.workflows.costs.measured_costs` turns the measured load into planning costs.
"""

from govlink.sync.enqueue import NO_PLAN, enqueue_due
from govlink.sync.options import SyncOptions
from govlink.sync.policy import RetryRule, next_step
from govlink.sync.runner import RunnerStore, SyncReport, open_fetcher, run_due, work
from govlink.sync.signals import stop_on_signals
from govlink.sync.status import CompanyStatus, StatusStore, SyncStatus, sync_status

__all__ = [
    "NO_PLAN",
    "CompanyStatus",
    "RetryRule",
    "RunnerStore",
    "StatusStore",
    "SyncOptions",
    "SyncReport",
    "SyncStatus",
    "enqueue_due",
    "next_step",
    "open_fetcher",
    "run_due",
    "stop_on_signals",
    "sync_status",
    "work",
]
