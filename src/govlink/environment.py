"""The one place govlink reads its settings from the process environment.

Connectors, notifiers, workflows and the sync never read ``os.environ``: the edge (the
``govlink`` command, or a service embedding govlink) calls :func:`environment_settings` once and
hands the result down as the settings of the source, sink, fetcher or notifier it opens, which
builds its typed settings object from it. A test or a service passes its own mapping instead.
``tests/architecture/test_settings_flow.py`` enforces it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final

__all__ = ["PREFIX", "environment_settings", "locale_name"]

PREFIX: Final = "GOVLINK_"
"""Only variables starting with this are settings."""


def environment_settings(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The ``GOVLINK_*`` variables of ``environ`` (default: the process environment)."""
    source = os.environ if environ is None else environ
    return {key: value for key, value in source.items() if key.startswith(PREFIX)}


#: The locale variables, in the order POSIX gives them precedence for messages.
_LOCALE_VARIABLES: Final = ("LC_ALL", "LC_MESSAGES", "LANG")


def locale_name(environ: Mapping[str, str] | None = None) -> str | None:
    """The locale messages follow (``$LC_ALL``, else ``$LC_MESSAGES``, else ``$LANG``), if set;
    :func:`govlink.i18n.choose_language` turns it into a language."""
    source = os.environ if environ is None else environ
    return next((source[name] for name in _LOCALE_VARIABLES if source.get(name)), None)
