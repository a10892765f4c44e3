"""A company's planning cost: measured by the sync (the default), or from a costs file.

:func:`measured_costs` turns the load the MyMinfin sync measured (the exponentially weighted
average of each company's sync durations, :class:`~govlink.store.sync.SyncCompany`) into
costs relative to the median company, so a typical company costs 1 like an unmeasured one.

:func:`read_costs` reads the costs file of ``govlink plan --costs`` (an override): a CSV with
columns ``enterprise_number,cost``. The delimiter is the first of ``,``, ``;`` or a tab found
in the header line; with ``;`` or a tab a decimal comma (``1,5``) is accepted too. Other columns
are ignored; the file may start with a UTF-8 byte order mark (as Excel writes it). Row numbers
are file lines (the header is 1).
"""

from __future__ import annotations

import csv
import math
import os
import statistics
from collections.abc import Iterable
from typing import Final

from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import InvalidEnterpriseNumber, SourceError
from govlink.store.sync import SyncCompany

__all__ = ["measured_costs", "read_costs"]

_COLUMNS: Final = ("enterprise_number", "cost")
_DELIMITERS: Final = (",", ";", "\t")


def _cost(text: str | None, delimiter: str) -> float | None:
    if text is None:
        return None
    if delimiter != ",":
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def read_costs(path: str | os.PathLike[str]) -> dict[str, float]:
    """The explicit cost per company (compact enterprise number → cost) in the CSV at ``path``.

    :raises SourceError: (code ``source.costs``) one line naming the file and the bad row: a
        missing column, an invalid enterprise number, a cost that is not a number >= 0, a
        company listed twice, or a file that is not UTF-8 text.
    """
    name = os.fspath(path)

    def fail(message: str) -> SourceError:
        return SourceError(f"{name}: {message}", code="source.costs")

    try:
        with open(name, encoding="utf-8-sig", newline="") as handle:
            header = handle.readline()
            delimiter = next((d for d in _DELIMITERS if d in header), ",")
            handle.seek(0)
            reader = csv.DictReader(handle, delimiter=delimiter)
            columns = [(field or "").strip().casefold() for field in reader.fieldnames or ()]
            missing = [column for column in _COLUMNS if column not in columns]
            if missing:
                raise fail(f"expected the columns enterprise_number,cost; missing {missing[0]}")
            reader.fieldnames = columns
            costs: dict[str, float] = {}
            lines: dict[str, int] = {}
            for row in reader:
                line = reader.line_num
                try:
                    number = EnterpriseNumber.parse(row["enterprise_number"] or "").compact
                except InvalidEnterpriseNumber as error:
                    raise fail(f"row {line}: {error.message}") from error
                cost = _cost(row["cost"], delimiter)
                if cost is None:
                    raise fail(f"row {line}: cost {row['cost'] or ''!r} is not a number >= 0")
                if number in costs:
                    raise fail(f"row {line}: {number} is listed twice (also row {lines[number]})")
                costs[number], lines[number] = cost, line
    except UnicodeDecodeError as error:
        raise fail("not UTF-8 text") from error
    except csv.Error as error:
        raise fail(f"not a valid CSV: {error}") from error
    return costs


def measured_costs(loads: Iterable[SyncCompany], *, digits: int = 2) -> dict[str, float]:
    """The measured cost per company (compact enterprise number → cost): its average sync
    duration over the median of every measured company's, rounded to ``digits`` decimals (so
    small jitter leaves the costs, and the plan, alone).

    Companies never synced successfully are left out (the planner's default applies to them);
    so is everyone while the median duration is 0 (nothing measurable yet).

    >>> from govlink import EnterpriseNumber
    >>> def load(n: str, s: float) -> SyncCompany:
    ...     return SyncCompany(enterprise_number=EnterpriseNumber.parse(n), load_seconds=s, syncs=3)
    >>> measured_costs([load("0400000086", 2.0), load("0400000779", 4.0), load("0400001472", 9.0)])
    {'0400000086': 0.5, '0400000779': 1.0, '0400001472': 2.25}
    """
    measured = {
        load.enterprise_number.compact: load.load_seconds
        for load in loads
        if load.syncs > 0 and load.load_seconds is not None
    }
    if not measured:
        return {}
    median = statistics.median(measured.values())
    if median <= 0:
        return {}
    return {number: round(seconds / median, digits) for number, seconds in measured.items()}
