"""The built-in ``adminis`` plugin: client companies from Admin-IS | Consult (Syneton).

The hook implementation lives in :mod:`govlink.connectors.adminis.source`; this package is the
plugin module, so the plugin's name (the one that blocks it) is ``adminis``.
"""

from govlink.connectors.adminis.source import SPEC, govlink_sources

__all__ = ["SPEC", "govlink_sources"]
