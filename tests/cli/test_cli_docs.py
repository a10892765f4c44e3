"""docs/cli.md documents the ``--json`` schema; real output must match it exactly."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from govlink.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def documented_schema() -> dict[str, Any]:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- import-json-schema -->\n```json\n(.*?)\n```", text, re.S)
    assert match is not None, "docs/cli.md lost its import JSON schema block"
    schema: dict[str, Any] = json.loads(match.group(1))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def _import(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["import", *args, "--json"])
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.mark.parametrize(
    "extra",
    [(), ("--overwrite", "all"), ("--apply", "--overwrite", "all")],
    ids=["preview", "planned", "apply"],
)
def test_real_json_output_matches_the_documented_schema(
    tmp_path: Path, extra: tuple[str, ...]
) -> None:
    store = str(tmp_path / "demo.db")
    _import(str(EXAMPLES / "platform.xlsx"), "--store", store, "--apply")
    document = _import(str(EXAMPLES / "clients.xlsx"), "--store", store, *extra)
    jsonschema.validate(document, documented_schema(), cls=jsonschema.Draft202012Validator)
    assert ("applied" in document) is ("--apply" in extra)
    assert ("planned" in document) is (extra == ("--overwrite", "all"))
    for key in ("only_in_source", "only_in_platform", "matching", "invalid", "warnings"):
        assert document[key], f"the example leaves {key} empty: the schema check would be weak"


def test_the_schema_rejects_an_extra_key() -> None:
    schema = documented_schema()
    document = {
        "source": "excel",
        "token": "0123456789ab",
        "counts": dict.fromkeys(schema["properties"]["counts"]["required"], 0),
        "only_in_source": [],
        "only_in_platform": [],
        "matching": [],
        "invalid": [],
        "warnings": [],
        "unknown_columns": [],
        "skipped": [],
    }
    jsonschema.validate(document, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**document, "surprise": 1}, schema)
