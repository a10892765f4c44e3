"""``govlink simulate``: serve one of the API simulators of :mod:`govlink.testing` on loopback,
for a demo or a first try without credentials, until Ctrl-C or SIGTERM."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Final, Protocol

import attrs
import click

from govlink.cli._app import json_option, open_store, store_option
from govlink.cli._lang import texts
from govlink.cli._output import echo_json, echo_line
from govlink.clock import SYSTEM_CLOCK

__all__ = ["simulate_command"]

_DEMO_KEY: Final = "demo-key"


class _Served(Protocol):
    @property
    def url(self) -> str: ...


@attrs.frozen
class _Demo:
    """A simulator to serve (``serve()`` as a simulator's own), what it holds and the key it
    expects; ``then`` is the command to try next."""

    title: str
    serve: Callable[[], AbstractContextManager[_Served]]
    holds: str
    key: str
    then: str


#: The settings that point govlink at each simulator: its URL's, then its key's.
_SETTINGS: Final = {
    "adminpulse": ("GOVLINK_ADMINPULSE_URL", "GOVLINK_ADMINPULSE_API_KEY"),
    "adminis": ("GOVLINK_ADMINIS_URL", "GOVLINK_ADMINIS_API_KEY"),
    "myminfin": ("GOVLINK_MYMINFIN_SIM_URL", "GOVLINK_MYMINFIN_SIM_TOKEN"),
}


def _adminpulse(companies: int, seed: int, store: Path) -> _Demo:
    from govlink.testing.adminpulse import DEFAULT_API_KEY, AdminPulseSimulator, generate

    data = generate(companies, seed=seed)
    simulator = AdminPulseSimulator(
        relations=data["relations"], users=data["users"], tasks=data["tasks"], clock=SYSTEM_CLOCK
    )
    t = texts()
    holds = t("simulate.relations", count=companies)
    then = t("simulate.then.adminpulse")
    return _Demo("AdminPulse", simulator.serve, holds, DEFAULT_API_KEY, then)


def _adminis(companies: int, seed: int, store: Path) -> _Demo:
    from govlink.testing.adminis import AdminisSimulator, sample_data

    data = sample_data(companies, seed=seed)
    simulator = AdminisSimulator(data, api_key=_DEMO_KEY, clock=SYSTEM_CLOCK)
    holds = texts()("simulate.customers", count=companies)
    return _Demo("Admin-IS", simulator.serve, holds, _DEMO_KEY, "govlink import adminis")


def _myminfin(companies: int, seed: int, store: Path) -> _Demo:
    from govlink.testing.myminfin import DEFAULT_TOKEN, MyMinfinSimulator, generate_portal

    with open_store(store, create=False) as opened:
        numbers = [c.enterprise_number.compact for c in opened.companies()]
    portal = generate_portal(numbers, start=datetime.now(UTC), seed=seed)
    simulator = MyMinfinSimulator(portal, clock=SYSTEM_CLOCK)
    t = texts()
    holds = t("simulate.documents", count=len(numbers), store=store)
    then = t("simulate.then.myminfin")
    return _Demo("MyMinfin", simulator.serve, holds, DEFAULT_TOKEN, then)


_DEMOS: Final = {"adminpulse": _adminpulse, "adminis": _adminis, "myminfin": _myminfin}


@contextmanager
def _stopped_by_sigterm(stop: threading.Event) -> Iterator[None]:
    """SIGTERM sets ``stop`` (like Ctrl-C) while inside; the old handler comes back after."""

    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@click.command("simulate")
@click.argument("system", type=click.Choice(sorted(_DEMOS)))
@click.option(
    "--companies",
    type=click.IntRange(0, 100_000),
    default=50,
    show_default=True,
    help="How many sample clients (adminpulse, adminis).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="The sample data's seed.")
@json_option
@store_option
def simulate_command(
    system: str, companies: int, seed: int, as_json: bool, store_path: Path
) -> None:
    """Serve the SYSTEM simulator on 127.0.0.1 with sample data, for a demo.

    Prints its URL and the GOVLINK_* settings that point govlink at it, then serves until
    Ctrl-C or SIGTERM. The myminfin portal has documents for the companies of --store.
    """
    demo = _DEMOS[system](companies, seed, store_path)
    stop = threading.Event()
    with demo.serve() as server, _stopped_by_sigterm(stop):
        url_setting, key_setting = _SETTINGS[system]
        settings = {url_setting: server.url, key_setting: demo.key}
        if as_json:
            echo_json({"system": system, "url": server.url, "settings": settings})
        else:
            t = texts()
            echo_line(t("simulate.serving", title=demo.title, url=server.url, holds=demo.holds))
            echo_line(t("simulate.point"))
            for key, value in settings.items():
                echo_line(f"  export {key}={value}")
            echo_line(t("simulate.then", then=demo.then))
            echo_line(t("simulate.stop"))
        try:
            while not stop.wait(0.2):
                pass
        except KeyboardInterrupt:
            pass
    echo_line(texts()("simulate.stopped", title=demo.title), err=True)
