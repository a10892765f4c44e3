"""Shared test configuration: hypothesis profiles (``HYPOTHESIS_PROFILE=ci`` in CI) and the
PostgreSQL database of the test session."""

import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, settings

from govlink.testing.postgres import PostgresUnavailable, TemporaryDatabase, temporary_database

settings.register_profile("dev", max_examples=100)
settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def documented_schema() -> Callable[[str, str], dict[str, Any]]:
    """``documented_schema("documents.md", "push")``: the JSON Schema a docs page keeps in the
    block after ``<!-- push-json-schema -->``, checked to be a valid schema."""

    def read(page: str, name: str) -> dict[str, Any]:
        text = (Path(__file__).resolve().parents[1] / "docs" / page).read_text(encoding="utf-8")
        match = re.search(rf"<!-- {name}-json-schema -->\n```json\n(.*?)\n```", text, re.S)
        assert match is not None, f"docs/{page} lost its {name} JSON schema"
        schema: dict[str, Any] = json.loads(match.group(1))
        jsonschema.Draft202012Validator.check_schema(schema)
        return schema

    return read


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read English unless they choose a language: the developer's locale never counts."""
    monkeypatch.setenv("GOVLINK_LANG", "en")


@pytest.fixture(scope="session")
def postgres() -> Iterator[TemporaryDatabase]:
    """A PostgreSQL database of this test session's own, dropped at the end; tests take a fresh
    schema of it each (``postgres.schema()``). Skipped without a server, unless
    ``GOVLINK_REQUIRE_POSTGRES=1`` (CI), where an unreachable server fails the run."""
    try:
        with temporary_database("govlink_tests") as made:
            yield made
    except PostgresUnavailable as error:
        if os.environ.get("GOVLINK_REQUIRE_POSTGRES") == "1":
            raise
        pytest.skip(f"{error} (set GOVLINK_TEST_POSTGRES to a server to run these tests)")
