"""The built-in connectors. Each is an ordinary plugin listed in
:data:`govlink.plugins.BUILTIN_PLUGINS` and registered like any third-party plugin."""

__all__: list[str] = []
