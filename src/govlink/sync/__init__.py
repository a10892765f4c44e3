"""The MyMinfin sync: the plan's due occurrences → fetch → ingest → alerts → outbox.

See docs/sync.md. :func:`run_due` runs what is due once; :func:`work` is a worker that polls
until stopped; :func:`sync_status` reports; :func:`measured_costs` feeds the planner.
"""

from govlink.sync.enqueue import enqueue_due
from govlink.sync.options import SyncOptions
from govlink.sync.policy import RetryRule, next_step
from govlink.sync.runner import RunnerStore, SyncReport, open_fetcher, run_due, work

__all__ = [
    "RetryRule",
    "RunnerStore",
    "SyncOptions",
    "SyncReport",
    "enqueue_due",
    "next_step",
    "open_fetcher",
    "run_due",
    "work",
]
