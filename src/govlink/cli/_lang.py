"""The language of the ``govlink`` command: ``--lang``, else ``$GOVLINK_LANG``, else the locale."""

from __future__ import annotations

from typing import Final

import click

from govlink.environment import environment_settings, locale_name
from govlink.i18n import LANGUAGES, Translator, UnknownLanguage, choose_language, translator
from govlink.i18n.catalog import MESSAGES

__all__ = ["lang_option", "said_with_detail", "texts"]

_KEY: Final = "govlink.translator"


def _remember(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    try:
        language = choose_language(value, environment_settings(), locale_name())
    except UnknownLanguage as error:  # a bad $GOVLINK_LANG: one line, exit 1
        raise click.ClickException(error.message) from None
    ctx.meta[_KEY] = translator(language)
    return value


#: The global ``--lang`` option (on the ``govlink`` group).
lang_option: Final = click.option(
    "--lang",
    type=click.Choice(LANGUAGES, case_sensitive=False),
    callback=_remember,
    is_eager=True,
    expose_value=False,
    help="The language of messages, tables and workbooks (default: $GOVLINK_LANG, else the "
    "locale, else en). Codes and JSON keys stay English.",
)


def texts() -> Translator:
    """The translator of the running command (the settings' language outside one)."""
    context = click.get_current_context(silent=True)
    if context is not None and _KEY in context.meta:
        found = context.meta[_KEY]
        assert isinstance(found, Translator)
        return found
    return translator(choose_language(None, environment_settings(), locale_name()))


def said_with_detail(message_id: str, english: str) -> str:
    """The sentence ``message_id`` with the ``english`` message (which holds the details: file
    names, values) in brackets; ``english`` alone in English or when the catalog lacks the id."""
    t = texts()
    if t.language == "en" or message_id not in MESSAGES:
        return english
    return f"{t(message_id)} ({english})"
