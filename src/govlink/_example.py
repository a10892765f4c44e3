"""A small fictitious import for ``python -m govlink``: an Excel-like source and a platform.

The enterprise numbers are synthetic (valid check digits, not real companies). Together they fill
all four categories of the import overview.
"""

from __future__ import annotations

from typing import Final

from govlink.domain.company import Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.records import RawRecord, SourceRef

__all__ = ["KNOWN_COLLEAGUES", "PLATFORM", "SOURCE", "SOURCE_NAME"]

SOURCE_NAME: Final = "klanten.xlsx"

KNOWN_COLLEAGUES: Final = ("an.peeters@kantoor-voorbeeld.be", "marc.dubois@kantoor-voorbeeld.be")


def _row(row: int, **fields: object) -> RawRecord:
    return RawRecord(fields=fields, ref=SourceRef(source=SOURCE_NAME, row=row), raw=fields)


SOURCE: Final = (
    _row(
        2,
        enterprise_number="BE 0456.789.034",
        name="Bakkerij Janssens",
        email="info@bakkerij-janssens.be",
        language="Nederlands",
        responsible="an.peeters@kantoor-voorbeeld.be",
    ),
    _row(
        3,
        enterprise_number=612345657,
        name="Garage Lambert SRL",
        email="contact@garage-lambert.be",
        language="F",
        responsible="Marc.Dubois@kantoor-voorbeeld.be",
    ),
    _row(
        4,
        enterprise_number="0734/567/835",
        name="Studio Vermeulen",
        email="hallo@studio-vermeulen.be",
        language="nl",
        responsible="an.peeters@kantoor-voorbeeld.be",
    ),
    _row(
        5,
        enterprise_number="0801.234.549",
        name="Immo De Smet",
        email="immo@desmet",
        language="nl",
        responsible="an.peeters@kantoor-voorbeeld.be",
    ),
    _row(
        6,
        enterprise_number="0523.456.739",
        name="Transport Willems",
        language="nl",
        responsible="an.peeters@kantoor-voorbeeld.be",
    ),
    _row(
        7,
        enterprise_number="1234.567.005",
        name="Apotheek Claes",
        email="apotheek@claes.be",
        language="Néerlandais",
    ),
    _row(
        8,
        enterprise_number="456789034",
        name="Bakkerij Janssens BV",
        responsible="an.peeters@kantoor-voorbeeld.be",
    ),
    _row(
        9,
        enterprise_number="2.147.812.701",
        name="Filiaal Gent",
        responsible="an.peeters@kantoor-voorbeeld.be",
    ),
    _row(
        10,
        enterprise_number="BE0345678997",
        name="Consultancy Maes",
        email="maes@consultancy-maes.be",
        language="English",
        responsible="lieve.maes@elders.be",
    ),
)


PLATFORM: Final = (
    Company(
        enterprise_number=EnterpriseNumber.parse("0612.345.657"),
        name="Garage Lambert",
        email="garage.lambert@mail.be",
        language="fr",
        responsible="marc.dubois@kantoor-voorbeeld.be",
    ),
    Company(
        enterprise_number=EnterpriseNumber.parse("0734.567.835"),
        name="STUDIO VERMEULEN",
        email="hallo@studio-vermeulen.be",
        language="nl",
        responsible="an.peeters@kantoor-voorbeeld.be",
    ),
    Company(
        enterprise_number=EnterpriseNumber.parse("0801.234.549"), name="Immo De Smet", city="Gent"
    ),
    Company(
        enterprise_number=EnterpriseNumber.parse("0456.789.034"),
        name="Bakkerij Janssens",
        city="Aalst",
    ),
    Company(
        enterprise_number=EnterpriseNumber.parse("0987.654.394"),
        name="Brouwerij Wouters",
        language="nl",
    ),
)
