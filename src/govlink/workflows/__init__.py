"""The application layer: what the CLI and services call. Each workflow composes a source or
registry, a store and the pure core."""

from govlink.workflows.importing import (
    ImportPreview,
    ImportResult,
    ReadProgress,
    apply_import,
    preview_import,
)

__all__ = ["ImportPreview", "ImportResult", "ReadProgress", "apply_import", "preview_import"]
