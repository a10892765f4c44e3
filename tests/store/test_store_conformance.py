"""The store conformance suite on both stores: an SQLite file and a PostgreSQL database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from govlink.store import open_store
from govlink.testing.postgres import TemporaryDatabase
from govlink.testing.store_conformance import StoreConformance


class TestSQLiteStore(StoreConformance):
    several_offices = False

    @pytest.fixture
    def store_factory(self, tmp_path: Path) -> Callable[[str | None], object]:
        return lambda office=None: open_store(tmp_path / "govlink.db", office=office)


class TestPostgresStore(StoreConformance):
    @pytest.fixture
    def store_factory(self, postgres: TemporaryDatabase) -> Callable[[str | None], object]:
        url = postgres.schema("store")
        return lambda office=None: open_store(url, office=office)
