"""Built-in connectors: each subpackage is an ordinary plugin; ``_http`` is their toolkit."""
