"""The settings workflow: check a setting's value before the store keeps it.

Settings are plain text in the store. Secrets (passwords, API keys, tokens) never go there:
they stay in the environment (``GOVLINK_SMTP_PASSWORD``, ``GOVLINK_ADMINPULSE_API_KEY``), so a
key that looks like one is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from govlink.domain import normalize
from govlink.errors import ConfigurationError
from govlink.i18n import LANGUAGES, language_from_locale
from govlink.notifiers.smtp import TlsMode
from govlink.store.base import SettingsStore
from govlink.workflows.alerts import ALERT_LANGUAGE, FALLBACK_RECIPIENT
from govlink.workflows.ingesting import MAX_SIZE_SETTING

__all__ = ["SECRET_WORDS", "set_setting"]

SECRET_WORDS: Final = ("password", "secret", "token", "api_key", "apikey", "credential")
"""A setting whose name contains one of these is refused: secrets belong in the environment."""


def _email(value: str) -> str | None:
    return "an e-mail address" if normalize.email(value) is None else None


def _positive(value: str) -> str | None:
    return None if value.isdigit() and int(value) > 0 else "a positive whole number"


def _number(value: str) -> str | None:
    try:
        ok = float(value) > 0
    except ValueError:
        ok = False
    return None if ok else "a positive number"


def _language(value: str) -> str | None:
    return (
        None if language_from_locale(value) == value.lower() else f"one of {', '.join(LANGUAGES)}"
    )


def _tls(value: str) -> str | None:
    modes = [mode.value for mode in TlsMode]
    return None if value.lower() in modes else f"one of {', '.join(modes)}"


_CHECKS: Final[dict[str, Callable[[str], str | None]]] = {
    FALLBACK_RECIPIENT: _email,
    ALERT_LANGUAGE: _language,
    MAX_SIZE_SETTING: _positive,
    "smtp_sender": _email,
    "smtp_port": _positive,
    "smtp_timeout": _number,
    "smtp_tls": _tls,
}


def set_setting(store: SettingsStore, key: str, value: str | None) -> None:
    """Set (or, with ``None``, remove) a setting after checking it.

    :raises ConfigurationError: the key names a secret, or the value does not fit the key.
    """
    key = key.strip()
    if not key:
        raise ConfigurationError("a setting needs a name")
    if any(word in key.lower() for word in SECRET_WORDS):
        raise ConfigurationError(
            f"{key} looks like a secret; secrets are read from the environment "
            f"(GOVLINK_{key.upper()}), never kept in the store"
        )
    if value is not None:
        value = value.strip()
        check = _CHECKS.get(key)
        wanted = check(value) if check is not None else None
        if wanted is not None:
            raise ConfigurationError(f"{key} must be {wanted}, not {value!r}")
    store.set_setting(key, value)
