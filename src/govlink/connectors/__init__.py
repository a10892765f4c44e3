"""The built-in connectors. Each is an ordinary plugin listed in
:data:`govlink.plugins.BUILTIN_PLUGINS` and registered like any third-party plugin; ``_http`` is
their shared HTTP toolkit."""

__all__: list[str] = []
