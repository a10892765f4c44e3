"""The message catalog: every text govlink shows people, in Dutch, French and English.

One entry per message id, the three languages side by side, so a translator sees them together
and a test (``tests/unit/i18n``) checks that every id has all three, with the same
``{placeholders}``. Texts are :meth:`str.format` templates. Codes (``enterprise_number.checksum``)
and JSON keys are never translated; only what a person reads is.

An id ending in ``.one`` has a sibling ending in ``.other``: :meth:`Translator.count
<govlink.i18n.Translator.count>` picks one by the count.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal

__all__ = ["MESSAGES", "Language"]

Language = Literal["nl", "fr", "en"]

_Entry = dict[Language, str]

_MESSAGES: dict[str, _Entry] = {
    # -- The web app (govlink.web): its pages' own labels; fields, reasons, warnings and the
    # -- shared column headers come from the entries above --------------------------------
    "web.nav.import": {
        "nl": "Importeer klanten",
        "fr": "Importer des clients",
        "en": "Import clients",
    },
    "web.nav.companies": {"nl": "Bedrijven", "fr": "Entreprises", "en": "Companies"},
    "web.nav.history": {
        "nl": "Importgeschiedenis",
        "fr": "Historique des imports",
        "en": "Import history",
    },
    "web.nav.sync": {"nl": "Synchronisatie", "fr": "Synchronisation", "en": "Sync status"},
    "web.nav.settings": {"nl": "Instellingen", "fr": "Paramètres", "en": "Settings"},
    "web.nav.language": {"nl": "Taal", "fr": "Langue", "en": "Language"},
    "web.import.title": {
        "nl": "Importeer klanten of gegevens",
        "fr": "Importer des clients ou des données",
        "en": "Import clients or data",
    },
    "web.import.excel": {
        "nl": "Excel-bestand (.xlsx)",
        "fr": "Fichier Excel (.xlsx)",
        "en": "Excel file (.xlsx)",
    },
    "web.import.upload": {
        "nl": "Opladen en bekijken",
        "fr": "Charger et examiner",
        "en": "Upload and review",
    },
    "web.import.crm": {"nl": "Vanuit je CRM", "fr": "Depuis votre CRM", "en": "From your CRM"},
    "web.import.template": {
        "nl": "Taaksjabloon of taakstroom (leeg: alle klanten)",
        "fr": "Modèle de tâche ou flux de tâches (vide : tous les clients)",
        "en": "Task template or taskflow (empty: all clients)",
    },
    "web.import.fetch": {
        "nl": "Ophalen en bekijken",
        "fr": "Récupérer et examiner",
        "en": "Fetch and review",
    },
    "web.import.limit": {
        "nl": "Enkel .xlsx-bestanden tot {size}.",
        "fr": "Uniquement des fichiers .xlsx jusqu'à {size}.",
        "en": "Only .xlsx files up to {size}.",
    },
    "web.import.no_file": {
        "nl": "Kies eerst een bestand.",
        "fr": "Choisissez d'abord un fichier.",
        "en": "Choose a file first.",
    },
    "web.import.not_xlsx": {
        "nl": "{name} is geen .xlsx- of .ods-bestand; sla het in Excel op als Excel-werkmap "
        "(.xlsx).",
        "fr": "{name} n'est pas un fichier .xlsx ou .ods ; enregistrez-le dans Excel comme "
        "classeur (.xlsx).",
        "en": "{name} is not an .xlsx or .ods file; save it in Excel as an Excel Workbook (.xlsx).",
    },
    "web.import.too_large": {
        "nl": "Het bestand is groter dan {size}.",
        "fr": "Le fichier dépasse {size}.",
        "en": "The file is larger than {size}.",
    },
    "web.import.failed": {
        "nl": "Import mislukt: {reason}",
        "fr": "Échec de l'import : {reason}",
        "en": "Import failed: {reason}",
    },
    "web.tab.new": {
        "nl": "Klanten enkel in import",
        "fr": "Clients uniquement dans l'import",
        "en": "Customers only in import",
    },
    "web.tab.platform": {
        "nl": "Klanten enkel in Accounton",
        "fr": "Clients uniquement dans Accounton",
        "en": "Customers only in Accounton",
    },
    "web.tab.matching": {
        "nl": "Overeenkomende klanten",
        "fr": "Clients correspondants",
        "en": "Matching customers",
    },
    "web.tab.invalid": {
        "nl": "Ongeldige klanten",
        "fr": "Clients invalides",
        "en": "Invalid customers",
    },
    "web.overview.apply": {
        "nl": "Voeg de geselecteerde klanten toe",
        "fr": "Ajouter les clients sélectionnés",
        "en": "Add the selected customers",
    },
    "web.overview.archive": {
        "nl": "Archiveer de geselecteerde klanten",
        "fr": "Archiver les clients sélectionnés",
        "en": "Archive the selected customers",
    },
    "web.overview.archived.one": {
        "nl": "{count} klant gearchiveerd: niet meer gesynchroniseerd of gepusht.",
        "fr": "{count} client archivé : plus synchronisé ni envoyé.",
        "en": "{count} customer archived: no longer synced or pushed.",
    },
    "web.overview.archived.other": {
        "nl": "{count} klanten gearchiveerd: niet meer gesynchroniseerd of gepusht.",
        "fr": "{count} clients archivés : plus synchronisés ni envoyés.",
        "en": "{count} customers archived: no longer synced or pushed.",
    },
    "web.overview.archived_left_out.one": {
        "nl": "{count} gearchiveerde klant staat niet in de import en niet in deze lijst.",
        "fr": "{count} client archivé ne figure ni dans l'import ni dans cette liste.",
        "en": "{count} archived customer is neither in the import nor in this list.",
    },
    "web.overview.archived_left_out.other": {
        "nl": "{count} gearchiveerde klanten staan niet in de import en niet in deze lijst.",
        "fr": "{count} clients archivés ne figurent ni dans l'import ni dans cette liste.",
        "en": "{count} archived customers are neither in the import nor in this list.",
    },
    "web.overview.search": {"nl": "Zoeken", "fr": "Rechercher", "en": "Search"},
    "web.overview.select_all": {
        "nl": "Alles selecteren",
        "fr": "Tout sélectionner",
        "en": "Select all",
    },
    "web.overview.select_none": {
        "nl": "Niets selecteren",
        "fr": "Ne rien sélectionner",
        "en": "Select none",
    },
    "web.overview.overwrite_fields": {
        "nl": "Velden om te overschrijven bij alle overeenkomende klanten",
        "fr": "Champs à écraser pour tous les clients correspondants",
        "en": "Fields to overwrite on every matching customer",
    },
    "web.overview.per_company": {
        "nl": "Voor dit bedrijf",
        "fr": "Pour cette entreprise",
        "en": "For this company",
    },
    "web.overview.as_above": {
        "nl": "zoals gekozen per kolom",
        "fr": "comme choisi par colonne",
        "en": "as chosen per column",
    },
    "web.overview.nothing": {
        "nl": "niets overschrijven",
        "fr": "ne rien écraser",
        "en": "overwrite nothing",
    },
    "web.overview.all_fields": {
        "nl": "alle verschillen",
        "fr": "toutes les différences",
        "en": "every difference",
    },
    "web.overview.only_field": {
        "nl": "enkel {field}",
        "fr": "seulement {field}",
        "en": "only {field}",
    },
    "web.overview.unchanged": {
        "nl": "geen verschillen",
        "fr": "aucune différence",
        "en": "no differences",
    },
    "web.overview.platform_hint": {
        "nl": "Deze klanten staan niet (meer) in de import. Er wordt niets verwijderd; "
        "archiveer wie vertrokken is: die wordt niet meer gesynchroniseerd of gepusht.",
        "fr": "Ces clients ne figurent pas (plus) dans l'import. Rien n'est supprimé ; "
        "archivez ceux qui sont partis : ils ne sont plus synchronisés ni envoyés.",
        "en": "These customers are not (or no longer) in the import. Nothing is deleted; "
        "archive those who left: they are no longer synced or pushed.",
    },
    "web.overview.invalid_hint": {
        "nl": "Verbeter deze rijen in de bron en importeer opnieuw.",
        "fr": "Corrigez ces lignes dans la source et importez à nouveau.",
        "en": "Fix these rows at the source and import again.",
    },
    "web.overview.empty": {
        "nl": "Niets in deze categorie.",
        "fr": "Rien dans cette catégorie.",
        "en": "Nothing in this category.",
    },
    "web.overview.stale": {
        "nl": "Het platform is gewijzigd sinds deze voorvertoning; er werd niets weggeschreven. "
        "Hieronder staat de nieuwe voorvertoning: controleer ze en bevestig opnieuw.",
        "fr": "La plateforme a changé depuis cet aperçu ; rien n'a été écrit. Voici le nouvel "
        "aperçu : vérifiez-le et confirmez à nouveau.",
        "en": "The platform changed since this preview; nothing was written. Below is the new "
        "preview: check it and confirm again.",
    },
    "web.overview.expired": {
        "nl": "Deze voorvertoning bestaat niet meer; importeer opnieuw.",
        "fr": "Cet aperçu n'existe plus ; importez à nouveau.",
        "en": "This preview no longer exists; import again.",
    },
    "web.overview.skipped": {
        "nl": "{count} rijen bewust overgeslagen (personen, voorbeeldrij, ...)",
        "fr": "{count} lignes ignorées volontairement (personnes, ligne d'exemple, ...)",
        "en": "{count} rows left out on purpose (persons, the example row, ...)",
    },
    "web.column.when": {"nl": "Wanneer", "fr": "Quand", "en": "When"},
    "web.column.actor": {"nl": "Door", "fr": "Par", "en": "By"},
    "web.column.documents": {"nl": "Documenten", "fr": "Documents", "en": "Documents"},
    "web.column.last_sync": {
        "nl": "Laatste synchronisatie",
        "fr": "Dernière synchronisation",
        "en": "Last sync",
    },
    "web.column.syncs": {"nl": "Synchronisaties", "fr": "Synchronisations", "en": "Syncs"},
    "web.column.outcome": {"nl": "Resultaat", "fr": "Résultat", "en": "Outcome"},
    "web.result.title": {"nl": "Import toegepast", "fr": "Import appliqué", "en": "Import applied"},
    "web.result.run": {"nl": "Import {run}", "fr": "Import {run}", "en": "Import {run}"},
    "web.result.summary": {
        "nl": "Run {run}: {added} bedrijven toegevoegd, {updated} bijgewerkt.",
        "fr": "Exécution {run} : {added} entreprises ajoutées, {updated} mises à jour.",
        "en": "Run {run}: {added} companies added, {updated} updated.",
    },
    "web.result.nothing": {
        "nl": "Er werd niets gewijzigd.",
        "fr": "Rien n'a été modifié.",
        "en": "Nothing was changed.",
    },
    "web.companies.save": {"nl": "Bewaren", "fr": "Enregistrer", "en": "Save"},
    "web.companies.archive": {"nl": "Archiveren", "fr": "Archiver", "en": "Archive"},
    "web.companies.restore": {"nl": "Herstellen", "fr": "Restaurer", "en": "Restore"},
    "web.companies.archived_since": {
        "nl": "gearchiveerd sinds {when}",
        "fr": "archivée depuis le {when}",
        "en": "archived since {when}",
    },
    "web.companies.active": {"nl": "actief", "fr": "active", "en": "active"},
    "web.companies.none": {
        "nl": "Nog geen bedrijven.",
        "fr": "Pas encore d'entreprises.",
        "en": "No companies yet.",
    },
    "web.companies.saved": {"nl": "Bewaard.", "fr": "Enregistré.", "en": "Saved."},
    "web.companies.unknown": {
        "nl": "Onbekend ondernemingsnummer.",
        "fr": "Numéro d'entreprise inconnu.",
        "en": "Unknown enterprise number.",
    },
    "web.companies.refused": {
        "nl": "Niet bewaard: {reason}",
        "fr": "Non enregistré : {reason}",
        "en": "Not saved: {reason}",
    },
    "web.companies.changed": {
        "nl": "Niet bewaard: het bedrijf werd intussen gewijzigd. Bekijk het opnieuw.",
        "fr": "Non enregistré : l'entreprise a été modifiée entre-temps. Vérifiez-la à nouveau.",
        "en": "Not saved: the company changed meanwhile. Check it again.",
    },
    "web.settings.connections": {"nl": "Connecties", "fr": "Connexions", "en": "Connections"},
    "web.settings.connected": {"nl": "ingesteld", "fr": "configurée", "en": "configured"},
    "web.settings.not_connected": {
        "nl": "niet ingesteld",
        "fr": "non configurée",
        "en": "not configured",
    },
    "web.settings.adminpulse": {
        "nl": "Integraties › AdminPulse",
        "fr": "Intégrations › AdminPulse",
        "en": "Integrations › AdminPulse",
    },
    "web.settings.ap_questionnaire": {
        "nl": "Automatisch de vragenlijst en berekening naar AdminPulse sturen",
        "fr": "Envoyer automatiquement le questionnaire et le calcul à AdminPulse",
        "en": "Send the questionnaire and calculation to AdminPulse automatically",
    },
    "web.settings.ap_attachments": {
        "nl": "PB-bijlagen van particulieren automatisch naar AdminPulse sturen",
        "fr": "Envoyer automatiquement les annexes IPP des particuliers à AdminPulse",
        "en": "Send personal income tax attachments to AdminPulse automatically",
    },
    "web.settings.ap_push": {
        "nl": "Automatisch MyMinfin-documenten van bedrijven naar AdminPulse pushen",
        "fr": "Envoyer automatiquement les documents MyMinfin des entreprises à AdminPulse",
        "en": "Push company documents from MyMinfin to AdminPulse automatically",
    },
    "web.settings.ap_push_since": {
        "nl": "Aan sinds {when}: enkel documenten die vanaf dan binnenkomen worden doorgestuurd.",
        "fr": "Activé depuis {when} : seuls les documents reçus depuis lors sont envoyés.",
        "en": "On since {when}: only documents received from then on are pushed.",
    },
    "web.settings.ap_host_only": {
        "nl": "(bewaard voor de personenbelasting-module van het platform)",
        "fr": "(enregistré pour le module impôt des personnes physiques de la plateforme)",
        "en": "(kept for the platform's personal income tax module)",
    },
    "web.settings.tags": {
        "nl": "Tags (gescheiden door komma's)",
        "fr": "Tags (séparés par des virgules)",
        "en": "Tags (comma-separated)",
    },
    "web.settings.fallback": {
        "nl": "Ontvanger van meldingen zonder hoofdverantwoordelijke",
        "fr": "Destinataire des alertes sans responsable principal",
        "en": "Recipient of alerts without a main responsible",
    },
    "web.settings.save": {
        "nl": "Instellingen opslaan",
        "fr": "Enregistrer les paramètres",
        "en": "Save settings",
    },
    "web.settings.saved": {
        "nl": "Instellingen opgeslagen.",
        "fr": "Paramètres enregistrés.",
        "en": "Settings saved.",
    },
    "web.history.none": {
        "nl": "Nog geen imports.",
        "fr": "Pas encore d'imports.",
        "en": "No imports yet.",
    },
    "web.sync.push": {
        "nl": "Push naar AdminPulse",
        "fr": "Envoi vers AdminPulse",
        "en": "Push to AdminPulse",
    },
    "web.sync.push_on": {"nl": "aan", "fr": "activé", "en": "on"},
    "web.sync.push_off": {"nl": "uit", "fr": "désactivé", "en": "off"},
    "web.sync.outbox": {"nl": "Wachtrij", "fr": "File d'attente", "en": "Outbox"},
    "web.sync.myminfin": {
        "nl": "MyMinfin-synchronisatie",
        "fr": "Synchronisation MyMinfin",
        "en": "MyMinfin sync",
    },
    "web.sync.attempts": {
        "nl": "Recente pogingen",
        "fr": "Tentatives récentes",
        "en": "Recent attempts",
    },
    "web.sync.none": {
        "nl": "Nog niets gesynchroniseerd.",
        "fr": "Rien n'a encore été synchronisé.",
        "en": "Nothing synced yet.",
    },
    "web.sync.unavailable": {
        "nl": "Deze opslag houdt geen synchronisatie bij.",
        "fr": "Ce stockage ne suit pas la synchronisation.",
        "en": "This store keeps no sync state.",
    },
    "web.auth.title": {"nl": "Toegang geweigerd", "fr": "Accès refusé", "en": "Access denied"},
    "web.auth.hint": {
        "nl": "Open de link die 'govlink serve' bij het starten toonde.",
        "fr": "Ouvrez le lien affiché par 'govlink serve' au démarrage.",
        "en": "Open the link 'govlink serve' printed when it started.",
    },
    "web.csrf.refused": {
        "nl": "Dit formulier is verlopen of komt niet van deze pagina; laad de pagina opnieuw.",
        "fr": "Ce formulaire a expiré ou ne vient pas de cette page ; rechargez la page.",
        "en": "This form expired or did not come from this page; reload the page.",
    },
    "web.error.not_found": {"nl": "Niet gevonden.", "fr": "Introuvable.", "en": "Not found."},
    "web.error.title": {
        "nl": "Er ging iets mis",
        "fr": "Un problème est survenu",
        "en": "Something went wrong",
    },
    # -- end of the web app -------------------------------------------------------------------
    # -- Company fields: column headers of the template, the overview and the tables --------
    "field.enterprise_number": {
        "nl": "Ondernemingsnummer",
        "fr": "Numéro d'entreprise",
        "en": "Enterprise number",
    },
    "field.name": {"nl": "Naam", "fr": "Nom", "en": "Name"},
    "field.legal_form": {"nl": "Rechtsvorm", "fr": "Forme juridique", "en": "Legal form"},
    "field.email": {"nl": "E-mail", "fr": "Courriel", "en": "Email"},
    "field.language": {"nl": "Taal", "fr": "Langue", "en": "Language"},
    "field.street": {"nl": "Straat", "fr": "Rue", "en": "Street"},
    "field.house_number": {"nl": "Huisnummer", "fr": "Numéro", "en": "Number"},
    "field.box": {"nl": "Bus", "fr": "Boîte", "en": "Box"},
    "field.postal_code": {"nl": "Postcode", "fr": "Code postal", "en": "Postal code"},
    "field.city": {"nl": "Gemeente", "fr": "Localité", "en": "City"},
    "field.country_code": {"nl": "Land", "fr": "Pays", "en": "Country"},
    "field.phone": {"nl": "Telefoon", "fr": "Téléphone", "en": "Phone"},
    "field.responsible": {"nl": "Verantwoordelijke", "fr": "Responsable", "en": "Responsible"},
    "field.customer_code": {"nl": "Klantcode", "fr": "Code client", "en": "Customer code"},
    # -- Why a row is invalid (one sentence per ReasonCode) ---------------------------------
    "reason.enterprise_number.missing": {
        "nl": "Het ondernemingsnummer ontbreekt.",
        "fr": "Le numéro d'entreprise manque.",
        "en": "The enterprise number is missing.",
    },
    "reason.enterprise_number.format": {
        "nl": "Dit is geen ondernemingsnummer: gebruik 10 cijfers, met of zonder punten en BE "
        "(0417.497.106).",
        "fr": "Ce n'est pas un numéro d'entreprise : utilisez 10 chiffres, avec ou sans points "
        "et BE (0417.497.106).",
        "en": "This is not an enterprise number: use 10 digits, with or without dots and BE "
        "(0417.497.106).",
    },
    "reason.enterprise_number.length": {
        "nl": "Een ondernemingsnummer heeft 10 cijfers; dit nummer heeft er een ander aantal.",
        "fr": "Un numéro d'entreprise compte 10 chiffres ; celui-ci en a un autre nombre.",
        "en": "An enterprise number has 10 digits; this one has a different number of digits.",
    },
    "reason.enterprise_number.checksum": {
        "nl": "De controlecijfers kloppen niet: waarschijnlijk een tikfout in het nummer.",
        "fr": "Les chiffres de contrôle ne correspondent pas : sans doute une faute de frappe.",
        "en": "The check digits do not match: probably a typing error in the number.",
    },
    "reason.enterprise_number.establishment_unit": {
        "nl": "Dit is het nummer van een vestigingseenheid, niet van de onderneming.",
        "fr": "C'est le numéro d'une unité d'établissement, pas celui de l'entreprise.",
        "en": "This is the number of an establishment unit, not of the enterprise.",
    },
    "reason.enterprise_number.placeholder": {
        "nl": "Het ondernemingsnummer is aangevraagd maar nog niet toegekend; vul het in zodra "
        "de KBO het toekent.",
        "fr": "Le numéro d'entreprise est demandé mais pas encore attribué ; complétez-le dès "
        "que la BCE l'attribue.",
        "en": "The enterprise number has been applied for but not assigned yet; fill it in once "
        "the KBO assigns it.",
    },
    "reason.enterprise_number.duplicate": {
        "nl": "Hetzelfde ondernemingsnummer staat ook op rij {others}.",
        "fr": "Le même numéro d'entreprise figure aussi à la ligne {others}.",
        "en": "The same enterprise number is also on row {others}.",
    },
    "reason.enterprise_number.duplicate.records": {
        "nl": "Hetzelfde ondernemingsnummer staat ook bij {others}.",
        "fr": "Le même numéro d'entreprise figure aussi dans {others}.",
        "en": "The same enterprise number is also in {others}.",
    },
    "reason.enterprise_number.conflict": {
        "nl": "De velden bevatten verschillende ondernemingsnummers ({numbers}).",
        "fr": "Les champs contiennent des numéros d'entreprise différents ({numbers}).",
        "en": "The fields hold different enterprise numbers ({numbers}).",
    },
    "reason.name.missing": {
        "nl": "De naam van het bedrijf ontbreekt.",
        "fr": "Le nom de l'entreprise manque.",
        "en": "The company name is missing.",
    },
    "reason.email.invalid": {
        "nl": "Dit is geen geldig e-mailadres (één adres, zoals info@bedrijf.be).",
        "fr": "Ce n'est pas une adresse e-mail valide (une seule adresse, comme "
        "info@entreprise.be).",
        "en": "This is not a valid e-mail address (one address, such as info@company.be).",
    },
    "reason.language.invalid": {
        "nl": "Onbekende taal: gebruik nl, fr, de of en.",
        "fr": "Langue inconnue : utilisez nl, fr, de ou en.",
        "en": "Unknown language: use nl, fr, de or en.",
    },
    "reason.value.control_characters": {
        "nl": "De waarde bevat onzichtbare stuurtekens; typ ze opnieuw.",
        "fr": "La valeur contient des caractères de contrôle invisibles ; retapez-la.",
        "en": "The value holds invisible control characters; type it again.",
    },
    "reason.value.too_long": {
        "nl": "De waarde heeft {length} tekens, meer dan een cel bevat ({limit}).",
        "fr": "La valeur compte {length} caractères, plus qu'une cellule n'en contient ({limit}).",
        "en": "The value has {length} characters, more than a cell holds ({limit}).",
    },
    # -- Warnings (one sentence per WarningCode) --------------------------------------------
    "warning.responsible.missing": {
        "nl": "Er is geen verantwoordelijke collega ingevuld.",
        "fr": "Aucun collègue responsable n'est indiqué.",
        "en": "No responsible colleague is set.",
    },
    "warning.responsible.unknown": {
        "nl": "De verantwoordelijke {responsible} is geen gekende collega.",
        "fr": "Le responsable {responsible} n'est pas un collègue connu.",
        "en": "The responsible {responsible} is not a known colleague.",
    },
    "warning.responsible.not_email": {
        "nl": "De verantwoordelijke {responsible} is geen e-mailadres: meldingen bereiken "
        "hem of haar niet.",
        "fr": "Le responsable {responsible} n'est pas une adresse e-mail : les alertes ne "
        "peuvent pas l'atteindre.",
        "en": "The responsible {responsible} is not an e-mail address, so alerts cannot "
        "reach them.",
    },
    "warning.company.archived": {
        "nl": "{number} is gearchiveerd: de import mag het bijwerken, maar het wordt niet "
        "gesynchroniseerd tot het hersteld is (govlink companies restore {number}).",
        "fr": "{number} est archivée : l'import peut la mettre à jour, mais elle n'est pas "
        "synchronisée avant d'être restaurée (govlink companies restore {number}).",
        "en": "{number} is archived: the import can update it, but it is not synced until "
        "restored (govlink companies restore {number}).",
    },
    # -- The import preview ------------------------------------------------------------------
    "preview.title": {
        "nl": "Import uit {source} ({location})",
        "fr": "Import depuis {source} ({location})",
        "en": "Import from {source} ({location})",
    },
    "preview.rows.one": {"nl": "{count} rij", "fr": "{count} ligne", "en": "{count} row"},
    "preview.rows.other": {"nl": "{count} rijen", "fr": "{count} lignes", "en": "{count} rows"},
    "preview.only_in_source": {
        "nl": "{count} alleen in de import",
        "fr": "{count} uniquement dans l'import",
        "en": "{count} only in import",
    },
    "preview.only_in_platform": {
        "nl": "{count} alleen op het platform",
        "fr": "{count} uniquement sur la plateforme",
        "en": "{count} only on the platform",
    },
    "preview.matching": {
        "nl": "{count} overeenkomend ({changed} met wijzigingen)",
        "fr": "{count} correspondants ({changed} avec modifications)",
        "en": "{count} matching ({changed} with changes)",
    },
    "preview.invalid": {
        "nl": "{count} ongeldig",
        "fr": "{count} non valides",
        "en": "{count} invalid",
    },
    "preview.skipped": {
        "nl": "{count} buiten beschouwing ({reasons})",
        "fr": "{count} hors champ ({reasons})",
        "en": "{count} out of scope ({reasons})",
    },
    "preview.unknown_columns": {
        "nl": "Niet ingelezen kolommen (onbekende koppen): {columns}",
        "fr": "Colonnes non importées (en-têtes inconnus) : {columns}",
        "en": "Columns not imported (unknown headers): {columns}",
    },
    "section.only_in_source": {
        "nl": "Alleen in de import ({count}): nieuwe bedrijven",
        "fr": "Uniquement dans l'import ({count}) : nouvelles entreprises",
        "en": "Only in import ({count}): new companies",
    },
    "section.only_in_platform": {
        "nl": "Alleen op het platform ({count}): mogelijk geen klant meer",
        "fr": "Uniquement sur la plateforme ({count}) : peut-être d'anciens clients",
        "en": "Only on the platform ({count}): possibly no longer clients",
    },
    "section.matching": {
        "nl": "Overeenkomend ({count}): {changed} met wijzigingen, {unchanged} ongewijzigd",
        "fr": "Correspondants ({count}) : {changed} avec modifications, {unchanged} inchangés",
        "en": "Matching ({count}): {changed} with changes, {unchanged} unchanged",
    },
    "section.invalid": {
        "nl": "Ongeldig ({count}): rijen die niet ingelezen kunnen worden",
        "fr": "Non valides ({count}) : lignes qui ne peuvent pas être importées",
        "en": "Invalid ({count}): rows that cannot be imported",
    },
    "section.warnings": {
        "nl": "Waarschuwingen ({count})",
        "fr": "Avertissements ({count})",
        "en": "Warnings ({count})",
    },
    "section.would_add": {
        "nl": "Zou toevoegen ({count})",
        "fr": "Ajouterait ({count})",
        "en": "Would add ({count})",
    },
    "section.would_overwrite.one": {
        "nl": "Zou overschrijven ({count} bedrijf)",
        "fr": "Écraserait ({count} entreprise)",
        "en": "Would overwrite ({count} company)",
    },
    "section.would_overwrite.other": {
        "nl": "Zou overschrijven ({count} bedrijven)",
        "fr": "Écraserait ({count} entreprises)",
        "en": "Would overwrite ({count} companies)",
    },
    "section.updated": {"nl": "Bijgewerkt", "fr": "Mis à jour", "en": "Updated"},
    "section.archived_companies": {
        "nl": "Gearchiveerde bedrijven",
        "fr": "Entreprises archivées",
        "en": "Archived companies",
    },
    "column.archived": {"nl": "gearchiveerd", "fr": "archivée", "en": "archived"},
    "section.companies": {
        "nl": "Bedrijven op het platform",
        "fr": "Entreprises sur la plateforme",
        "en": "Companies on the platform",
    },
    "section.none": {"nl": "  geen", "fr": "  aucune", "en": "  none"},
    "section.more": {
        "nl": "+{count} meer ({more})",
        "fr": "+{count} de plus ({more})",
        "en": "+{count} more ({more})",
    },
    "section.more.report": {
        "nl": "zie --report of --json",
        "fr": "voir --report ou --json",
        "en": "see --report or --json",
    },
    "section.more.companies": {
        "nl": "--all, --search of --json toont ze",
        "fr": "--all, --search ou --json les affiche",
        "en": "--all, --search or --json shows them",
    },
    "column.row": {"nl": "Rij", "fr": "Ligne", "en": "Row"},
    "column.column": {"nl": "Kolom", "fr": "Colonne", "en": "Column"},
    "column.value": {"nl": "Waarde", "fr": "Valeur", "en": "Value"},
    "column.reason": {"nl": "Reden", "fr": "Raison", "en": "Reason"},
    "column.code": {"nl": "Code", "fr": "Code", "en": "Code"},
    "column.field": {"nl": "Veld", "fr": "Champ", "en": "Field"},
    "column.import": {"nl": "Import", "fr": "Import", "en": "Import"},
    "column.platform": {"nl": "Platform", "fr": "Plateforme", "en": "Platform"},
    "column.warning": {"nl": "Waarschuwing", "fr": "Avertissement", "en": "Warning"},
    "column.before": {"nl": "Voor", "fr": "Avant", "en": "Before"},
    "column.after": {"nl": "Na", "fr": "Après", "en": "After"},
    "column.fields": {"nl": "Velden", "fr": "Champs", "en": "Fields"},
    "column.status": {"nl": "Status", "fr": "Statut", "en": "Status"},
    "column.record": {"nl": "Record", "fr": "Enregistrement", "en": "Record"},
    "column.add": {"nl": "Toevoegen", "fr": "Ajouter", "en": "Add"},
    "column.overwrite": {"nl": "Overschrijven", "fr": "Écraser", "en": "Overwrite"},
    "hint.preview": {
        "nl": "Er werd niets geschreven. Voorbeeldcode {token}. Voer opnieuw uit met --apply "
        "--token {token} om precies dit toe te passen (--select/--exclude NUMMER,... om bedrijven "
        "te kiezen, --overwrite [NUMMER:]VELD,...|all om overeenkomsten bij te werken).",
        "fr": "Rien n'a été écrit. Code d'aperçu {token}. Relancez avec --apply --token {token} "
        "pour appliquer exactement ceci (--select/--exclude NUMÉRO,... pour choisir des "
        "entreprises, --overwrite [NUMÉRO:]CHAMP,...|all pour mettre à jour les correspondances).",
        "en": "Nothing was written. Preview token {token}. Run again with --apply --token {token} "
        "to apply exactly this (--select/--exclude NUMBER,... to pick companies, "
        "--overwrite [NUMBER:]FIELD,...|all to update matches).",
    },
    "hint.selection": {
        "nl": "Er werd niets geschreven. Voer opnieuw uit met --apply om precies wat {path} "
        "kiest toe te passen (voorbeeldcode {token}).",
        "fr": "Rien n'a été écrit. Relancez avec --apply pour appliquer exactement ce que {path} "
        "sélectionne (code d'aperçu {token}).",
        "en": "Nothing was written. Run again with --apply to apply exactly what {path} selects "
        "(preview token {token}).",
    },
    "preview.changed": {
        "nl": "het platform of de bron is gewijzigd sinds voorbeeld {token} (nu {current}); "
        "bekijk opnieuw, er werd niets geschreven",
        "fr": "la plateforme ou la source a changé depuis l'aperçu {token} (maintenant "
        "{current}) ; refaites l'aperçu, rien n'a été écrit",
        "en": "the platform or the source changed since preview {token} (now {current}); "
        "preview again, nothing was written",
    },
    "confirm.apply": {
        "nl": "Voorbeeld {token} toepassen?",
        "fr": "Appliquer l'aperçu {token} ?",
        "en": "Apply preview {token}?",
    },
    "applied.summary": {
        "nl": "Importrun {run} toegepast: {added} bedrijven toegevoegd, {updated} bijgewerkt.",
        "fr": "Import {run} appliqué : {added} entreprises ajoutées, {updated} mises à jour.",
        "en": "Applied import run {run}: added {added} companies, updated {updated}.",
    },
    "report.written": {
        "nl": "Overzichtswerkmap geschreven naar {path}",
        "fr": "Classeur récapitulatif écrit dans {path}",
        "en": "Overview workbook written to {path}",
    },
    "template.written": {
        "nl": "Sjabloon geschreven naar {path}",
        "fr": "Modèle écrit dans {path}",
        "en": "Template written to {path}",
    },
    # -- The overview workbook ---------------------------------------------------------------
    "sheet.summary": {"nl": "Overzicht", "fr": "Résumé", "en": "Summary"},
    "sheet.only_in_source": {
        "nl": "Alleen in import",
        "fr": "Uniquement dans import",
        "en": "Only in import",
    },
    "sheet.only_in_platform": {
        "nl": "Alleen op platform",
        "fr": "Uniquement sur plateforme",
        "en": "Only on platform",
    },
    "sheet.matching": {"nl": "Overeenkomend", "fr": "Correspondants", "en": "Matching"},
    "sheet.invalid": {"nl": "Ongeldig", "fr": "Non valides", "en": "Invalid"},
    "sheet.warnings": {"nl": "Waarschuwingen", "fr": "Avertissements", "en": "Warnings"},
    "summary.source": {"nl": "Bron", "fr": "Source", "en": "Source"},
    "summary.location": {"nl": "Bestand", "fr": "Fichier", "en": "File"},
    "summary.date": {"nl": "Datum", "fr": "Date", "en": "Date"},
    "summary.token": {"nl": "Voorbeeldcode", "fr": "Code d'aperçu", "en": "Preview token"},
    "summary.rows": {"nl": "Rijen", "fr": "Lignes", "en": "Rows"},
    "summary.only_in_source": {
        "nl": "Alleen in de import",
        "fr": "Uniquement dans l'import",
        "en": "Only in import",
    },
    "summary.only_in_platform": {
        "nl": "Alleen op het platform",
        "fr": "Uniquement sur la plateforme",
        "en": "Only on the platform",
    },
    "summary.matching": {"nl": "Overeenkomend", "fr": "Correspondants", "en": "Matching"},
    "summary.changed": {
        "nl": "Overeenkomend met wijzigingen",
        "fr": "Correspondants avec modifications",
        "en": "Matching with changes",
    },
    "summary.invalid": {"nl": "Ongeldig", "fr": "Non valides", "en": "Invalid"},
    "summary.warnings": {"nl": "Waarschuwingen", "fr": "Avertissements", "en": "Warnings"},
    "summary.added": {"nl": "Toegevoegd", "fr": "Ajoutées", "en": "Added"},
    "summary.updated": {"nl": "Bijgewerkt", "fr": "Mises à jour", "en": "Updated"},
    "summary.how": {
        "nl": "Zet een x in de kolom '{add}' van '{new}' om een bedrijf toe te voegen, en "
        "vul in de kolom '{overwrite}' van '{matching}' de velden in die overschreven mogen "
        "worden (bv. email, name of all). Bewaar en voer dan uit: govlink import BRON --apply "
        "--selection DEZE-WERKMAP.xlsx",
        "fr": "Mettez un x dans la colonne « {add} » de « {new} » pour ajouter une entreprise, "
        "et indiquez dans la colonne « {overwrite} » de « {matching} » les champs à écraser "
        "(p. ex. email, name ou all). Enregistrez puis lancez : govlink import SOURCE --apply "
        "--selection CE-CLASSEUR.xlsx",
        "en": "Put an x in the '{add}' column of '{new}' to add a company, and list the fields "
        "to overwrite in the '{overwrite}' column of '{matching}' (e.g. email, name or all). "
        "Save, then run: govlink import SOURCE --apply --selection THIS-WORKBOOK.xlsx",
    },
    "status.overwritten": {"nl": "overschreven", "fr": "écrasé", "en": "overwritten"},
    "status.changed": {"nl": "gewijzigd", "fr": "modifié", "en": "changed"},
    "status.unchanged": {"nl": "ongewijzigd", "fr": "inchangé", "en": "unchanged"},
    "overview.import": {
        "nl": "{field} (import)",
        "fr": "{field} (import)",
        "en": "{field} (import)",
    },
    "overview.platform": {
        "nl": "{field} (platform)",
        "fr": "{field} (plateforme)",
        "en": "{field} (platform)",
    },
    # -- Feeding the overview workbook back (import --selection) -----------------------------
    "selection.stale": {
        "nl": "{path} hoort bij voorbeeld {token}, maar de import of het platform is sindsdien "
        "gewijzigd (nu {current}); maak een nieuw overzicht met --report, er werd niets "
        "geschreven",
        "fr": "{path} correspond à l'aperçu {token}, mais l'import ou la plateforme a changé "
        "depuis (maintenant {current}) ; refaites un récapitulatif avec --report, rien n'a été "
        "écrit",
        "en": "{path} belongs to preview {token}, but the import or the platform changed since "
        "(now {current}); make a new overview with --report, nothing was written",
    },
    "selection.not_overview": {
        "nl": "{path} is geen overzichtswerkmap van govlink (geen voorbeeldcode); maak er een "
        "met --report",
        "fr": "{path} n'est pas un classeur récapitulatif de govlink (pas de code d'aperçu) ; "
        "créez-en un avec --report",
        "en": "{path} is not a govlink overview workbook (no preview token); make one with "
        "--report",
    },
    "selection.unknown_field": {
        "nl": "{path}, blad '{sheet}' rij {row}: '{value}' is geen veld dat overschreven mag "
        "worden; gebruik {fields} of all",
        "fr": "{path}, feuille « {sheet} » ligne {row} : « {value} » n'est pas un champ qui peut "
        "être écrasé ; utilisez {fields} ou all",
        "en": "{path}, sheet '{sheet}' row {row}: '{value}' is not a field that may be "
        "overwritten; use {fields} or all",
    },
    "selection.bad_number": {
        "nl": "{path}, blad '{sheet}' rij {row}: '{value}' is geen ondernemingsnummer",
        "fr": "{path}, feuille « {sheet} » ligne {row} : « {value} » n'est pas un numéro "
        "d'entreprise",
        "en": "{path}, sheet '{sheet}' row {row}: '{value}' is not an enterprise number",
    },
    "selection.missing_sheet": {
        "nl": "{path} mist het blad '{sheet}'; maak een nieuw overzicht met --report",
        "fr": "il manque la feuille « {sheet} » dans {path} ; refaites un récapitulatif avec "
        "--report",
        "en": "{path} lacks the sheet '{sheet}'; make a new overview with --report",
    },
    # -- The command's own lines (every command) -------------------------------------------
    "cli.none": {"nl": "(geen)", "fr": "(aucun)", "en": "(none)"},
    "plan.none": {"nl": "geen", "fr": "aucune", "en": "none"},
    "cli.aborted": {"nl": "afgebroken", "fr": "abandonné", "en": "aborted"},
    "cli.interrupted": {
        "nl": "onderbroken (Ctrl-C)",
        "fr": "interrompu (Ctrl-C)",
        "en": "interrupted (Ctrl-C)",
    },
    "cli.interrupted_after": {
        "nl": "onderbroken (Ctrl-C), maar {done}",
        "fr": "interrompu (Ctrl-C), mais {done}",
        "en": "interrupted (Ctrl-C) after {done}",
    },
    "cli.after_commit": {
        "nl": "{done}, maar daarna: {failure}",
        "fr": "{done}, mais ensuite : {failure}",
        "en": "{done}, but then: {failure}",
    },
    "cli.internal_error": {
        "nl": "interne fout ({kind}); probeer opnieuw met --debug voor de details",
        "fr": "erreur interne ({kind}) ; relancez avec --debug pour les détails",
        "en": "internal error ({kind}); rerun with --debug for details",
    },
    "cli.needs_excel": {
        "nl": "{what} heeft de excel-extra nodig: pip install 'govlink[excel]'",
        "fr": "{what} nécessite l'extra excel : pip install 'govlink[excel]'",
        "en": "{what} needs the excel extra: pip install 'govlink[excel]'",
    },
    "cli.store_is_directory": {
        "nl": "{path} is een map, geen opslagbestand",
        "fr": "{path} est un dossier, pas un fichier de base de données",
        "en": "{path} is a directory, not a store file",
    },
    "cli.the_template": {"nl": "het sjabloon", "fr": "le modèle", "en": "the template"},
    "import.applied_run": {
        "nl": "de import werd toegepast (run {run})",
        "fr": "l'import a été appliqué (passage {run})",
        "en": "the import was applied (run {run})",
    },
    "progress.reading": {"nl": "inlezen", "fr": "lecture", "en": "reading"},
    "progress.applying": {"nl": "toepassen", "fr": "application", "en": "applying"},
    "progress.pushing": {"nl": "doorsturen", "fr": "envoi", "en": "pushing"},
    # -- The library's errors as the command prints them (one sentence per error code) ------
    "error.govlink.error": {
        "nl": "Dat lukte niet.",
        "fr": "Cela n'a pas fonctionné.",
        "en": "That did not work.",
    },
    "error.domain.error": {
        "nl": "Deze gegevens kloppen niet.",
        "fr": "Ces données ne sont pas correctes.",
        "en": "This data is not right.",
    },
    "error.enterprise_number.format": {
        "nl": "Dit is geen geldig ondernemingsnummer.",
        "fr": "Ce n'est pas un numéro d'entreprise valable.",
        "en": "This is not a valid enterprise number.",
    },
    "error.document.invalid": {
        "nl": "Dit document kan niet bewaard worden.",
        "fr": "Ce document ne peut pas être enregistré.",
        "en": "This document cannot be stored.",
    },
    "error.document.unknown_company": {
        "nl": "Deze onderneming staat niet op het platform.",
        "fr": "Cette entreprise n'est pas sur la plateforme.",
        "en": "This company is not on the platform.",
    },
    "error.company.unknown": {
        "nl": "Deze onderneming staat niet op het platform.",
        "fr": "Cette entreprise n'est pas sur la plateforme.",
        "en": "This company is not on the platform.",
    },
    "error.planner.input": {
        "nl": "De planning kan met deze gegevens niet gemaakt worden.",
        "fr": "La planification est impossible avec ces données.",
        "en": "The plan cannot be made with this input.",
    },
    "error.planner.capacity": {
        "nl": "De toegelaten tijdvakken bieden niet genoeg plaats voor alle ondernemingen.",
        "fr": "Les créneaux autorisés n'ont pas assez de place pour toutes les entreprises.",
        "en": "The allowed slots do not have room for every company.",
    },
    "error.planner.config": {
        "nl": "Een instelling van de planning is ongeldig.",
        "fr": "Un paramètre de la planification n'est pas valable.",
        "en": "A planning setting is not valid.",
    },
    "error.planner.spec": {
        "nl": "De tijdvensters of het tijdvak zijn ongeldig.",
        "fr": "Les plages horaires ou le créneau ne sont pas valables.",
        "en": "The windows or the slot are not valid.",
    },
    "error.planner.saved": {
        "nl": "De bewaarde syncplanning kan niet gelezen worden.",
        "fr": "La planification enregistrée ne peut pas être lue.",
        "en": "The saved sync plan cannot be read.",
    },
    "error.planner.no_plan": {
        "nl": "Er is nog geen syncplanning: maak er eerst een met govlink plan.",
        "fr": "Il n'y a pas encore de planification : créez-en une avec govlink plan.",
        "en": "There is no sync plan yet: make one with govlink plan first.",
    },
    "error.planner.moment": {
        "nl": "Dit tijdstip kan niet gelezen worden.",
        "fr": "Ce moment ne peut pas être lu.",
        "en": "This moment cannot be read.",
    },
    "error.plugin.error": {
        "nl": "Een plug-in gaf een fout.",
        "fr": "Un plug-in a signalé une erreur.",
        "en": "A plugin failed.",
    },
    "error.plugin.sink": {
        "nl": "Kies de bestemming met --sink.",
        "fr": "Choisissez la destination avec --sink.",
        "en": "Choose the sink with --sink.",
    },
    "error.plugin.sink_off": {
        "nl": "Deze bestemming staat uit: zet ze aan met govlink sink enable.",
        "fr": "Cette destination est désactivée : activez-la avec govlink sink enable.",
        "en": "This sink is off: switch it on with govlink sink enable.",
    },
    "error.source.error": {
        "nl": "De bron kan niet gelezen worden.",
        "fr": "La source ne peut pas être lue.",
        "en": "The source cannot be read.",
    },
    "error.source.unknown": {
        "nl": "Deze bron is onbekend: geef een .xlsx-bestand of de naam van een bron.",
        "fr": "Source inconnue : donnez un fichier .xlsx ou le nom d'une source.",
        "en": "Unknown source: give an .xlsx file or the name of a source.",
    },
    "error.source.workbook": {
        "nl": "De Excel-werkmap kan niet gelezen worden.",
        "fr": "Le classeur Excel ne peut pas être lu.",
        "en": "The Excel workbook cannot be read.",
    },
    "error.source.not_xlsx": {
        "nl": "Dit bestand is geen Excel-werkmap (.xlsx).",
        "fr": "Ce fichier n'est pas un classeur Excel (.xlsx).",
        "en": "This file is not an Excel workbook (.xlsx).",
    },
    "error.source.encrypted": {
        "nl": "De werkmap is met een wachtwoord beveiligd: sla ze zonder wachtwoord op.",
        "fr": "Le classeur est protégé par un mot de passe : enregistrez-le sans mot de passe.",
        "en": "The workbook is protected by a password: save it without one.",
    },
    "error.source.unsafe": {
        "nl": "De werkmap is geweigerd omdat ze niet veilig te lezen is.",
        "fr": "Le classeur est refusé parce qu'il n'est pas sûr à lire.",
        "en": "The workbook was refused because it is not safe to read.",
    },
    "error.source.too_large": {
        "nl": "De werkmap is te groot.",
        "fr": "Le classeur est trop volumineux.",
        "en": "The workbook is too large.",
    },
    "error.source.xml_entities": {
        "nl": "De werkmap is geweigerd omdat ze niet veilig te lezen is.",
        "fr": "Le classeur est refusé parce qu'il n'est pas sûr à lire.",
        "en": "The workbook was refused because it is not safe to read.",
    },
    "error.source.corrupt": {
        "nl": "De werkmap is beschadigd.",
        "fr": "Le classeur est endommagé.",
        "en": "The workbook is damaged.",
    },
    "error.source.empty": {
        "nl": "De werkmap is leeg.",
        "fr": "Le classeur est vide.",
        "en": "The workbook is empty.",
    },
    "error.source.sheet_not_found": {
        "nl": "Dit werkblad staat niet in de werkmap.",
        "fr": "Cette feuille n'est pas dans le classeur.",
        "en": "This sheet is not in the workbook.",
    },
    "error.source.no_header": {
        "nl": "Er is geen kolom met het ondernemingsnummer gevonden.",
        "fr": "Aucune colonne avec le numéro d'entreprise n'a été trouvée.",
        "en": "No column with the enterprise number was found.",
    },
    "error.source.missing_extra": {
        "nl": "Excel-bestanden lezen vraagt de excel-extra: pip install 'govlink[excel]'.",
        "fr": "Lire des fichiers Excel nécessite l'extra excel : pip install 'govlink[excel]'.",
        "en": "Reading Excel files needs the excel extra: pip install 'govlink[excel]'.",
    },
    "error.source.not_found": {
        "nl": "Het bestand bestaat niet; controleer de naam en de map.",
        "fr": "Le fichier n'existe pas ; vérifiez le nom et le dossier.",
        "en": "The file does not exist; check the name and the folder.",
    },
    "error.source.xls": {
        "nl": "Dit is een oude Excel-werkmap (.xls): sla ze op als .xlsx.",
        "fr": "C'est un ancien classeur Excel (.xls) : enregistrez-le en .xlsx.",
        "en": "This is an old Excel workbook (.xls): save it as .xlsx.",
    },
    "error.source.csv": {
        "nl": "Dit is een tekstbestand (CSV), geen Excel-werkmap: sla het op als .xlsx.",
        "fr": "C'est un fichier texte (CSV), pas un classeur Excel : enregistrez-le en .xlsx.",
        "en": "This is a text (CSV) file, not an Excel workbook: save it as .xlsx.",
    },
    "error.source.zip_bomb": {
        "nl": "De werkmap is geweigerd: uitgepakt zou ze veel te groot worden.",
        "fr": "Le classeur est refusé : décompressé, il deviendrait beaucoup trop volumineux.",
        "en": "The workbook was refused: unpacked it would become far too large.",
    },
    "error.source.template_language": {
        "nl": "Het sjabloon bestaat in het Nederlands, Frans en Engels (nl, fr, en).",
        "fr": "Le modèle existe en néerlandais, français et anglais (nl, fr, en).",
        "en": "The template exists in Dutch, French and English (nl, fr, en).",
    },
    "error.source.write": {
        "nl": "Het bestand kan niet geschreven worden; controleer de map en uw rechten.",
        "fr": "Le fichier ne peut pas être écrit ; vérifiez le dossier et vos droits.",
        "en": "The file cannot be written; check the folder and your permissions.",
    },
    "error.platform.duplicate": {
        "nl": "Het platform heeft hetzelfde ondernemingsnummer twee keer.",
        "fr": "La plateforme a deux fois le même numéro d'entreprise.",
        "en": "The platform has the same enterprise number twice.",
    },
    "error.selection.field": {
        "nl": "Dit veld kan niet overschreven worden.",
        "fr": "Ce champ ne peut pas être écrasé.",
        "en": "This field cannot be overwritten.",
    },
    "error.selection.add": {
        "nl": "Alleen nieuwe ondernemingen kunnen toegevoegd worden.",
        "fr": "Seules les nouvelles entreprises peuvent être ajoutées.",
        "en": "Only new companies can be added.",
    },
    "error.selection.company": {
        "nl": "Velden overschrijven kan alleen bij een onderneming die in beide lijsten staat.",
        "fr": "On ne peut écraser des champs que pour une entreprise présente des deux côtés.",
        "en": "Fields can only be overwritten for a company on both sides.",
    },
    "error.selection.exclude": {
        "nl": "Deze onderneming staat niet in deze import.",
        "fr": "Cette entreprise n'est pas dans cet import.",
        "en": "This company is not in this import.",
    },
    "error.source.costs": {
        "nl": "Het kostenbestand kan niet gelezen worden.",
        "fr": "Le fichier des coûts ne peut pas être lu.",
        "en": "The costs file cannot be read.",
    },
    "error.source.unknown_template": {
        "nl": "Deze AdminPulse-sjabloon is onbekend.",
        "fr": "Ce modèle AdminPulse est inconnu.",
        "en": "This AdminPulse template is unknown.",
    },
    "error.store.error": {
        "nl": "De opslag kan dit niet verwerken.",
        "fr": "La base de données ne peut pas traiter ceci.",
        "en": "The store cannot do this.",
    },
    "error.store.stale": {
        "nl": "De opslag is intussen gewijzigd; er werd niets geschreven, probeer opnieuw.",
        "fr": "La base de données a changé entre-temps ; rien n'a été écrit, réessayez.",
        "en": "The store changed meanwhile; nothing was written, try again.",
    },
    "error.store.foreign": {
        "nl": "Dit bestand is geen govlink-opslag (het bleef ongewijzigd).",
        "fr": "Ce fichier n'est pas une base govlink (il est resté inchangé).",
        "en": "This file is not a govlink store (it was left unchanged).",
    },
    "error.store.version": {
        "nl": "De opslag is van een nieuwere govlink: werk govlink bij.",
        "fr": "La base vient d'un govlink plus récent : mettez govlink à jour.",
        "en": "The store is from a newer govlink: upgrade govlink.",
    },
    "error.store.outdated": {
        "nl": "De opslag moet bijgewerkt worden; elke schrijvende opdracht doet dat.",
        "fr": "La base doit être mise à jour ; toute commande qui écrit le fait.",
        "en": "The store needs migrating; any writing command does it.",
    },
    "error.store.extra": {
        "nl": "Een PostgreSQL-opslag heeft de postgres-extra nodig: pip install "
        "'govlink[postgres]'.",
        "fr": "Une base PostgreSQL nécessite l'extra postgres : pip install 'govlink[postgres]'.",
        "en": "A PostgreSQL store needs the postgres extra: pip install 'govlink[postgres]'.",
    },
    "error.store.office": {
        "nl": "Dit kantoor staat niet in de opslag of de naam is ongeldig.",
        "fr": "Ce cabinet n'est pas dans la base ou son nom n'est pas valable.",
        "en": "This office is not in the store or its name is not valid.",
    },
    "error.store.not_found": {
        "nl": "Niet gevonden (er werd niets gewijzigd).",
        "fr": "Introuvable (rien n'a été modifié).",
        "en": "Not found (nothing was changed).",
    },
    "error.connector.error": {
        "nl": "Het platform gaf een fout.",
        "fr": "La plateforme a renvoyé une erreur.",
        "en": "The platform returned an error.",
    },
    "error.connector.configuration": {
        "nl": "Een instelling ontbreekt of is ongeldig.",
        "fr": "Un paramètre manque ou n'est pas valable.",
        "en": "A setting is missing or not valid.",
    },
    "error.connector.fatal": {
        "nl": "Het platform weigerde de vraag.",
        "fr": "La plateforme a refusé la demande.",
        "en": "The platform refused the request.",
    },
    "error.connector.retriable": {
        "nl": "Het platform antwoordt nu niet; probeer later opnieuw.",
        "fr": "La plateforme ne répond pas pour l'instant ; réessayez plus tard.",
        "en": "The platform does not answer now; try again later.",
    },
    "error.connector.unreachable": {
        "nl": "Het platform is niet bereikbaar; controleer de verbinding en probeer opnieuw.",
        "fr": "La plateforme est injoignable ; vérifiez la connexion et réessayez.",
        "en": "The platform cannot be reached; check the connection and try again.",
    },
    "error.connector.rate_limited": {
        "nl": "Het platform vraagt om trager te gaan; probeer later opnieuw.",
        "fr": "La plateforme demande de ralentir ; réessayez plus tard.",
        "en": "The platform asks to slow down; try again later.",
    },
    "error.connector.uncertain": {
        "nl": "Het is niet zeker of het platform dit ontving; kijk het na voor u opnieuw probeert.",
        "fr": "Il n'est pas certain que la plateforme l'ait reçu ; vérifiez avant de réessayer.",
        "en": "It is not certain the platform received it; check before trying again.",
    },
    "error.connector.pagination": {
        "nl": "Het platform gaf een onvolledige lijst.",
        "fr": "La plateforme a renvoyé une liste incomplète.",
        "en": "The platform returned an incomplete list.",
    },
    "error.connector.unstable_listing": {
        "nl": "De lijst van het platform veranderde tijdens het lezen; probeer opnieuw.",
        "fr": "La liste de la plateforme a changé pendant la lecture ; réessayez.",
        "en": "The platform's list changed while it was read; try again.",
    },
    "error.settings.unknown": {
        "nl": "Deze instelling bestaat niet.",
        "fr": "Ce paramètre n'existe pas.",
        "en": "There is no such setting.",
    },
    "error.settings.secret": {
        "nl": "Een geheime instelling hoort in de omgeving, niet in de opslag.",
        "fr": "Un paramètre secret va dans l'environnement, pas dans la base.",
        "en": "A secret setting goes in the environment, not in the store.",
    },
    # -- govlink import: its option errors, and outputs that would overwrite an input -----
    "import.no_folder": {
        "nl": "de map van {path} bestaat niet",
        "fr": "le dossier de {path} n'existe pas",
        "en": "the folder of {path} does not exist",
    },
    "import.exclude_all": {
        "nl": "verwacht ondernemingsnummers, niet all",
        "fr": "attend des numéros d'entreprise, pas all",
        "en": "takes enterprise numbers, not all",
    },
    "import.token_needs_apply": {
        "nl": "--token gaat alleen samen met --apply",
        "fr": "--token ne va qu'avec --apply",
        "en": "--token needs --apply",
    },
    "import.selection_alone": {
        "nl": "--selection neemt de keuze uit de werkmap; laat --select, --exclude en "
        "--overwrite weg",
        "fr": "--selection prend le choix dans le classeur ; omettez --select, --exclude et "
        "--overwrite",
        "en": "--selection takes the choice from the workbook; leave out --select, --exclude "
        "and --overwrite",
    },
    "paths.store": {
        "nl": "de opslag ({path})",
        "fr": "la base de données ({path})",
        "en": "the store ({path})",
    },
    "paths.store_file": {
        "nl": "een bestand van de opslag ({path})",
        "fr": "un fichier de la base de données ({path})",
        "en": "a file of the store ({path})",
    },
    "paths.source": {
        "nl": "de bron ({path})",
        "fr": "la source ({path})",
        "en": "the source ({path})",
    },
    "paths.selection": {
        "nl": "de selectie ({path})",
        "fr": "la sélection ({path})",
        "en": "the selection ({path})",
    },
    "paths.would_destroy": {
        "nl": "{path} is {what}; overschrijven zou de inhoud vernietigen, kies een ander pad",
        "fr": "{path} est {what} ; l'écraser en détruirait le contenu, choisissez un autre chemin",
        "en": "{path} is {what}; writing it would destroy it, choose another path",
    },
    # -- govlink plan and govlink due -------------------------------------------------------
    "day.0": {"nl": "ma", "fr": "lun", "en": "Mon"},
    "day.1": {"nl": "di", "fr": "mar", "en": "Tue"},
    "day.2": {"nl": "wo", "fr": "mer", "en": "Wed"},
    "day.3": {"nl": "do", "fr": "jeu", "en": "Thu"},
    "day.4": {"nl": "vr", "fr": "ven", "en": "Fri"},
    "day.5": {"nl": "za", "fr": "sam", "en": "Sat"},
    "day.6": {"nl": "zo", "fr": "dim", "en": "Sun"},
    "plan.bad_moment": {
        "nl": "{value} is geen ISO-datum en -tijd (bv. 2026-03-23T09:00 of 2026-03-23T09:00+01:00)",
        "fr": "{value} n'est pas une date et heure ISO (p. ex. 2026-03-23T09:00 ou "
        "2026-03-23T09:00+01:00)",
        "en": "{value} is not an ISO date-time (e.g. 2026-03-23T09:00 or 2026-03-23T09:00+01:00)",
    },
    "plan.bad_capacity": {
        "nl": "{value} is geen positief getal en geen none",
        "fr": "{value} n'est ni un nombre positif ni none",
        "en": "{value} is not a positive number or none",
    },
    "plan.title": {
        "nl": "Syncplanning",
        "fr": "Planification des synchronisations",
        "en": "Sync plan",
    },
    "plan.summary.size": {
        "nl": "{companies} ondernemingen · {slots} toegelaten tijdvakken van {minutes} min "
        "({timezone}) · gemaakt {made}",
        "fr": "{companies} entreprises · {slots} créneaux autorisés de {minutes} min "
        "({timezone}) · établie le {made}",
        "en": "{companies} companies · {slots} allowed slots of {minutes} min ({timezone}) · "
        "made {made}",
    },
    "plan.summary.windows": {
        "nl": "vensters {windows} · geblokkeerd {blocked} · capaciteit {capacity}",
        "fr": "plages {windows} · bloquées {blocked} · capacité {capacity}",
        "en": "windows {windows} · blocked {blocked} · capacity {capacity}",
    },
    "plan.summary.capacity": {
        "nl": "{capacity} per tijdvak",
        "fr": "{capacity} par créneau",
        "en": "{capacity} per slot",
    },
    "plan.summary.cost": {
        "nl": "totale kost {total} · gemiddeld per tijdvak {mean}",
        "fr": "coût total {total} · moyenne par créneau {mean}",
        "en": "total cost {total} · mean per slot {mean}",
    },
    "plan.summary.balance": {
        "nl": "spreiding (drukste tijdvak / gemiddelde): naar kost {by_cost} (best haalbaar "
        "{floor}) · naar aantal {by_count}",
        "fr": "équilibre (créneau le plus chargé / moyenne) : par coût {by_cost} (meilleur "
        "possible {floor}) · par nombre {by_count}",
        "en": "balance (max slot / mean): by cost {by_cost} (best reachable {floor}) · by count "
        "{by_count}",
    },
    "plan.summary.changes": {
        "nl": "{added} toegevoegd · {removed} verwijderd · {moved} verplaatst (grootste "
        "verschuiving {largest} min, 99e percentiel {p99} min, {beyond} meer dan {cap} u) · "
        "{onboarding} eerste syncs te gaan",
        "fr": "{added} ajoutées · {removed} retirées · {moved} déplacées (plus grand décalage "
        "{largest} min, 99e centile {p99} min, {beyond} au-delà de {cap} h) · {onboarding} "
        "premières synchronisations en attente",
        "en": "{added} added · {removed} removed · {moved} moved (largest shift {largest} min, "
        "99th percentile {p99} min, {beyond} beyond {cap} h) · {onboarding} onboarding syncs "
        "pending",
    },
    "plan.floor": {
        "nl": "geen planning kan hier beter dan {floor} keer, want de grootste onderneming "
        "alleen kost al {cost}",
        "fr": "aucune planification ne peut faire mieux que {floor} fois ici, car la plus "
        "grande entreprise coûte à elle seule {cost}",
        "en": "no plan can do better than {floor} times here, because the largest company "
        "alone costs {cost}",
    },
    "plan.even": {
        "nl": "een perfect gelijke planning zou 1.00 keer zijn",
        "fr": "une planification parfaitement égale serait à 1.00 fois",
        "en": "a perfectly even plan would be 1.00 times",
    },
    "plan.by_cost": {
        "nl": "Het drukste tijdvak draagt {by_cost} keer de kost van een gemiddeld tijdvak "
        "({mean}); {reachable}.",
        "fr": "Le créneau le plus chargé porte {by_cost} fois le coût d'un créneau moyen "
        "({mean}) ; {reachable}.",
        "en": "The busiest slot carries {by_cost} times the cost of an average slot ({mean}); "
        "{reachable}.",
    },
    "plan.by_count": {
        "nl": "Naar aantal ondernemingen telt het drukste tijdvak {by_count} keer het "
        "gemiddelde van {per_slot} ondernemingen per tijdvak.",
        "fr": "En nombre d'entreprises, le créneau le plus chargé compte {by_count} fois la "
        "moyenne de {per_slot} entreprises par créneau.",
        "en": "By number of companies the busiest slot holds {by_count} times the average of "
        "{per_slot} companies per slot.",
    },
    "plan.kept": {
        "nl": "Dat is boven het best haalbare omdat ondernemingen hun tijdvak houden: een "
        "planning verplaatst alleen een onderneming waarvan het tijdvak wegviel of drukker "
        "werd, en dan hoogstens {cap} u.",
        "fr": "C'est au-dessus du meilleur possible parce que les entreprises gardent leur "
        "créneau : une planification ne déplace qu'une entreprise dont le créneau a disparu ou "
        "s'est chargé, et alors de {cap} h au plus.",
        "en": "It is above the best reachable because companies keep their slot: a plan only "
        "moves a company whose slot was lost or got busier, and then at most {cap} h.",
    },
    "plan.onboarding": {
        "nl": "Nieuwe ondernemingen: {count} eerste syncs te gaan, alleen in vrije ruimte "
        "(geen run boven twee keer het gemiddelde tijdvak of het drukste tijdvak); de laatste "
        "nieuwe onderneming synct voor het eerst op {last}.",
        "fr": "Nouvelles entreprises : {count} premières synchronisations en attente, "
        "seulement dans la place libre (aucun passage au-delà de deux fois le créneau moyen ou "
        "du créneau le plus chargé) ; la dernière nouvelle entreprise est synchronisée pour la "
        "première fois le {last}.",
        "en": "New companies: {count} onboarding syncs pending, in spare room only (no run "
        "above twice the average slot or the busiest slot); the last new company first syncs "
        "on {last}.",
    },
    "plan.per_day": {"nl": "Belasting per dag", "fr": "Charge par jour", "en": "Load per day"},
    "plan.per_hour": {"nl": "Belasting per uur", "fr": "Charge par heure", "en": "Load per hour"},
    "plan.column.companies": {"nl": "ondernemingen", "fr": "entreprises", "en": "companies"},
    "plan.column.cost": {"nl": "kost", "fr": "coût", "en": "cost"},
    "plan.column.load": {"nl": "belasting", "fr": "charge", "en": "load"},
    "plan.moved": {
        "nl": "Verplaatst ({count})",
        "fr": "Déplacées ({count})",
        "en": "Moved ({count})",
    },
    "plan.column.from": {"nl": "van", "fr": "de", "en": "from"},
    "plan.column.to": {"nl": "naar", "fr": "vers", "en": "to"},
    "plan.column.shift": {"nl": "verschuiving (min)", "fr": "décalage (min)", "en": "shift (min)"},
    "plan.more_moves": {
        "nl": "… en nog {count} (--json toont ze allemaal)",
        "fr": "… et {count} de plus (--json les donne toutes)",
        "en": "… and {count} more (--json lists all)",
    },
    "plan.unknown_costs": {
        "nl": "{count} ondernemingen in het kostenbestand staan niet in de opslag (genegeerd)",
        "fr": "{count} entreprises du fichier des coûts ne sont pas dans la base (ignorées)",
        "en": "{count} companies in the costs file are not in the store (ignored)",
    },
    "plan.saved": {
        "nl": "Planning bewaard in {store} (versie {revision}).",
        "fr": "Planification enregistrée dans {store} (version {revision}).",
        "en": "Plan saved to {store} (revision {revision}).",
    },
    "due.heading": {
        "nl": "{count} syncs gepland van {start} tot {end}",
        "fr": "{count} synchronisations prévues du {start} au {end}",
        "en": "{count} syncs due from {start} to {end}",
    },
    "due.column.day": {"nl": "dag", "fr": "jour", "en": "day"},
    "due.column.at": {"nl": "om", "fr": "à", "en": "at"},
    # -- Why a document is refused (govlink documents ingest; one per DocumentReason) -----
    "document.document.empty": {
        "nl": "Het bestand is leeg.",
        "fr": "Le fichier est vide.",
        "en": "The file is empty.",
    },
    "document.document.too_large": {
        "nl": "Het bestand is groter dan toegelaten.",
        "fr": "Le fichier dépasse la taille permise.",
        "en": "The file is larger than allowed.",
    },
    "document.document.unreadable": {
        "nl": "Het bestand kan niet gelezen worden.",
        "fr": "Le fichier ne peut pas être lu.",
        "en": "The file cannot be read.",
    },
    "document.document.integrity": {
        "nl": "De inhoud klopt niet met de controlesom.",
        "fr": "Le contenu ne correspond pas à la somme de contrôle.",
        "en": "The content does not match its checksum.",
    },
    "document.document.content_type_unknown": {
        "nl": "Het soort bestand wordt niet herkend of niet ondersteund.",
        "fr": "Le type de fichier n'est pas reconnu ou pas pris en charge.",
        "en": "The kind of file is not recognised or not supported.",
    },
    "document.document.content_type_mismatch": {
        "nl": "Het soort bestand klopt niet met de inhoud.",
        "fr": "Le type de fichier ne correspond pas au contenu.",
        "en": "The kind of file does not match its content.",
    },
    "document.file_name.missing": {
        "nl": "De bestandsnaam ontbreekt.",
        "fr": "Le nom de fichier manque.",
        "en": "The file name is missing.",
    },
    "document.file_name.path_separator": {
        "nl": "De bestandsnaam bevat een / of \\.",
        "fr": "Le nom de fichier contient un / ou un \\.",
        "en": "The file name contains a / or \\.",
    },
    "document.file_name.control_character": {
        "nl": "De bestandsnaam bevat een stuurteken.",
        "fr": "Le nom de fichier contient un caractère de contrôle.",
        "en": "The file name contains a control character.",
    },
    "document.file_name.reserved": {
        "nl": "Deze bestandsnaam is voorbehouden (Windows).",
        "fr": "Ce nom de fichier est réservé (Windows).",
        "en": "This file name is reserved (Windows).",
    },
    # -- govlink documents, alerts and push --------------------------------------------------
    "column.id": {"nl": "id", "fr": "id", "en": "id"},
    "column.file": {"nl": "bestand", "fr": "fichier", "en": "file"},
    "column.document": {"nl": "document", "fr": "document", "en": "document"},
    "column.number": {
        "nl": "ondernemingsnummer",
        "fr": "numéro d'entreprise",
        "en": "enterprise number",
    },
    "column.why": {"nl": "reden", "fr": "raison", "en": "reason"},
    "column.name": {"nl": "naam", "fr": "nom", "en": "name"},
    "column.state": {"nl": "toestand", "fr": "état", "en": "state"},
    "column.tries": {"nl": "pogingen", "fr": "essais", "en": "tries"},
    "column.kind": {"nl": "soort", "fr": "type", "en": "kind"},
    "column.queued_for": {"nl": "klaargezet voor", "fr": "en file pour", "en": "queued for"},
    "column.created": {"nl": "aangemaakt", "fr": "créée", "en": "created"},
    "column.company": {"nl": "onderneming", "fr": "entreprise", "en": "company"},
    "column.recipient": {"nl": "ontvanger", "fr": "destinataire", "en": "recipient"},
    "column.alert_status": {"nl": "status", "fr": "statut", "en": "status"},
    "column.subject": {"nl": "onderwerp", "fr": "objet", "en": "subject"},
    "alerts.title": {"nl": "Meldingen", "fr": "Alertes", "en": "Alerts"},
    "alerts.nobody": {"nl": "niemand", "fr": "personne", "en": "nobody"},
    "alerts.fallback": {
        "nl": " (reserve-ontvanger)",
        "fr": " (destinataire de secours)",
        "en": " (fallback)",
    },
    "alert.status.pending": {"nl": "te versturen", "fr": "en attente", "en": "pending"},
    "alert.status.sent": {"nl": "verstuurd", "fr": "envoyée", "en": "sent"},
    "alert.status.logged": {"nl": "alleen gelogd", "fr": "journalisée seulement", "en": "logged"},
    "alert.status.failed": {"nl": "mislukt", "fr": "échec", "en": "failed"},
    "alert.status.undeliverable": {
        "nl": "geen ontvanger",
        "fr": "sans destinataire",
        "en": "undeliverable",
    },
    "ingest.stored": {
        "nl": "Bewaard ({count})",
        "fr": "Enregistrés ({count})",
        "en": "Stored ({count})",
    },
    "ingest.duplicates": {
        "nl": "Al bewaard: {names}",
        "fr": "Déjà enregistrés : {names}",
        "en": "Already stored: {names}",
    },
    "ingest.rejected": {
        "nl": "Geweigerd ({count})",
        "fr": "Refusés ({count})",
        "en": "Rejected ({count})",
    },
    "outbox.state.pending": {"nl": "wachtend", "fr": "en attente", "en": "pending"},
    "outbox.state.claimed": {"nl": "bezig", "fr": "en cours", "en": "claimed"},
    "outbox.state.done": {"nl": "doorgestuurd", "fr": "envoyé", "en": "done"},
    "outbox.state.held": {"nl": "tegengehouden", "fr": "retenu", "en": "held"},
    "outbox.state.parked": {"nl": "geparkeerd", "fr": "mis de côté", "en": "parked"},
    "outbox.state.unknown": {"nl": "onzeker", "fr": "incertain", "en": "unknown"},
    "push.summary": {
        "nl": "{sink}: {pushed} doorgestuurd, {held} tegengehouden, {failed} mislukt, "
        "{pending} wachtend",
        "fr": "{sink} : {pushed} envoyés, {held} retenus, {failed} en échec, {pending} en attente",
        "en": "{sink}: {pushed} pushed, {held} held, {failed} failed, {pending} pending",
    },
    "push.backfilled": {
        "nl": " ({count} klaargezet door de inhaalronde)",
        "fr": " ({count} mis en file par le rattrapage)",
        "en": " ({count} queued by the backfill)",
    },
    "push.held": {
        "nl": "Tegengehouden (opnieuw geprobeerd bij de volgende run)",
        "fr": "Retenus (réessayés au prochain passage)",
        "en": "Held (retried on the next run)",
    },
    "push.failed": {
        "nl": "Mislukt (zie govlink push --status)",
        "fr": "En échec (voir govlink push --status)",
        "en": "Failed (see govlink push --status)",
    },
    "push.need_a_look": {
        "nl": "Geparkeerd of onzeker (nakijken)",
        "fr": "Mis de côté ou incertains (à vérifier)",
        "en": "Parked or unknown (need a look)",
    },
    "push.on_since": {
        "nl": "aan sinds {since}",
        "fr": "activé depuis {since}",
        "en": "on since {since}",
    },
    "push.off": {"nl": "uit", "fr": "désactivé", "en": "off"},
    "push.tags": {"nl": "; labels {tags}", "fr": " ; étiquettes {tags}", "en": "; tags {tags}"},
    # -- govlink sync run|worker|status ----------------------------------------------------
    "sync.what.run": {
        "nl": "sync-ronde",
        "fr": "passage de synchronisation",
        "en": "sync run",
    },
    "sync.what.worker": {
        "nl": "sync-werker gestopt",
        "fr": "worker de synchronisation arrêté",
        "en": "sync worker stopped",
    },
    "sync.report": {
        "nl": "{what}: {attempts} synchronisaties ({outcomes}), {documents} nieuwe documenten, "
        "{skipped} overgeslagen, {pending} nog te doen (wachten op een nieuwe poging)",
        "fr": "{what} : {attempts} synchronisations ({outcomes}), {documents} nouveaux "
        "documents, {skipped} ignorées, {pending} encore à faire (nouvel essai en attente)",
        "en": "{what}: {attempts} syncs ({outcomes}), {documents} new documents, {skipped} "
        "skipped, {pending} still due (retries waiting)",
    },
    "sync.none": {"nl": "geen", "fr": "aucune", "en": "none"},
    "sync.outcome.ok": {"nl": "ok", "fr": "ok", "en": "ok"},
    "sync.outcome.nothing_new": {"nl": "niets nieuws", "fr": "rien de neuf", "en": "nothing new"},
    "sync.outcome.no_mandate": {"nl": "geen mandaat", "fr": "pas de mandat", "en": "no mandate"},
    "sync.outcome.unavailable": {
        "nl": "portaal onbereikbaar",
        "fr": "portail indisponible",
        "en": "unavailable",
    },
    "sync.outcome.throttled": {"nl": "afgeremd", "fr": "freiné", "en": "throttled"},
    "sync.outcome.error": {"nl": "fout", "fr": "erreur", "en": "error"},
    "sync.status.title": {
        "nl": "MyMinfin-synchronisatie op {when}",
        "fr": "Synchronisation MyMinfin au {when}",
        "en": "MyMinfin sync at {when}",
    },
    "sync.status.attempts": {
        "nl": "laatste {days} dagen: {attempts} pogingen; mislukt: {failures}; opgegeven: "
        "{gave_up}",
        "fr": "{days} derniers jours : {attempts} tentatives ; échecs : {failures} ; "
        "abandonnées : {gave_up}",
        "en": "last {days} days: {attempts} attempts; failures: {failures}; gave up: {gave_up}",
    },
    "sync.status.latency": {
        "nl": "reactietijd van het portaal: {latency}",
        "fr": "temps de réponse du portail : {latency}",
        "en": "portal latency: {latency}",
    },
    "sync.status.no_latency": {
        "nl": "nog geen synchronisatie",
        "fr": "pas encore de synchronisation",
        "en": "no sync yet",
    },
    "sync.status.backlog": {
        "nl": "achterstand: {backlog} te doen en nog niet uitgevoerd",
        "fr": "retard : {backlog} à faire et pas encore exécutées",
        "en": "backlog: {backlog} due and not run yet",
    },
    "sync.status.no_mandate": {
        "nl": "Geen mandaat ({count})",
        "fr": "Sans mandat ({count})",
        "en": "No mandate ({count})",
    },
    "sync.status.companies": {
        "nl": "Ondernemingen ({count})",
        "fr": "Entreprises ({count})",
        "en": "Companies ({count})",
    },
    "column.since": {"nl": "sinds", "fr": "depuis", "en": "since"},
    "column.last_sync": {"nl": "laatste sync", "fr": "dernière synchro", "en": "last sync"},
    "column.outcome": {"nl": "resultaat", "fr": "résultat", "en": "outcome"},
    "column.next_sync": {"nl": "volgende sync", "fr": "prochaine synchro", "en": "next sync"},
    "section.more.all": {
        "nl": "--all of --json toont ze",
        "fr": "--all ou --json les affiche",
        "en": "--all or --json shows them",
    },
    # -- govlink serve -----------------------------------------------------------------------
    "serve.started": {
        "nl": "govlink web: open {url}  (Ctrl-C stopt het)",
        "fr": "govlink web : ouvrez {url}  (Ctrl-C l'arrête)",
        "en": "govlink web: open {url}  (Ctrl-C stops it)",
    },
    "serve.needs_web": {
        "nl": "serve heeft de web-extra nodig: pip install 'govlink[web]'",
        "fr": "serve nécessite l'extra web : pip install 'govlink[web]'",
        "en": "serve needs the web extra: pip install 'govlink[web]'",
    },
    # -- govlink settings and govlink sink --------------------------------------------------
    "settings.removed": {"nl": "{key} verwijderd", "fr": "{key} supprimé", "en": "{key} removed"},
    "settings.not_set": {
        "nl": "{key} is niet ingesteld",
        "fr": "{key} n'est pas défini",
        "en": "{key} is not set",
    },
    "sink.off": {
        "nl": "{sink} staat uit: er worden geen nieuwe documenten voor klaargezet",
        "fr": "{sink} est désactivé : aucun nouveau document n'est mis en file pour lui",
        "en": "{sink} is off: no new documents are queued for it",
    },
    "sink.on": {
        "nl": "{sink} staat aan{tags}: documenten ontvangen vanaf {since} worden doorgestuurd",
        "fr": "{sink} est activé{tags} : les documents reçus à partir du {since} sont envoyés",
        "en": "{sink} is on{tags}: documents received from {since} on are pushed",
    },
    "sink.tags": {
        "nl": " met labels {tags}",
        "fr": " avec les étiquettes {tags}",
        "en": " with tags {tags}",
    },
    # -- govlink plugins ---------------------------------------------------------------------
    "plugins.title": {"nl": "Plug-ins", "fr": "Plug-ins", "en": "Plugins"},
    "plugins.column.plugin": {"nl": "plug-in", "fr": "plug-in", "en": "plugin"},
    "plugins.column.origin": {"nl": "herkomst", "fr": "origine", "en": "origin"},
    "plugins.column.sources": {"nl": "bronnen", "fr": "sources", "en": "sources"},
    "plugins.column.sinks": {"nl": "bestemmingen", "fr": "destinations", "en": "sinks"},
    "plugins.column.fetchers": {"nl": "ophalers", "fr": "collecteurs", "en": "fetchers"},
    "plugins.column.notifiers": {"nl": "melders", "fr": "notificateurs", "en": "notifiers"},
    "plugins.failed": {
        "nl": "{name} kon niet geladen worden: {error}",
        "fr": "{name} n'a pas pu être chargé : {error}",
        "en": "failed to load {name}: {error}",
    },
    "plugins.clash": {
        "nl": "naamconflict: {clash}",
        "fr": "conflit de noms : {clash}",
        "en": "name clash: {clash}",
    },
    # -- govlink companies set, archive and restore (and the hint under an import) ----------
    "companies.give_a_value": {
        "nl": "geef --responsible EMAIL en/of --name NAAM",
        "fr": "donnez --responsible EMAIL et/ou --name NOM",
        "en": "give --responsible EMAIL and/or --name NAME",
    },
    "companies.unchanged": {
        "nl": "{company}: niets te wijzigen",
        "fr": "{company} : rien à modifier",
        "en": "{company}: nothing to change",
    },
    "companies.changed": {
        "nl": "{company}: {field} {before} → {after}",
        "fr": "{company} : {field} {before} → {after}",
        "en": "{company}: {field} {before} → {after}",
    },
    "companies.warning": {
        "nl": "waarschuwing ({code}): {message}",
        "fr": "avertissement ({code}) : {message}",
        "en": "warning ({code}): {message}",
    },
    "companies.archived": {
        "nl": "gearchiveerd: {company}",
        "fr": "archivée : {company}",
        "en": "archived: {company}",
    },
    "companies.already_archived": {
        "nl": "al gearchiveerd: {company}",
        "fr": "déjà archivée : {company}",
        "en": "already archived: {company}",
    },
    "companies.restored": {
        "nl": "teruggezet: {company}",
        "fr": "restaurée : {company}",
        "en": "restored: {company}",
    },
    "companies.not_archived": {
        "nl": "niet gearchiveerd: {company}",
        "fr": "pas archivée : {company}",
        "en": "not archived: {company}",
    },
    "companies.undo": {
        "nl": "Ongedaan maken met: govlink companies restore {numbers}",
        "fr": "Pour annuler : govlink companies restore {numbers}",
        "en": "Undo with: govlink companies restore {numbers}",
    },
    "preview.archive_hint": {
        "nl": "Klanten die vertrokken zijn? Archiveer ze: govlink companies archive {numbers}",
        "fr": "Des clients partis ? Archivez-les : govlink companies archive {numbers}",
        "en": "Clients that left? Archive them: govlink companies archive {numbers}",
    },
    "preview.archived_left_out": {
        "nl": "{count} gearchiveerde ondernemingen staan niet in de lijst (govlink companies "
        "list --archived)",
        "fr": "{count} entreprises archivées ne sont pas listées (govlink companies list "
        "--archived)",
        "en": "{count} archived companies are not listed (govlink companies list --archived)",
    },
    # -- govlink simulate --------------------------------------------------------------------
    "simulate.serving": {
        "nl": "{title}-simulator op {url} met {holds}.",
        "fr": "Simulateur {title} sur {url} avec {holds}.",
        "en": "{title} simulator on {url} with {holds}.",
    },
    "simulate.relations": {
        "nl": "{count} relaties",
        "fr": "{count} relations",
        "en": "{count} relations",
    },
    "simulate.customers": {
        "nl": "{count} klanten",
        "fr": "{count} clients",
        "en": "{count} customers",
    },
    "simulate.documents": {
        "nl": "documenten voor de {count} ondernemingen van {store}",
        "fr": "des documents pour les {count} entreprises de {store}",
        "en": "documents for the {count} companies of {store}",
    },
    "simulate.point": {
        "nl": "Laat govlink ernaar wijzen (in een andere shell):",
        "fr": "Faites pointer govlink dessus (dans un autre terminal) :",
        "en": "Point govlink at it (in another shell):",
    },
    "simulate.then": {
        "nl": "probeer dan: {then}",
        "fr": "essayez ensuite : {then}",
        "en": "then try: {then}",
    },
    "simulate.then.adminpulse": {
        "nl": "govlink import adminpulse (en govlink push, na govlink sink enable adminpulse)",
        "fr": "govlink import adminpulse (et govlink push, après govlink sink enable adminpulse)",
        "en": "govlink import adminpulse (and govlink push, once govlink sink enable adminpulse)",
    },
    "simulate.then.myminfin": {
        "nl": "de MyMinfin-sync (govlink.sync.run_due, docs/sync.md) met de myminfin-sim-ophaler",
        "fr": "la synchronisation MyMinfin (govlink.sync.run_due, docs/sync.md) avec le "
        "collecteur myminfin-sim",
        "en": "the MyMinfin sync (govlink.sync.run_due, docs/sync.md) with the myminfin-sim "
        "fetcher",
    },
    "simulate.stop": {
        "nl": "Ctrl-C stopt hem.",
        "fr": "Ctrl-C l'arrête.",
        "en": "Ctrl-C stops it.",
    },
    "simulate.stopped": {
        "nl": "{title}-simulator gestopt.",
        "fr": "Simulateur {title} arrêté.",
        "en": "{title} simulator stopped.",
    },
    # -- Alert bodies (the e-mail text under the subject) -----------------------------------
    "alert.body.document": {
        "nl": "Nieuw document: {kind} voor {name} ({number}): er is actie nodig.",
        "fr": "Nouveau document : {kind} pour {name} ({number}) : une action est requise.",
        "en": "New {kind} for {name} ({number}): it needs action.",
    },
    "alert.body.title": {"nl": "Titel: {title}", "fr": "Titre : {title}", "en": "Title: {title}"},
    "alert.body.file": {"nl": "Bestand: {file}", "fr": "Fichier : {file}", "en": "File: {file}"},
    "alert.body.date": {
        "nl": "Documentdatum: {date}",
        "fr": "Date du document : {date}",
        "en": "Document date: {date}",
    },
    "alert.body.received": {
        "nl": "Ontvangen: {received}",
        "fr": "Reçu : {received}",
        "en": "Received: {received}",
    },
    "alert.body.no_responsible": {
        "nl": "{name} heeft geen verantwoordelijke, dus ging deze melding naar de "
        "reserve-ontvanger van het kantoor. Stel de verantwoordelijke van de onderneming in, "
        "zodat de volgende melding die persoon bereikt.",
        "fr": "{name} n'a pas de responsable, cette alerte est donc allée au destinataire de "
        "secours du cabinet. Indiquez le responsable de l'entreprise pour que la prochaine "
        "alerte lui parvienne.",
        "en": "{name} has no responsible colleague, so this alert went to the firm's fallback "
        "recipient. Set the company's responsible colleague so that the next alert reaches "
        "them.",
    },
    "alert.body.bad_responsible": {
        "nl": "{name} heeft een verantwoordelijke zonder bruikbaar e-mailadres, dus ging deze "
        "melding naar de reserve-ontvanger van het kantoor. Stel de verantwoordelijke van de "
        "onderneming in, zodat de volgende melding die persoon bereikt.",
        "fr": "{name} a un responsable sans adresse e-mail utilisable, cette alerte est donc "
        "allée au destinataire de secours du cabinet. Indiquez le responsable de l'entreprise "
        "pour que la prochaine alerte lui parvienne.",
        "en": "{name} has a responsible colleague without a usable e-mail address, so this "
        "alert went to the firm's fallback recipient. Set the company's responsible colleague "
        "so that the next alert reaches them.",
    },
    "alert.body.no_mandate": {
        "nl": "govlink kan MyMinfin niet lezen voor {name} ({number}): {message}.",
        "fr": "govlink ne peut pas lire MyMinfin pour {name} ({number}) : {message}.",
        "en": "govlink cannot read MyMinfin for {name} ({number}): {message}.",
    },
    "alert.body.ask_mandate": {
        "nl": "Vraag de klant een mandaat voor het kantoor (FOD Financiën, rol "
        '"FODFin Mandaatuitvoerder"); de wekelijkse sync haalt de documenten op zodra het '
        "actief is.",
        "fr": "Demandez au client un mandat pour le cabinet (SPF Finances, rôle "
        "« FODFin Mandaatuitvoerder ») ; la synchronisation hebdomadaire récupère les "
        "documents dès qu'il est actif.",
        "en": "Ask the client for a mandate for the office (FOD Financiën, role "
        '"FODFin Mandaatuitvoerder"); the weekly sync picks the documents up once it is active.',
    },
    "alert.body.once": {
        "nl": "U krijgt dit bericht één keer; govlink sync status toont de ondernemingen "
        "zonder mandaat.",
        "fr": "Vous recevez ce message une seule fois ; govlink sync status liste les "
        "entreprises sans mandat.",
        "en": "You get this message once; govlink sync status lists the companies without a "
        "mandate.",
    },
    "alert.body.unreachable": {
        "nl": "{name} heeft geen bereikbare verantwoordelijke.",
        "fr": "{name} n'a pas de responsable joignable.",
        "en": "{name} has no reachable responsible colleague.",
    },
    # -- Alert subjects ----------------------------------------------------------------------
    "alert.kind.assessment_notice": {
        "nl": "Aanslagbiljet",
        "fr": "Avertissement-extrait de rôle",
        "en": "Assessment notice",
    },
    "alert.kind.request_for_information": {
        "nl": "Vraag om inlichtingen",
        "fr": "Demande de renseignements",
        "en": "Request for information",
    },
    "alert.kind.notice_of_adjustment": {
        "nl": "Bericht van wijziging",
        "fr": "Avis de rectification",
        "en": "Notice of adjustment",
    },
    "alert.kind.payment": {
        "nl": "Betalingsdocument",
        "fr": "Document de paiement",
        "en": "Payment document",
    },
    "alert.kind.prepayment_overview": {
        "nl": "Overzicht voorafbetalingen",
        "fr": "Aperçu des versements anticipés",
        "en": "Prepayment overview",
    },
    "alert.subject.document": {
        "nl": "{kind} voor {name}: actie nodig",
        "fr": "{kind} pour {name} : action requise",
        "en": "{kind} for {name}: action needed",
    },
    "alert.subject.no_mandate": {
        "nl": "Geen MyMinfin-mandaat voor {name} ({number})",
        "fr": "Pas de mandat MyMinfin pour {name} ({number})",
        "en": "No MyMinfin mandate for {name} ({number})",
    },
}

#: Every message: ``MESSAGES[message_id][language]`` is a :meth:`str.format` template.
MESSAGES: Final[Mapping[str, Mapping[Language, str]]] = MappingProxyType(
    {key: MappingProxyType(entry) for key, entry in _MESSAGES.items()}
)
