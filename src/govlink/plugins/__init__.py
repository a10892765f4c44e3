"""govlink's plugin system, built on pluggy.

A plugin is a module or object with functions marked ``@hookimpl`` whose names are the hooks
in :mod:`govlink.plugins.hookspecs`. Third-party plugins are found through the ``govlink``
entry-point group::

    [project.entry-points.govlink]
    mycrm = "govlink_mycrm.plugin"

See ``docs/plugins.md`` for every hook and how to write and package a connector.
"""

from govlink.plugins._loading import BUILTIN_PLUGINS
from govlink.plugins._markers import PROJECT, hookimpl
from govlink.plugins.fetchers import (
    FetchedDocument,
    Fetcher,
    FetcherOptions,
    FetcherSpec,
    FetchOutcome,
    FetchRequest,
    FetchResult,
)
from govlink.plugins.notifiers import (
    Notifier,
    NotifierOptions,
    NotifierSpec,
    NotifyOutcome,
)
from govlink.plugins.records import (
    DISABLE_ENV,
    FailedPlugin,
    HookCall,
    NameClash,
    PluginInfo,
    PluginLoadWarning,
    PluginOrigin,
)
from govlink.plugins.registry import Registry
from govlink.plugins.settings import SettingSpec
from govlink.plugins.types import (
    Delivery,
    DeliveryStatus,
    Sink,
    SinkOptions,
    SinkSpec,
    Source,
    SourceOptions,
    SourceSpec,
    SourceWithColumns,
    SourceWithHeaders,
    SourceWithSkips,
)

__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLE_ENV",
    "PROJECT",
    "Delivery",
    "DeliveryStatus",
    "FailedPlugin",
    "FetchOutcome",
    "FetchRequest",
    "FetchResult",
    "FetchedDocument",
    "Fetcher",
    "FetcherOptions",
    "FetcherSpec",
    "HookCall",
    "NameClash",
    "Notifier",
    "NotifierOptions",
    "NotifierSpec",
    "NotifyOutcome",
    "PluginInfo",
    "PluginLoadWarning",
    "PluginOrigin",
    "Registry",
    "SettingSpec",
    "Sink",
    "SinkOptions",
    "SinkSpec",
    "Source",
    "SourceOptions",
    "SourceSpec",
    "SourceWithColumns",
    "SourceWithHeaders",
    "SourceWithSkips",
    "hookimpl",
]
