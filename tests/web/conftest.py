"""Fixtures of the web tests: a store holding the example platform, the app on it, and a logged-in
test client."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest
from starlette.testclient import TestClient

from govlink.plugins import Registry, SourceOptions
from govlink.reconcile.policy import ALL, Selection
from govlink.store.sqlite import SQLiteStore
from govlink.web import create_app
from govlink.workflows.importing import apply_import, preview_import

EXAMPLES: Final = Path(__file__).resolve().parents[2] / "examples"
CLIENTS: Final = EXAMPLES / "clients.xlsx"
TOKEN: Final = "test-access-token"
SECRET: Final = "s3cr3t-api-key-value"
SETTINGS: Final = {"GOVLINK_ADMINPULSE_API_KEY": SECRET, "GOVLINK_SMTP_PASSWORD": SECRET}


def fill_platform(store: SQLiteStore) -> None:
    """Put the example platform (examples/platform.xlsx) in ``store``."""
    source = Registry().open_source(SourceOptions(location=str(EXAMPLES / "platform.xlsx")))
    apply_import(preview_import(source, store), store, Selection(add=ALL), actor="setup")


@pytest.fixture(scope="session")
def platform_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file holding the example platform, filled once: each test opens its own copy."""
    path = tmp_path_factory.mktemp("platform") / "govlink.db"
    with SQLiteStore(path) as opened:
        fill_platform(opened)
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no WAL left over
    return path


@pytest.fixture
def store(tmp_path: Path, platform_file: Path) -> Iterator[SQLiteStore]:
    """A store holding the example platform."""
    shutil.copyfile(platform_file, tmp_path / "govlink.db")
    with SQLiteStore(tmp_path / "govlink.db") as opened:
        yield opened


@pytest.fixture
def client(store: SQLiteStore) -> Iterator[TestClient]:
    """A test client past the access-token gate of the app on ``store``."""
    app = create_app(store, Registry(), SETTINGS, access_token=TOKEN)
    with TestClient(app) as test_client:
        assert test_client.get(f"/import?token={TOKEN}").status_code == 200
        yield test_client


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match is not None, "the page has no form with a CSRF token"
    return match.group(1)


def counts_of(html: str) -> dict[str, int]:
    """The four tab counts of an overview page."""
    return {tab: int(n) for tab, n in re.findall(r'id="count-(\w+)">(\d+)<', html)}


def upload(client: TestClient, path: Path = CLIENTS, name: str | None = None) -> str:
    """Upload ``path``; the overview URL."""
    csrf = csrf_of(client.get("/import").text)
    with path.open("rb") as stream:
        response = client.post(
            "/import/upload",
            data={"csrf": csrf},
            files={"file": (name or path.name, stream, "application/octet-stream")},
        )
    assert response.status_code == 200, response.text
    return str(response.url)
