"""The page's own texts in nl / fr / en, and the one function every template calls.

Every user-facing string of the web app goes through :func:`translator`; a page never holds a
literal sentence. When ``govlink.i18n`` lands, :func:`translator` and :func:`negotiate` are the
two places to point at it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Translate", "has_text", "negotiate", "translator"]

LANGUAGES: Final = ("nl", "fr", "en")
DEFAULT_LANGUAGE: Final = "nl"

#: ``t("key", name=...)``: the text of ``key`` in one language, formatted with the arguments.
Translate = Callable[..., str]

# key: (nl, fr, en)
_TEXTS: Final[dict[str, tuple[str, str, str]]] = {
    "app.title": ("GovLink", "GovLink", "GovLink"),
    "nav.import": ("Importeer klanten", "Importer des clients", "Import clients"),
    "nav.companies": ("Bedrijven", "Entreprises", "Companies"),
    "nav.history": ("Importgeschiedenis", "Historique des imports", "Import history"),
    "nav.sync": ("Synchronisatie", "Synchronisation", "Sync status"),
    "nav.settings": ("Instellingen", "Paramètres", "Settings"),
    "nav.language": ("Taal", "Langue", "Language"),
    "import.title": (
        "Importeer klanten of gegevens",
        "Importer des clients ou des données",
        "Import clients or data",
    ),
    "import.excel": ("Excel-bestand (.xlsx)", "Fichier Excel (.xlsx)", "Excel file (.xlsx)"),
    "import.upload": ("Opladen en bekijken", "Charger et examiner", "Upload and review"),
    "import.crm": ("Vanuit je CRM", "Depuis votre CRM", "From your CRM"),
    "import.source": ("Bron", "Source", "Source"),
    "import.template": (
        "Taaksjabloon of taakstroom (leeg: alle klanten)",
        "Modèle de tâche ou flux de tâches (vide : tous les clients)",
        "Task template or taskflow (empty: all clients)",
    ),
    "import.fetch": ("Ophalen en bekijken", "Récupérer et examiner", "Fetch and review"),
    "import.limit": (
        "Enkel .xlsx-bestanden tot {size}.",
        "Uniquement des fichiers .xlsx jusqu'à {size}.",
        "Only .xlsx files up to {size}.",
    ),
    "import.no_file": (
        "Kies eerst een bestand.",
        "Choisissez d'abord un fichier.",
        "Choose a file first.",
    ),
    "import.not_xlsx": (
        "{name} is geen .xlsx-bestand; sla het in Excel op als Excel-werkmap (.xlsx).",
        "{name} n'est pas un fichier .xlsx ; enregistrez-le dans Excel comme classeur (.xlsx).",
        "{name} is not an .xlsx file; save it in Excel as an Excel Workbook (.xlsx).",
    ),
    "import.too_large": (
        "Het bestand is groter dan {size}.",
        "Le fichier dépasse {size}.",
        "The file is larger than {size}.",
    ),
    "import.failed": (
        "Import mislukt: {reason}",
        "Échec de l'import : {reason}",
        "Import failed: {reason}",
    ),
    "overview.from": (
        "Import uit {source} ({location})",
        "Import depuis {source} ({location})",
        "Import from {source} ({location})",
    ),
    "tab.new": (
        "Klanten enkel in import",
        "Clients uniquement dans l'import",
        "Customers only in import",
    ),
    "tab.platform": (
        "Klanten enkel in Accounton",
        "Clients uniquement dans Accounton",
        "Customers only in Accounton",
    ),
    "tab.matching": ("Overeenkomende klanten", "Clients correspondants", "Matching customers"),
    "tab.invalid": ("Ongeldige klanten", "Clients invalides", "Invalid customers"),
    "overview.apply": (
        "Voeg de geselecteerde klanten toe",
        "Ajouter les clients sélectionnés",
        "Add the selected customers",
    ),
    "overview.search": ("Zoeken", "Rechercher", "Search"),
    "overview.select_all": ("Alles selecteren", "Tout sélectionner", "Select all"),
    "overview.select_none": ("Niets selecteren", "Ne rien sélectionner", "Select none"),
    "overview.overwrite_fields": (
        "Velden om te overschrijven bij alle overeenkomende klanten",
        "Champs à écraser pour tous les clients correspondants",
        "Fields to overwrite on every matching customer",
    ),
    "overview.per_company": ("Voor dit bedrijf", "Pour cette entreprise", "For this company"),
    "overview.as_above": (
        "zoals gekozen per kolom",
        "comme choisi par colonne",
        "as chosen per column",
    ),
    "overview.nothing": ("niets overschrijven", "ne rien écraser", "overwrite nothing"),
    "overview.all_fields": ("alle verschillen", "toutes les différences", "every difference"),
    "overview.only_field": ("enkel {field}", "seulement {field}", "only {field}"),
    "overview.unchanged": ("geen verschillen", "aucune différence", "no differences"),
    "overview.platform_hint": (
        "Deze klanten staan niet (meer) in de import. Er wordt niets verwijderd; archiveer ze "
        "bij Bedrijven als ze vertrokken zijn.",
        "Ces clients ne figurent pas (plus) dans l'import. Rien n'est supprimé ; archivez-les "
        "dans Entreprises s'ils sont partis.",
        "These customers are not (or no longer) in the import. Nothing is deleted; archive "
        "them under Companies if they left.",
    ),
    "overview.invalid_hint": (
        "Verbeter deze rijen in de bron en importeer opnieuw.",
        "Corrigez ces lignes dans la source et importez à nouveau.",
        "Fix these rows at the source and import again.",
    ),
    "overview.empty": (
        "Niets in deze categorie.",
        "Rien dans cette catégorie.",
        "Nothing in this category.",
    ),
    "overview.stale": (
        "Het platform is gewijzigd sinds deze voorvertoning; er werd niets weggeschreven. "
        "Hieronder staat de nieuwe voorvertoning: controleer ze en bevestig opnieuw.",
        "La plateforme a changé depuis cet aperçu ; rien n'a été écrit. Voici le nouvel "
        "aperçu : vérifiez-le et confirmez à nouveau.",
        "The platform changed since this preview; nothing was written. Below is the new "
        "preview: check it and confirm again.",
    ),
    "overview.expired": (
        "Deze voorvertoning bestaat niet meer; importeer opnieuw.",
        "Cet aperçu n'existe plus ; importez à nouveau.",
        "This preview no longer exists; import again.",
    ),
    "overview.warnings": ("Waarschuwingen", "Avertissements", "Warnings"),
    "overview.skipped": (
        "{count} rijen bewust overgeslagen (personen, voorbeeldrij, ...)",
        "{count} lignes ignorées volontairement (personnes, ligne d'exemple, ...)",
        "{count} rows left out on purpose (persons, the example row, ...)",
    ),
    "overview.ignored_columns": (
        "Niet geïmporteerde kolommen: {columns}",
        "Colonnes non importées : {columns}",
        "Columns not imported: {columns}",
    ),
    "col.row": ("Rij", "Ligne", "Row"),
    "col.number": ("Ondernemingsnummer", "Numéro d'entreprise", "Enterprise number"),
    "col.name": ("Naam", "Nom", "Name"),
    "col.email": ("E-mail", "E-mail", "E-mail"),
    "col.responsible": ("Hoofdverantwoordelijke", "Responsable principal", "Main responsible"),
    "col.select": ("Toevoegen", "Ajouter", "Add"),
    "col.reason": ("Reden", "Raison", "Reason"),
    "col.value": ("Waarde", "Valeur", "Value"),
    "col.status": ("Status", "Statut", "Status"),
    "col.when": ("Wanneer", "Quand", "When"),
    "col.source": ("Bron", "Source", "Source"),
    "col.actor": ("Door", "Par", "By"),
    "col.added": ("Toegevoegd", "Ajoutés", "Added"),
    "col.updated": ("Bijgewerkt", "Mis à jour", "Updated"),
    "col.field": ("Veld", "Champ", "Field"),
    "col.before": ("Voor", "Avant", "Before"),
    "col.after": ("Na", "Après", "After"),
    "col.documents": ("Documenten", "Documents", "Documents"),
    "col.last_sync": ("Laatste synchronisatie", "Dernière synchronisation", "Last sync"),
    "col.syncs": ("Synchronisaties", "Synchronisations", "Syncs"),
    "col.outcome": ("Resultaat", "Résultat", "Outcome"),
    "field.name": ("naam", "nom", "name"),
    "field.legal_form": ("rechtsvorm", "forme juridique", "legal form"),
    "field.email": ("e-mail", "e-mail", "e-mail"),
    "field.language": ("taal", "langue", "language"),
    "field.street": ("straat", "rue", "street"),
    "field.house_number": ("huisnummer", "numéro", "house number"),
    "field.box": ("bus", "boîte", "box"),
    "field.postal_code": ("postcode", "code postal", "postal code"),
    "field.city": ("gemeente", "commune", "city"),
    "field.country_code": ("land", "pays", "country"),
    "field.phone": ("telefoon", "téléphone", "phone"),
    "field.responsible": ("hoofdverantwoordelijke", "responsable principal", "main responsible"),
    "field.customer_code": ("klantcode", "code client", "customer code"),
    "field.enterprise_number": ("ondernemingsnummer", "numéro d'entreprise", "enterprise number"),
    "reason.enterprise_number.missing": (
        "Er is geen ondernemingsnummer ingevuld.",
        "Aucun numéro d'entreprise n'est indiqué.",
        "No enterprise number is filled in.",
    ),
    "reason.enterprise_number.format": (
        "Dit is geen ondernemingsnummer (10 cijfers, begint met 0 of 1).",
        "Ce n'est pas un numéro d'entreprise (10 chiffres, commence par 0 ou 1).",
        "This is not an enterprise number (10 digits, starting with 0 or 1).",
    ),
    "reason.enterprise_number.length": (
        "Een ondernemingsnummer heeft 10 cijfers.",
        "Un numéro d'entreprise compte 10 chiffres.",
        "An enterprise number has 10 digits.",
    ),
    "reason.enterprise_number.checksum": (
        "De controlecijfers van het ondernemingsnummer kloppen niet (tikfout?).",
        "Les chiffres de contrôle du numéro d'entreprise sont incorrects (faute de frappe ?).",
        "The check digits of the enterprise number are wrong (a typo?).",
    ),
    "reason.enterprise_number.establishment_unit": (
        "Dit is het nummer van een vestigingseenheid, niet van de onderneming.",
        "C'est le numéro d'une unité d'établissement, pas celui de l'entreprise.",
        "This is an establishment unit number, not the enterprise's number.",
    ),
    "reason.enterprise_number.placeholder": (
        "Het ondernemingsnummer is nog niet gekend (bv. 'in aanvraag').",
        "Le numéro d'entreprise n'est pas encore connu (p. ex. 'en cours').",
        "The enterprise number is not known yet (e.g. 'applied for').",
    ),
    "reason.enterprise_number.duplicate": (
        "Hetzelfde ondernemingsnummer staat op meerdere rijen.",
        "Le même numéro d'entreprise figure sur plusieurs lignes.",
        "The same enterprise number is on several rows.",
    ),
    "reason.enterprise_number.conflict": (
        "Twee kolommen geven verschillende ondernemingsnummers.",
        "Deux colonnes donnent des numéros d'entreprise différents.",
        "Two columns give different enterprise numbers.",
    ),
    "reason.name.missing": ("De naam ontbreekt.", "Le nom manque.", "The name is missing."),
    "reason.email.invalid": (
        "Dit is geen geldig e-mailadres.",
        "Ce n'est pas une adresse e-mail valide.",
        "This is not a valid e-mail address.",
    ),
    "reason.language.invalid": (
        "Onbekende taal (nl, fr, de of en).",
        "Langue inconnue (nl, fr, de ou en).",
        "Unknown language (nl, fr, de or en).",
    ),
    "reason.value.control_characters": (
        "De waarde bevat onzichtbare stuurtekens.",
        "La valeur contient des caractères de contrôle invisibles.",
        "The value holds invisible control characters.",
    ),
    "reason.value.too_long": (
        "De waarde is te lang voor een Excel-cel.",
        "La valeur est trop longue pour une cellule Excel.",
        "The value is too long for an Excel cell.",
    ),
    "warning.responsible.missing": (
        "Er is geen hoofdverantwoordelijke ingevuld.",
        "Aucun responsable principal n'est indiqué.",
        "No main responsible is filled in.",
    ),
    "warning.responsible.unknown": (
        "De hoofdverantwoordelijke is geen gekende collega.",
        "Le responsable principal n'est pas un collègue connu.",
        "The main responsible is not a known colleague.",
    ),
    "result.title": ("Import toegepast", "Import appliqué", "Import applied"),
    "result.summary": (
        "Run {run}: {added} bedrijven toegevoegd, {updated} bijgewerkt.",
        "Exécution {run} : {added} entreprises ajoutées, {updated} mises à jour.",
        "Run {run}: {added} companies added, {updated} updated.",
    ),
    "result.nothing": ("Er werd niets gewijzigd.", "Rien n'a été modifié.", "Nothing was changed."),
    "companies.title": ("Bedrijven", "Entreprises", "Companies"),
    "companies.save": ("Bewaren", "Enregistrer", "Save"),
    "companies.archive": ("Archiveren", "Archiver", "Archive"),
    "companies.restore": ("Herstellen", "Restaurer", "Restore"),
    "companies.archived": ("gearchiveerd", "archivée", "archived"),
    "companies.active": ("actief", "active", "active"),
    "companies.none": ("Nog geen bedrijven.", "Pas encore d'entreprises.", "No companies yet."),
    "companies.saved": ("Bewaard.", "Enregistré.", "Saved."),
    "companies.unknown": (
        "Onbekend ondernemingsnummer.",
        "Numéro d'entreprise inconnu.",
        "Unknown enterprise number.",
    ),
    "companies.bad_email": (
        "'{value}' is geen e-mailadres.",
        "'{value}' n'est pas une adresse e-mail.",
        "'{value}' is not an e-mail address.",
    ),
    "settings.title": ("Instellingen", "Paramètres", "Settings"),
    "settings.connections": ("Connecties", "Connexions", "Connections"),
    "settings.connected": ("ingesteld", "configurée", "configured"),
    "settings.not_connected": ("niet ingesteld", "non configurée", "not configured"),
    "settings.adminpulse": (
        "Integraties › AdminPulse",
        "Intégrations › AdminPulse",
        "Integrations › AdminPulse",
    ),
    "settings.ap_questionnaire": (
        "Automatisch de vragenlijst en berekening naar AdminPulse sturen",
        "Envoyer automatiquement le questionnaire et le calcul à AdminPulse",
        "Send the questionnaire and calculation to AdminPulse automatically",
    ),
    "settings.ap_attachments": (
        "PB-bijlagen van particulieren automatisch naar AdminPulse sturen",
        "Envoyer automatiquement les annexes IPP des particuliers à AdminPulse",
        "Send personal income tax attachments to AdminPulse automatically",
    ),
    "settings.ap_push": (
        "Automatisch MyMinfin-documenten van bedrijven naar AdminPulse pushen",
        "Envoyer automatiquement les documents MyMinfin des entreprises à AdminPulse",
        "Push company documents from MyMinfin to AdminPulse automatically",
    ),
    "settings.ap_push_since": (
        "Aan sinds {when}: enkel documenten die vanaf dan binnenkomen worden doorgestuurd.",
        "Activé depuis {when} : seuls les documents reçus depuis lors sont envoyés.",
        "On since {when}: only documents received from then on are pushed.",
    ),
    "settings.ap_host_only": (
        "(bewaard voor de personenbelasting-module van het platform)",
        "(enregistré pour le module impôt des personnes physiques de la plateforme)",
        "(kept for the platform's personal income tax module)",
    ),
    "settings.tags": (
        "Tags (gescheiden door komma's)",
        "Tags (séparés par des virgules)",
        "Tags (comma-separated)",
    ),
    "settings.fallback": (
        "Ontvanger van meldingen zonder hoofdverantwoordelijke",
        "Destinataire des alertes sans responsable principal",
        "Recipient of alerts without a main responsible",
    ),
    "settings.save": ("Instellingen opslaan", "Enregistrer les paramètres", "Save settings"),
    "settings.saved": ("Instellingen opgeslagen.", "Paramètres enregistrés.", "Settings saved."),
    "history.title": ("Importgeschiedenis", "Historique des imports", "Import history"),
    "history.none": ("Nog geen imports.", "Pas encore d'imports.", "No imports yet."),
    "sync.title": ("Synchronisatie", "Synchronisation", "Sync status"),
    "sync.push": ("Push naar AdminPulse", "Envoi vers AdminPulse", "Push to AdminPulse"),
    "sync.push_on": ("aan", "activé", "on"),
    "sync.push_off": ("uit", "désactivé", "off"),
    "sync.outbox": ("Wachtrij", "File d'attente", "Outbox"),
    "sync.myminfin": ("MyMinfin-synchronisatie", "Synchronisation MyMinfin", "MyMinfin sync"),
    "sync.attempts": ("Recente pogingen", "Tentatives récentes", "Recent attempts"),
    "sync.none": (
        "Nog niets gesynchroniseerd.",
        "Rien n'a encore été synchronisé.",
        "Nothing synced yet.",
    ),
    "sync.unavailable": (
        "Deze opslag houdt geen synchronisatie bij.",
        "Ce stockage ne suit pas la synchronisation.",
        "This store keeps no sync state.",
    ),
    "auth.title": ("Toegang geweigerd", "Accès refusé", "Access denied"),
    "auth.hint": (
        "Open de link die 'govlink serve' bij het starten toonde.",
        "Ouvrez le lien affiché par 'govlink serve' au démarrage.",
        "Open the link 'govlink serve' printed when it started.",
    ),
    "csrf.refused": (
        "Dit formulier is verlopen of komt niet van deze pagina; laad de pagina opnieuw.",
        "Ce formulaire a expiré ou ne vient pas de cette page ; rechargez la page.",
        "This form expired or did not come from this page; reload the page.",
    ),
    "error.not_found": ("Niet gevonden.", "Introuvable.", "Not found."),
    "error.title": ("Er ging iets mis", "Un problème est survenu", "Something went wrong"),
}


def negotiate(accept_language: str | None) -> str:
    """The first of nl / fr / en an ``Accept-Language`` header asks for (by weight), else nl."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        language = tag.strip().lower().split("-")[0]
        if language in LANGUAGES and weight > 0:
            ranked.append((-weight, index, language))
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


def translator(language: str) -> Translate:
    """``t(key, **arguments)`` in ``language`` (nl when unknown); an unknown key is shown as is."""
    index = LANGUAGES.index(language) if language in LANGUAGES else 0

    def translate(key: str, /, **arguments: object) -> str:
        texts = _TEXTS.get(key)
        if texts is None:
            return key
        return texts[index].format(**arguments) if arguments else texts[index]

    return translate


def has_text(key: str) -> bool:
    """Whether ``key`` has texts (for optional keys such as reason codes)."""
    return key in _TEXTS
