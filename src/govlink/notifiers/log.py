"""The logging notifier: every alert becomes one log line (logger ``govlink.alerts``).

A built-in plugin (name ``log``; block it with ``GOVLINK_DISABLE_PLUGINS=log``). Alerts with
nobody to send them to are logged as warnings.
"""

from __future__ import annotations

import logging
from typing import Final

from govlink.domain.alerts import Alert
from govlink.plugins import hookimpl

__all__ = ["govlink_notify"]

_LOG: Final = logging.getLogger("govlink.alerts")


@hookimpl
def govlink_notify(alert: Alert) -> None:
    """Log ``alert``: its kind, company, recipient and subject."""
    if alert.recipient is None:
        _LOG.warning(
            "%s for %s has no recipient: %s",
            alert.kind.value,
            alert.enterprise_number.formatted,
            alert.subject,
        )
        return
    _LOG.info(
        "%s for %s to %s%s: %s",
        alert.kind.value,
        alert.enterprise_number.formatted,
        alert.recipient,
        " (fallback: no responsible colleague)" if alert.fallback else "",
        alert.subject,
    )
