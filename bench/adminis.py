"""Benchmark: the ``adminis`` source reading N customers from the loopback simulator.

Prints customers per second, the API calls used against the minimum (token, settings, one page
per ``MaxRecordsPerPage`` customers and registered offices, the responsibles' four listings),
and the ratio of govlink's time to a baseline measured in the same run: a bare httpx loop
fetching the same pages from the same server (token header, ``Link`` paging, JSON decoding; no
limiter, mapping or checks).

    python bench/adminis.py [N]          # default 100000
"""

from __future__ import annotations

import sys
import time

import httpx

from govlink.connectors.adminis.client import AdminisConfig
from govlink.connectors.adminis.source import AdminisSource
from govlink.connectors.http import Secret
from govlink.testing.adminis import AdminisSimulator, ApiSettings, sample_data
from govlink.testing.clock import ScaledClock

KEY = "bench-key"
PER_PAGE = 1_000


def _bare(url: str) -> int:
    """Read every customer and registered office page with plain httpx; the rows seen."""
    rows = 0
    with httpx.Client(base_url=url + "/api/v1/", timeout=60) as client:
        token = client.get(f"token/{KEY}").json()["TokenGuid"]
        headers = {"synetonToken": token}
        client.get("apisettings", headers=headers).raise_for_status()
        for first in (
            f"customers?per_page={PER_PAGE}",
            f"customeraddresses?per_page={PER_PAGE}&Filter=RegisteredOffice eq 1",
        ):
            next_url: str | None = first
            while next_url:
                response = client.get(next_url, headers=headers)
                rows += len(response.json())
                next_url = response.links.get("next", {}).get("url")
    return rows


def main(customers: int) -> None:
    data = sample_data(customers, seed=1)
    offices = sum(1 for a in data.addresses if a["RegisteredOffice"])
    clock = ScaledClock(1)
    settings = ApiSettings(max_records_per_page=PER_PAGE, rate_limit=1_000_000)
    simulator = AdminisSimulator(data, api_key=KEY, clock=clock, settings=settings, token_ttl=1e9)
    with simulator.serve() as server:
        start = time.perf_counter()
        bare_rows = _bare(server.url)
        bare = time.perf_counter() - start
        baseline_calls = sum(simulator.calls.values())
        simulator.calls.clear()

        config = AdminisConfig(base_url=server.url, api_key=Secret(KEY), timeout=60)
        source = AdminisSource(config, clock=clock)
        start = time.perf_counter()
        records = sum(1 for _ in source.records())
        ours = time.perf_counter() - start
    calls = sum(simulator.calls.values())
    holders = sum(1 for e in data.project_employees if e["EmployeeProfileId"] == 2)
    responsibles = 1 + -(-len(data.employees) // PER_PAGE)  # profiles, employees
    responsibles += -(-holders // PER_PAGE) + -(-len(data.projects) // PER_PAGE)
    minimum = 2 + -(-customers // PER_PAGE) + -(-offices // PER_PAGE) + responsibles
    print(f"customers            {customers:>10,}")
    print(f"records (imported)   {records:>10,}   skipped {dict(source.skipped)}")
    print(f"govlink              {ours:>10.2f} s   {customers / ours:>10,.0f} customers/s")
    print(f"bare httpx baseline  {bare:>10.2f} s   {bare_rows / bare:>10,.0f} rows/s")
    print(f"ratio govlink/bare   {ours / bare:>10.2f}")
    print(f"API calls            {calls:>10}   minimum {minimum}, baseline {baseline_calls}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
