"""The SMTP notifier's settings: server, encryption, optional login and the sender address.

A login over a plain connection (``smtp_tls none``) would send the password in the clear: it
is refused unless ``smtp_allow_plaintext_login`` is ``true``, and then warned about.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Final

import attrs

from govlink.errors import ConfigurationError

if TYPE_CHECKING:
    import ssl

__all__ = ["PASSWORD_ENV", "SmtpSettings", "TlsMode"]

PASSWORD_ENV: Final = "GOVLINK_SMTP_PASSWORD"
"""The environment variable holding the SMTP password (the secret setting ``smtp_password``)."""

_LOG: Final = logging.getLogger("govlink.notifiers.smtp")


class TlsMode(StrEnum):
    """How the connection is encrypted."""

    NONE = "none"
    STARTTLS = "starttls"
    IMPLICIT = "implicit"


_DEFAULT_PORTS: Final = {TlsMode.NONE: 25, TlsMode.STARTTLS: 587, TlsMode.IMPLICIT: 465}


def _tls_mode(value: str) -> TlsMode:
    try:
        return TlsMode(value.strip().lower())
    except ValueError:
        choices = ", ".join(mode.value for mode in TlsMode)
        raise ConfigurationError(
            f"smtp_tls must be one of {choices}, not {value!r}", connector="smtp"
        ) from None


def _number(name: str, value: str, kind: type[int] | type[float]) -> int | float:
    try:
        number = kind(value)
    except ValueError:
        raise ConfigurationError(
            f"{name} must be a number, not {value!r}", connector="smtp"
        ) from None
    if number <= 0:
        raise ConfigurationError(f"{name} must be positive, not {value!r}", connector="smtp")
    return number


@attrs.frozen(kw_only=True)
class SmtpSettings:
    """Where and how to send.

    :param ca_file: a PEM bundle to trust instead of the system's (for a private CA).
    :param allow_plaintext_login: log in even without TLS (the password travels in the clear).
    :raises ConfigurationError: a login over a plain connection that is not explicitly allowed.
    """

    host: str
    port: int
    sender: str
    tls: TlsMode = TlsMode.STARTTLS
    username: str | None = None
    password: str | None = attrs.field(default=None, repr=False)
    ca_file: str | None = None
    timeout: float = 30.0
    allow_plaintext_login: bool = False

    def __attrs_post_init__(self) -> None:
        if self.username is None or self.tls is not TlsMode.NONE:
            return
        if not self.allow_plaintext_login:
            raise ConfigurationError(
                "smtp_username is set but smtp_tls is none: the password would cross the "
                "network unencrypted; use smtp_tls starttls or implicit (or, knowingly, "
                "smtp_allow_plaintext_login true)",
                connector="smtp",
            )
        _LOG.warning(
            "SMTP login to %s:%d over a plain connection: the password is sent unencrypted "
            "(smtp_allow_plaintext_login is true)",
            self.host,
            self.port,
        )

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> SmtpSettings:
        """Read the ``smtp_*`` settings (the password as ``smtp_password``, from the
        environment at the edge).

        :raises ConfigurationError: a setting is missing or unusable.
        """
        host = settings.get("smtp_host", "").strip()
        sender = settings.get("smtp_sender", "").strip()
        if not host or not sender:
            raise ConfigurationError(
                "the SMTP notifier needs the settings smtp_host and smtp_sender", connector="smtp"
            )
        tls = _tls_mode(settings.get("smtp_tls", TlsMode.STARTTLS.value))
        port = settings.get("smtp_port")
        timeout = settings.get("smtp_timeout")
        plaintext = settings.get("smtp_allow_plaintext_login", "false").strip().lower()
        return cls(
            host=host,
            port=int(_number("smtp_port", port, int)) if port else _DEFAULT_PORTS[tls],
            sender=sender,
            tls=tls,
            username=settings.get("smtp_username") or None,
            password=settings.get("smtp_password") or None,
            ca_file=settings.get("smtp_ca_file") or None,
            timeout=float(_number("smtp_timeout", timeout, float)) if timeout else 30.0,
            allow_plaintext_login=plaintext == "true",
        )

    def tls_context(self) -> ssl.SSLContext:
        """The TLS context that verifies the server (against ``ca_file`` when given)."""
        import ssl  # only when sending: the plugin stays import-light

        return ssl.create_default_context(cafile=self.ca_file)
