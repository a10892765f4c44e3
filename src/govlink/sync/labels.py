"""The portal's document labels (Dutch, French, English) and the kinds govlink gives them.

>>> kind_of("Vraag om inlichtingen").value, kind_of("Avertissement-extrait de rôle").value
('request_for_information', 'assessment_notice')
>>> kind_of("Uittreksel btw-rekening")
<DocumentKind.OTHER: 'other'>
"""

from __future__ import annotations

from typing import Final

from govlink.domain.documents import DocumentKind

__all__ = ["LABEL_KINDS", "kind_of"]

#: Known labels, case-folded, by kind; an unknown label is ``other`` (the label is kept).
LABEL_KINDS: Final[dict[str, DocumentKind]] = {
    label.casefold(): kind
    for kind, labels in {
        DocumentKind.ASSESSMENT_NOTICE: (
            "Aanslagbiljet",
            "Avertissement-extrait de rôle",
            "Assessment notice",
        ),
        DocumentKind.REQUEST_FOR_INFORMATION: (
            "Vraag om inlichtingen",
            "Demande de renseignements",
            "Request for information",
        ),
        DocumentKind.NOTICE_OF_ADJUSTMENT: (
            "Bericht van wijziging",
            "Avis de rectification",
            "Notice of adjustment",
        ),
        DocumentKind.PAYMENT: (
            "Betalingsherinnering",
            "Rappel de paiement",
            "Terugbetaling",
            "Remboursement",
            "Payment reminder",
        ),
        DocumentKind.PREPAYMENT_OVERVIEW: (
            "Overzicht voorafbetalingen",
            "Aperçu des versements anticipés",
            "Prepayment overview",
        ),
    }.items()
    for label in labels
}


def kind_of(label: str) -> DocumentKind:
    """The kind of a portal label (trimmed, case-insensitive), else the kind named by the
    label itself (``request_for_information``), else ``other``."""
    return LABEL_KINDS.get(" ".join(label.split()).casefold()) or DocumentKind.from_label(label)
