"""The built-in ``adminis`` plugin: client companies from Admin-IS | Consult (Syneton).

This module is the plugin and stays import-light: httpx and the client are imported only when the
source is opened. The source is :mod:`govlink.connectors.adminis.source`, its settings
:mod:`govlink.connectors.adminis.settings`.
"""

from __future__ import annotations

from typing import Final

from govlink.plugins import hookimpl
from govlink.plugins.types import Source, SourceOptions, SourceSpec

__all__ = ["SPEC", "govlink_sources"]


def _open(options: SourceOptions) -> Source:
    from govlink.connectors.adminis.source import AdminisSource

    return AdminisSource.from_options(options)


SPEC: Final = SourceSpec(
    name="adminis",
    description="client companies from the firm's Admin-IS | Consult API server (Syneton)",
    open=_open,
)


@hookimpl
def govlink_sources() -> list[SourceSpec]:
    """Offer the ``adminis`` source."""
    return [SPEC]
