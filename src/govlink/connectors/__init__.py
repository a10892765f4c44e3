"""The built-in connectors. Each is an ordinary plugin listed in
:data:`govlink.plugins.BUILTIN_PLUGINS` and registered like any third-party plugin; ``http`` is
their shared, public HTTP toolkit."""

__all__: list[str] = []
