"""The workbook users fill in: a header row, one example row, and a sheet of instructions.

>>> write_template("clients.xlsx", language="fr")  # doctest: +SKIP
PosixPath('clients.xlsx')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from govlink._atomic import write_atomically
from govlink.connectors.excel.example import example_row
from govlink.connectors.excel.headers import TEMPLATE_HEADERS, TemplateLanguage
from govlink.errors import SourceError

__all__ = ["TEXT_FORMAT", "write_template"]

#: Excel's "Text" number format: what the enterprise-number column gets.
TEXT_FORMAT: Final = "@"

_SHEET: Final[dict[TemplateLanguage, str]] = {"nl": "Klanten", "fr": "Clients", "en": "Clients"}
_INSTRUCTIONS_SHEET: Final = "Instructies - Instructions"

_INSTRUCTIONS: Final = (
    ("Nederlands", None),
    (
        "Vul één bedrijf per rij in, onder de kopregel. "
        "De grijze voorbeeldrij wordt nooit ingelezen.",
        "Ondernemingsnummer en Naam zijn verplicht; de andere kolommen zijn optioneel.",
    ),
    (
        "Het ondernemingsnummer mag met of zonder punten en BE (0417.497.106 of BE0417497106).",
        "Taal: nl, fr, de of en (ook Nederlands, Français, ...). Verantwoordelijke: het "
        "e-mailadres van de collega.",
    ),
    ("Français", None),
    (
        "Une entreprise par ligne, sous la ligne d'en-tête. "
        "La ligne d'exemple en gris n'est jamais importée.",
        "Le numéro d'entreprise et le nom sont obligatoires ; les autres colonnes sont "
        "facultatives.",
    ),
    (
        "Le numéro d'entreprise peut contenir des points et BE (0417.497.106 ou BE0417497106).",
        "Langue : nl, fr, de ou en (aussi Nederlands, Français, ...). Responsable : l'adresse "
        "e-mail du collègue.",
    ),
    ("English", None),
    (
        "One company per row, below the header row. The grey example row is never imported.",
        "Enterprise number and name are required; the other columns are optional.",
    ),
    (
        "The enterprise number may have dots and BE (0417.497.106 or BE0417497106).",
        "Language: nl, fr, de or en (also Nederlands, Français, ...). Responsible: the "
        "colleague's e-mail address.",
    ),
    ("", None),
    (
        "Kopteksten mogen in het Nederlands, Frans of Engels - "
        "Les en-têtes peuvent être en néerlandais, français ou anglais - "
        "Headers may be in Dutch, French or English.",
        None,
    ),
)

_HEADER_FONT: Final = Font(bold=True, color="FFFFFF")
_HEADER_FILL: Final = PatternFill("solid", fgColor="1F4E78")
_EXAMPLE_FONT: Final = Font(italic=True, color="808080")


def _fill_instructions(workbook: Workbook) -> None:
    sheet = workbook.create_sheet(_INSTRUCTIONS_SHEET)
    sheet.column_dimensions["A"].width = 110
    for first, second in _INSTRUCTIONS:
        for text in (first, second):
            if text is None:
                continue
            sheet.append([text])
            cell = sheet.cell(row=sheet.max_row, column=1)
            cell.alignment = Alignment(wrap_text=True)
            if second is None and text:
                cell.font = Font(bold=True)


def write_template(path: str | os.PathLike[str], language: TemplateLanguage = "nl") -> Path:
    """Write the import template to ``path`` (replaced atomically) and return the path.

    :param language: the language of the header row: ``nl`` (default), ``fr`` or ``en``.
    :raises SourceError: an unknown language, or the file cannot be written.
    """
    if language not in TEMPLATE_HEADERS:
        raise SourceError(
            f"unknown template language {language!r}; choose nl, fr or en",
            code="source.template_language",
        )
    target = Path(path)
    headers = TEMPLATE_HEADERS[language]
    example = example_row(language)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new Workbook always has its first sheet
    sheet.title = _SHEET[language]
    for column, (field, label) in enumerate(headers.items(), start=1):
        letter = get_column_letter(column)
        head = sheet.cell(row=1, column=column, value=label)
        head.font, head.fill = _HEADER_FONT, _HEADER_FILL
        value = sheet.cell(row=2, column=column, value=example[field] or None)
        value.font = _EXAMPLE_FONT
        sheet.column_dimensions[letter].width = max(len(label), len(example[field]), 10) + 4
        if field == "enterprise_number":
            value.number_format = TEXT_FORMAT
            sheet.column_dimensions[letter].number_format = TEXT_FORMAT
    sheet.freeze_panes = "A2"
    _fill_instructions(workbook)
    try:
        write_atomically(target, workbook.save)
    except OSError as error:
        raise SourceError(
            f"cannot write {target} ({error.strerror or type(error).__name__}); "
            "check the folder and your permissions",
            code="source.write",
        ) from error
    return target
