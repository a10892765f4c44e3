"""The import pages through Starlette's test client: upload, the four tabs, apply with the
preview token, a stale preview, the upload guards and hostile values."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from starlette.testclient import TestClient

from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.plugins import Registry, SourceOptions
from govlink.reconcile.policy import Selection
from govlink.store.sqlite import SQLiteStore
from govlink.testing.adminpulse import AdminPulseSimulator, generate
from govlink.testing.ods import write_spreadsheet
from govlink.web import create_app
from govlink.workflows.companies import archive_companies
from govlink.workflows.importing import apply_import, preview_import

from .conftest import CLIENTS, SECRET, TOKEN, counts_of, csrf_of, upload

_DUBOIS = "0481483254"
#: The example platform's companies that examples/clients.xlsx does not name.
_GONE = ("0254369038", "0377826777", "0807453536", "0930911275")


def _new_numbers(html: str) -> list[str]:
    return re.findall(r'name="add" value="(\d{10})"', html)


def _token(html: str) -> str:
    match = re.search(r'name="token" value="([^"]+)"', html)
    assert match is not None
    return match.group(1)


def _apply(client: TestClient, url: str, html: str, **fields: object) -> object:
    data = {"csrf": csrf_of(html), "token": _token(html), **fields}
    return client.post(f"{url}/apply", data=data, follow_redirects=False)


def test_the_overview_shows_the_four_tabs_with_their_counts(client: TestClient) -> None:
    html = client.get(upload(client)).text
    assert counts_of(html) == {"new": 10, "platform": 4, "matching": 26, "invalid": 8}
    for label in ("Klanten enkel in import", "Klanten enkel in Accounton"):
        assert label in html
    assert "Overeenkomende klanten" in html
    assert "Ongeldige klanten" in html
    assert "Voeg de geselecteerde klanten toe" in html
    assert len(_new_numbers(html)) == 10
    # before -> after on a match, and a reason in words with its code on an invalid row
    before_after = (
        '<span class="before">info@dubois.be</span> → '
        '<span class="after">contact@boulangerie-dubois.be</span>'
    )
    assert before_after in html
    assert "enterprise_number.checksum" in html
    assert "controlecijfers" in html


def test_apply_adds_the_ticked_companies_and_overwrites_the_chosen_field_only(
    client: TestClient, store: SQLiteStore
) -> None:
    before = {c.enterprise_number.compact: c for c in store.companies()}
    url = upload(client)
    html = client.get(url).text
    new = _new_numbers(html)
    kept, left_out = new[2:], new[:2]
    response = _apply(client, url, html, add=kept, **{f"for-{_DUBOIS}": "email"})
    assert response.status_code == 303  # type: ignore[attr-defined]
    after = {c.enterprise_number.compact: c for c in store.companies()}
    assert set(after) == set(before) | set(kept)
    assert not set(left_out) & set(after)
    dubois = after[_DUBOIS]
    assert (before[_DUBOIS].email, dubois.email) == (
        "info@dubois.be",
        "contact@boulangerie-dubois.be",
    )
    assert dubois.name == before[_DUBOIS].name
    changed = {n for n in before if after[n] != before[n]}
    assert changed == {_DUBOIS}
    result = client.get(response.headers["location"])  # type: ignore[attr-defined]
    assert "Import toegepast" in result.text
    assert "8 bedrijven toegevoegd, 1 bijgewerkt" in result.text
    assert client.get(url).status_code == 404  # an applied preview is gone


def test_a_column_choice_overwrites_that_field_on_every_match(
    client: TestClient, store: SQLiteStore
) -> None:
    url = upload(client)
    html = client.get(url).text
    changed_emails = len(re.findall(r'data-field="email"', html))
    assert changed_emails > 1
    response = _apply(client, url, html, overwrite="email")
    assert response.status_code == 303  # type: ignore[attr-defined]
    run = store.import_runs()[0]
    assert not run.added
    assert len(run.updated) == changed_emails
    assert {f for change in run.updated for f in change.fields} == {"email"}


def test_a_stale_preview_is_refused_and_nothing_is_written(
    client: TestClient, store: SQLiteStore
) -> None:
    url = upload(client)
    html = client.get(url).text
    # a colleague adds one of the new companies meanwhile
    source = Registry().open_source(SourceOptions(location=str(CLIENTS)))
    preview = preview_import(source, store)
    first_new = preview.diff.only_in_source[0].enterprise_number
    apply_import(preview, store, Selection(add={first_new}), actor="colleague")
    count = len(store.companies())
    response = _apply(client, url, html, add=_new_numbers(html))
    assert response.status_code == 409  # type: ignore[attr-defined]
    text = response.text  # type: ignore[attr-defined]
    assert "Het platform is gewijzigd sinds deze voorvertoning" in text
    assert len(store.companies()) == count
    assert counts_of(text)["new"] == 9  # the new preview, against the platform as it is now
    again = _apply(client, url, text, add=_new_numbers(text))
    assert again.status_code == 303  # type: ignore[attr-defined]
    assert len(store.companies()) == count + 9


def _workbook(
    path: Path,
    rows: list[tuple[str, str, str]],
    headers: tuple[str, str, str] = ("enterprise_number", "name", "email"),
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.data_type = "s"  # text, as a user typed it: "=HYPERLINK(...)" is not a formula
    book.save(path)
    return path


def _valid(index: int) -> str:
    base = 1_000_000 + index
    return EnterpriseNumber(f"0{base:07d}{97 - (base % 97):02d}").formatted


_SCRIPT = '<script>alert("x")</script>'
_FORMULA = '=HYPERLINK("http://evil.example","click")'
_IMG = "<img src=x onerror=alert(1)>"


def test_hostile_names_are_shown_as_text(client: TestClient, tmp_path: Path) -> None:
    rows = [
        (_valid(1), _SCRIPT, "a@example.be"),
        (_valid(2), _FORMULA, "b@example.be"),
        (_valid(3), _IMG, "<b>@x"),
        ("not a number", _SCRIPT, ""),
    ]
    url = upload(client, _workbook(tmp_path / "hostile.xlsx", rows))
    html = client.get(url).text
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "=HYPERLINK(&#34;http://evil.example&#34;,&#34;click&#34;)" in html
    assert "&lt;b&gt;@x" in html  # the invalid e-mail's value, in the reason column


def test_invalid_rows_speak_the_users_columns_and_the_duplicate_names_the_other_row(
    client: TestClient, tmp_path: Path
) -> None:
    rows = [(_valid(1), "Een", "een@example.be"), (_valid(1), "Twee", "nora@@x")]
    book = _workbook(tmp_path / "mine.xlsx", rows, headers=("BTW-nr.", "Klantnaam", "Mail"))
    url = upload(client, book)
    dutch = client.get(url).text
    assert counts_of(dutch)["invalid"] == 2
    assert '<span class="column">BTW-nr.</span>' in dutch
    assert '<span class="column">Mail</span>' in dutch
    assert "Hetzelfde ondernemingsnummer staat ook op rij 3." in dutch
    assert re.search(
        r"title=\"[^\"]*Hetzelfde ondernemingsnummer staat ook op rij 2\.", dutch
    )  # hover
    french = client.get(url, headers={"accept-language": "fr-BE"}).text
    assert "Le même numéro d&#39;entreprise figure aussi à la ligne 3." in french


def test_the_platform_tab_leaves_archived_companies_out_and_offers_to_archive(
    client: TestClient, store: SQLiteStore
) -> None:
    archive_companies(store, [_GONE[0]])
    url = upload(client)
    html = client.get(url).text
    assert counts_of(html)["platform"] == 3
    assert f'name="archive" value="{_GONE[0]}"' not in html
    assert "1 gearchiveerde klant staat niet in de import" in html
    offered = re.findall(r'name="archive" value="(\d{10})"', html)
    assert set(offered) == set(_GONE[1:])
    # the archive button posts the review form: only the ticked "only in Accounton" ones
    data = {"csrf": csrf_of(html), "token": _token(html), "archive": [_GONE[1], _DUBOIS]}
    done = client.post(f"{url}/archive", data=data, follow_redirects=False)
    assert done.status_code == 303
    assert done.headers["location"].endswith("?archived=1#tab-platform")
    assert {n.compact for n in store.archived()} == {_GONE[0], _GONE[1]}
    again = client.get(done.headers["location"]).text
    assert counts_of(again)["platform"] == 2
    assert "1 klant gearchiveerd: niet meer gesynchroniseerd of gepusht." in again
    assert "2 gearchiveerde klanten staan niet in de import" in again
    applied = _apply(client, url, again, add=_new_numbers(again))  # the refreshed preview
    assert applied.status_code == 303  # type: ignore[attr-defined]


def test_a_warning_reads_as_the_catalogs_sentence(client: TestClient, store: SQLiteStore) -> None:
    archive_companies(store, [_DUBOIS])  # archived, and named again by the import
    html = client.get(upload(client)).text
    assert "0481.483.254 is gearchiveerd: de import mag het bijwerken" in html
    assert "<code>company.archived</code>" in html


def test_an_upload_that_is_not_an_xlsx_workbook_is_refused(
    client: TestClient, tmp_path: Path
) -> None:
    csrf = csrf_of(client.get("/import").text)
    text = tmp_path / "clients.csv"
    text.write_text("enterprise_number,name\n0403.019.261,A\n", encoding="utf-8")
    for name, status, words in (
        ("clients.csv", 400, "is geen .xlsx- of .ods-bestand"),
        ("clients.xlsx", 400, "is a text (CSV) file"),  # the reader's own guard
    ):
        with text.open("rb") as stream:
            response = client.post(
                "/import/upload", data={"csrf": csrf}, files={"file": (name, stream, "text/csv")}
            )
        assert response.status_code == status
        assert words in response.text
    response = client.post("/import/upload", data={"csrf": csrf}, files={"file": ("", b"")})
    assert response.status_code == 400


def test_an_ods_upload_previews_like_the_same_xlsx(client: TestClient, tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(CLIENTS, read_only=True).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    ods = write_spreadsheet(tmp_path / "klanten.ods", {"Klanten": rows})
    from_ods = client.get(upload(client, ods)).text
    assert counts_of(from_ods) == counts_of(client.get(upload(client)).text)
    assert "klanten.ods" in from_ods


def test_an_upload_over_the_limit_is_refused_before_it_is_read(store: SQLiteStore) -> None:
    app = create_app(store, Registry(), {}, max_upload=1000)
    with TestClient(app) as client:
        csrf = csrf_of(client.get("/import").text)
        with CLIENTS.open("rb") as stream:
            response = client.post(
                "/import/upload", data={"csrf": csrf}, files={"file": ("c.xlsx", stream)}
            )
    assert response.status_code == 413
    assert "groter dan" in response.text


def test_an_unknown_preview_says_to_import_again(client: TestClient) -> None:
    response = client.get("/import/no-such-preview")
    assert response.status_code == 404
    assert "importeer opnieuw" in response.text


@pytest.fixture
def adminpulse() -> object:
    data = generate(30, seed=3)
    simulator = AdminPulseSimulator(**data, api_keys=(SECRET,))
    with simulator.serve() as server:
        yield server


def test_import_from_adminpulse_all_or_one_template(store: SQLiteStore, adminpulse: object) -> None:
    url = adminpulse.url  # type: ignore[attr-defined]
    settings = {"GOVLINK_ADMINPULSE_URL": url, "GOVLINK_ADMINPULSE_API_KEY": SECRET}
    app = create_app(store, Registry(), settings, access_token=TOKEN)
    with TestClient(app) as client:
        client.get(f"/?token={TOKEN}")
        form = client.get("/import").text
        assert 'value="adminpulse"' in form
        assert 'value="adminis"' in form
        totals = []
        for template in ("", "Jaarrekening"):
            response = client.post(
                "/import/crm",
                data={"csrf": csrf_of(form), "source": "adminpulse", "template": template},
            )
            assert response.status_code == 200, response.text
            assert SECRET not in response.text
            assert "Import uit adminpulse" in response.text
            counts = counts_of(response.text)
            totals.append(counts["new"] + counts["matching"] + counts["invalid"])
        assert 0 < totals[1] < totals[0]
        refused = client.post("/import/crm", data={"csrf": csrf_of(form), "source": "excel"})
        assert refused.status_code == 400


def test_a_refused_crm_login_is_one_line_on_the_import_page(
    store: SQLiteStore, adminpulse: object
) -> None:
    url = adminpulse.url  # type: ignore[attr-defined]
    settings = {"GOVLINK_ADMINPULSE_URL": url, "GOVLINK_ADMINPULSE_API_KEY": "wrong-key"}
    app = create_app(store, Registry(), settings)
    with TestClient(app) as client:
        form = client.get("/import").text
        response = client.post("/import/crm", data={"csrf": csrf_of(form), "source": "adminpulse"})
    assert response.status_code == 400
    assert "Import mislukt" in response.text
    assert "wrong-key" not in response.text
