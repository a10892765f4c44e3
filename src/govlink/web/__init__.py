"""govlink's web app: the import overview as pages, for ``govlink serve`` or mounted in a service.

    app = create_app(store, Registry(), environment_settings(), access_token=token)

Server-rendered (Starlette and Jinja2, every value autoescaped), in nl / fr / en, every POST
CSRF-checked. See docs/web.md for mounting it in another service.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Final

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from govlink.errors import GovlinkError
from govlink.plugins.registry import Registry
from govlink.web import _routes_companies, _routes_import, _routes_pages
from govlink.web._auth import TokenGate
from govlink.web._context import Refused, Web, WebStore, render, templates
from govlink.web._previews import Previews
from govlink.web._security import new_access_token

__all__ = ["MAX_UPLOAD", "WebStore", "create_app", "new_access_token"]

MAX_UPLOAD: Final = 32 << 20
"""The largest upload accepted by default (bytes); the Excel reader's guards apply on top."""

_STATIC: Final = Path(__file__).parent / "static"


async def _refused(request: Request, error: Exception) -> Response:
    assert isinstance(error, Refused)
    return render(
        request, "error.html", {"key": error.key, "args": error.arguments}, status=error.status
    )


async def _govlink_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, GovlinkError)
    return render(request, "error.html", {"message": error.message}, status=400)


def _unauthorised(request: Request) -> Response:
    return render(
        request, "error.html", {"key": "web.auth.title", "hint": "web.auth.hint"}, status=401
    )


def create_app(
    store: WebStore,
    registry: Registry,
    settings: Mapping[str, str],
    *,
    access_token: str | None = None,
    max_upload: int = MAX_UPLOAD,
    actor: str = "web",
    debug: bool = False,
) -> Starlette:
    """The web app on ``store``.

    :param settings: environment-style settings for the sources and sinks (``GOVLINK_*``); they
        may hold secrets, so no page ever shows a value.
    :param access_token: when given, only a browser that opened ``/?token=ACCESS_TOKEN`` gets
        in (``govlink serve``); ``None`` when the host service authenticates (mounted).
    :param max_upload: the largest .xlsx upload, in bytes.
    :param actor: who applies imports, when the host puts no authenticated user in the scope.
    """
    state = Web(
        store=store,
        registry=registry,
        settings=dict(settings),
        previews=Previews(),
        max_upload=max_upload,
        actor=actor,
        templates=templates(),
    )
    routes = [
        *_routes_pages.routes,
        *_routes_import.routes,
        *_routes_companies.routes,
        Mount("/static", StaticFiles(directory=_STATIC), name="static"),
    ]
    middleware = []
    if access_token is not None:
        middleware.append(Middleware(TokenGate, access_token=access_token, refused=_unauthorised))
    app = Starlette(
        debug=debug,
        routes=routes,
        middleware=middleware,
        exception_handlers={Refused: _refused, GovlinkError: _govlink_error},
    )
    app.state.web = state
    return app
