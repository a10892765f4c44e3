"""The built-in Excel plugin: the ``excel`` source, claiming ``.xlsx`` and ``.ods`` paths.

This module is the plugin and stays import-light: openpyxl is imported only when a workbook is
opened, so govlink runs without the ``excel`` extra and says how to install it when needed.
The reader is :mod:`govlink.connectors.excel.source`, the template writer
:mod:`govlink.connectors.excel.template`.
"""

from __future__ import annotations

from typing import Final

from govlink.errors import SourceError
from govlink.plugins import hookimpl
from govlink.plugins.types import Source, SourceOptions, SourceSpec

__all__ = ["SPEC", "govlink_source_for", "govlink_sources"]

#: Paths this plugin claims. ``.xls`` and ``.csv`` are claimed too, so the user is told to save
#: them as ``.xlsx`` instead of hearing that no source reads them.
_CLAIMED: Final = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


def _open(options: SourceOptions) -> Source:
    try:
        from govlink.connectors.excel.source import ExcelSource
    except ImportError as error:
        raise SourceError(
            "reading Excel files needs the excel extra: pip install 'govlink[excel]'",
            code="source.missing_extra",
        ) from error
    return ExcelSource(options.location, sheet=options.sheet)


SPEC: Final = SourceSpec(
    name="excel",
    description="client companies from an .xlsx or .ods spreadsheet (the govlink template)",
    open=_open,
)


@hookimpl
def govlink_sources() -> list[SourceSpec]:
    """Offer the ``excel`` source."""
    return [SPEC]


@hookimpl(trylast=True)
def govlink_source_for(location: str) -> SourceSpec | None:
    """Claim spreadsheet paths, after every other plugin had its chance."""
    return SPEC if location.casefold().endswith(_CLAIMED) else None
