"""The ``GOVLINK_ADMINIS_*`` settings of the ``adminis`` source: their meaning and their reader."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

from govlink.connectors.adminis.client import CONNECTOR
from govlink.errors import ConfigurationError

__all__ = ["SETTINGS", "SettingsReader"]

#: Every setting the source reads, with what it means.
SETTINGS: Final = {
    "GOVLINK_ADMINIS_URL": "https://host:port of the Admin-IS API server (required)",
    "GOVLINK_ADMINIS_API_KEY": "the API key from Syneton's management console (required)",
    "GOVLINK_ADMINIS_TIMEOUT": "seconds per call attempt (default 30)",
    "GOVLINK_ADMINIS_VERIFY_TLS": "0 to skip certificate checks (default 1)",
    "GOVLINK_ADMINIS_NUMBER_FIELDS": "customer fields holding the enterprise number, preferred "
    "first (default VATNr,RegistrationNr)",
    "GOVLINK_ADMINIS_RESPONSIBLE_FIELD": "customer field with the responsible's e-mail (none)",
    "GOVLINK_ADMINIS_RESPONSIBLE_PROFILE": "employee profile (ProfileName) whose project "
    "employee is the responsible (default: the first relational profile; none: off)",
    "GOVLINK_ADMINIS_INCLUDE_INACTIVE": "1 to import inactive customers (default 0)",
    "GOVLINK_ADMINIS_SOLE_PROPRIETORS": "0 to skip sole proprietors (default 1)",
    "GOVLINK_ADMINIS_TASKFLOW_FROM": "first deadline date of --template (default 1 Jan last year)",
    "GOVLINK_ADMINIS_TASKFLOW_TO": "last deadline date of --template (default 31 Dec this year)",
    "GOVLINK_ADMINIS_CHUNK": "CustomerIds per 'in (...)' filter (default 100)",
}
_TRUE: Final = frozenset({"1", "true", "yes", "on"})
_FALSE: Final = frozenset({"0", "false", "no", "off"})


class SettingsReader:
    """Reads the ``GOVLINK_ADMINIS_*`` settings; a bad value is a configuration error."""

    def __init__(self, settings: Mapping[str, str]) -> None:
        self._values = {k: v for k, v in settings.items() if k in SETTINGS}

    def _bad(self, name: str, what: str) -> ConfigurationError:
        return ConfigurationError(f"{CONNECTOR}: {name} {what}", connector=CONNECTOR)

    def text(self, name: str) -> str | None:
        value = self._values.get(name, "").strip()
        return value or None

    def required(self, name: str) -> str:
        value = self.text(name)
        if value is None:
            raise self._bad(name, f"is not set: {SETTINGS[name]}")
        return value

    def flag(self, name: str, default: bool) -> bool:
        value = (self.text(name) or "").casefold()
        if not value:
            return default
        if value not in _TRUE | _FALSE:
            raise self._bad(name, "must be 1 or 0")
        return value in _TRUE

    def number(self, name: str, default: float) -> float:
        value = self.text(name)
        try:
            number = float(value) if value is not None else default
        except ValueError:
            number = 0.0
        if not number > 0:
            raise self._bad(name, "must be a positive number")
        return number

    def day(self, name: str, default: date) -> date:
        value = self.text(name)
        try:
            return date.fromisoformat(value) if value is not None else default
        except ValueError:
            raise self._bad(name, "must be a date (YYYY-MM-DD)") from None
