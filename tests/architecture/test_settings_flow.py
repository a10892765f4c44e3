"""Settings arrive one way: the edge reads the environment, nothing below it does.

Connectors, notifiers, workflows and the sync get their settings as a mapping (the options'
``settings``), built by the CLI with :func:`govlink.environment.environment_settings`. An AST
scan of every package but ``testing`` fails on any other read of the process environment.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import govlink

ROOT = Path(govlink.__file__).parent
#: Every package but ``testing`` (test tooling, which starts servers and worker processes with
#: their own environment); ``govlink.environment`` is the one module that reads it.
LAYERS = sorted(
    path.name
    for path in ROOT.iterdir()
    if (path / "__init__.py").is_file() and path.name != "testing"
)


def test_the_top_level_modules_leave_the_environment_to_govlink_environment() -> None:
    problems = {
        path.name: reads
        for path in sorted(ROOT.glob("*.py"))
        if path.name != "environment.py"
        and (reads := environment_reads(path.read_text(encoding="utf-8")))
    }
    assert problems == {}


_READERS = frozenset({"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"})


def environment_reads(source: str) -> list[str]:
    """Every read of the process environment in ``source``, as ``line: what``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "os":
            found += [
                f"{node.lineno}: from os import {a.name}" for a in node.names if a.name in _READERS
            ]
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in _READERS
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
        ):
            found.append(f"{node.lineno}: os.{node.attr}")
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_no_module_below_the_edge_reads_the_environment(layer: str) -> None:
    paths = sorted((ROOT / layer).rglob("*.py"))
    assert paths, f"no modules under {layer}/"
    problems = {
        str(path.relative_to(ROOT)): reads
        for path in paths
        if (reads := environment_reads(path.read_text(encoding="utf-8")))
    }
    assert problems == {}


@pytest.mark.parametrize(
    "source",
    [
        "import os\nx = os.environ['GOVLINK_X']",
        "import os\nx = os.getenv('GOVLINK_X')",
        "from os import environ",
        "import os\ndef f(env=os.environ): ...",
    ],
)
def test_the_scan_catches_every_way_of_reading_it(source: str) -> None:
    assert environment_reads(source) != []


def test_the_scan_leaves_mappings_alone() -> None:
    assert environment_reads("def f(environ): return environ.get('X')") == []
