"""The ``govlink`` command: parsing and rendering only; the work is done by govlink.workflows."""

from govlink.cli._app import main
from govlink.cli._companies import companies

main.add_command(companies)

__all__ = ["main"]
