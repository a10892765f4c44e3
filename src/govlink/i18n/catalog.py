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
        "nl": "{name} is geen .xlsx-bestand; sla het in Excel op als Excel-werkmap (.xlsx).",
        "fr": "{name} n'est pas un fichier .xlsx ; enregistrez-le dans Excel comme classeur "
        "(.xlsx).",
        "en": "{name} is not an .xlsx file; save it in Excel as an Excel Workbook (.xlsx).",
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
