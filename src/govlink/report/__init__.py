"""The overview workbook of an import (needs the ``excel`` extra: openpyxl)."""

from govlink.report.overview import FORMULA_PREFIXES, write_overview

__all__ = ["FORMULA_PREFIXES", "write_overview"]
