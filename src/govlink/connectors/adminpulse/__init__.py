"""The built-in AdminPulse plugin: the ``adminpulse`` source and the ``adminpulse`` sink.

Import-light: the client is built only when the source or the sink is opened. Settings
(``GOVLINK_ADMINPULSE_*``, see ``docs/adminpulse.md``) come only from the options' settings, which
the edge builds from the environment (:func:`govlink.environment.environment_settings`).
"""

from __future__ import annotations

from typing import Final

from govlink.plugins import hookimpl
from govlink.plugins.types import Sink, SinkOptions, SinkSpec, Source, SourceOptions, SourceSpec

__all__ = ["SINK_SPEC", "SPEC", "govlink_sinks", "govlink_sources"]


def _open(options: SourceOptions) -> Source:
    from govlink.connectors.adminpulse.client import AdminPulseClient
    from govlink.connectors.adminpulse.settings import (
        mapping_from_env,
        timeout_from_env,
        window_from_env,
    )
    from govlink.connectors.adminpulse.source import AdminPulseSource

    env = options.settings
    return AdminPulseSource(
        AdminPulseClient.from_env(env, timeout=timeout_from_env(env)),
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


def _open_sink(options: SinkOptions) -> Sink:
    from govlink.connectors.adminpulse.client import AdminPulseClient
    from govlink.connectors.adminpulse.settings import (
        limits_from_env,
        mapping_from_env,
        timeout_from_env,
    )
    from govlink.connectors.adminpulse.sink import AdminPulseSink

    env = options.settings
    client = AdminPulseClient.from_env(
        env, limits=limits_from_env(env), timeout=timeout_from_env(env), rates=options.rates
    )
    return AdminPulseSink(
        client,
        mapping=mapping_from_env(env),
        tags=options.tags,
        document_type=env.get("GOVLINK_ADMINPULSE_DOCUMENT_TYPE", "").strip() or None,
    )


SINK_SPEC: Final = SinkSpec(
    name="adminpulse",
    description="company documents to AdminPulse documents/add, on the relation with the same "
    "enterprise number",
    open=_open_sink,
)


@hookimpl
def govlink_sinks() -> list[SinkSpec]:
    """Offer the ``adminpulse`` sink."""
    return [SINK_SPEC]
