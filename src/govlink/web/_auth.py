"""The access-token gate of a standalone app (``govlink serve``)."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Final

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from govlink.web._security import SESSION_COOKIE, session_value, set_cookie

__all__ = ["TokenGate"]

_TOKEN_PARAM: Final = "token"


class TokenGate:
    """Lets a request through when it carries the session cookie; a request with the right
    ``?token=`` gets the cookie and is sent to the same URL without the token; anything else
    is answered by ``refused`` (a 401 page)."""

    def __init__(
        self, app: ASGIApp, *, access_token: str, refused: Callable[[Request], Response]
    ) -> None:
        self._app = app
        self._token = access_token
        self._session = session_value(access_token)
        self._refused = refused

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        request = Request(scope)
        cookie = request.cookies.get(SESSION_COOKIE, "")
        if hmac.compare_digest(cookie.encode(), self._session.encode()):
            await self._app(scope, receive, send)
            return
        given = request.query_params.get(_TOKEN_PARAM, "")
        if given and hmac.compare_digest(given.encode(), self._token.encode()):
            clean = request.url.remove_query_params(_TOKEN_PARAM)
            local = clean.path + (f"?{clean.query}" if clean.query else "")
            response = RedirectResponse(local, status_code=303)
            set_cookie(response, SESSION_COOKIE, self._session, path=scope.get("root_path") or "/")
            await response(scope, receive, send)
            return
        await self._refused(request)(scope, receive, send)
