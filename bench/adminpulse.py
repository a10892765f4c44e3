"""Benchmark: 100k AdminPulse relations through the loopback simulator.

Prints relations per second for the ``adminpulse`` source (client, limiter, paging, mapping)
beside a bare httpx loop over the same pages of the same server (the baseline, measured in the
same run), their ratio, and the calls used against the minimum (ceil(n/400) list calls plus one
``/users`` call). Simulated time runs 1000x faster, so the 8 calls/s limit costs little wall time
and the figure measures govlink's own overhead.

    python bench/adminpulse.py [N]
"""

from __future__ import annotations

import math
import sys
import time

import httpx

from govlink.connectors.adminpulse.client import AdminPulseClient
from govlink.connectors.adminpulse.source import AdminPulseSource
from govlink.connectors.http import BearerToken, Secret
from govlink.testing.adminpulse import DEFAULT_API_KEY, AdminPulseSimulator, generate
from govlink.testing.clock import ScaledClock


def _baseline(url: str, n: int) -> float:
    started = time.perf_counter()
    seen = 0
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {DEFAULT_API_KEY}"}) as c:
        for page in range(math.ceil(n / 400)):
            seen += len(
                c.get("/relations", params={"page": page, "pageSize": 400}).json()["results"]
            )
    assert seen == n
    return time.perf_counter() - started


def main(n: int) -> None:
    data = generate(n)
    clock = ScaledClock(speed=1000)
    simulator = AdminPulseSimulator(**data, clock=clock)
    with simulator.serve() as server:
        baseline = _baseline(server.url, n)
        calls_before = simulator.count()
        started = time.perf_counter()
        client = AdminPulseClient(
            BearerToken(Secret(DEFAULT_API_KEY)), base_url=server.url, clock=clock
        )
        source = AdminPulseSource(client)
        records = sum(1 for _ in source.records())
        elapsed = time.perf_counter() - started
        calls = simulator.count() - calls_before
    minimum = math.ceil(n / 400) + math.ceil(len(data["users"]) / 400)
    print(f"relations: {n} ({records} imported, skipped {dict(source.skipped)})")
    print(f"govlink:  {n / elapsed:,.0f} relations/s ({elapsed:.2f} s)")
    print(f"baseline: {n / baseline:,.0f} relations/s ({baseline:.2f} s, bare httpx, same pages)")
    print(f"ratio:    {elapsed / baseline:.2f}x the baseline's time")
    print(
        f"calls:    {calls} used, minimum {minimum}; limit rejections {simulator.limit_rejections}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
