"""Write examples/clients.xlsx and examples/platform.xlsx (fictitious Belgian companies).

Run ``python examples/make_examples.py`` (needs openpyxl) to regenerate them; the output is
deterministic. ``clients.xlsx`` is a messy CRM export: Dutch and French headers, enterprise
numbers spelled in every way seen in practice, a few invalid rows and a duplicate.
``platform.xlsx`` holds the companies already on the platform: most of the clients (some with
other values), plus a few that are no longer clients.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
OFFICE = "kantoor-demo.be"
COLLEAGUES = ("an.peeters", "marc.dubois", "sofie.claes", "jonas.wouters")

# name, legal form, city, postal code, street, language
CLIENTS = [
    ("Bakkerij Van den Broeck", "BV", "Mechelen", "2800", "Bruul", "nl"),
    ("Garage Lemmens", "NV", "Hasselt", "3500", "Kuringersteenweg", "nl"),
    ("Boulangerie Dubois", "SRL", "Namur", "5000", "Rue de Fer", "fr"),
    ("Architectenbureau Claes & Partners", "BV", "Leuven", "3000", "Naamsestraat", "nl"),
    ("Transports Lambert", "SA", "Liège", "4000", "Quai de la Batte", "fr"),
    ("Dakwerken Janssens", "BV", "Genk", "3600", "Stalenstraat", "nl"),
    ("Cabinet Médical Leroy", "SRL", "Mons", "7000", "Rue de Nimy", "fr"),
    ("Tuinaanleg De Smet", "BV", "Gent", "9000", "Coupure Links", "nl"),
    ("Brasserie du Parc", "SRL", "Wavre", "1300", "Place Bosch", "fr"),
    ("IT-Consult Maes", "BV", "Antwerpen", "2000", "Meir", "nl"),
    ("Elektro Wuyts", "BV", "Turnhout", "2300", "Gasthuisstraat", "nl"),
    ("Pharmacie Martin", "SRL", "Charleroi", "6000", "Boulevard Tirou", "fr"),
    ("Schrijnwerkerij Verstraete", "BV", "Brugge", "8000", "Langestraat", "nl"),
    ("Immo Dewaele", "NV", "Kortrijk", "8500", "Doorniksestraat", "nl"),
    ("Atelier Simon", "SRL", "Tournai", "7500", "Rue Royale", "fr"),
    ("Loodgieterij Mertens", "BV", "Aalst", "9300", "Molenstraat", "nl"),
    ("Fiduciaire Laurent", "SRL", "Arlon", "6700", "Grand-Rue", "fr"),
    ("Kinesitherapie Goossens", "BV", "Lier", "2500", "Antwerpsestraat", "nl"),
    ("Drukkerij Vermeulen", "NV", "Roeselare", "8800", "Noordstraat", "nl"),
    ("Restaurant Le Coq d'Or", "SRL", "Bruxelles", "1000", "Rue du Marché aux Herbes", "fr"),
    ("Bouwbedrijf Jacobs", "NV", "Geel", "2440", "Pas", "nl"),
    ("Opticien Willems", "BV", "Sint-Niklaas", "9100", "Stationsstraat", "nl"),
    ("Menuiserie Renard", "SRL", "Verviers", "4800", "Rue du Brou", "fr"),
    ("Fietsen Hermans", "BV", "Tienen", "3300", "Grote Markt", "nl"),
    ("Tandartspraktijk Michiels", "BV", "Diest", "3290", "Demerstraat", "nl"),
    ("Dierenartsenpraktijk Aerts", "BV", "Herentals", "2200", "Zandstraat", "nl"),
    ("Coiffure Lejeune", "SRL", "Nivelles", "1400", "Rue de Namur", "fr"),
    ("Vertaalbureau Peeters", "BV", "Mortsel", "2640", "Statielei", "nl"),
    ("Chocolaterie Dumont", "SRL", "Dinant", "5500", "Rue Grande", "fr"),
    ("Schilderwerken Van Damme", "BV", "Oostende", "8400", "Kapellestraat", "nl"),
    ("Boekhandel De Vos", "BV", "Ninove", "9400", "Centrumlaan", "nl"),
    ("Garage Dupont Frères", "SA", "Gembloux", "5030", "Avenue de la Faculté", "fr"),
    ("Slagerij Smets", "BV", "Tongeren", "3700", "Maastrichterstraat", "nl"),
    ("Installations Thiry", "SRL", "Huy", "4500", "Quai de Namur", "fr"),
    ("Advocatenkantoor Cools", "BV", "Dendermonde", "9200", "Kerkstraat", "nl"),
    ("Verhuur Claessens", "BV", "Heist-op-den-Berg", "2220", "Bergstraat", "nl"),
]

# Platform-only companies: clients of the firm that are no longer in the CRM export.
PLATFORM_ONLY = [
    ("Zeepziederij Vandamme", "BV", "Ieper", "8900", "Boterstraat", "nl"),
    ("Imprimerie Gilson", "SA", "Marche-en-Famenne", "6900", "Rue Neuve", "fr"),
    ("Glaswerken Bogaerts", "NV", "Vilvoorde", "1800", "Leuvensestraat", "nl"),
    ("Salon de Thé Collard", "SRL", "Spa", "4900", "Rue Royale", "fr"),
]


def enterprise_number(index: int) -> str:
    """A valid, fictitious 10-digit enterprise number: 8 digits then the mod-97 check digits."""
    first8 = 2_000_000 + (index * 1_234_577 + 345_678) % 7_999_999
    check = 97 - first8 % 97
    return f"{first8:08d}{check:02d}"


def spelled(number: str, style: int) -> object:
    """The number as a CRM export might spell it."""
    dotted = f"{number[:4]}.{number[4:7]}.{number[7:]}"
    return [
        number,
        f"BE {dotted}",
        dotted,
        f"BE{number}",
        int(number),  # a spreadsheet number: the leading zero is gone
        f"{number[:4]} {number[4:7]} {number[7:]}",
        f"{number[:4]}/{number[4:7]}/{number[7:]}",
    ][style % 7]


LANGUAGE_SPELLINGS = {"nl": ("nl", "Nederlands", "NL", "N"), "fr": ("fr", "Français", "FR", "F")}

CLIENT_HEADERS = (
    "Ondernemingsnummer",
    "Naam",
    "Rechtsvorm",
    "E-mail",
    "Taal",
    "Straat",
    "Huisnummer",
    "Postcode",
    "Gemeente",
    "Verantwoordelijke",
    "Klantcode",
    "Opmerkingen",
)
PLATFORM_HEADERS = (
    "Enterprise number",
    "Name",
    "Legal form",
    "Email",
    "Language",
    "Street",
    "Number",
    "Postal code",
    "City",
    "Responsible",
    "Customer code",
)


def _email(name: str) -> str:
    local = "".join(ch for ch in name.split()[-1].casefold() if ch.isalpha())
    return f"info@{local}.be"


def _responsible(index: int) -> str | None:
    return None if index % 9 == 4 else f"{COLLEAGUES[index % 4]}@{OFFICE}"


def _client_rows() -> list[list[object]]:
    rows: list[list[object]] = []
    for i, (name, form, city, postal, street, language) in enumerate(CLIENTS):
        messy_name = f"  {name.upper()}  " if i % 11 == 3 else name
        rows.append(
            [
                spelled(enterprise_number(i), i),
                f"{messy_name} {form}",
                form,
                _email(name).upper() if i % 8 == 5 else _email(name),
                LANGUAGE_SPELLINGS[language][i % 4],
                street,
                str(10 + i * 7 % 90),
                postal,
                city,
                _responsible(i),
                f"K{1000 + i}",
                "nieuwe klant" if i % 13 == 0 else None,
            ]
        )
    # A changed e-mail and a moved company, known differently on the platform.
    rows[2][3] = "contact@boulangerie-dubois.be"
    rows[7][5], rows[7][6] = "Kortrijksesteenweg", "212"
    # Invalid rows: a wrong check digit, no number, an establishment unit, a bad e-mail,
    # an unknown language, and no name.
    rows += [
        ["0403.019.262", "Schoonmaak Nijs BV", "BV", "info@nijs.be", "nl"],
        [None, "Bistro Le Passage SRL", "SRL", "info@lepassage.be", "fr"],
        ["2.147.812.701", "Bakkerij Wouters (vestiging Lier)", "BV", None, "nl"],
        [spelled(enterprise_number(40), 0), "Kapsalon Nora BV", "BV", "nora@@kapsalon", "nl"],
        [spelled(enterprise_number(41), 2), "Consultance Henrard SRL", "SRL", None, "Swahili"],
        [spelled(enterprise_number(42), 1), None, None, "info@naamloos.be", "nl"],
    ]
    # The same company twice, spelled differently: both rows are invalid (never pick one).
    duplicate = enterprise_number(43)
    rows += [
        [spelled(duplicate, 1), "Velo Service Dubois SRL", "SRL", "info@velodubois.be", "fr"],
        [spelled(duplicate, 3), "Vélo-Service Dubois", "SRL", "velo@dubois.be", "fr"],
    ]
    return rows


def _platform_rows() -> list[list[object]]:
    rows: list[list[object]] = []
    for i, (name, form, city, postal, street, language) in enumerate(CLIENTS[:26]):
        email = _email(name)
        responsible = _responsible(i)
        if i == 5:
            responsible = f"sofie.claes@{OFFICE}"
        if i == 19:
            name = "Le Coq d'Or"
        if i == 10:
            email = "boekhouding@wuyts.be"
        if i == 12:
            language = ""  # the platform does not know it yet: the import adds it
        rows.append(
            [
                enterprise_number(i),
                f"{name} {form}",
                form,
                email,
                language or None,
                street,
                str(10 + i * 7 % 90),
                postal,
                city,
                responsible,
                f"K{1000 + i}",
            ]
        )
    for j, (name, form, city, postal, street, language) in enumerate(PLATFORM_ONLY, start=50):
        rows.append(
            [
                enterprise_number(j),
                f"{name} {form}",
                form,
                _email(name),
                language,
                street,
                "1",
                postal,
                city,
                _responsible(j),
                f"K{1000 + j}",
            ]
        )
    return rows


def _write(path: Path, title: str, headers: tuple[str, ...], rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for column in sheet.columns:
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = max(len(str(c.value or "")) for c in column) + 2
    book.save(path)


def main() -> None:
    """Write both workbooks next to this script."""
    _write(HERE / "clients.xlsx", "Klanten", CLIENT_HEADERS, _client_rows())
    _write(HERE / "platform.xlsx", "Companies", PLATFORM_HEADERS, _platform_rows())


if __name__ == "__main__":
    main()
