"""The import pages: choose a source, review the four tabs, apply with the preview token."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Final

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from govlink.connectors.excel.safety import check_workbook
from govlink.errors import GovlinkError, PreviewChanged
from govlink.plugins import SourceOptions
from govlink.web._context import Refused, actor, checked_form, render, texts, web
from govlink.web._overview import (
    ADD_FIELD,
    ARCHIVE_FIELD,
    OVERWRITE_FIELD,
    changed_columns,
    per_company_field,
    reasons,
    row_of,
    selection_from,
)
from govlink.workflows.companies import archive_companies
from govlink.workflows.importing import ImportPreview, apply_import, preview_import

__all__ = ["routes"]

_EXCEL: Final = "excel"
_CHUNK: Final = 1 << 20
#: The file names an upload may have: the formats the Excel source reads. The upload is saved
#: as ``upload`` with its own suffix (python-calamine picks the format by it).
_SPREADSHEETS: Final = (".xlsx", ".ods")
_FORM_FIELDS: Final = 16


def _megabytes(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MB"


def _form_page(request: Request, error: str | None = None, *, status: int = 200) -> Response:
    state = web(request)
    sources = sorted(name for name in state.registry.sources() if name != _EXCEL)
    context = {"sources": sources, "limit": _megabytes(state.max_upload), "error": error}
    return render(request, "import.html", context, status=status)


async def import_form(request: Request) -> Response:
    """The source choice: an Excel upload, or a CRM with all clients or one template."""
    return _form_page(request)


def _failed(request: Request, error: GovlinkError | ImportError) -> Response:
    reason = error.message if isinstance(error, GovlinkError) else "pip install 'govlink[excel]'"
    return _form_page(request, texts(request)("web.import.failed", reason=reason), status=400)


def _reviewed(request: Request, preview: ImportPreview) -> Response:
    key = web(request).previews.add(preview)
    return RedirectResponse(request.url_for("overview", key=key), status_code=303)


def _preview(request: Request, options: SourceOptions, location: str) -> ImportPreview:
    state = web(request)
    source = state.registry.open_source(options)
    return preview_import(source, state.store, location=location)


async def _saved(upload: UploadFile, path: Path, limit: int) -> int:
    size = 0
    with path.open("wb") as out:
        while chunk := await upload.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                break
            out.write(chunk)
    return size


async def upload(request: Request) -> Response:
    """Preview an uploaded .xlsx or .ods file: the size is checked before the body is read, then
    the Excel reader's own guards (type, zip bomb, encryption) run before any parsing."""
    state = web(request)
    t = texts(request)
    too_large = t("web.import.too_large", size=_megabytes(state.max_upload))
    length = request.headers.get("content-length", "")
    if not length.isdigit() or int(length) > state.max_upload + (64 << 10):
        return _form_page(request, too_large, status=413)
    form = await checked_form(request, max_files=1, max_fields=_FORM_FIELDS)
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return _form_page(request, t("web.import.no_file"), status=400)
        name = Path(upload.filename).name
        if not name.lower().endswith(_SPREADSHEETS):
            return _form_page(request, t("web.import.not_xlsx", name=name), status=400)
        with tempfile.TemporaryDirectory(prefix="govlink-web-") as folder:
            path = Path(folder) / f"upload{Path(name.lower()).suffix}"
            if await _saved(upload, path, state.max_upload) > state.max_upload:
                return _form_page(request, too_large, status=413)
            try:
                check_workbook(path)
                options = SourceOptions(location=str(path), settings=state.settings)
                preview = _preview(request, options, name)
            except (GovlinkError, ImportError) as error:
                return _failed(request, error)
    finally:
        await form.close()
    return _reviewed(request, preview)


async def from_crm(request: Request) -> Response:
    """Preview a CRM source: all its clients, or those of one task template / taskflow."""
    state = web(request)
    form = await checked_form(request, max_files=0, max_fields=_FORM_FIELDS)
    source = form.get("source")
    if not isinstance(source, str) or source == _EXCEL or source not in state.registry.sources():
        raise Refused(400, "web.error.not_found")
    template = form.get("template")
    chosen = template.strip() if isinstance(template, str) and template.strip() else None
    options = SourceOptions(location=source, template=chosen, settings=state.settings)
    try:
        preview = _preview(request, options, source)
    except GovlinkError as error:
        return _failed(request, error)
    return _reviewed(request, preview)


def _kept(request: Request) -> tuple[str, ImportPreview]:
    key = request.path_params["key"]
    preview = web(request).previews.get(key)
    if preview is None:
        raise Refused(404, "web.overview.expired")
    return key, preview


def _overview_page(
    request: Request, key: str, preview: ImportPreview, *, stale: bool = False
) -> Response:
    t = texts(request)
    diff = preview.diff
    context = {
        "key": key,
        "preview": preview,
        "diff": diff,
        "columns": changed_columns(diff),
        "row_of": row_of,
        "reasons": lambda record: reasons(record, t, preview.headers),
        "per_company_field": per_company_field,
        "add_field": ADD_FIELD,
        "overwrite_field": OVERWRITE_FIELD,
        "archive_field": ARCHIVE_FIELD,
        "archived_now": _archived_now(request),
        "stale": stale,
    }
    return render(request, "overview.html", context, status=409 if stale else 200)


def _archived_now(request: Request) -> int:
    """How many companies the overview's archive button just archived (0: none, or not asked)."""
    count = request.query_params.get("archived", "")
    return int(count) if count.isdigit() and len(count) < 7 else 0


async def overview(request: Request) -> Response:
    """The four tabs of a preview, with counts, selection and overwrite choices."""
    key, preview = _kept(request)
    return _overview_page(request, key, preview)


async def apply(request: Request) -> Response:
    """Apply the user's choice to the preview they saw: the apply refuses (409, with the new
    preview) when the platform changed since, so what was shown is exactly what is written."""
    key, preview = _kept(request)
    state = web(request)
    form = await checked_form(request, max_files=0)
    token = form.get("token")
    selection = selection_from(form, preview.diff.matching)
    current = preview.refreshed(state.store)
    try:
        result = apply_import(
            current,
            state.store,
            selection,
            actor=actor(request),
            token=token if isinstance(token, str) else "",
        )
    except PreviewChanged:
        state.previews.replace(key, current)
        return _overview_page(request, key, current, stale=True)
    state.previews.drop(key)
    url = request.url_for("run", run=str(result.run.id)).include_query_params(applied="1")
    return RedirectResponse(url, status_code=303)


async def archive(request: Request) -> Response:
    """Archive the customers ticked in the "only in Accounton" tab (clients that left: their
    sync and push stop), then show the preview again without them."""
    key, preview = _kept(request)
    state = web(request)
    form = await checked_form(request, max_files=0)
    offered = {c.enterprise_number.compact: c for c in preview.diff.only_in_platform}
    ticked = {v for v in form.getlist(ARCHIVE_FIELD) if isinstance(v, str) and v in offered}
    changed = 0
    if ticked:
        numbers = [offered[number].enterprise_number for number in ticked]
        changed = len(archive_companies(state.store, numbers).changed)
    state.previews.replace(key, preview.refreshed(state.store))
    url = request.url_for("overview", key=key).include_query_params(archived=str(changed))
    return RedirectResponse(f"{url}#tab-platform", status_code=303)


routes = [
    Route("/import", import_form, methods=["GET"], name="import"),
    Route("/import/upload", upload, methods=["POST"], name="upload"),
    Route("/import/crm", from_crm, methods=["POST"], name="crm"),
    Route("/import/{key}", overview, methods=["GET"], name="overview"),
    Route("/import/{key}/apply", apply, methods=["POST"], name="apply"),
    Route("/import/{key}/archive", archive, methods=["POST"], name="archive_left"),
]
