"""The pure core imports no I/O or UI library (checked on the source, with an AST walk)."""

import ast
from pathlib import Path

import pytest

import govlink

FORBIDDEN = ("httpx", "openpyxl", "sqlite3", "click", "rich", "govlink.cli")
CORE = ("domain", "reconcile", "planner")
ROOT = Path(govlink.__file__).parent


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def core_files() -> list[Path]:
    return sorted(f for package in CORE for f in (ROOT / package).rglob("*.py"))


def test_the_core_exists() -> None:
    assert len(core_files()) >= 8


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_imports_nothing_forbidden(path: Path) -> None:
    bad = {
        name
        for name in imported_modules(path)
        for forbidden in FORBIDDEN
        if name == forbidden or name.startswith(forbidden + ".")
    }
    assert not bad, f"{path.name} imports {sorted(bad)}"


def test_the_checker_sees_forbidden_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import sqlite3\nfrom httpx import Client\nfrom govlink.cli import main\n")
    assert {"sqlite3", "httpx", "govlink.cli"} <= imported_modules(sample)
