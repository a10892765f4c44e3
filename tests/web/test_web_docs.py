"""docs/web.md's mounting example runs as written."""

from __future__ import annotations

import re
from pathlib import Path

_DOC = Path(__file__).resolve().parents[2] / "docs" / "web.md"


def test_the_mounting_example_runs() -> None:
    text = _DOC.read_text(encoding="utf-8")
    match = re.search(r"<!-- mount-example -->\n```python\n(.*?)\n```", text, re.S)
    assert match is not None, "docs/web.md lost its mounting example"
    exec(compile(match.group(1), str(_DOC), "exec"), {})
