"""Access and forgery protection: the access token of ``govlink serve``, and CSRF on every POST.

Standalone, the app prints a link with a random access token; opening it sets a session cookie
(an HMAC of the token, so the token itself never sits in the browser) and every other request
without that cookie is refused. Mounted in a host service, the host's own authentication guards
the app and no token is used. CSRF uses a random per-browser cookie that every form repeats in a
hidden field (double submit); cookies are ``HttpOnly`` and ``SameSite=Strict``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

from starlette.requests import Request
from starlette.responses import Response

__all__ = [
    "CSRF_COOKIE",
    "CSRF_FIELD",
    "SESSION_COOKIE",
    "csrf_ok",
    "csrf_token",
    "new_access_token",
    "session_value",
    "set_cookie",
]

SESSION_COOKIE: Final = "govlink_session"
CSRF_COOKIE: Final = "govlink_csrf"
CSRF_FIELD: Final = "csrf"


def new_access_token() -> str:
    """A fresh random access token for ``govlink serve``."""
    return secrets.token_urlsafe(24)


def session_value(access_token: str) -> str:
    """The session cookie's value for ``access_token``."""
    return hmac.new(access_token.encode(), b"govlink-web-session", hashlib.sha256).hexdigest()


def csrf_token(request: Request) -> str:
    """This browser's CSRF token: the cookie's, or a new one the response will set."""
    existing = request.cookies.get(CSRF_COOKIE, "")
    if len(existing) >= 32:
        return existing
    token: str | None = getattr(request.state, "new_csrf", None)
    if token is None:
        token = secrets.token_urlsafe(32)
        request.state.new_csrf = token
    return token


def csrf_ok(request: Request, submitted: object) -> bool:
    """Whether a form's ``submitted`` token equals this browser's cookie."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    return (
        isinstance(submitted, str)
        and len(cookie) >= 32
        and hmac.compare_digest(cookie.encode(), submitted.encode())
    )


def set_cookie(response: Response, name: str, value: str, *, path: str) -> None:
    """A strict, HttpOnly cookie for the app's path."""
    response.set_cookie(name, value, path=path, httponly=True, samesite="strict")
