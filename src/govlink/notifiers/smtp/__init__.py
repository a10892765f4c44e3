"""The built-in ``smtp`` plugin: the ``smtp`` notifier, on when the ``smtp_host`` setting is set.

It declares its settings (the password ``smtp_password`` is secret: it comes from
``GOVLINK_SMTP_PASSWORD``, never from the store). This module is the plugin and stays
import-light: smtplib and ssl are imported only when the notifier is opened
(:mod:`govlink.notifiers.smtp.notifier`, :mod:`govlink.notifiers.smtp.settings`).
"""

from __future__ import annotations

from typing import Final

from govlink.plugins import Notifier, NotifierOptions, NotifierSpec, SettingSpec, hookimpl
from govlink.plugins.settings import (
    boolean,
    email_address,
    one_of,
    positive_number,
    positive_whole_number,
)

__all__ = ["SETTINGS", "SPEC", "govlink_notifiers"]

SETTINGS: Final = (
    SettingSpec(key="smtp_host", description="the mail server; setting it switches SMTP on"),
    SettingSpec(
        key="smtp_port",
        description="its port (default 25, 587 or 465 by smtp_tls)",
        check=positive_whole_number,
    ),
    SettingSpec(
        key="smtp_tls",
        description="none, starttls (default) or implicit",
        check=one_of("none", "starttls", "implicit"),
    ),
    SettingSpec(key="smtp_username", description="the login name, when the server wants one"),
    SettingSpec(
        key="smtp_password",
        description="the login password (from GOVLINK_SMTP_PASSWORD only)",
        secret=True,
    ),
    SettingSpec(key="smtp_sender", description="the From address", check=email_address),
    SettingSpec(key="smtp_ca_file", description="a PEM bundle to trust (a private CA)"),
    SettingSpec(
        key="smtp_timeout", description="seconds per server call (30)", check=positive_number
    ),
    SettingSpec(
        key="smtp_allow_plaintext_login",
        description="true to log in without TLS (smtp_tls none), with a warning",
        check=boolean,
    ),
)
"""The settings the SMTP notifier reads."""


def _open(options: NotifierOptions) -> Notifier | None:
    if "smtp_host" not in options.settings:
        return None
    from govlink.notifiers.smtp.notifier import SmtpNotifier
    from govlink.notifiers.smtp.settings import SmtpSettings

    return SmtpNotifier(SmtpSettings.from_settings(options.settings))


SPEC: Final = NotifierSpec(
    name="smtp",
    description="Alerts by e-mail to the responsible colleague (or the fallback recipient)",
    open=_open,
    settings=SETTINGS,
)


@hookimpl
def govlink_notifiers() -> list[NotifierSpec]:
    """Offer the ``smtp`` notifier."""
    return [SPEC]
