"""Every other route through the test client: the token gate, CSRF on every POST, languages,
companies, settings, history, sync, mounting, and no secret on any page."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from govlink.domain.company import Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.plugins import Registry
from govlink.store.sqlite import SQLiteStore
from govlink.web import create_app

from .conftest import SECRET, SETTINGS, TOKEN, counts_of, csrf_of, upload

_NUMBER = "0481483254"
_PLATFORM_ONLY = "0202239951"
_PAGES = ("/import", "/companies", "/settings", "/sync", "/history")


def test_without_the_access_token_nothing_is_served(store: SQLiteStore) -> None:
    app = create_app(store, Registry(), SETTINGS, access_token=TOKEN)
    with TestClient(app) as client:
        for path in (*_PAGES, "/static/govlink.js", "/?token=wrong"):
            response = client.get(path)
            assert response.status_code == 401, path
            assert "govlink serve" in response.text or path.startswith("/static")
        entered = client.get(f"/companies?token={TOKEN}&q=dubois", follow_redirects=False)
        assert entered.status_code == 303
        assert entered.headers["location"] == "/companies?q=dubois"  # the token leaves the URL
        assert TOKEN not in entered.headers["set-cookie"]
        assert "httponly" in entered.headers["set-cookie"].lower()
        assert client.get("/companies").status_code == 200


def test_every_post_route_refuses_a_form_without_this_browsers_csrf_token(
    client: TestClient, store: SQLiteStore
) -> None:
    url = upload(client)
    before = (store.companies(), store.settings(), len(store.import_runs()))
    posts = [
        r.path
        for r in client.app.routes  # type: ignore[attr-defined]
        if isinstance(r, Route) and "POST" in (r.methods or ())
    ]
    assert len(posts) >= 8
    concrete = {
        "/import/{key}/apply": f"{url.removeprefix('http://testserver')}/apply",
        "/import/{key}/archive": f"{url.removeprefix('http://testserver')}/archive",
        "/companies/{number}": f"/companies/{_NUMBER}",
        "/companies/{number}/archive": f"/companies/{_NUMBER}/archive",
        "/companies/{number}/restore": f"/companies/{_NUMBER}/restore",
    }
    for path in posts:
        target = concrete.get(path, path)
        for data in ({}, {"csrf": "x" * 43}):
            form = {**data, "push": "on", "responsible": "a@b.be", "archive": _PLATFORM_ONLY}
            response = client.post(target, data=form)
            assert response.status_code in (403, 413), target
    assert (store.companies(), store.settings(), len(store.import_runs())) == before
    assert not store.archived()


def test_the_language_follows_the_browser_and_the_switch(store: SQLiteStore) -> None:
    app = create_app(store, Registry(), {})
    with TestClient(app) as client:
        french = client.get("/import", headers={"accept-language": "fr-BE,fr;q=0.9,nl;q=0.5"})
        assert "Importer des clients ou des données" in french.text
        assert french.headers["content-language"] == "fr"
        overview = client.get(upload(client), headers={"accept-language": "fr"}).text
        assert "Clients uniquement dans l&#39;import" in overview
        assert "Ajouter les clients sélectionnés" in overview
        switched = client.get("/lang/en?next=/companies", follow_redirects=False)
        assert switched.headers["location"] == "/companies"
        english = client.get("/companies", headers={"accept-language": "fr"})
        assert "<th data-sort>Responsible</th>" in english.text  # the CLI's label
        client.cookies.clear()
        for header in ({}, {"accept-language": "de-DE,de;q=0.9"}):
            dutch = client.get("/import", headers=header)
            assert dutch.headers["content-language"] == "nl"  # the web's default
            assert "Importeer klanten of gegevens" in dutch.text
        for unsafe in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
            away = client.get(f"/lang/nl?next={unsafe}", follow_redirects=False)
            assert away.headers["location"] == "http://testserver/"
        assert client.get("/lang/de").status_code == 404


def _company(store: SQLiteStore, number: str = _NUMBER) -> Company:
    company = store.company(EnterpriseNumber.parse(number))
    assert company is not None
    return company


def test_a_company_is_edited_like_an_import_run_with_warnings(
    client: TestClient, store: SQLiteStore
) -> None:
    page = client.get("/companies?q=dubois").text
    assert "Boulangerie Dubois" in page
    assert "Zeepziederij" not in page
    name = _company(store).name
    colleague = next(c.responsible for c in store.companies() if c.responsible)
    path = f"/companies/{_NUMBER}"
    csrf = csrf_of(page)
    saved = client.post(path, data={"csrf": csrf, "name": name, "responsible": colleague})
    assert saved.status_code == 200
    assert "Bewaard." in saved.text
    assert 'id="warnings"' not in saved.text
    assert _company(store).responsible == colleague
    run = store.import_runs()[0]
    assert (run.info.source, run.info.location) == ("manual", _NUMBER)
    assert [c.fields for c in run.updated] == [("responsible",)]
    # not an e-mail address: saved, with the catalog's warning naming the value
    warned = client.post(path, data={"csrf": csrf, "name": name, "responsible": "Jan"})
    assert warned.status_code == 200
    assert _company(store).responsible == "jan"  # normalised like an imported value
    assert "De verantwoordelijke jan is geen e-mailadres" in warned.text
    # not a known colleague, in French
    french = client.post(
        path,
        data={"csrf": csrf, "name": "Dubois & fils", "responsible": "nieuw@kantoor.be"},
        headers={"accept-language": "fr"},
    )
    assert "Le responsable nieuw@kantoor.be n&#39;est pas un collègue connu." in french.text
    assert _company(store).name == "Dubois & fils"
    # a blank name is refused in words, nothing written
    runs = len(store.import_runs())
    refused = client.post(path, data={"csrf": csrf, "name": " ", "responsible": "Jan"})
    assert refused.status_code == 400
    assert "Niet bewaard: De naam van het bedrijf ontbreekt." in refused.text
    too_long = client.post(path, data={"csrf": csrf, "name": "x" * 40_000})
    assert too_long.status_code == 400
    assert "Niet bewaard: name: " in too_long.text  # the sentence needs the length: the message
    assert len(store.import_runs()) == runs
    unknown = client.post("/companies/0403019261", data={"csrf": csrf, "responsible": ""})
    assert unknown.status_code == 404
    assert "Onbekend ondernemingsnummer" in unknown.text
    cleared = client.post(path, data={"csrf": csrf, "responsible": ""})
    assert "Er is geen verantwoordelijke collega ingevuld." in cleared.text
    assert _company(store).responsible is None


def test_archive_and_restore_go_through_the_library(client: TestClient, store: SQLiteStore) -> None:
    csrf = csrf_of(client.get("/companies").text)
    archived_page = client.post(f"/companies/{_NUMBER}/archive", data={"csrf": csrf})
    assert [n.compact for n in store.archived()] == [_NUMBER]
    assert f'data-number="{_NUMBER}" class="archived"' in archived_page.text
    assert "gearchiveerd sinds" in archived_page.text
    assert store.get_setting("web_archived_companies") is None
    client.post(f"/companies/{_NUMBER}/restore", data={"csrf": csrf})
    assert not store.archived()
    assert client.post("/companies/0403019261/archive", data={"csrf": csrf}).status_code == 404
    assert client.post("/companies/nonsense/archive", data={"csrf": csrf}).status_code == 404


def test_settings_save_the_toggles_and_the_push_is_forward_only(
    client: TestClient, store: SQLiteStore
) -> None:
    page = client.get("/settings").text
    assert "Automatisch MyMinfin-documenten van bedrijven naar AdminPulse pushen" in page
    assert "adminpulse: ingesteld" in page
    assert "adminis: niet ingesteld" in page
    form = {
        "csrf": csrf_of(page),
        "push": "on",
        "tags": "GovLink, MyMinfin",
        "adminpulse_push_questionnaire": "on",
        "fallback_recipient": "office@firm.be",
    }
    saved = client.post("/settings", data=form)
    assert "Instellingen opgeslagen." in saved.text
    switch = store.sink_switch("adminpulse")
    assert switch.enabled
    assert switch.tags == ("GovLink", "MyMinfin")
    assert switch.enabled_at is not None
    assert 'id="push-since"' in saved.text
    assert store.get_setting("adminpulse_push_questionnaire") == "on"
    assert store.get_setting("adminpulse_push_attachments") is None
    assert store.get_setting("fallback_recipient") == "office@firm.be"
    client.post("/settings", data={**form, "tags": "GovLink"})
    assert store.sink_switch("adminpulse").enabled_at == switch.enabled_at  # watermark kept
    client.post("/settings", data={"csrf": form["csrf"]})
    assert not store.sink_switch("adminpulse").enabled
    bad = client.post("/settings", data={**form, "fallback_recipient": "nobody"})
    assert bad.status_code == 400
    assert "must be an e-mail address" in bad.text


def test_history_lists_each_run_and_its_result(client: TestClient, store: SQLiteStore) -> None:
    history = client.get("/history").text
    run = store.import_runs()[0]
    assert f'href="http://testserver/history/{run.id}"' in history
    detail = client.get(f"/history/{run.id}").text
    assert f"{len(run.added)} bedrijven toegevoegd" in detail
    assert client.get("/history/999").status_code == 404


def test_sync_status_shows_the_push_outbox_and_the_myminfin_state(client: TestClient) -> None:
    page = client.get("/sync").text
    assert "Push naar AdminPulse: uit" in page
    assert "pending" in page
    assert "Nog niets gesynchroniseerd." in page


def test_no_page_shows_a_secret(client: TestClient) -> None:
    pages = [client.get(path).text for path in _PAGES]
    pages.append(client.get(upload(client)).text)
    assert all(SECRET not in page for page in pages)


def test_mounted_in_a_host_app_without_a_token(store: SQLiteStore) -> None:
    async def host_home(request: object) -> object:
        from starlette.responses import PlainTextResponse

        return PlainTextResponse("host")

    app = create_app(store, Registry(), {}, actor="host")
    host = Starlette(routes=[Route("/", host_home), Mount("/govlink", app=app)])
    with TestClient(host) as client:
        page = client.get("/govlink/import")
        assert page.status_code == 200
        assert 'action="http://testserver/govlink/import/upload"' in page.text
        assert "Path=/govlink" in page.headers["set-cookie"]
        overview = client.get(upload_at(client, "/govlink"))
        assert counts_of(overview.text)["new"] == 10
        back = client.get("/govlink/lang/fr?next=/govlink/sync", follow_redirects=False)
        assert back.headers["location"] == "/govlink/sync"


def upload_at(client: TestClient, prefix: str) -> str:
    """Upload the example clients through an app mounted at ``prefix``."""
    from .conftest import CLIENTS

    csrf = csrf_of(client.get(f"{prefix}/import").text)
    with CLIENTS.open("rb") as stream:
        response = client.post(
            f"{prefix}/import/upload", data={"csrf": csrf}, files={"file": ("c.xlsx", stream)}
        )
    assert response.status_code == 200
    return str(response.url)


def test_behind_the_hosts_authentication_the_user_is_the_actor(store: SQLiteStore) -> None:
    from starlette.authentication import (
        AuthCredentials,
        AuthenticationBackend,
        SimpleUser,
    )
    from starlette.middleware import Middleware
    from starlette.middleware.authentication import AuthenticationMiddleware
    from starlette.requests import HTTPConnection

    class Everyone(AuthenticationBackend):
        async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, SimpleUser]:
            return AuthCredentials(["authenticated"]), SimpleUser("an.peeters@kantoor-demo.be")

    host = Starlette(
        routes=[Mount("/govlink", app=create_app(store, Registry(), {}))],
        middleware=[Middleware(AuthenticationMiddleware, backend=Everyone())],
    )
    with TestClient(host) as client:
        page = client.get("/govlink/companies").text
        client.post(
            f"/govlink/companies/{_NUMBER}",
            data={"csrf": csrf_of(page), "responsible": "jan@kantoor.be"},
        )
    assert store.import_runs()[0].info.actor == "an.peeters@kantoor-demo.be"


def test_every_text_the_pages_ask_for_is_in_the_catalog() -> None:
    """A literal message id in a template or route that the catalog lacks would be a 500."""
    import re
    from pathlib import Path

    from govlink.i18n.catalog import MESSAGES

    web = Path(__file__).resolve().parents[2] / "src" / "govlink" / "web"
    asked: set[str] = set()
    counted: set[str] = set()
    for path in [*web.glob("*.py"), *web.glob("templates/*.html")]:
        text = path.read_text(encoding="utf-8")
        asked |= set(re.findall(r"""["'](web\.[a-z_.]+[a-z])["']""", text))
        asked |= set(re.findall(r"""\bt\('([a-z_]+\.[a-z_.]+[a-z])'""", text))
        counted |= set(re.findall(r"""t\.count\('([a-z_.]+)'""", text))
    wanted = (asked - counted) | {f"{stem}.{form}" for stem in counted for form in ("one", "other")}
    assert len(wanted) > 80
    assert sorted(wanted - set(MESSAGES)) == []
