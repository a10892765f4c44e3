"""The companies page: each company with its main responsible (editable), archive and restore.

The actions go through :mod:`govlink.web._company_actions`, the one module to point at the
library's ``companies set`` / archive workflows once they exist.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import GovlinkError, InvalidEnterpriseNumber
from govlink.web import _company_actions as actions
from govlink.web._context import Refused, actor, checked_form, render, texts, web

__all__ = ["routes"]


def _page(request: Request, *, error: str | None = None, status: int = 200) -> Response:
    store = web(request).store
    query = request.query_params.get("q", "").strip()
    folded = query.casefold()
    companies = [
        c
        for c in store.companies()
        if not folded
        or folded in c.name.casefold()
        or folded in c.enterprise_number.compact
        or folded in (c.responsible or "").casefold()
    ]
    context = {
        "companies": companies,
        "archived": actions.archived(store),
        "query": query,
        "error": error,
        "saved": request.query_params.get("saved") == "1",
    }
    return render(request, "companies.html", context, status=status)


async def companies(request: Request) -> Response:
    """Every company on the platform, searchable by name, number or responsible."""
    return _page(request)


def _number(request: Request) -> EnterpriseNumber:
    try:
        return EnterpriseNumber.parse(request.path_params["number"])
    except InvalidEnterpriseNumber:
        raise Refused(404, "companies.unknown") from None


def _back(request: Request) -> Response:
    url = request.url_for("companies").include_query_params(saved="1")
    return RedirectResponse(url, status_code=303)


async def set_responsible(request: Request) -> Response:
    """Set or clear the company's main responsible (an e-mail address)."""
    number = _number(request)
    form = await checked_form(request, max_files=0)
    value = form.get("responsible")
    email = value if isinstance(value, str) else None
    try:
        actions.set_responsible(web(request).store, number, email, actor=actor(request))
    except GovlinkError:
        t = texts(request)
        known = web(request).store.company(number) is not None
        error = t("companies.bad_email", value=email or "") if known else t("companies.unknown")
        return _page(request, error=error, status=400)
    return _back(request)


async def archive(request: Request) -> Response:
    """Archive a company that left."""
    number = _number(request)
    await checked_form(request, max_files=0)
    if web(request).store.company(number) is None:
        raise Refused(404, "companies.unknown")
    actions.archive(web(request).store, number)
    return _back(request)


async def restore(request: Request) -> Response:
    """Restore an archived company."""
    number = _number(request)
    await checked_form(request, max_files=0)
    actions.restore(web(request).store, number)
    return _back(request)


routes = [
    Route("/companies", companies, methods=["GET"], name="companies"),
    Route("/companies/{number}/responsible", set_responsible, methods=["POST"], name="responsible"),
    Route("/companies/{number}/archive", archive, methods=["POST"], name="archive"),
    Route("/companies/{number}/restore", restore, methods=["POST"], name="restore"),
]
