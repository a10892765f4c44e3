"""The built-in ``log`` plugin: every alert becomes one log line (logger ``govlink.alerts``).

Always on (block it with ``GOVLINK_DISABLE_PLUGINS=log``). It tells nobody, so an alert only it
handled is ``logged``, not ``sent``. Alerts with nobody to send them to are logged as warnings.
"""

from __future__ import annotations

import logging
from typing import Final

from govlink.domain.alerts import Alert
from govlink.plugins import NotifierOptions, NotifierSpec, NotifyOutcome, hookimpl

__all__ = ["SPEC", "LogNotifier", "govlink_notifiers"]

_LOG: Final = logging.getLogger("govlink.alerts")


class LogNotifier:
    """Logs each alert: its kind, company, recipient and subject."""

    name = "log"

    def notify(self, alert: Alert) -> NotifyOutcome:
        """Log ``alert`` (a warning when it has no recipient)."""
        number = alert.enterprise_number.formatted
        if alert.recipient is None:
            _LOG.warning("%s for %s has no recipient: %s", alert.kind.value, number, alert.subject)
        else:
            fallback = " (fallback: no responsible colleague)" if alert.fallback else ""
            _LOG.info(
                "%s for %s to %s%s: %s",
                alert.kind.value,
                number,
                alert.recipient,
                fallback,
                alert.subject,
            )
        return NotifyOutcome.LOGGED


def _open(options: NotifierOptions) -> LogNotifier:
    return LogNotifier()


SPEC: Final = NotifierSpec(
    name="log", description="Alerts as log lines (govlink.alerts)", open=_open
)


@hookimpl
def govlink_notifiers() -> list[NotifierSpec]:
    """Offer the ``log`` notifier."""
    return [SPEC]
