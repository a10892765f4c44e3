"""Import cost of ``import govlink``: the lazy facade beside what the eager facade loaded.

Run: ``python bench/import_time.py``. Each figure is the best of several fresh interpreters,
read from ``python -X importtime`` (the cumulative microseconds of the top-level module):

- ``import govlink``: the facade as it is (errors, domain, reconciler; the rest lazy);
- ``eager facade``: the same plus every module the facade used to import eagerly (planner,
  documents, alerts, the ingest workflow with the store and the plugin system).

The ratio is lazy / eager. Target: ``import govlink`` under 60 ms.
"""

from __future__ import annotations

import re
import subprocess
import sys

RUNS = 15
LAZY = "import govlink"
EAGER = (
    "import govlink, govlink.planner, govlink.domain.documents, govlink.domain.alerts, "
    "govlink.workflows.ingesting"
)
#: A top-level line (one space before the name): its cumulative microseconds and its name.
_LINE = re.compile(r"import time:\s+\d+\s+\|\s+(\d+)\s+\| (\S+)$")


def cumulative_ms(code: str) -> float:
    """Milliseconds spent importing ``govlink`` (and what it pulls in) in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True
    )
    total = 0
    for line in result.stderr.splitlines():
        match = _LINE.match(line)
        if match and match.group(2).split(".")[0] == "govlink":
            total += int(match.group(1))
    return total / 1000


def best(code: str) -> float:
    return min(cumulative_ms(code) for _ in range(RUNS))


def main() -> None:
    lazy, eager = best(LAZY), best(EAGER)
    print(f"import govlink   {lazy:7.1f} ms  (best of {RUNS})")
    print(f"eager facade     {eager:7.1f} ms")
    print(f"ratio            {lazy / eager:7.2f}")


if __name__ == "__main__":
    main()
