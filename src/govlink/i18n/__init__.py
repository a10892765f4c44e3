"""Dutch, French and English for everything govlink shows people.

The catalog (:data:`~govlink.i18n.catalog.MESSAGES`) holds every message in the three
languages; a :class:`Translator` fills one in:

>>> t = translator("nl")
>>> t("preview.invalid", count=3)
'3 ongeldig'
>>> t.count("preview.rows", 1), translator("fr").count("preview.rows", 2)
('1 rij', '2 lignes')
>>> t.reason("enterprise_number.duplicate", {"others": "9, 12"})
'Hetzelfde ondernemingsnummer staat ook op rij 9, 12.'
>>> negotiate("fr-BE,fr;q=0.9,en;q=0.5"), negotiate("de-DE"), negotiate(None)
('fr', 'en', 'en')
>>> language_from_locale("nl_BE.UTF-8"), language_from_locale("C.UTF-8")
('nl', None)

Codes (``enterprise_number.checksum``) and JSON keys stay English; only sentences, headers and
labels are translated. See ``docs/i18n.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from govlink.domain.reasons import WarningCode
from govlink.domain.records import NumberCandidates
from govlink.domain.validation import Problem
from govlink.errors import GovlinkError
from govlink.i18n.catalog import MESSAGES, Language

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANGUAGE_SETTING",
    "Language",
    "Translator",
    "UnknownLanguage",
    "choose_language",
    "language_from_locale",
    "negotiate",
    "translator",
]

#: The languages govlink speaks, in the order it offers them.
LANGUAGES: Final[tuple[Language, ...]] = ("nl", "fr", "en")
#: The language when nothing else says which.
DEFAULT_LANGUAGE: Final[Language] = "en"
#: The setting (``$GOVLINK_LANG``) that chooses the language when ``--lang`` is not given.
LANGUAGE_SETTING: Final = "GOVLINK_LANG"
_WARNING_CODES: Final = frozenset(WarningCode)


class UnknownLanguage(GovlinkError, ValueError):
    """A language govlink does not speak was asked for."""

    code = "i18n.language"


def _language(value: str) -> Language | None:
    """``value``'s language if govlink speaks it: ``"nl"``, ``"NL-be"`` and ``"fr_BE"`` count."""
    primary = value.strip().replace("_", "-").split("-")[0].casefold()
    return primary if primary in LANGUAGES else None


@attrs.frozen
class Translator:
    """The messages of one language: ``t("preview.invalid", count=3)``."""

    language: Language

    def __call__(self, message_id: str, /, **values: object) -> str:
        """The message ``message_id`` with ``values`` filled in.

        :raises KeyError: an id the catalog does not have (a bug, caught by the catalog test).
        """
        return MESSAGES[message_id][self.language].format(**values)

    def count(self, message_id: str, count: int, /, **values: object) -> str:
        """``message_id.one`` for a count of 1, else ``message_id.other``, with ``count``."""
        form = "one" if count == 1 else "other"
        return self(f"{message_id}.{form}", count=count, **values)

    def field(self, name: str) -> str:
        """The label of a Company field (``email`` -> ``E-mail``); unknown names as they are."""
        key = f"field.{name}"
        return self(key) if key in MESSAGES else name

    def reason(self, code: str, params: Mapping[str, object] | None = None) -> str:
        """The sentence for a reason or warning code, with its parameters.

        A duplicate whose other records have no row numbers reads "also in record ...".
        Unknown codes (from a plugin) come back as the code itself.
        """
        values = dict(params or {})
        prefix = "warning" if code in _WARNING_CODES else "reason"
        key = f"{prefix}.{code}"
        if values.pop("records", False):
            key += ".records"
        return self(key, **values) if key in MESSAGES else code

    def column(self, problem: Problem, headers: Mapping[str, str]) -> str:
        """The column of ``problem`` as the user knows it: the source field the value came
        from, else the user's own header (``headers``: field -> header), else the field's
        label."""
        if "column" in problem.params:
            return problem.params["column"]
        if isinstance(problem.value, NumberCandidates):
            return ", ".join(problem.value.present) or ", ".join(n for n, _ in problem.value.fields)
        return headers.get(problem.field) or self.field(problem.field)


def translator(language: str) -> Translator:
    """The translator for ``language`` (``nl``, ``fr`` or ``en``; ``nl-BE`` counts as ``nl``).

    :raises UnknownLanguage: another language.
    """
    chosen = _language(language)
    if chosen is None:
        raise UnknownLanguage(
            f"unknown language {language!r}; choose {', '.join(LANGUAGES)}",
        )
    return Translator(chosen)


def negotiate(accept_language: str | None, default: Language = DEFAULT_LANGUAGE) -> Language:
    """The best of :data:`LANGUAGES` for an HTTP ``Accept-Language`` header, else ``default``
    (``*`` also means ``default``).

    Quality values count (``nl;q=0.5, fr`` -> ``fr``); a malformed part is ignored.
    """
    best: tuple[float, int, Language] | None = None
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, parameters = part.partition(";")
        quality = 1.0
        name, _, number = parameters.strip().partition("=")
        if name.strip() == "q":
            try:
                quality = float(number)
            except ValueError:
                continue
        language = _language(tag) if tag.strip() != "*" else default
        if language is None or quality <= 0:
            continue
        if best is None or (quality, -position) > best[:2]:
            best = (quality, -position, language)
    return default if best is None else best[2]


def language_from_locale(locale: str | None) -> Language | None:
    """The language of a POSIX locale name (``nl_BE.UTF-8`` -> ``nl``); ``None`` for ``C``,
    ``POSIX``, a blank or a language govlink does not speak."""
    if not locale:
        return None
    return _language(locale.split(".")[0].split("@")[0])


def choose_language(
    option: str | None, settings: Mapping[str, str], locale: str | None
) -> Language:
    """The language to speak: ``option`` (``--lang``), else ``settings["GOVLINK_LANG"]``, else
    the ``locale``'s language (see :func:`govlink.environment.locale_name`), else English.

    :raises UnknownLanguage: ``option`` or the setting names a language govlink does not speak.
    """
    for value, what in ((option, "--lang"), (settings.get(LANGUAGE_SETTING), LANGUAGE_SETTING)):
        if value:
            chosen = _language(value)
            if chosen is None:
                raise UnknownLanguage(
                    f"{what} {value!r} is not a language govlink speaks; "
                    f"choose {', '.join(LANGUAGES)}"
                )
            return chosen
    return language_from_locale(locale) or DEFAULT_LANGUAGE
