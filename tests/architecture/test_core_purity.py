"""The pure core imports only what an allow-list names (checked on the source, with an AST walk).

``domain/``, ``reconcile/`` and ``planner/`` may import the pure standard-library modules below,
attrs, python-stdnum, ``govlink.errors`` and each other; nothing else, not even lazily inside a
function. A new import fails here until it is added on purpose.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import govlink

CORE = ("domain", "reconcile", "planner")
ROOT = Path(govlink.__file__).parent

#: Standard-library modules without I/O the core may use.
PURE_STDLIB = frozenset(
    {
        "__future__",
        "array",
        "bisect",
        "codecs",
        "collections",
        "dataclasses",
        "datetime",
        "decimal",
        "enum",
        "functools",
        "hashlib",
        "heapq",
        "itertools",
        "json",
        "math",
        "operator",
        "re",
        "reprlib",
        "types",
        "typing",
        "unicodedata",
        "zoneinfo",
    }
)
#: Third-party packages the core may use.
THIRD_PARTY = frozenset({"attrs", "stdnum"})
#: govlink modules the core may use: itself and the exception tree.
GOVLINK = tuple(f"govlink.{name}" for name in (*CORE, "errors"))


def package_of(path: Path) -> str:
    return ".".join(("govlink", *path.relative_to(ROOT).parent.parts))


def imported_modules(path: Path, package: str) -> set[str]:
    """Every module ``path`` (in ``package``) imports, anywhere in the file, relative imports
    resolved."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            module = node.module if node.level == 0 else ".".join([*base, node.module or ""])
            module = (module or "").rstrip(".")
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def allowed(module: str) -> bool:
    top = module.split(".")[0]
    if top in PURE_STDLIB or top in THIRD_PARTY:
        return True
    return any(module == name or module.startswith(name + ".") for name in GOVLINK)


def core_files() -> list[Path]:
    return sorted(f for package in CORE for f in (ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_imports_only_what_is_allowed(path: Path) -> None:
    bad = sorted(name for name in imported_modules(path, package_of(path)) if not allowed(name))
    assert not bad, f"{path.name} imports {bad}"


def test_the_allow_list_refuses_io_and_the_outer_layers(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import sqlite3\nfrom os import path\nfrom govlink.store import SQLiteStore\n"
        "def f():\n    import httpx\n    from govlink.plugins import hookimpl\n"
        "from . import company\nfrom ..errors import DomainError\nimport attrs\n"
    )
    names = imported_modules(sample, "govlink.domain")
    assert sorted(name for name in names if not allowed(name)) == [
        "govlink.plugins",
        "govlink.plugins.hookimpl",
        "govlink.store",
        "govlink.store.SQLiteStore",
        "httpx",
        "os",
        "os.path",
        "sqlite3",
    ]
    assert {"govlink.domain.company", "govlink.errors", "attrs"} <= names
