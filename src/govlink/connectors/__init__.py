"""Built-in connectors: each subpackage is an ordinary govlink plugin; ``_http`` is their toolkit."""
