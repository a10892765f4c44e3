"""Benchmark: N documents pushed to the AdminPulse simulator over loopback, on a scaled clock.

Prints the sustained ``documents/add`` rate against the 50 calls/min limit (target: at least 95%,
and no 429), next to a baseline measured in the same run: the same push with no limit at all,
which shows what one document costs govlink (store, claim, upload) in real time.

    python bench/push.py [--documents 300] [--speed 30]

The sustained rate is 50 calls per the mean simulated time from a call to the 50th call after
it: at exactly the limit that span is 60 s; every second of latency the limiter has to add on
top of it lowers the rate.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from govlink import EnterpriseNumber
from govlink.connectors.adminpulse.client import DEFAULT_LIMITS, DOCUMENTS_ADD
from govlink.connectors.http import Rate
from govlink.domain.forwarding import SinkSwitch
from govlink.store import SQLiteStore
from govlink.testing.adminpulse import DEFAULT_API_KEY, AdminPulseSimulator, generate
from govlink.testing.clock import ScaledClock
from govlink.testing.documents import adminpulse_registry, sample_document, sample_pdf
from govlink.workflows.pushing import push

LIMIT = DEFAULT_LIMITS[DOCUMENTS_ADD][0]
UNLIMITED = {"all": (Rate(10**9, 60.0),), DOCUMENTS_ADD: (Rate(10**9, 60.0),)}


def _run(documents: int, speed: float, *, limited: bool) -> tuple[AdminPulseSimulator, float]:
    """Push ``documents`` through a fresh simulator; returns it and the real seconds taken."""
    clock = ScaledClock(speed=speed)
    data = generate(50)
    numbers = [r["vatNumber"] for r in data["relations"] if "vatNumber" in r]
    simulator = AdminPulseSimulator(clock=clock, limits=DEFAULT_LIMITS if limited else None, **data)
    with tempfile.TemporaryDirectory() as folder, simulator.serve() as server:
        store = SQLiteStore(Path(folder) / "bench.db")
        on = datetime.now(UTC) - timedelta(minutes=1)
        store.save_sink_switch(SinkSwitch.off("adminpulse").switched_on(on, ["GovLink"]))
        parsed = [EnterpriseNumber.parse(n) for n in numbers]
        for serial in range(documents):
            document = sample_document(serial, parsed[serial % len(parsed)])
            store.add_document(document, sample_pdf(serial))
        options = {} if limited else {"limits": UNLIMITED}
        registry = adminpulse_registry(server.url, DEFAULT_API_KEY, clock, **options)
        started = time.perf_counter()
        report = push(store, registry, sink="adminpulse")
        elapsed = time.perf_counter() - started
        store.close()
    assert len(report.pushed) == documents, "not every document was pushed"
    return simulator, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--speed", type=float, default=30.0, help="simulated seconds per second")
    args = parser.parse_args()

    _, baseline = _run(args.documents, args.speed, limited=False)
    simulator, elapsed = _run(args.documents, args.speed, limited=True)
    stamps = sorted(c.at for c in simulator.calls if c.path == "/" + DOCUMENTS_ADD)
    spans = [later - earlier for earlier, later in zip(stamps, stamps[LIMIT.calls :], strict=False)]
    sustained = LIMIT.calls / (sum(spans) / len(spans)) * 60.0
    limit = LIMIT.calls * 60.0 / LIMIT.per
    rejected = sum(1 for c in simulator.calls if c.status == 429)
    print(f"documents: {args.documents}, clock speed: {args.speed:g}x")
    print(
        f"baseline (no limit): {args.documents / baseline:.0f} documents/s real "
        f"({baseline * 1000 / args.documents:.1f} ms per document)"
    )
    print(
        f"limited: {sustained:.1f} calls/min sustained against a limit of {limit:.0f}/min "
        f"= {sustained / limit:.1%} of the limit; busiest minute "
        f"{simulator.max_calls_in_window(60.0, '/' + DOCUMENTS_ADD)} calls; "
        f"429 received: {rejected}; {elapsed:.1f} s real "
        f"({elapsed / baseline:.1f}x the baseline)"
    )


if __name__ == "__main__":
    main()
