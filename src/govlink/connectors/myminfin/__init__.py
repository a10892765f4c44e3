"""The built-in ``myminfin`` plugin: the ``myminfin-sim`` fetcher, the reference fetcher.

It talks to the MyMinfin portal simulator (:mod:`govlink.testing.myminfin`) at
``GOVLINK_MYMINFIN_SIM_URL`` with the token ``GOVLINK_MYMINFIN_SIM_TOKEN``; a fetcher for the
real portal is a host's plugin written the same way (see docs/sync.md).
"""

from govlink.connectors.myminfin.fetcher import SPEC, govlink_fetchers

__all__ = ["SPEC", "govlink_fetchers"]
