"""The plugin tests use govlink's own opt-in fixtures, as a plugin author would."""

from govlink.testing.fixtures import govlink_hooks, govlink_registry

__all__ = ["govlink_hooks", "govlink_registry"]
