"""Admin-IS | Consult (Syneton): the built-in ``adminis`` source."""
