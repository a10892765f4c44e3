"""Column headers: the Dutch, French and English labels the Excel source understands.

Headers match case-, accent-, punctuation- and whitespace-insensitively:

>>> field_for("  Numéro d'entreprise ")
'enterprise_number'
>>> field_for("KBO-nummer")
'enterprise_number'
>>> field_for("E-mail") == field_for("email") == "email"
True
>>> field_for("Opmerkingen") is None
True
"""

from __future__ import annotations

import unicodedata
from typing import Final

from govlink.domain.company import COMPANY_FIELDS
from govlink.i18n import LANGUAGES, Language
from govlink.i18n.catalog import MESSAGES

__all__ = ["ALIASES", "TEMPLATE_HEADERS", "TemplateLanguage", "field_for", "header_key"]

TemplateLanguage = Language

#: The accepted labels of each Company field. Field names themselves (``enterprise_number``)
#: are accepted too.
ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "enterprise_number": (
        "Ondernemingsnummer",
        "Ondernemingsnr.",
        "Ondernemingsnr",
        "Nr. onderneming",
        "Numéro d'entreprise",
        "N° d'entreprise",
        "No d'entreprise",
        "N° entreprise",
        "Enterprise number",
        "Company number",
        "KBO",
        "KBO-nummer",
        "KBO-nr.",
        "BCE",
        "Numéro BCE",
        "N° BCE",
        "BTW-nummer",
        "BTW-nr.",
        "BTW nr",
        "BTW",
        "N° TVA",
        "Numéro de TVA",
        "TVA",
        "VAT number",
        "VAT",
    ),
    "name": (
        "Naam",
        "Bedrijfsnaam",
        "Firmanaam",
        "Klantnaam",
        "Naam klant",
        "Maatschappelijke naam",
        "Nom",
        "Dénomination",
        "Dénomination sociale",
        "Raison sociale",
        "Nom du client",
        "Name",
        "Company name",
        "Client name",
    ),
    "legal_form": ("Rechtsvorm", "Vennootschapsvorm", "Forme juridique", "Legal form"),
    "email": (
        "E-mail",
        "Email",
        "Mail",
        "Courriel",
        "E-mailadres",
        "Adresse e-mail",
        "Adresse mail",
        "E-mail address",
    ),
    "language": ("Taal", "Taalcode", "Langue", "Language"),
    "street": ("Straat", "Straatnaam", "Rue", "Street"),
    "house_number": (
        "Huisnummer",
        "Huisnr.",
        "Numéro",
        "N° de rue",
        "Number",
        "House number",
        "Nr",
    ),
    "box": ("Bus", "Busnummer", "Boîte", "Boîte postale", "Box"),
    "postal_code": ("Postcode", "Postnummer", "Code postal", "CP", "Postal code", "Zip"),
    "city": ("Gemeente", "Stad", "Woonplaats", "Localité", "Commune", "Ville", "City", "Plaats"),
    "country_code": ("Land", "Landcode", "Pays", "Code pays", "Country"),
    "responsible": (
        "Verantwoordelijke",
        "Hoofdverantwoordelijke",
        "Dossierverantwoordelijke",
        "Dossierbeheerder",
        "Responsable",
        "Responsable du dossier",
        "Gestionnaire",
        "Responsible",
        "Responsible email",
        "Account manager",
    ),
    "customer_code": (
        "Klantcode",
        "Klantnummer",
        "Klantnr.",
        "Code client",
        "N° client",
        "Numéro de client",
        "Customer code",
        "Customer number",
    ),
    "phone": (
        "Telefoon",
        "Telefoonnummer",
        "Tel.",
        "GSM",
        "Gsm-nummer",
        "Mobiel",
        "Téléphone",
        "Tél.",
        "Portable",
        "Phone",
        "Telephone",
        "Mobile",
    ),
}

#: The template's header row in each language, in column order: the field labels of the
#: message catalog (:mod:`govlink.i18n.catalog`), so the template, the tables and the overview
#: workbook name a column alike.
TEMPLATE_HEADERS: Final[dict[TemplateLanguage, dict[str, str]]] = {
    language: {field: MESSAGES[f"field.{field}"][language] for field in COMPANY_FIELDS}
    for language in LANGUAGES
}


def header_key(text: str) -> str:
    """The matching key of a header: case folded, accents and everything but letters and
    digits removed (``"N° TVA"`` -> ``"ntva"``)."""
    # Fold case between two decompositions: compatibility forms such as "🄐" decompose to a
    # capital letter, and some case foldings decompose further, so one order alone is not
    # idempotent.
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(ch for ch in folded if ch.isalnum())


_FIELDS: Final[dict[str, str]] = {
    header_key(label): field for field, labels in ALIASES.items() for label in (field, *labels)
}


def field_for(header: str) -> str | None:
    """The Company field a header names, or ``None`` for a column govlink does not know."""
    return _FIELDS.get(header_key(header))
