"""The built-in ``myminfin`` plugin: the ``myminfin-sim`` fetcher, the reference fetcher.

It talks to the MyMinfin portal simulator (:mod:`govlink.testing.myminfin`) at
``GOVLINK_MYMINFIN_SIM_URL`` with the token ``GOVLINK_MYMINFIN_SIM_TOKEN``; a fetcher for the
real portal is a host's plugin written the same way (see docs/sync.md).

This module is the plugin and stays import-light: httpx and the fetcher are imported only when
the fetcher is opened (:mod:`govlink.connectors.myminfin.fetcher`).
"""

from __future__ import annotations

from typing import Final

from govlink.plugins import Fetcher, FetcherOptions, FetcherSpec, hookimpl

__all__ = ["SPEC", "govlink_fetchers"]


def _open(options: FetcherOptions) -> Fetcher:
    from govlink.connectors.myminfin.fetcher import MyMinfinSimFetcher

    return MyMinfinSimFetcher.from_options(options)


SPEC: Final = FetcherSpec(
    name="myminfin-sim",
    description="Documents from the MyMinfin simulator (the reference fetcher)",
    open=_open,
)


@hookimpl
def govlink_fetchers() -> list[FetcherSpec]:
    """Offer the ``myminfin-sim`` fetcher."""
    return [SPEC]
