"""The ``govlink`` command: options, the store and registry it opens, and rendering; the work
itself is done by :mod:`govlink.workflows`."""

from govlink.cli._app import main
from govlink.cli._commands import plugins, template
from govlink.cli._companies import companies
from govlink.cli._documents import alerts, documents
from govlink.cli._import import import_command
from govlink.cli._plan import due_command, plan_command
from govlink.cli._push import push_command
from govlink.cli._serve import serve
from govlink.cli._settings import settings, sink
from govlink.cli._simulate import simulate_command
from govlink.cli._sync import sync

for _command in (import_command, template, plugins, companies, plan_command, due_command):
    main.add_command(_command)
for _command in (documents, alerts, settings, sink, push_command, serve, sync, simulate_command):
    main.add_command(_command)

__all__ = ["main"]
