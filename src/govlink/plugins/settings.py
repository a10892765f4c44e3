"""The settings a plugin reads, and the checks of their values.

A plugin declares each setting it reads as a :class:`SettingSpec`; ``govlink settings set``
accepts only declared keys (and govlink's own) and never stores a secret one: a secret's value
comes from the environment (``GOVLINK_`` + the key in capitals), read at the edge.

>>> spec = SettingSpec(key="chat_token", description="the bot's token", secret=True)
>>> spec.environment_key, spec.value({"chat_token": "stored"}, {"GOVLINK_CHAT_TOKEN": "t"})
('GOVLINK_CHAT_TOKEN', 't')
>>> positive_whole_number("0"), one_of("on", "off")("On")
('a positive whole number', None)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import attrs

from govlink.domain import normalize

__all__ = [
    "SettingSpec",
    "boolean",
    "email_address",
    "one_of",
    "positive_number",
    "positive_whole_number",
]


@attrs.frozen(kw_only=True)
class SettingSpec:
    """A setting govlink or a plugin reads.

    :param key: the name (``smtp_host``), set with ``govlink settings set KEY VALUE``.
    :param description: one line for the docs and the list of known settings.
    :param secret: a credential: never stored; its value comes from the environment variable
        :attr:`environment_key`.
    :param check: what a value must be: returns a description of the wanted value
        (``"a positive whole number"``) for a bad one, ``None`` for a good one.
    """

    key: str
    description: str
    secret: bool = False
    check: Callable[[str], str | None] | None = attrs.field(default=None, eq=False)

    @property
    def environment_key(self) -> str:
        """Where a secret's value is read from: ``GOVLINK_`` and the key in capitals."""
        return f"GOVLINK_{self.key.upper()}"

    def value(self, stored: Mapping[str, str], environment: Mapping[str, str]) -> str | None:
        """The value: a secret's from ``environment``, any other from ``stored`` (the store)."""
        value = environment.get(self.environment_key) if self.secret else stored.get(self.key)
        return value or None


def email_address(value: str) -> str | None:
    """A check: an e-mail address."""
    return "an e-mail address" if normalize.email(value) is None else None


def positive_whole_number(value: str) -> str | None:
    """A check: a positive whole number."""
    return None if value.isdigit() and int(value) > 0 else "a positive whole number"


def positive_number(value: str) -> str | None:
    """A check: a positive number (``2.5``)."""
    try:
        ok = float(value) > 0
    except ValueError:
        ok = False
    return None if ok else "a positive number"


def one_of(*choices: str) -> Callable[[str], str | None]:
    """A check: one of ``choices`` (any case)."""

    def check(value: str) -> str | None:
        return None if value.lower() in choices else f"one of {', '.join(choices)}"

    return check


boolean: Callable[[str], str | None] = one_of("true", "false")
"""A check: ``true`` or ``false``."""
