"""Import cost of ``import govlink``: the lazy facade beside what the eager facade loaded.

Run: ``python bench/import_time.py``. Each figure is the best of several fresh interpreters,
read from ``python -X importtime`` (the cumulative microseconds of the top-level module):

- ``import govlink``: the facade as it is (errors, domain, reconciler; the rest lazy);
- ``eager facade``: the same plus every module the facade used to import eagerly (planner,
  documents, alerts, the ingest workflow with the store and the plugin system).

The ratio is lazy / eager. Target: ``import govlink`` under 60 ms.

Each is measured twice: with Python's bytecode cache (as an installed package runs: compiled
once, into a temporary ``PYTHONPYCACHEPREFIX``, before timing) and as this environment runs it
(``PYTHONDONTWRITEBYTECODE=1`` here, so an editable checkout compiles every govlink module at
each start).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile

RUNS = 15
LAZY = "import govlink"
EAGER = (
    "import govlink, govlink.planner, govlink.domain.documents, govlink.domain.alerts, "
    "govlink.workflows.ingesting"
)
#: A top-level line (one space before the name): its cumulative microseconds and its name.
_LINE = re.compile(r"import time:\s+\d+\s+\|\s+(\d+)\s+\| (\S+)$")


def cumulative_ms(code: str, env: dict[str, str]) -> float:
    """Milliseconds spent importing ``govlink`` (and what it pulls in) in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    total = 0
    for line in result.stderr.splitlines():
        match = _LINE.match(line)
        if match and match.group(2).split(".")[0] == "govlink":
            total += int(match.group(1))
    return total / 1000


def best(code: str, env: dict[str, str]) -> float:
    return min(cumulative_ms(code, env) for _ in range(RUNS))


def report(label: str, env: dict[str, str]) -> None:
    lazy, eager = best(LAZY, env), best(EAGER, env)
    print(f"{label}: import govlink {lazy:5.1f} ms, eager facade {eager:5.1f} ms, ", end="")
    print(f"ratio {lazy / eager:.2f}  (best of {RUNS})")


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        cached = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
        cached.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([sys.executable, "-c", EAGER], env=cached, check=True)  # compile once
        report("bytecode cache", cached)
    report("as this environment runs", dict(os.environ))


if __name__ == "__main__":
    main()
