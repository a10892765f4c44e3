"""The pluggy markers, in their own module so plugins and specs import them without cycles."""

from __future__ import annotations

from typing import Final

import pluggy

__all__ = ["PROJECT", "hookimpl", "hookspec"]

#: The pluggy project name and the entry-point group third-party plugins declare.
PROJECT: Final = "govlink"

#: Marks a hook specification (used only in :mod:`govlink.plugins.hookspecs`).
hookspec: Final = pluggy.HookspecMarker(PROJECT)

#: Marks a plugin's hook implementation: ``@hookimpl`` or ``@hookimpl(trylast=True)``.
hookimpl: Final = pluggy.HookimplMarker(PROJECT)
