"""The ``govlink`` command: options, the store and registry it opens, and rendering; the work
itself is done by :mod:`govlink.workflows`."""

from typing import Final

from govlink.cli._app import main

#: Each command's module and object, imported when the command is named: ``govlink import``
#: loads no sync, planner, document or web code.
_COMMANDS: Final = {
    "import": ("govlink.cli._import", "import_command"),
    "template": ("govlink.cli._commands", "template"),
    "plugins": ("govlink.cli._commands", "plugins"),
    "companies": ("govlink.cli._companies", "companies"),
    "plan": ("govlink.cli._plan", "plan_command"),
    "due": ("govlink.cli._plan", "due_command"),
    "documents": ("govlink.cli._documents", "documents"),
    "alerts": ("govlink.cli._documents", "alerts"),
    "settings": ("govlink.cli._settings", "settings"),
    "sink": ("govlink.cli._settings", "sink"),
    "push": ("govlink.cli._push", "push_command"),
    "serve": ("govlink.cli._serve", "serve"),
    "sync": ("govlink.cli._sync", "sync"),
    "simulate": ("govlink.cli._simulate", "simulate_command"),
}
for _name, (_module, _attribute) in _COMMANDS.items():
    main.add_lazy_command(_name, _module, _attribute)

__all__ = ["main"]
