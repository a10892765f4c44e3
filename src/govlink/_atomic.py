"""Write a file all at once: into a temporary file beside it, then rename it into place."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(target: Path, save: Callable[[Path], None]) -> None:
    """Call ``save(temporary)`` and move the temporary file onto ``target``.

    The temporary file is made first, so an unwritable folder fails before ``save`` runs; a
    failure leaves ``target`` as it was.

    :raises OSError: naming ``target`` (not the temporary file) when it cannot be written.
    """
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        temporary.touch(exist_ok=False)  # the usual permissions (umask), unlike mkstemp's 0600
    except OSError as error:
        raise OSError(error.errno, error.strerror, os.fspath(target)) from error
    try:
        save(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise OSError(error.errno, error.strerror, os.fspath(target)) from error
    finally:
        temporary.unlink(missing_ok=True)
