"""Who receives a company's alert: its responsible colleague, else the firm's fallback recipient.

>>> route_alert(responsible="an@firm.be", fallback="office@firm.be")
Route(recipient='an@firm.be', basis=<RouteBasis.RESPONSIBLE: 'responsible'>)
>>> route_alert(responsible=None, fallback="office@firm.be").lacks_responsible
True
"""

from __future__ import annotations

from enum import StrEnum

import attrs

from govlink.domain import normalize

__all__ = ["Route", "RouteBasis", "route_alert"]


class RouteBasis(StrEnum):
    """Why an alert goes where it goes."""

    RESPONSIBLE = "responsible"
    """To the company's responsible colleague."""
    FALLBACK = "fallback"
    """To the firm's fallback recipient: the company has no responsible colleague."""
    FALLBACK_BAD_ADDRESS = "fallback_bad_address"
    """To the fallback recipient: the responsible colleague has no usable e-mail address."""
    NOWHERE = "nowhere"
    """Nobody: no usable responsible colleague and no fallback recipient is set."""


@attrs.frozen
class Route:
    """Where an alert goes (``recipient`` is ``None`` for :attr:`RouteBasis.NOWHERE`)."""

    recipient: str | None
    basis: RouteBasis

    @property
    def lacks_responsible(self) -> bool:
        """True when the alert must say the company lacks a (reachable) responsible colleague."""
        return self.basis is not RouteBasis.RESPONSIBLE


def route_alert(*, responsible: str | None, fallback: str | None) -> Route:
    """Route a company's alert.

    :param responsible: the company's responsible colleague (an e-mail address), if any.
    :param fallback: the firm's fallback recipient, if set.
    """
    address = normalize.email(responsible) if responsible else None
    if address is not None:
        return Route(address, RouteBasis.RESPONSIBLE)
    basis = RouteBasis.FALLBACK if not responsible else RouteBasis.FALLBACK_BAD_ADDRESS
    fallback_address = normalize.email(fallback) if fallback else None
    if fallback_address is None:
        return Route(None, RouteBasis.NOWHERE)
    return Route(fallback_address, basis)
