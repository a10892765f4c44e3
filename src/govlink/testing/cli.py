"""Run the ``govlink`` command in this process, for tests of plugins and services.

>>> from govlink.testing.cli import run, run_json
>>> run("--version").stdout.startswith("govlink, version")
True

Each call goes through click's ``CliRunner``: stdout and stderr are captured apart, nothing is
printed, and ``env`` (``None`` values unset a variable) applies for that call only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from click.testing import CliRunner, Result

__all__ = ["run", "run_json"]


def run(*args: str, env: Mapping[str, str | None] | None = None) -> Result:
    """``govlink ARGS``: its exit code, stdout and stderr (``Result.stderr``)."""
    from govlink.cli import main

    return CliRunner().invoke(main, list(args), env=env)


def run_json(*args: str, env: Mapping[str, str | None] | None = None) -> dict[str, Any]:
    """``govlink ARGS --json``: the JSON document it printed.

    :raises AssertionError: the command failed; the message is its stderr.
    """
    result = run(*args, "--json", env=env)
    if result.exit_code != 0:
        raise AssertionError(f"govlink exited with {result.exit_code}: {result.stderr}")
    document: dict[str, Any] = json.loads(result.stdout)
    return document
