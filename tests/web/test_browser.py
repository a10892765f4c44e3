"""End to end in real headless Chromium (Debian's ``chromium`` driven by Playwright): upload the
example file, review the four tabs, apply, and check the store; in Dutch and French; a stale
preview refused; and a company archived on the companies page leaves the syncs due. Screenshots
of the overview go to ``test-artefacts/`` (gitignored).

Skipped when Playwright or /usr/bin/chromium is missing, unless ``GOVLINK_REQUIRE_BROWSER=1``
(set by ``.ci/run``), where that is a failure.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
import uvicorn

from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.plugins import Registry, SourceOptions
from govlink.reconcile.policy import Selection
from govlink.store.sqlite import SQLiteStore
from govlink.web import create_app
from govlink.workflows.importing import apply_import, preview_import
from govlink.workflows.plan import due, make_plan

from .conftest import CLIENTS, TOKEN, fill_platform

pytestmark = pytest.mark.slow

CHROMIUM: Final = Path("/usr/bin/chromium")
ARTEFACTS: Final = Path(__file__).resolve().parents[2] / "test-artefacts"
_ARGS: Final = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
_DUBOIS: Final = "0481483254"
_COUNTS: Final = {"new": 10, "platform": 4, "matching": 26, "invalid": 8}
_LOCALES: Final = {"nl": "nl-BE", "fr": "fr-BE"}
_NEW_TAB: Final = {"nl": "Klanten enkel in import", "fr": "Clients uniquement dans l'import"}


def _missing(reason: str) -> None:
    if os.environ.get("GOVLINK_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}, and GOVLINK_REQUIRE_BROWSER=1 needs the browser tests to run")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=_ARGS)
        yield launched
        launched.close()


@attrs.frozen
class Served:
    """The app serving a store over loopback."""

    url: str
    store: SQLiteStore


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """The web app on a store holding the example platform, served by uvicorn on a free port."""
    with SQLiteStore(tmp_path / "govlink.db") as store:
        fill_platform(store)
        app = create_app(store, Registry(), {}, access_token=TOKEN)
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]})
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert server.started, "uvicorn did not start"
        host, port = listener.getsockname()
        try:
            yield Served(url=f"http://{host}:{port}", store=store)
        finally:
            server.should_exit = True
            thread.join(10)
            listener.close()


def _overview(browser: Any, served: Served, lang: str) -> Any:
    context = browser.new_context(locale=_LOCALES[lang], viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(f"{served.url}/?token={TOKEN}")
    page.set_input_files("input[name=file]", str(CLIENTS))
    page.click("#upload")
    page.wait_for_selector("#review")
    return page


def _counts(page: Any) -> dict[str, int]:
    return {tab: int(page.text_content(f"#count-{tab}")) for tab in _COUNTS}


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_review_and_apply_in_the_browser(browser: Any, served: Served, lang: str) -> None:
    before = {c.enterprise_number.compact: c for c in served.store.companies()}
    page = _overview(browser, served, lang)
    assert _counts(page) == _COUNTS
    assert page.get_by_role("tab", name=_NEW_TAB[lang]).is_visible()
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"overview-{lang}.png"))

    new_rows = page.locator("[data-panel=new] tbody tr")
    page.fill("[data-panel=new] [data-search]", "Lejeune")
    page.press("[data-panel=new] [data-search]", "Enter")  # submits nothing
    assert new_rows.locator("visible=true").count() == 1
    assert len(served.store.companies()) == len(before)
    page.fill("[data-panel=new] [data-search]", "")
    page.click("[data-panel=new] [data-check=none]")
    assert page.locator("[data-panel=new] input[name=add]:checked").count() == 0
    page.click("[data-panel=new] [data-check=all]")
    boxes = page.locator("[data-panel=new] input[name=add]")
    left_out = [boxes.nth(i).get_attribute("value") for i in (0, 1)]
    boxes.nth(0).uncheck()
    boxes.nth(1).uncheck()

    page.click("[data-tab=invalid]")
    invalid = page.locator("[data-panel=invalid] tbody tr").first
    invalid.hover()
    assert invalid.get_attribute("title")
    page.click("[data-tab=matching]")
    page.click("[data-panel=matching] th:nth-child(3)")  # sort by name
    names = page.locator("[data-panel=matching] tbody tr td:nth-child(3)").all_text_contents()
    assert names == sorted(names, key=str.casefold) or names == sorted(names)
    page.select_option(f"select[name=for-{_DUBOIS}]", "email")
    page.screenshot(path=str(ARTEFACTS / f"overview-{lang}-matching.png"))
    page.click("#apply")
    page.wait_for_selector("#summary")

    after = {c.enterprise_number.compact: c for c in served.store.companies()}
    assert len(after) == len(before) + 8
    assert not set(left_out) & set(after)
    assert after[_DUBOIS].email == "contact@boulangerie-dubois.be"
    assert {n for n in before if after[n] != before[n]} == {_DUBOIS}


def test_a_stale_preview_is_refused_in_the_browser(browser: Any, served: Served) -> None:
    page = _overview(browser, served, "nl")
    store = served.store
    preview = preview_import(Registry().open_source(SourceOptions(location=str(CLIENTS))), store)
    first: EnterpriseNumber = preview.diff.only_in_source[0].enterprise_number
    apply_import(preview, store, Selection(add={first}), actor="colleague")
    count = len(store.companies())
    page.click("#apply")
    page.wait_for_selector("#stale")
    assert "Het platform is gewijzigd" in page.text_content("#stale")
    assert len(store.companies()) == count
    assert _counts(page)["new"] == 9


def test_archiving_on_the_companies_page_takes_the_company_out_of_due(
    browser: Any, served: Served
) -> None:
    monday = datetime(2026, 3, 2, tzinfo=UTC)
    make_plan(served.store, now=monday)
    week = (monday, monday + timedelta(days=7))
    assert _DUBOIS in {o.key for o in due(served.store, *week)}
    context = browser.new_context(locale="nl-BE")
    page = context.new_page()
    page.goto(f"{served.url}/?token={TOKEN}")
    page.goto(f"{served.url}/companies?q=dubois")
    row = page.locator(f"tr[data-number='{_DUBOIS}']")
    row.locator("[data-action=archive]").click()
    page.wait_for_selector(f"tr[data-number='{_DUBOIS}'].archived")
    assert "gearchiveerd sinds" in page.locator(f"tr[data-number='{_DUBOIS}']").inner_text()
    keys = {o.key for o in due(served.store, *week)}
    assert _DUBOIS not in keys
    assert keys  # the others stay due
    page.locator(f"tr[data-number='{_DUBOIS}'] [data-action=restore]").click()
    page.wait_for_selector(f"tr[data-number='{_DUBOIS}']:not(.archived)")
    assert _DUBOIS in {o.key for o in due(served.store, *week)}
    # the name and responsible inputs sit in other cells than their form (form="...")
    page.fill(f"tr[data-number='{_DUBOIS}'] input[name=responsible]", "Jan")
    page.click(f"#edit-{_DUBOIS} button")
    page.wait_for_selector("#warnings")
    assert "jan is geen e-mailadres" in page.text_content("#warnings")
    company = served.store.company(EnterpriseNumber(_DUBOIS))
    assert company is not None
    assert company.responsible == "jan"
    context.close()
