"""Output paths that would overwrite an input (the store, the source) are refused up front."""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Final

import click

from govlink.cli._lang import texts

__all__ = ["refuse_overwriting_inputs", "store_files"]

_STORE_COMPANIONS: Final = ("-wal", "-shm", "-journal")


def store_files(store: Path | str) -> dict[str, Path]:
    """The store and the files SQLite keeps beside it, named for a refusal message (none for a
    database named by URL)."""
    if isinstance(store, str):
        return {}
    t = texts()
    files = {t("paths.store", path=store): store}
    for suffix in _STORE_COMPANIONS:
        files[t("paths.store_file", path=f"{store}{suffix}")] = Path(f"{store}{suffix}")
    return files


def _same(output: Path, given: Path) -> bool:
    """``output`` is ``given``: the same file (hard link, symlink) or the same resolved path."""
    if os.path.realpath(output) == os.path.realpath(given):
        return True
    try:
        return os.path.samefile(output, given)
    except OSError:  # either does not exist (yet): nothing of it to overwrite
        return False


def refuse_overwriting_inputs(
    output: Path,
    inputs: Mapping[str, Path],
    *,
    param_hint: str,
    created: Collection[Path] = (),
) -> None:
    """Refuse (a one-line usage error) when ``output`` is one of ``inputs`` by path, hard link
    or symlink; ``inputs`` maps a description (``"the store (govlink.db)"``) to its path. An
    input that does not exist is nothing to overwrite, unless the command will create it
    (``created``: the store of an ``--apply``).

    :raises click.BadParameter: before anything is written.
    """
    for description, given in inputs.items():
        if not (os.path.lexists(given) or given in created):
            continue
        if _same(output, given):
            refusal = texts()("paths.would_destroy", path=output, what=description)
            raise click.BadParameter(refusal, param_hint=param_hint)
