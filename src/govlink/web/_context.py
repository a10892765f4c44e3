"""What every route shares: the store, registry and settings, the page renderer and the form
reader that checks CSRF."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, Protocol

import attrs
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from govlink.domain.text_safety import escape_unsafe
from govlink.i18n import LANGUAGES, Language, Translator, negotiate, translator
from govlink.plugins.registry import Registry
from govlink.store.base import CompanyArchive, ImportStore, SettingsStore
from govlink.store.documents import DocumentStore
from govlink.web._previews import Previews
from govlink.web._security import CSRF_COOKIE, CSRF_FIELD, csrf_ok, csrf_token, set_cookie

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGE_COOKIE",
    "Refused",
    "Web",
    "WebStore",
    "actor",
    "checked_form",
    "cookie_path",
    "language",
    "render",
    "templates",
    "texts",
    "web",
]

LANGUAGE_COOKIE: Final = "govlink_lang"
#: The pages' language when the browser asks for none of nl, fr, en: the firms are Flemish first.
DEFAULT_LANGUAGE: Final[Language] = "nl"
_HERE: Final = Path(__file__).parent


class WebStore(ImportStore, CompanyArchive, SettingsStore, DocumentStore, Protocol):
    """What the web app needs from the store (a sync store adds the sync status page)."""


class Refused(Exception):
    """A request the app turns down with ``status`` and the text of ``key``."""

    def __init__(self, status: int, key: str, **arguments: object) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.arguments = arguments


@attrs.frozen(kw_only=True)
class Web:
    """The app's state: the store, the registry, the settings (never rendered: they may hold
    secrets), the previews under review, the upload limit and the default actor."""

    store: WebStore
    registry: Registry
    settings: Mapping[str, str] = attrs.field(repr=False)
    previews: Previews
    max_upload: int
    actor: str
    templates: Jinja2Templates


def _shown(value: object) -> str:
    """A value as text for a page: control and bidi characters written as escapes."""
    return "" if value is None else escape_unsafe(str(value))


def templates() -> Jinja2Templates:
    """The page templates, every value autoescaped."""
    environment = Environment(
        loader=FileSystemLoader(_HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["shown"] = _shown
    return Jinja2Templates(env=environment)


def web(request: Request) -> Web:
    """The app's state."""
    state: Web = request.app.state.web
    return state


def language(request: Request) -> Language:
    """The user's language: the switch's cookie, else the browser's Accept-Language, else
    Dutch."""
    chosen = request.cookies.get(LANGUAGE_COOKIE, "")
    for known in LANGUAGES:
        if chosen == known:
            return known
    return negotiate(request.headers.get("accept-language"), default=DEFAULT_LANGUAGE)


def texts(request: Request) -> Translator:
    """The messages of the catalog (:mod:`govlink.i18n`) in the user's language."""
    return translator(language(request))


def cookie_path(request: Request) -> str:
    """Where the app is mounted (its cookies' path)."""
    root: str = request.scope.get("root_path", "")
    return root or "/"


def actor(request: Request) -> str:
    """Who acts: the host's authenticated user when mounted behind its auth, else the app's."""
    user = request.scope.get("user")
    if user is not None and getattr(user, "is_authenticated", False):
        return str(user.display_name)
    return web(request).actor


def render(
    request: Request, name: str, context: Mapping[str, Any] | None = None, *, status: int = 200
) -> Response:
    """The page ``name`` in the user's language, with the CSRF token its forms carry."""
    lang = language(request)
    values = {
        "t": translator(lang),
        "lang": lang,
        "languages": LANGUAGES,
        "csrf": csrf_token(request),
        "csrf_field": CSRF_FIELD,
        **(context or {}),
    }
    response = web(request).templates.TemplateResponse(request, name, values, status_code=status)
    new = getattr(request.state, "new_csrf", None)
    if new is not None:
        set_cookie(response, CSRF_COOKIE, new, path=cookie_path(request))
    response.headers["content-language"] = lang
    return response


async def checked_form(request: Request, **limits: int) -> FormData:
    """The posted form, after its CSRF token was checked.

    :raises Refused: 403 when the token is missing or not this browser's.
    """
    form = await request.form(**limits)
    if not csrf_ok(request, form.get(CSRF_FIELD)):
        await form.close()
        raise Refused(403, "web.csrf.refused")
    return form
