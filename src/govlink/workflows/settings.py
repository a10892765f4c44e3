"""The settings workflow: only known settings, never a credential, each value checked.

Settings are plain text in the store. The known ones are govlink's own (:data:`CORE_SETTINGS`)
and those every notifier plugin declares (``smtp_*``). Secrets (passwords, API keys, tokens)
never go there: a setting declared secret, or one whose name looks like a secret, is refused
with the environment variable to use instead (``GOVLINK_SMTP_PASSWORD``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from govlink.errors import ConfigurationError
from govlink.i18n import LANGUAGES
from govlink.plugins.registry import Registry
from govlink.plugins.settings import SettingSpec, email_address, one_of, positive_whole_number
from govlink.store.base import SettingsStore
from govlink.sync.options import (
    CONCURRENCY_SETTING,
    FETCHER_SETTING,
    MANDATE_SETTING,
    OFFICE_SETTING,
    RATE_SETTING,
)
from govlink.workflows.alerts import ALERT_LANGUAGE, FALLBACK_RECIPIENT
from govlink.workflows.ingesting import MAX_SIZE_SETTING

__all__ = ["CORE_SETTINGS", "SECRET_WORDS", "known_settings", "set_setting"]

SECRET_WORDS: Final = ("password", "secret", "token", "api_key", "apikey", "credential")
"""A setting whose name contains one of these is refused: secrets belong in the environment."""

CORE_SETTINGS: Final = (
    SettingSpec(
        key=FALLBACK_RECIPIENT,
        description="who gets alerts for companies without a responsible colleague",
        check=email_address,
    ),
    SettingSpec(
        key=ALERT_LANGUAGE,
        description="the language of alerts, subject and body (nl, fr or en; default en)",
        check=one_of(*LANGUAGES),
    ),
    SettingSpec(
        key=MAX_SIZE_SETTING,
        description="the largest document accepted, in bytes",
        check=positive_whole_number,
    ),
    SettingSpec(key=FETCHER_SETTING, description="the fetcher plugin of the MyMinfin sync"),
    SettingSpec(
        key=CONCURRENCY_SETTING,
        description="company syncs on the portal at once, over all workers",
        check=positive_whole_number,
    ),
    SettingSpec(
        key=RATE_SETTING,
        description="company syncs per minute, over all workers",
        check=positive_whole_number,
    ),
    SettingSpec(key=OFFICE_SETTING, description="the office whose mandates the sync uses"),
    SettingSpec(key=MANDATE_SETTING, description="the mandate reference (not the secret)"),
)
"""govlink's own settings (the notifier plugins declare theirs)."""


def known_settings(
    registry: Registry, extra: Iterable[SettingSpec] = ()
) -> Mapping[str, SettingSpec]:
    """Every setting govlink knows: its own, every notifier's and the ``extra`` ones a host
    declares (the web app's), by key (sorted).

    :raises PluginError: two notifiers offer one name, or a plugin misbehaves.
    """
    specs = [*CORE_SETTINGS, *extra]
    for notifier in registry.notifiers().values():
        specs.extend(notifier.settings)
    return {spec.key: spec for spec in sorted(specs, key=lambda spec: spec.key)}


def _secret(key: str, environment_key: str) -> ConfigurationError:
    return ConfigurationError(
        f"{key} is a secret and never kept in the store; set {environment_key} in the "
        "environment instead",
        code="settings.secret",
    )


def set_setting(
    store: SettingsStore,
    registry: Registry,
    key: str,
    value: str | None,
    *,
    extra: Iterable[SettingSpec] = (),
) -> None:
    """Set (or, with ``None``, remove) a setting after checking it.

    Any stored key can be removed; only a known (:func:`known_settings`), non-secret key can be
    set.

    :raises ConfigurationError: the key is unknown (``settings.unknown``, listing the known
        ones) or a secret (``settings.secret``), or the value does not fit the key.
    """
    key = key.strip()
    if not key:
        raise ConfigurationError("a setting needs a name")
    if value is None:
        store.set_setting(key, None)
        return
    known = known_settings(registry, extra)
    spec = known.get(key)
    if spec is not None and spec.secret:
        raise _secret(key, spec.environment_key)
    if spec is None:
        if any(word in key.lower() for word in SECRET_WORDS):
            raise _secret(key, f"GOVLINK_{key.upper()}")
        names = ", ".join(k for k, s in known.items() if not s.secret)
        raise ConfigurationError(
            f"unknown setting {key!r}; the settings are: {names}", code="settings.unknown"
        )
    value = value.strip()
    wanted = spec.check(value) if spec.check is not None else None
    if wanted is not None:
        raise ConfigurationError(f"{key} must be {wanted}, not {value!r}")
    store.set_setting(key, value)
