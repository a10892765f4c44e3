"""No module reaches into another module's private names (an AST scan of ``src/govlink``).

Three rules, each for govlink's own modules:

* ``from govlink.x import _name`` imports another module's private name: allowed only inside
  the package ``govlink.x`` itself (where ``_name`` is one of its private modules).
* A private module (``govlink.a._b``) is imported only from inside the package that holds it
  (``govlink.a`` and below).
* ``something._name`` is allowed on ``self`` / ``cls`` and for a name this module defines itself
  (its own functions, classes and attributes); anything else reads another module's internals.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import govlink

ROOT = Path(govlink.__file__).parent


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def module_name(path: Path, root: Path) -> str:
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if node.level == 0:
        return node.module or ""
    base = package.split(".")[: len(package.split(".")) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def _defined_here(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def violations(path: Path, root: Path) -> list[str]:
    """Every private access in ``path`` that breaks the rules, as ``line: what``."""
    module = module_name(path, root)
    package = _package(module, path)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    own = _defined_here(tree)
    found: list[str] = []

    def check_module(target: str, line: int) -> None:
        parts = target.split(".")
        if parts[0] != root.name:
            return
        for i, part in enumerate(parts):
            holder = ".".join(parts[:i])
            if _private(part) and not (package == holder or package.startswith(holder + ".")):
                found.append(f"{line}: imports the private module {target}")
                return

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                check_module(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(node, package)
            check_module(target, node.lineno)
            inside = package == target or package.startswith(target + ".")
            if target.split(".")[0] == root.name and not inside:
                found.extend(
                    f"{node.lineno}: imports the private name {alias.name} from {target}"
                    for alias in node.names
                    if _private(alias.name)
                )
        elif isinstance(node, ast.Attribute) and _private(node.attr) and node.attr not in own:
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in {"self", "cls"}):
                found.append(f"{node.lineno}: reads {ast.unparse(node)}")
    return found


def source_files() -> list[Path]:
    return sorted(ROOT.rglob("*.py"))


@pytest.mark.parametrize("path", source_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_private_reach_ins(path: Path) -> None:
    assert violations(path, ROOT) == []


def test_the_scan_sees_every_kind_of_reach_in(tmp_path: Path) -> None:
    root = tmp_path / "govlink"
    (root / "store").mkdir(parents=True)
    (root / "cli").mkdir()
    (root / "cli" / "_app.py").write_text("")
    sample = root / "store" / "sqlite.py"
    sample.write_text(
        "from govlink.cli._app import open_store\n"
        "from govlink.domain import _helper\n"
        "from govlink.cli import _app\n"
        "import govlink.testing._loopback\n"
        "number = EnterpriseNumber._from_trusted(text)\n"
        "self._db.close()\n"
        "_mine = 1\n"
        "other._mine\n"
    )
    assert violations(sample, root) == [
        "1: imports the private module govlink.cli._app",
        "2: imports the private name _helper from govlink.domain",
        "3: imports the private name _app from govlink.cli",
        "4: imports the private module govlink.testing._loopback",
        "5: reads EnterpriseNumber._from_trusted",
    ]


def test_a_package_may_use_its_own_private_modules(tmp_path: Path) -> None:
    root = tmp_path / "govlink"
    (root / "cli").mkdir(parents=True)
    sample = root / "cli" / "_plan.py"
    sample.write_text(
        "from govlink.cli._app import open_store\nfrom govlink._atomic import w\n"
        "from . import _render\n"
    )
    assert violations(sample, root) == []
