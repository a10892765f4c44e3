"""The message catalog is complete in nl, fr and en, and the language is chosen as documented."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from govlink.domain.company import COMPANY_FIELDS
from govlink.domain.reasons import ReasonCode, WarningCode
from govlink.i18n import (
    LANGUAGES,
    UnknownLanguage,
    choose_language,
    language_from_locale,
    negotiate,
    translator,
)
from govlink.i18n.catalog import MESSAGES


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("message_id", sorted(MESSAGES))
def test_every_message_has_all_three_languages_with_the_same_placeholders(
    message_id: str,
) -> None:
    entry = MESSAGES[message_id]
    assert set(entry) == set(LANGUAGES)
    assert all(text.strip() for text in entry.values())
    english = placeholders(entry["en"])
    for language in LANGUAGES:
        assert placeholders(entry[language]) == english, language


def test_every_reason_warning_and_field_has_a_sentence_or_label() -> None:
    wanted = {f"reason.{code}" for code in ReasonCode}
    wanted |= {f"warning.{code}" for code in WarningCode}
    wanted |= {f"field.{name}" for name in COMPANY_FIELDS}
    assert wanted <= set(MESSAGES)


def test_each_counted_message_has_both_forms() -> None:
    for message_id in MESSAGES:
        stem, _, form = message_id.rpartition(".")
        if form in ("one", "other"):
            assert {f"{stem}.one", f"{stem}.other"} <= set(MESSAGES)


def test_a_reason_sentence_fills_in_its_parameters_in_each_language() -> None:
    duplicate = {"others": "9, 12"}
    assert translator("nl").reason("enterprise_number.duplicate", duplicate).endswith("rij 9, 12.")
    assert "ligne 9, 12" in translator("fr").reason("enterprise_number.duplicate", duplicate)
    records = {"others": "adminis record 7", "records": "yes"}
    assert translator("en").reason("enterprise_number.duplicate", records) == (
        "The same enterprise number is also in adminis record 7."
    )
    assert translator("fr").reason("plugin.own_code") == "plugin.own_code"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("nl-BE,nl;q=0.9,en;q=0.5", "nl"),
        ("fr-BE", "fr"),
        ("de-DE,de;q=0.9", "en"),
        ("de-DE,fr;q=0.4,nl;q=0.6", "nl"),
        ("en;q=0.1, *;q=0.5", "en"),
        ("nl;q=0, fr;q=0.2", "fr"),
        ("fr;q=bad, nl", "nl"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_negotiate_picks_the_best_language_of_an_accept_language_header(
    header: str | None, expected: str
) -> None:
    assert negotiate(header) == expected


def test_the_option_wins_over_the_setting_which_wins_over_the_locale() -> None:
    settings = {"GOVLINK_LANG": "fr"}
    assert choose_language("nl", settings, "en_GB.UTF-8") == "nl"
    assert choose_language(None, settings, "nl_BE.UTF-8") == "fr"
    assert choose_language(None, {}, "nl_BE.UTF-8") == "nl"
    assert choose_language(None, {}, "C.UTF-8") == "en"
    assert choose_language(None, {"GOVLINK_LANG": ""}, None) == "en"
    with pytest.raises(UnknownLanguage, match="GOVLINK_LANG 'de'"):
        choose_language(None, {"GOVLINK_LANG": "de"}, None)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("nl_BE.UTF-8", "nl"), ("fr_BE@euro", "fr"), ("en_US", "en"), ("de_DE", None), ("C", None)],
)
def test_the_locale_gives_a_language_govlink_speaks(locale: str, expected: str | None) -> None:
    assert language_from_locale(locale) == expected


def test_an_unknown_language_is_a_typed_error() -> None:
    with pytest.raises(UnknownLanguage, match="choose nl, fr, en"):
        translator("de")
    assert translator("NL-be").language == "nl"


def test_the_locale_is_read_in_posix_order() -> None:
    from govlink.environment import locale_name

    assert locale_name({"LANG": "nl_BE.UTF-8", "LC_ALL": ""}) == "nl_BE.UTF-8"
    assert locale_name({"LANG": "nl_BE", "LC_MESSAGES": "fr_BE", "LC_ALL": "en_US"}) == "en_US"
    assert locale_name({}) is None


def test_negotiate_falls_back_to_the_default_asked_for() -> None:
    assert negotiate("de-DE", default="nl") == "nl"
    assert negotiate("*", default="fr") == "fr"
    assert negotiate("en;q=0.2, de", default="nl") == "en"


def test_every_document_reason_and_library_error_code_has_a_sentence() -> None:
    from govlink import errors
    from govlink.domain.document_checks import DocumentReason

    wanted = {f"document.{reason}" for reason in DocumentReason}
    classes = [getattr(errors, name) for name in errors.__all__]
    codes = {cls.code for cls in classes if issubclass(cls, errors.GovlinkError)}
    source = Path(errors.__file__).parent
    for module in source.rglob("*.py"):  # the codes raised with code="..." or a helper's
        codes |= set(re.findall(r'code="([a-z_]+\.[a-z_]+)"', module.read_text("utf-8")))
        codes |= set(re.findall(r'"(selection\.[a-z_]+)"\)', module.read_text("utf-8")))
    # worded where they are raised, in the user's language (preview.changed, selection.*)
    codes -= {errors.PreviewChanged.code, "selection.workbook"}
    wanted |= {
        f"error.{code}" for code in codes if f"reason.{code}" not in MESSAGES
    }  # a bad enterprise number is said with its reason's sentence
    assert wanted <= set(MESSAGES), sorted(wanted - set(MESSAGES))
