"""A real SMTP server on 127.0.0.1 that keeps what it receives, for testing notifiers.

Needs ``aiosmtpd`` (in govlink's ``testing`` extra)::

    with LoopbackSmtpServer() as server:
        send_message(SmtpSettings(host=server.host, port=server.port, sender="a@b.be",
                                  tls=TlsMode.NONE), message)
    assert server.messages[0]["To"] == "an@firm.be"
"""

from __future__ import annotations

import socket
import ssl
import threading
import warnings
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any, Self

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from govlink._closing import Closing

__all__ = ["LoopbackSmtpServer"]


class _Handler:
    def __init__(self, server: LoopbackSmtpServer) -> None:
        self._server = server

    async def handle_DATA(self, smtp: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        message = message_from_bytes(raw, policy=policy.default)
        assert isinstance(message, EmailMessage)
        with self._server.lock:
            self._server.messages.append(message)
            self._server.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


class _Controller(Controller):
    def factory(self) -> SMTP:
        # With implicit TLS the whole connection is encrypted, which aiosmtpd does not see
        # when it warns about AUTH without STARTTLS.
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS")
            return SMTP(self.handler, **self.SMTP_kwargs)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class LoopbackSmtpServer(Closing):
    """An SMTP server on 127.0.0.1 (a free port) recording every message in :attr:`messages`.

    :param implicit_tls: a server context: the whole connection is TLS (SMTPS).
    :param starttls: a server context: plain connection, STARTTLS offered and required.
    :param credentials: ``(username, password)`` to require a login (over TLS when offered).
    """

    host = "127.0.0.1"

    def __init__(
        self,
        *,
        implicit_tls: ssl.SSLContext | None = None,
        starttls: ssl.SSLContext | None = None,
        credentials: tuple[str, str] | None = None,
    ) -> None:
        self.port = _free_port()
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []
        self.logins: list[str] = []
        self.lock = threading.Lock()
        self._credentials = credentials
        parameters: dict[str, Any] = {}
        if starttls is not None:
            parameters.update(tls_context=starttls, require_starttls=True)
        if credentials is not None:
            parameters.update(
                authenticator=self._authenticate,
                auth_required=True,
                auth_require_tls=starttls is not None,
            )
        self._controller = _Controller(
            _Handler(self),
            hostname=self.host,
            port=self.port,
            ssl_context=implicit_tls,
            server_hostname=self.host,
            **parameters,
        )

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and self._credentials is not None
            and (data.login.decode(), data.password.decode()) == self._credentials
        )
        if ok:
            with self.lock:
                self.logins.append(data.login.decode())
        return AuthResult(success=ok, handled=False)

    def start(self) -> Self:
        """Start serving in a background thread (the context manager does this)."""
        self._controller.start()
        return self

    def close(self) -> None:
        """Stop serving."""
        self._controller.stop()

    def __enter__(self) -> Self:
        return self.start()
