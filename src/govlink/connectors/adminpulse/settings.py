"""Environment-style settings (``GOVLINK_ADMINPULSE_*``) for the mapping and the task window.

=========================================  ================================================
setting                                    meaning (comma lists where plural)
=========================================  ================================================
``GOVLINK_ADMINPULSE_FIELD_<FIELD>``       JSON names for a Company field, first present
                                           wins (``..._FIELD_ENTERPRISE_NUMBER=vatNumber``)
``GOVLINK_ADMINPULSE_STATUSES``            relation statuses imported (``customer``)
``GOVLINK_ADMINPULSE_SKIP_TYPES``          relation types skipped (``person``)
``GOVLINK_ADMINPULSE_RESPONSIBLE_PROFILES``profile names giving the responsible
``GOVLINK_ADMINPULSE_TYPE_FIELD``          JSON name of the relation type (``type``)
``GOVLINK_ADMINPULSE_STATUS_FIELD``        JSON name of the status (``status``)
``GOVLINK_ADMINPULSE_PROFILES_FIELD``      JSON name of the profiles list (``profiles``)
``GOVLINK_ADMINPULSE_TASKS_FROM`` /        the task deadline window for ``--template``
``GOVLINK_ADMINPULSE_TASKS_UNTIL``         (``YYYY-MM-DD``; default last year to next year)
=========================================  ================================================

The sink's settings:

==============================================  ===============================================
setting                                         meaning
==============================================  ===============================================
``GOVLINK_ADMINPULSE_DOCUMENT_TYPE``            ``documentType`` sent with every document
``GOVLINK_ADMINPULSE_DOCUMENTS_PER_MINUTE``     the ``documents/add`` limit (default 50)
``GOVLINK_ADMINPULSE_CALLS_PER_MINUTE``         the overall limit (default 480)
``GOVLINK_ADMINPULSE_CALLS_PER_SECOND``         the burst limit (default 8)
``GOVLINK_ADMINPULSE_TIMEOUT``                  seconds to wait for an answer (default 30)
==============================================  ===============================================
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from govlink.connectors.adminpulse.client import DEFAULT_LIMITS, DOCUMENTS_ADD
from govlink.connectors.adminpulse.mapping import DEFAULT_FIELDS, RelationMapping
from govlink.connectors.adminpulse.templates import TaskWindow
from govlink.connectors.http import Rate
from govlink.errors import ConfigurationError

__all__ = ["limits_from_env", "mapping_from_env", "timeout_from_env", "window_from_env"]

_PREFIX: Final = "GOVLINK_ADMINPULSE_"
_FIELD_PREFIX: Final = f"{_PREFIX}FIELD_"
_LISTS: Final = {
    "STATUSES": "imported_statuses",
    "SKIP_TYPES": "skipped_types",
    "RESPONSIBLE_PROFILES": "responsible_profiles",
}
_NAMES: Final = {
    "TYPE_FIELD": "type_field",
    "STATUS_FIELD": "status_field",
    "PROFILES_FIELD": "profiles_field",
}


def _error(message: str) -> ConfigurationError:
    return ConfigurationError(f"adminpulse: {message}", connector="adminpulse")


def _words(value: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in value.split(",") if word.strip())


def mapping_from_env(env: Mapping[str, str]) -> RelationMapping:
    """The relation mapping, with every setting present in ``env`` applied over the defaults."""
    fields: dict[str, tuple[str, ...]] = {}
    for key, value in env.items():
        if not key.startswith(_FIELD_PREFIX):
            continue
        field = key.removeprefix(_FIELD_PREFIX).lower()
        if field not in DEFAULT_FIELDS:
            raise _error(f"{key} names no field; use one of {', '.join(DEFAULT_FIELDS).upper()}")
        if not _words(value):
            raise _error(f"{key} is empty")
        fields[field] = _words(value)
    options: dict[str, Any] = {"fields": fields}
    options |= {attr: _words(env[_PREFIX + k]) for k, attr in _LISTS.items() if _PREFIX + k in env}
    options |= {
        attr: env[_PREFIX + k].strip() for k, attr in _NAMES.items() if env.get(_PREFIX + k, "")
    }
    return RelationMapping(**options)


def _date(env: Mapping[str, str], name: str) -> date | None:
    value = env.get(_PREFIX + name, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _error(f"{_PREFIX}{name}={value!r} is not a date (YYYY-MM-DD)") from None


def window_from_env(env: Mapping[str, str], *, today: date | None = None) -> TaskWindow:
    """The task deadline window: the settings when present, else around ``today``."""
    default = TaskWindow.around(today or date.today())
    start = _date(env, "TASKS_FROM") or default.start
    end = _date(env, "TASKS_UNTIL") or default.end
    if end < start:
        raise _error(f"the task window ends ({end}) before it starts ({start})")
    return TaskWindow(start=start, end=end)


def _positive(env: Mapping[str, str], name: str) -> float | None:
    value = env.get(_PREFIX + name, "").strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if number <= 0:
        raise ConfigurationError(
            f"adminpulse: {_PREFIX}{name}={value!r} must be a positive number",
            connector="adminpulse",
        )
    return number


def limits_from_env(env: Mapping[str, str]) -> Mapping[str, tuple[Rate, ...]]:
    """The client's rate limits, with the ``..._PER_MINUTE`` / ``..._PER_SECOND`` settings."""
    per_minute = _positive(env, "CALLS_PER_MINUTE")
    per_second = _positive(env, "CALLS_PER_SECOND")
    documents = _positive(env, "DOCUMENTS_PER_MINUTE")
    minute, second = DEFAULT_LIMITS["all"]
    return {
        "all": (
            Rate(int(per_minute), 60.0) if per_minute else minute,
            Rate(int(per_second), 1.0) if per_second else second,
        ),
        DOCUMENTS_ADD: (Rate(int(documents), 60.0),)
        if documents
        else DEFAULT_LIMITS[DOCUMENTS_ADD],
    }


def timeout_from_env(env: Mapping[str, str]) -> float:
    """Seconds to wait for an answer (``GOVLINK_ADMINPULSE_TIMEOUT``, default 30)."""
    return _positive(env, "TIMEOUT") or 30.0
