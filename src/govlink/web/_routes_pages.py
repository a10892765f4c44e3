"""The other pages: import history and a run's result, settings, sync status, the language
switch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Final

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from govlink.i18n import LANGUAGES
from govlink.plugins.settings import SettingSpec, one_of
from govlink.store.sync import SyncStore
from govlink.web._context import (
    LANGUAGE_COOKIE,
    Refused,
    checked_form,
    cookie_path,
    render,
    web,
)
from govlink.web._security import set_cookie
from govlink.workflows.alerts import FALLBACK_RECIPIENT
from govlink.workflows.pushing import disable_sink, enable_sink, push_status
from govlink.workflows.settings import set_setting

__all__ = ["routes"]

_SINK: Final = "adminpulse"
#: The two AdminPulse toggles of the platform's personal income tax module: govlink keeps them
#: as firm settings for that module and acts on neither.
HOST_TOGGLES: Final = {
    "adminpulse_push_questionnaire": "web.settings.ap_questionnaire",
    "adminpulse_push_attachments": "web.settings.ap_attachments",
}
_ON: Final = "on"
#: The toggles as settings the settings workflow accepts from this page.
_TOGGLE_SETTINGS: Final = tuple(
    SettingSpec(key=key, description="a host's AdminPulse toggle", check=one_of(_ON))
    for key in HOST_TOGGLES
)
_RECENT: Final = timedelta(days=7)


async def home(request: Request) -> Response:
    """The start page is the import."""
    return RedirectResponse(request.url_for("import"), status_code=303)


async def history(request: Request) -> Response:
    """Every applied import, newest first."""
    return render(request, "history.html", {"runs": web(request).store.import_runs()})


async def run(request: Request) -> Response:
    """One applied import: what was added and what changed, before → after."""
    wanted = request.path_params["run"]
    found = [r for r in web(request).store.import_runs() if str(r.id) == wanted]
    if not found:
        raise Refused(404, "web.error.not_found")
    applied = request.query_params.get("applied") == "1"
    return render(request, "run.html", {"run": found[0], "applied": applied})


def _connections(request: Request) -> list[tuple[str, bool]]:
    """Each CRM source and whether any of its settings is present (values are never shown)."""
    state = web(request)
    names = sorted(name for name in state.registry.sources() if name != "excel")
    return [
        (name, any(key.startswith(f"GOVLINK_{name.upper()}_") for key in state.settings))
        for name in names
    ]


def _settings_page(request: Request, *, error: str | None = None, status: int = 200) -> Response:
    store = web(request).store
    context = {
        "connections": _connections(request),
        "host_toggles": {key: store.get_setting(key) == _ON for key in HOST_TOGGLES},
        "host_labels": HOST_TOGGLES,
        "push": store.sink_switch(_SINK),
        "fallback": store.get_setting(FALLBACK_RECIPIENT) or "",
        "saved": request.query_params.get("saved") == "1",
        "error": error,
    }
    return render(request, "settings.html", context, status=status)


async def settings(request: Request) -> Response:
    """Connections, the three AdminPulse toggles and the alert fallback recipient."""
    return _settings_page(request)


async def save_settings(request: Request) -> Response:
    """Save the settings page; switching the push on sets its forward-only watermark."""
    state = web(request)
    form = await checked_form(request, max_files=0)
    fallback = form.get("fallback_recipient")
    fallback_text = fallback.strip() if isinstance(fallback, str) else ""
    set_setting(state.store, state.registry, FALLBACK_RECIPIENT, fallback_text or None)
    for key in HOST_TOGGLES:
        value = _ON if form.get(key) == _ON else None
        set_setting(state.store, state.registry, key, value, extra=_TOGGLE_SETTINGS)
    tags_text = form.get("tags")
    tags = [w.strip() for w in str(tags_text or "").split(",") if w.strip()]
    if form.get("push") == _ON:
        enable_sink(state.store, state.registry, _SINK, tags=tags)
    elif state.store.sink_switch(_SINK).enabled:
        disable_sink(state.store, state.registry, _SINK)
    url = request.url_for("settings").include_query_params(saved="1")
    return RedirectResponse(url, status_code=303)


async def sync(request: Request) -> Response:
    """The AdminPulse push outbox and, when the store keeps it, the MyMinfin sync per company."""
    store = web(request).store
    context: dict[str, object] = {"push": push_status(store, _SINK), "synced": None}
    if isinstance(store, SyncStore):
        since = datetime.now(UTC) - _RECENT
        context["synced"] = store.sync_companies()
        context["attempts"] = store.sync_attempts(since=since)[-50:]
    return render(request, "sync.html", context)


async def switch_language(request: Request) -> Response:
    """Remember the chosen language and go back to the page (only a path of this app)."""
    chosen = request.path_params["lang"]
    if chosen not in LANGUAGES:
        raise Refused(404, "web.error.not_found")
    back = request.query_params.get("next", "")
    root = request.scope.get("root_path", "")
    safe = back.startswith(f"{root}/") and not back.startswith("//") and "\\" not in back
    response = RedirectResponse(back if safe else request.url_for("home"), status_code=303)
    set_cookie(response, LANGUAGE_COOKIE, chosen, path=cookie_path(request))
    return response


routes = [
    Route("/", home, methods=["GET"], name="home"),
    Route("/history", history, methods=["GET"], name="history"),
    Route("/history/{run}", run, methods=["GET"], name="run"),
    Route("/settings", settings, methods=["GET"], name="settings"),
    Route("/settings", save_settings, methods=["POST"], name="save_settings"),
    Route("/sync", sync, methods=["GET"], name="sync"),
    Route("/lang/{lang}", switch_language, methods=["GET"], name="language"),
]
