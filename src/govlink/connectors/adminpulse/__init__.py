"""The built-in AdminPulse plugin: the ``adminpulse`` source.

Import-light: the client is built only when the source is opened. Settings come from the
environment (``GOVLINK_ADMINPULSE_*``, see ``docs/adminpulse.md``); the user's
:class:`~govlink.plugins.types.SourceOptions` settings override them.
"""

from __future__ import annotations

import os
from typing import Final

from govlink.plugins._markers import hookimpl
from govlink.plugins.types import Source, SourceOptions, SourceSpec

__all__ = ["SPEC", "govlink_sources"]


def _open(options: SourceOptions) -> Source:
    from govlink.connectors.adminpulse.client import AdminPulseClient
    from govlink.connectors.adminpulse.settings import mapping_from_env, window_from_env
    from govlink.connectors.adminpulse.source import AdminPulseSource

    env = {**os.environ, **options.settings}
    return AdminPulseSource(
        AdminPulseClient.from_env(env),
        mapping=mapping_from_env(env),
        template=options.template,
        window=window_from_env(env),
    )


SPEC: Final = SourceSpec(
    name="adminpulse",
    description="client companies from AdminPulse (relations), optionally of one task template",
    open=_open,
)


@hookimpl
def govlink_sources() -> list[SourceSpec]:
    """Offer the ``adminpulse`` source."""
    return [SPEC]
