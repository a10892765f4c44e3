"""The ``govlink`` command group: error handling, shared options, consoles and progress bars.

Any error ends the command with one line on stderr and a non-zero status: 1 for a govlink
error (bad file, unknown source, store problem), 2 for a bad command line, 3 for a bug, 130 for
Ctrl-C. With ``--debug`` the traceback is shown instead. A step that fails after a commit says
what was already committed (:func:`after_commit`).
"""

from __future__ import annotations

import getpass
import importlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import click
from click.exceptions import NoArgsIsHelpError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from govlink import __version__
from govlink.cli._lang import lang_option, said_with_detail, texts
from govlink.cli._output import SafeConsole, echo_line
from govlink.environment import environment_settings
from govlink.errors import GovlinkError
from govlink.i18n.catalog import MESSAGES
from govlink.plugins.registry import Registry
from govlink.store import is_url
from govlink.store import open_store as store_at
from govlink.store.base import SettingsStore, WriteProgress
from govlink.store.sqlite import SQLiteStore
from govlink.workflows.importing import ReadProgress

if TYPE_CHECKING:
    from govlink.store.postgres import PostgresStore

__all__ = [
    "Bars",
    "StoreTarget",
    "actor",
    "after_commit",
    "chosen_office",
    "json_option",
    "main",
    "needs_excel",
    "open_store",
    "progress_bars",
    "said",
    "stdout_console",
    "store_option",
]

_GOVLINK_ERROR: Final = 1
_INTERNAL_ERROR: Final = 3
_INTERRUPTED: Final = 130  # 128 + SIGINT, as a shell reports it
_PIPED_WIDTH: Final = 120
_ACTOR_ENV: Final = "GOVLINK_ACTOR"

_F = TypeVar("_F", bound=Callable[..., Any])


def _one_line(message: str) -> str:
    return " ".join(message.split())


class _Failure(click.ClickException):
    exit_code = _GOVLINK_ERROR


class _InternalFailure(click.ClickException):
    exit_code = _INTERNAL_ERROR


class _Interrupted(click.ClickException):
    exit_code = _INTERRUPTED


class _Aborted(click.ClickException):
    """The user said no (to a y/N question): ``govlink: aborted``, status 1."""

    exit_code = _GOVLINK_ERROR


def said(error: GovlinkError) -> str:
    """``error``'s line in the command's language: the sentence of its code (an error's, else a
    reason's: ``enterprise_number.checksum``), then its own (English) message with the details;
    the message alone in English or for a code without a sentence."""
    key = f"error.{error.code}"
    return said_with_detail(key if key in MESSAGES else f"reason.{error.code}", error.message)


def _failure(error: Exception) -> click.ClickException:
    """The one-line failure an unexpected exception becomes."""
    if isinstance(error, click.ClickException):
        return error
    if isinstance(error, GovlinkError):
        return _Failure(said(error))
    if isinstance(error, OSError):
        cause = error.strerror or str(error)
        return _Failure(cause if error.filename is None else f"{cause}: {error.filename}")
    return _InternalFailure(texts()("cli.internal_error", kind=type(error).__name__))


def _interrupted() -> str:
    return texts()("cli.interrupted")


def _debugging() -> bool:
    context = click.get_current_context(silent=True)
    return bool(context is not None and context.find_root().params.get("debug"))


@contextmanager
def after_commit(done: str) -> Iterator[None]:
    """Steps after a commit (rendering, a report): a failure or Ctrl-C in them keeps its exit
    status and says ``done`` (e.g. "the import was applied (run 3)"), so no one retries blindly.
    """
    try:
        yield
    except KeyboardInterrupt:
        if _debugging():
            raise
        raise _Interrupted(texts()("cli.interrupted_after", done=done)) from None
    except (click.exceptions.Exit, click.Abort):
        raise
    except Exception as error:
        if _debugging():
            raise
        failure = _failure(error)
        then = texts()("cli.after_commit", done=done, failure=failure.format_message())
        raise type(failure)(then) from error


def _quiet_stdout() -> None:
    """After a failed write to stdout (a full disk, a closed pipe), drop what is still buffered
    so the exit does not fail a second time with a traceback."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


class _Govlink(click.Group):
    """A click group whose errors are one line on stderr (tracebacks only with ``--debug``),
    and whose commands may be imported when first named (:meth:`add_lazy_command`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._homes: dict[str, tuple[str, str]] = {}

    def add_lazy_command(self, name: str, module: str, attribute: str) -> None:
        """Add the command ``name``: ``attribute`` of ``module``, imported when first named."""
        self._homes[name] = (module, attribute)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, imported or not."""
        return sorted({*self.commands, *self._homes})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command ``cmd_name``, imported now if it was not."""
        home = self._homes.pop(cmd_name, None)
        if home is not None:
            module, attribute = home
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit):
            raise
        except click.Abort as error:  # said here, while the command's language is known
            if isinstance(error.__context__, KeyboardInterrupt):
                raise _Interrupted(_interrupted()) from None
            raise _Aborted(texts()("cli.aborted")) from None
        except KeyboardInterrupt:
            if ctx.params.get("debug"):
                raise
            raise _Interrupted(_interrupted()) from None
        except Exception as error:
            if ctx.params.get("debug"):
                raise
            raise _failure(error) from error

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command; errors become one line on stderr and a non-zero exit status."""
        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
        except NoArgsIsHelpError as error:  # bare `govlink` or a bare group: its help, status 0
            click.echo(error.ctx.get_help())
            sys.exit(0)
        except _Aborted as error:
            _quiet_stdout()
            echo_line(f"govlink: {error.format_message()}", err=True)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            _quiet_stdout()
            echo_line(f"govlink: error: {_one_line(error.format_message())}", err=True)
            sys.exit(error.exit_code)
        except (click.Abort, KeyboardInterrupt) as error:
            _quiet_stdout()
            if isinstance(error, KeyboardInterrupt) or isinstance(
                error.__context__, KeyboardInterrupt
            ):
                click.echo(f"govlink: error: {_interrupted()}", err=True)
                sys.exit(_INTERRUPTED)
            click.echo(f"govlink: {texts()('cli.aborted')}", err=True)  # outside a command
            sys.exit(_GOVLINK_ERROR)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


@click.group(cls=_Govlink, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@lang_option
@click.version_option(__version__, prog_name="govlink")
def main(debug: bool) -> None:
    """govlink: import, reconcile and sync Belgian client companies."""


def actor() -> str:
    """Who writes (an import, an edit): ``$GOVLINK_ACTOR``, else the login name."""
    try:
        return environment_settings().get(_ACTOR_ENV) or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


#: What ``--store`` names: an SQLite file, or a ``postgresql://`` URL.
StoreTarget = Path | str

_OFFICE: Final = "govlink.office"


def _store_target(ctx: click.Context, param: click.Parameter, value: str) -> StoreTarget:
    if is_url(value):
        return value
    if os.path.isdir(value):
        raise click.BadParameter(texts()("cli.store_is_directory", path=repr(value)), ctx, param)
    return Path(value)


def _keep_office(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    ctx.meta[_OFFICE] = value


def notifying_registry(store: SettingsStore) -> Registry:
    """The plugins, with the notifiers opened on the store's settings and the environment's
    secrets (for the commands that alert)."""
    registry = Registry()
    registry.open_notifiers(store.settings(), environment_settings())
    return registry


#: The ``--json`` option of every command that can print JSON (its value is ``as_json``).
json_option: Final = click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON object and nothing else."
)


def store_option(function: _F) -> _F:
    """The ``--store`` option (default ``$GOVLINK_STORE``, else ``./govlink.db``) and the
    ``--office`` it serves (``$GOVLINK_OFFICE``, else the default office)."""
    store = click.option(
        "--store",
        "store_path",
        envvar="GOVLINK_STORE",
        default="govlink.db",
        show_default=True,
        callback=_store_target,
        metavar="PATH|URL",
        help="The store: an SQLite file, or a postgresql:// URL; $GOVLINK_STORE when set.",
    )
    office = click.option(
        "--office",
        envvar="GOVLINK_OFFICE",
        expose_value=False,
        callback=_keep_office,
        metavar="NAME",
        help="The office (firm) to work on, in a store that holds several; $GOVLINK_OFFICE.",
    )
    return store(office(function))


def chosen_office() -> str | None:
    """The command's ``--office`` (``None`` when not given)."""
    context = click.get_current_context(silent=True)
    return None if context is None else context.meta.get(_OFFICE)


def open_store(
    path: StoreTarget, *, create: bool, every_office: bool = False
) -> SQLiteStore | PostgresStore:
    """The store at ``path`` for the command's ``--office``: for writing when ``create``, else
    read-only (no lock, no migration; a missing file reads as empty).

    ``every_office``: the default office whatever ``--office`` says, for what spans every
    office (the global sync plan).
    """
    office = None if every_office else chosen_office()
    return store_at(path, office=office, read_only=not create)


def stdout_console() -> Console:
    """A console on stdout, wide enough for tables when stdout is not a terminal."""
    console = SafeConsole(file=sys.stdout)
    if not console.is_terminal:
        console = SafeConsole(file=sys.stdout, width=_PIPED_WIDTH, no_color=True)
    return console


class Bars:
    """Progress bars on stderr, drawn only when stderr is a terminal."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress

    def reading(self) -> ReadProgress:
        """A callback for records read (a no-op when nothing is drawn: 100k rows read)."""
        if self._progress.disable:
            return lambda done: None
        task = self._progress.add_task(texts()("progress.reading"), total=None)
        return lambda done: self._progress.update(task, completed=done)

    def writing(self) -> WriteProgress:
        """A callback for companies written (a no-op when nothing is drawn)."""
        if self._progress.disable:
            return lambda done, total: None
        task = self._progress.add_task(texts()("progress.applying"), total=None)
        return lambda done, total: self._progress.update(task, completed=done, total=total)

    def counting(self, description: str) -> WriteProgress:
        """A callback for ``done`` of ``total`` items (documents pushed, ...)."""
        task = self._progress.add_task(description, total=None)
        return lambda done, total: self._progress.update(task, completed=done, total=total)


@contextmanager
def progress_bars() -> Iterator[Bars]:
    """Progress bars for one command; nothing is drawn when stderr is not a terminal."""
    console = SafeConsole(stderr=True)
    columns: Sequence[Any] = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
    )
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as progress:
        yield Bars(progress)


@contextmanager
def needs_excel(what: str) -> Iterator[None]:
    """Turn a missing openpyxl into a one-line hint to install the ``excel`` extra."""
    try:
        yield
    except ImportError as error:
        raise _Failure(texts()("cli.needs_excel", what=what)) from error
