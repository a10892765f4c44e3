"""How the sync runs: the clock, leases, the portal's shared limits, retries and polling."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Final

import attrs

from govlink.clock import SYSTEM_CLOCK, Clock
from govlink.errors import ConfigurationError
from govlink.store.sync import PortalLimits
from govlink.sync.policy import RetryRule

__all__ = [
    "CONCURRENCY_SETTING",
    "FETCHER_SETTING",
    "MANDATE_SETTING",
    "OFFICE_SETTING",
    "RATE_SETTING",
    "SyncOptions",
]

FETCHER_SETTING: Final = "sync_fetcher"
"""The setting naming the fetcher plugin (default ``myminfin-sim``)."""
CONCURRENCY_SETTING: Final = "sync_portal_concurrency"
"""The setting with the most company syncs on the portal at once, over all workers (default 4)."""
RATE_SETTING: Final = "sync_portal_rate"
"""The setting with the most company syncs per minute, over all workers (default 60)."""
OFFICE_SETTING: Final = "sync_office"
"""The office (firm) whose mandates the fetcher uses."""
MANDATE_SETTING: Final = "sync_mandate"
"""The reference of the mandate / CSAM credential the fetcher uses (not the secret itself)."""


def _positive(settings: Mapping[str, str], key: str, default: int) -> int:
    text = settings.get(key)
    if text is None:
        return default
    if not text.strip().isdigit() or int(text) <= 0:
        raise ConfigurationError(f"{key} must be a positive whole number, not {text!r}")
    return int(text)


@attrs.frozen(kw_only=True)
class SyncOptions:
    """How a sync run or worker behaves.

    :param fetcher: the fetcher plugin's name.
    :param limits: the portal's shared limits (concurrency, syncs per ``per`` seconds).
    :param lease: how long a claimed occurrence stays claimed; a crashed worker's claims are
        taken over when it lapses.
    :param retry: backoff for temporary failures, within the occurrence's day.
    :param min_interval: no second sync of a company within this time of a successful one.
    :param smoothing: the weight of the newest sync in the measured load averages.
    :param poll: how long an idle worker waits before looking again, in seconds.
    :param max_wait: ``sync run`` waits for a retry this long at most (seconds), else ends.
    :param fetch_timeout: seconds one portal call may take.
    :param office: the office whose mandates are used; :param mandate: the mandate reference.
    :param clock: the wall clock (simulated in tests).
    """

    fetcher: str = "myminfin-sim"
    limits: PortalLimits = attrs.field(
        factory=lambda: PortalLimits(concurrency=4, calls=60, per=60)
    )
    lease: timedelta = timedelta(minutes=15)
    retry: RetryRule = attrs.field(factory=RetryRule)
    min_interval: timedelta = timedelta(hours=24)
    smoothing: float = attrs.field(
        default=0.3, validator=[attrs.validators.gt(0), attrs.validators.le(1)]
    )
    poll: float = 60.0
    max_wait: float = 300.0
    fetch_timeout: float = 30.0
    office: str = ""
    mandate: str = ""
    clock: Clock = attrs.field(default=SYSTEM_CLOCK, repr=False)

    @classmethod
    def from_settings(cls, settings: Mapping[str, str], **overrides: object) -> SyncOptions:
        """The options the store's settings give (``sync_*``), then ``overrides``.

        :raises ConfigurationError: a limit that is not a positive whole number.
        """
        limits = PortalLimits(
            concurrency=_positive(settings, CONCURRENCY_SETTING, 4),
            calls=_positive(settings, RATE_SETTING, 60),
            per=60.0,
        )
        values: dict[str, object] = {
            "fetcher": settings.get(FETCHER_SETTING, "myminfin-sim"),
            "limits": limits,
            "office": settings.get(OFFICE_SETTING, ""),
            "mandate": settings.get(MANDATE_SETTING, ""),
        }
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]
