"""The SQLite placeholders rewritten for psycopg: ``?`` and ``:name`` outside string literals,
``%`` escaped, string literals and ``::`` casts left alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink.store._pg_connection import translate


@pytest.mark.parametrize(
    ("sqlite", "psycopg"),
    [
        ("SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = %s AND c = %s"),
        ("x <= :now OR y > :now_2", "x <= %(now)s OR y > %(now_2)s"),
        ("WHERE s = 'a ? :b %' AND n LIKE ?", "WHERE s = 'a ? :b %%' AND n LIKE %s"),
        ("SELECT 'it''s ?' , ?", "SELECT 'it''s ?' , %s"),
        ("SELECT x::text, 5 % ?", "SELECT x::text, 5 %% %s"),
    ],
)
def test_placeholders_are_rewritten_outside_literals(sqlite: str, psycopg: str) -> None:
    assert translate(sqlite) == psycopg


words = st.sampled_from(["SELECT", "x", "=", "?", ":name", "'lit ? :no'", "%", ",", "t.a"])


@given(st.lists(words, max_size=30))
def test_every_placeholder_becomes_one_psycopg_placeholder(parts: list[str]) -> None:
    sql = " ".join(parts)
    translated = translate(sql)
    assert translated.count("%s") == parts.count("?")
    assert translated.count("%(name)s") == parts.count(":name")
    assert translated.count("'lit ? :no'") == parts.count("'lit ? :no'")
    assert translated.replace("%%", "%").replace("%s", "?").replace("%(name)s", ":name") == sql
