"""The overview workbook of an import, and reading back what the user ticked in it (needs the
``excel`` extra: openpyxl and python-calamine)."""

from govlink.report.overview import FORMULA_PREFIXES, META_SHEET, write_overview
from govlink.report.selection import OverviewSelection, SelectionWorkbookError, read_selection

__all__ = [
    "FORMULA_PREFIXES",
    "META_SHEET",
    "OverviewSelection",
    "SelectionWorkbookError",
    "read_selection",
    "write_overview",
]
