"""The notifier contract: who hears about an alert, and what became of it.

A plugin offers notifiers through ``govlink_notifiers`` (a :class:`NotifierSpec` each). A spec
declares the settings the notifier reads and which are secret
(:class:`~govlink.plugins.settings.SettingSpec`): ``govlink settings set`` accepts only declared
keys and never stores a secret one; a secret's value comes from the environment
(``GOVLINK_`` + the key in capitals) at the edge.
:meth:`NotifierSpec.options` gathers the values, :attr:`NotifierSpec.open` builds the notifier
(or ``None`` when it is not configured, so it stays off), and :meth:`Notifier.notify` tells
what it did with an alert (:class:`NotifyOutcome`).

"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Protocol, runtime_checkable

import attrs

from govlink.domain.alerts import Alert
from govlink.plugins.settings import SettingSpec

__all__ = [
    "Notifier",
    "NotifierOptions",
    "NotifierSpec",
    "NotifyOutcome",
]


class NotifyOutcome(StrEnum):
    """What one notifier did with one alert."""

    DELIVERED = "delivered"
    """A service that delivers to the recipient accepted it (a mail server, a chat API)."""
    LOGGED = "logged"
    """Recorded (a log line, a file); nobody was told."""
    SKIPPED = "skipped"
    """Not for this notifier (no recipient to send it to, ...)."""


@attrs.frozen(kw_only=True)
class NotifierOptions:
    """What a notifier is opened with.

    :param settings: the values of the spec's declared settings that are set, by key (secret
        ones included, so a notifier never logs or echoes them).
    """

    settings: Mapping[str, str] = attrs.field(factory=dict, repr=False)


@runtime_checkable
class Notifier(Protocol):
    """An opened notifier."""

    @property
    def name(self) -> str:
        """The notifier's name as shown to the user (``smtp``)."""
        ...

    def notify(self, alert: Alert) -> NotifyOutcome:
        """Tell someone about ``alert`` (``alert.recipient``, ``None`` when nobody is known).

        :returns: delivered, logged or skipped; a failure raises (a
            :class:`~govlink.ConnectorError` subclass, or anything: the registry names the
            notifier in a :class:`~govlink.PluginError`).
        """
        ...


@attrs.frozen(kw_only=True)
class NotifierSpec:
    """A kind of notifier a plugin offers (yielded by ``govlink_notifiers``).

    :param name: unique name (``smtp``, ``log``).
    :param description: one line for ``govlink plugins``.
    :param open: builds the :class:`Notifier` from :class:`NotifierOptions`, or returns
        ``None`` when its settings leave it off (no ``smtp_host``).
    :param settings: the settings it reads; ``govlink settings set`` knows them from here.
    """

    name: str
    description: str
    open: Callable[[NotifierOptions], Notifier | None]
    settings: tuple[SettingSpec, ...] = ()

    def options(self, stored: Mapping[str, str], environment: Mapping[str, str]) -> NotifierOptions:
        """The options to open it with: its declared settings that have a value."""
        values = ((s.key, s.value(stored, environment)) for s in self.settings)
        return NotifierOptions(settings={key: value for key, value in values if value})
