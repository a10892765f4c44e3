"""The companies page: each company with its name and main responsible (editable), archive and
restore, all through the library's company workflows (:mod:`govlink.workflows.companies`)."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import DomainError, InvalidEnterpriseNumber, StaleStoreError
from govlink.i18n import Translator
from govlink.web._context import Refused, actor, checked_form, render, texts, web
from govlink.workflows.companies import archive_companies, edit_company, restore_companies

__all__ = ["routes"]

_UNKNOWN = "company.unknown"


def _page(
    request: Request,
    *,
    error: str | None = None,
    warnings: Sequence[str] = (),
    status: int = 200,
) -> Response:
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
        "archived": store.archived(),
        "query": query,
        "error": error,
        "warnings": warnings,
        "saved": request.query_params.get("saved") == "1" or bool(warnings),
    }
    return render(request, "companies.html", context, status=status)


async def companies(request: Request) -> Response:
    """Every company on the platform, searchable by name, number or responsible."""
    return _page(request)


def _number(request: Request) -> EnterpriseNumber:
    try:
        return EnterpriseNumber.parse(request.path_params["number"])
    except InvalidEnterpriseNumber:
        raise Refused(404, "web.companies.unknown") from None


def _back(request: Request) -> Response:
    url = request.url_for("companies").include_query_params(saved="1")
    return RedirectResponse(url, status_code=303)


def _value(form: FormData, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


def _why(t: Translator, error: DomainError) -> str:
    """A refused value in the user's words; the error's own message when the sentence needs
    details the error does not carry (the length of a value too long)."""
    try:
        return t.reason(error.code)
    except KeyError:
        return error.message


async def edit(request: Request) -> Response:
    """Save a company's name and responsible (``""`` removes the responsible) like an import run
    (source ``manual``); a responsible that is not an e-mail address or not a known colleague
    is saved with a warning."""
    number = _number(request)
    form = await checked_form(request, max_files=0)
    t = texts(request)
    try:
        done = edit_company(
            web(request).store,
            number,
            actor=actor(request),
            name=_value(form, "name"),
            responsible=_value(form, "responsible"),
        )
    except DomainError as error:
        if error.code == _UNKNOWN:
            raise Refused(404, "web.companies.unknown") from None
        return _page(request, error=t("web.companies.refused", reason=_why(t, error)), status=400)
    except StaleStoreError:
        return _page(request, error=t("web.companies.changed"), status=409)
    if done.warnings:
        return _page(request, warnings=[t.reason(w.code, w.params) for w in done.warnings])
    return _back(request)


async def _archived(request: Request, *, archive: bool) -> Response:
    number = _number(request)
    await checked_form(request, max_files=0)
    change = archive_companies if archive else restore_companies
    try:
        change(web(request).store, [number])
    except DomainError as error:
        if error.code == _UNKNOWN:
            raise Refused(404, "web.companies.unknown") from None
        raise
    return _back(request)


async def archive(request: Request) -> Response:
    """Archive a company that left: it keeps its data, and its sync and push stop."""
    return await _archived(request, archive=True)


async def restore(request: Request) -> Response:
    """Restore an archived company: it is due and pushed again."""
    return await _archived(request, archive=False)


routes = [
    Route("/companies", companies, methods=["GET"], name="companies"),
    Route("/companies/{number}", edit, methods=["POST"], name="edit_company"),
    Route("/companies/{number}/archive", archive, methods=["POST"], name="archive"),
    Route("/companies/{number}/restore", restore, methods=["POST"], name="restore"),
]
