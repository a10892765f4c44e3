"""Throw-away PostgreSQL databases and schemas for tests (needs ``govlink[postgres]``).

Every test session makes its own uniquely named database and drops it at the end, so parallel
sessions on one server never see each other's rows; every test gets a fresh schema in it.

``GOVLINK_TEST_POSTGRES`` names the server (default
``postgresql://postgres@127.0.0.1:5432/postgres``, used only to create and drop databases).
When the server cannot be reached, :func:`require_server` skips, unless
``GOVLINK_REQUIRE_POSTGRES=1`` (CI), where it fails.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final
from urllib.parse import quote

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

__all__ = [
    "DEFAULT_SERVER",
    "PostgresUnavailable",
    "TemporaryDatabase",
    "require_server",
    "server_url",
    "temporary_database",
]

DEFAULT_SERVER: Final = "postgresql://postgres@127.0.0.1:5432/postgres"


class PostgresUnavailable(Exception):
    """The test server cannot be reached."""


def server_url() -> str:
    """The server tests use (``$GOVLINK_TEST_POSTGRES``, else :data:`DEFAULT_SERVER`)."""
    return os.environ.get("GOVLINK_TEST_POSTGRES", DEFAULT_SERVER)


def require_server() -> str:
    """The server URL, after checking it answers.

    :raises PostgresUnavailable: it does not answer (the caller skips, or fails in CI).
    """
    url = server_url()
    try:
        with psycopg.connect(url, connect_timeout=3, autocommit=True) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else "no answer"
        raise PostgresUnavailable(f"PostgreSQL at {_shown(url)} is unreachable: {first}") from None
    return url


def _shown(url: str) -> str:
    parts = {k: str(v) for k, v in conninfo_to_dict(url).items() if v is not None}
    parts.pop("password", None)
    return make_conninfo("", **parts)


class TemporaryDatabase:
    """A database of its own on the test server; :meth:`schema` hands out fresh schemas."""

    def __init__(self, server: str, name: str) -> None:
        self.server = server
        self.name = name
        self.url = make_conninfo(server, dbname=name)
        self._schemas = 0

    def schema(self, prefix: str = "t") -> str:
        """A URL of a new, empty schema in the database (its ``search_path``)."""
        self._schemas += 1
        schema = f"{prefix}{self._schemas}_{secrets.token_hex(3)}"
        with psycopg.connect(self.url, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        return f"{_as_url(self.url)}?options={quote(f'-csearch_path={schema}')}"


def _as_url(conninfo: str) -> str:
    parts = {k: str(v) for k, v in conninfo_to_dict(conninfo).items() if v is not None}
    user = quote(parts.get("user", "postgres"))
    password = f":{quote(parts['password'])}" if "password" in parts else ""
    host = parts.get("host", "127.0.0.1")
    port = parts.get("port", "5432")
    return f"postgresql://{user}{password}@{host}:{port}/{parts['dbname']}"


@contextmanager
def temporary_database(prefix: str = "govlink_test") -> Iterator[TemporaryDatabase]:
    """Create ``<prefix>_<pid>_<random>`` on the test server and drop it afterwards.

    :raises PostgresUnavailable: the server does not answer.
    """
    server = require_server()
    name = f"{prefix}_{os.getpid()}_{secrets.token_hex(4)}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield TemporaryDatabase(server, name)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
