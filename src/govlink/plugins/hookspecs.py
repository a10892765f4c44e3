"""The hook specifications: the whole contract between govlink and its plugins.

Every hook is prefixed ``govlink_``. An implementation may take fewer arguments than its
specification (pluggy passes only the ones it names), so adding an argument later does not
break plugins. There are no historic hooks and no wrappers in this contract. govlink calls the
hooks only through :class:`govlink.plugins.Registry`.
"""

from __future__ import annotations

from collections.abc import Iterable

from govlink.plugins._markers import hookspec
from govlink.plugins.fetchers import FetcherSpec
from govlink.plugins.notifiers import NotifierSpec
from govlink.plugins.types import SinkSpec, SourceSpec

__all__ = [
    "govlink_fetchers",
    "govlink_notifiers",
    "govlink_sinks",
    "govlink_source_for",
    "govlink_sources",
]


# ---- sources: where companies come from


@hookspec
def govlink_sources() -> Iterable[SourceSpec]:
    """Offer sources of client companies.

    Called for every plugin; the results are merged by name, and two plugins offering the same
    name raise :class:`~govlink.PluginError`.

    :returns: the :class:`~govlink.plugins.types.SourceSpec` records this plugin offers (a list,
        or ``yield`` them).

    Example plugin::

        from govlink.plugins import hookimpl
        from govlink.plugins.types import SourceSpec

        @hookimpl
        def govlink_sources():
            yield SourceSpec(name="mycrm", description="Clients from MyCRM", open=MyCrmSource)
    """
    raise NotImplementedError  # a specification: pluggy never calls it


@hookspec(firstresult=True)
def govlink_source_for(location: str) -> SourceSpec | None:
    """Claim a location (a path, a URL) for one of the plugin's sources.

    This hook is ``firstresult``: the first plugin that returns a spec wins and the others are
    not called. The built-in Excel claim (paths ending in ``.xlsx``) runs last
    (``trylast=True``), so any plugin can take such files over.

    :param location: what the user gave, such as ``clients.xlsx`` or ``mycrm://office``.
    :returns: the :class:`~govlink.plugins.types.SourceSpec` that reads it, or ``None`` when
        this plugin does not handle it.

    Example plugin::

        from govlink.plugins import hookimpl

        @hookimpl
        def govlink_source_for(location):
            if location.startswith("mycrm://"):
                return MYCRM_SPEC
            return None
    """
    raise NotImplementedError  # a specification: pluggy never calls it


# ---- sinks: where documents go


@hookspec
def govlink_sinks() -> Iterable[SinkSpec]:
    """Offer sinks that receive company documents (AdminPulse, a document store, ...).

    Called for every plugin; the results are merged by name, and two plugins offering the same
    name raise :class:`~govlink.PluginError`.

    :returns: the :class:`~govlink.plugins.types.SinkSpec` records this plugin offers.

    Example plugin::

        from govlink.plugins import hookimpl
        from govlink.plugins.types import SinkSpec

        @hookimpl
        def govlink_sinks():
            return [SinkSpec(name="archive", description="Copy to the archive", open=Archive)]
    """
    raise NotImplementedError  # a specification: pluggy never calls it


# ---- fetchers: where documents come from


@hookspec
def govlink_fetchers() -> Iterable[FetcherSpec]:
    """Offer fetchers that get companies' documents from MyMinfin (or a simulator of it).

    Called for every plugin; the results are merged by name, and two plugins offering the same
    name raise :class:`~govlink.PluginError`. The sync uses the one the ``sync_fetcher``
    setting names (default ``myminfin-sim``, the built-in reference fetcher).

    :returns: the :class:`~govlink.plugins.fetchers.FetcherSpec` records this plugin offers.

    Example plugin::

        from govlink.plugins import FetcherSpec, FetchResult, hookimpl

        class Portal:
            name = "myportal"

            def __init__(self, options):
                self._client = PortalClient(options.settings["GOVLINK_MYPORTAL_URL"])

            def fetch(self, request):
                if not self._client.has_mandate(request.mandate, request.enterprise_number):
                    return FetchResult.no_mandate()
                return FetchResult.ok(tuple(self._client.documents(request)))

        @hookimpl
        def govlink_fetchers():
            yield FetcherSpec(name="myportal", description="MyMinfin via X", open=Portal)
    """
    raise NotImplementedError  # a specification: pluggy never calls it


# ---- notifiers: who hears about alerts


@hookspec
def govlink_notifiers() -> Iterable[NotifierSpec]:
    """Offer notifiers that tell people about alerts (a new document, a government request, a
    failed sync).

    Called for every plugin; the results are merged by name, and two plugins offering the same
    name raise :class:`~govlink.PluginError`. Each spec declares the settings its notifier reads
    and which are secret; the workflows open every notifier with those settings and hand each
    alert to all that are on. One failing does not keep the others from being called.

    :returns: the :class:`~govlink.plugins.notifiers.NotifierSpec` records this plugin offers.

    Example plugin::

        from govlink.plugins import NotifierSpec, NotifyOutcome, SettingSpec, hookimpl

        class Chat:
            name = "chat"

            def __init__(self, url, token):
                self._client = ChatClient(url, token)

            def notify(self, alert):
                self._client.post(alert.recipient or "#office", alert.subject)
                return NotifyOutcome.DELIVERED

        def _open(options):
            url = options.settings.get("chat_url")
            return None if url is None else Chat(url, options.settings["chat_token"])

        @hookimpl
        def govlink_notifiers():
            yield NotifierSpec(
                name="chat",
                description="Alerts to the office chat",
                open=_open,
                settings=(
                    SettingSpec(key="chat_url", description="the chat's webhook URL"),
                    SettingSpec(key="chat_token", description="its token", secret=True),
                ),
            )
    """
    raise NotImplementedError  # a specification: pluggy never calls it
