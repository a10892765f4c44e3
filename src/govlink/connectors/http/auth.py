"""Credentials as :class:`httpx.Auth` flows that know their secrets.

A :class:`CredentialAuth` adds the credential to each request and tells the session which
secrets to scrub from errors and what its :attr:`~CredentialAuth.fingerprint` is (the key of the
shared rate limiter). :class:`BearerToken` sends a fixed key; :class:`OAuth2Bearer` runs the OAuth2
authorization-code flow with refresh tokens through authlib's OAuth2 client, which handles the
authorisation URL, the token request formats, client authentication, token parsing and expiry
bookkeeping we would otherwise hand-write.

authlib's own httpx integration now targets ``httpx2`` and its ``httpx`` fallback is deprecated,
so we use authlib's framework-independent client (``authlib.oauth2.client.OAuth2Client``) over a
plain :class:`httpx.Client`, with the ten-line :class:`httpx.Auth` adapter for client
authentication that the integration would otherwise provide.
"""

from __future__ import annotations

import threading
from abc import abstractmethod
from collections.abc import Callable, Generator, Iterable, Mapping
from typing import Any

import attrs
import httpx
from authlib.oauth2 import ClientAuth, OAuth2Error
from authlib.oauth2.client import OAuth2Client

from govlink.connectors.http.errors import describe_transport_error, host_of
from govlink.connectors.http.secret import Secret
from govlink.errors import ConfigurationError, Unreachable

__all__ = ["BearerToken", "CredentialAuth", "OAuth2Bearer", "OAuth2Settings"]


class CredentialAuth(httpx.Auth):
    """An :class:`httpx.Auth` that can name its secrets without showing them."""

    @property
    @abstractmethod
    def fingerprint(self) -> str:
        """A stable one-way identity of the credential (the rate-limiter key)."""

    @abstractmethod
    def secrets(self) -> Iterable[Secret]:
        """Every secret in use now, to be scrubbed from errors."""

    def close(self) -> None:
        """Release connections the credential holds (token endpoints); nothing by default."""


class BearerToken(CredentialAuth):
    """``Authorization: Bearer <key>`` with a fixed key (an API key)."""

    def __init__(self, key: Secret) -> None:
        self._key = key

    def __repr__(self) -> str:
        return "BearerToken(***)"

    @property
    def fingerprint(self) -> str:
        """The key's SHA-256."""
        return self._key.fingerprint

    def secrets(self) -> Iterable[Secret]:
        """The key."""
        return (self._key,)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the header."""
        request.headers["Authorization"] = f"Bearer {self._key.reveal()}"
        yield request


@attrs.frozen(kw_only=True)
class OAuth2Settings:
    """Where and as whom to run the OAuth2 authorization-code flow (all of it configurable).

    :param connector: the connector's name, for errors.
    :param client_id: the client id the API's provider issued.
    :param client_secret: its secret.
    :param authorize_url: where the user logs in and consents.
    :param token_url: where codes and refresh tokens become access tokens.
    :param redirect_url: the registered callback URL.
    :param scope: space-separated scopes, if the provider wants them.
    :param client_auth: how the client authenticates at the token URL
        (``client_secret_basic`` or ``client_secret_post``).
    """

    connector: str
    client_id: str
    client_secret: Secret
    authorize_url: str
    token_url: str
    redirect_url: str
    scope: str | None = None
    client_auth: str = "client_secret_basic"


class _ClientAuth(httpx.Auth, ClientAuth):
    """authlib's client authentication (basic or post) applied to an httpx token request."""

    requires_request_body = True

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        url, headers, body = self.prepare(  # type: ignore[no-untyped-call]
            request.method, str(request.url), dict(request.headers), request.content
        )
        content = body.encode() if isinstance(body, str) else body
        headers = {k: v for k, v in headers.items() if k.lower() != "content-length"}
        signed = httpx.Request(request.method, url, headers=headers, content=content)
        signed.extensions = request.extensions
        yield signed


class _TokenClient(OAuth2Client):
    client_auth_class = _ClientAuth


class OAuth2Bearer(CredentialAuth):
    """``Authorization: Bearer <access token>``, refreshed when it expires and once on a 401.

    :param settings: the OAuth2 settings.
    :param token: a token obtained earlier (``access_token``, ``refresh_token``, ``expires_at``),
        e.g. read back from storage; without one, call :meth:`authorization_url` and
        :meth:`exchange_code` first.
    :param on_token: called with every new token so the host can store it.
    :param transport: the httpx transport for token calls (a simulator's, in tests).
    :param timeout: seconds per token call.
    """

    def __init__(
        self,
        settings: OAuth2Settings,
        *,
        token: Mapping[str, Any] | None = None,
        on_token: Callable[[Mapping[str, Any]], None] | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
    ) -> None:
        self._settings = settings
        self._on_token = on_token
        self._lock = threading.Lock()
        self._session = httpx.Client(transport=transport, timeout=timeout)
        self._oauth = _TokenClient(
            self._session,
            client_id=settings.client_id,
            client_secret=settings.client_secret.reveal(),
            token_endpoint_auth_method=settings.client_auth,
            scope=settings.scope,
            redirect_uri=settings.redirect_url,
            token=dict(token) if token else None,
            token_endpoint=settings.token_url,
        )
        self._fingerprint = Secret(
            f"{settings.client_id}\n{settings.token_url}\n{self._identity(token)}"
        ).fingerprint

    @staticmethod
    def _identity(token: Mapping[str, Any] | None) -> str:
        if not token:
            return ""
        return str(token.get("refresh_token") or token.get("access_token") or "")

    def __repr__(self) -> str:
        return f"OAuth2Bearer(client_id={self._settings.client_id!r})"

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the client id, token URL and the first token's refresh token."""
        return self._fingerprint

    def secrets(self) -> Iterable[Secret]:
        """The client secret and the current access and refresh tokens."""
        found = [self._settings.client_secret]
        token = self._oauth.token or {}
        for name in ("access_token", "refresh_token"):
            value = token.get(name)
            if isinstance(value, str) and value.strip():
                found.append(Secret(value))
        return found

    def close(self) -> None:
        """Close the token endpoint's connections."""
        self._session.close()

    def authorization_url(self, state: str | None = None) -> tuple[str, str]:
        """The URL to send the user to, and the ``state`` to check on the callback."""
        url, state = self._oauth.create_authorization_url(self._settings.authorize_url, state=state)
        return str(url), str(state)

    def exchange_code(self, authorization_response: str) -> None:
        """Turn the callback URL the provider redirected to into a token."""
        self._token_call(
            "fetch_token",
            lambda: self._oauth.fetch_token(
                self._settings.token_url, authorization_response=authorization_response
            ),
        )

    def refresh(self) -> None:
        """Get a new access token with the refresh token."""
        token = self._oauth.token or {}
        if not token.get("refresh_token"):
            raise self._config_error("no refresh token; authorise again")
        self._token_call(
            "refresh_token", lambda: self._oauth.refresh_token(self._settings.token_url)
        )

    def _token_call(self, what: str, call: Callable[[], Any]) -> None:
        try:
            call()
        except OAuth2Error as error:
            raise self._config_error(f"{what} refused ({error.error})") from None
        except httpx.TransportError as error:
            url = httpx.URL(self._settings.token_url)
            cause = describe_transport_error(error, self._session.timeout)
            raise Unreachable(
                f"{self._settings.connector}: cannot reach {host_of(url)}: {cause} (OAuth {what})",
                connector=self._settings.connector,
                method="POST",
                path=url.path,
            ) from None
        except (httpx.HTTPError, ValueError) as error:
            raise self._config_error(f"{what} failed ({type(error).__name__})") from None
        if self._on_token is not None:
            self._on_token(dict(self._oauth.token))

    def _config_error(self, problem: str) -> ConfigurationError:
        url = httpx.URL(self._settings.token_url)
        return ConfigurationError(
            f"{self._settings.connector}: OAuth {problem}; check the client id and secret, the "
            "token URL and that the authorisation was not revoked",
            connector=self._settings.connector,
            method="POST",
            path=url.path,
        )

    def _access_token(self, *, stale: str | None = None) -> str:
        with self._lock:
            token = self._oauth.token
            current = str(token.get("access_token") or "") if token else ""
            if not current or current == stale or token.is_expired(leeway=30):
                self.refresh()
                current = str(self._oauth.token.get("access_token") or "")
            return current

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the current token; after a 401, refresh once and send again."""
        if not self._oauth.token:
            raise self._config_error("has no token yet; authorise first")
        token = self._access_token()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401 and (self._oauth.token or {}).get("refresh_token"):
            request.headers["Authorization"] = f"Bearer {self._access_token(stale=token)}"
            yield request
