"""The whole govlink exception tree.

Every error govlink raises on purpose derives from :class:`GovlinkError`, so a caller can catch
one class. Each error has a stable ``code`` and a one-line ``str()`` meant for the user; none of
them ever carries a secret (API key, token) in its message or attributes.

Row problems in an import are *data* (:class:`govlink.InvalidRecord`), not exceptions.
"""

from __future__ import annotations

__all__ = [
    "ConfigurationError",
    "ConnectorError",
    "DeliveryUncertain",
    "DomainError",
    "EmptyWorkbook",
    "EncryptedWorkbook",
    "FatalConnectorError",
    "GovlinkError",
    "HeaderNotFound",
    "InsufficientCapacity",
    "InvalidDocument",
    "InvalidEnterpriseNumber",
    "PlanningError",
    "PluginError",
    "PreviewChanged",
    "RateLimited",
    "RetriableConnectorError",
    "SheetNotFound",
    "SourceError",
    "StaleStoreError",
    "StoreError",
    "UnknownSource",
    "Unreachable",
    "UnsafeWorkbook",
    "WorkbookError",
    "WorkbookFormatError",
]


class GovlinkError(Exception):
    """Root of every error govlink raises on purpose.

    ``code`` is stable and machine-readable; ``str(error)`` is one line for the user.
    """

    code: str = "govlink.error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        """The one-line message for the user."""
        return str(self.args[0]) if self.args else self.code


class DomainError(GovlinkError):
    """A value that breaks a rule of the domain (enterprise number, company, plan)."""

    code = "domain.error"


class InvalidEnterpriseNumber(DomainError, ValueError):
    """A value that is not a valid Belgian enterprise number.

    ``code`` is one of the ``enterprise_number.*`` reason codes; ``value`` is the raw input.
    """

    code = "enterprise_number.format"

    def __init__(self, message: str, *, code: str, value: object) -> None:
        super().__init__(message, code=code)
        self.value = value


class InvalidDocument(DomainError, ValueError):
    """A :class:`~govlink.Document` built with a value that breaks its rules."""

    code = "document.invalid"


class PlanningError(DomainError, ValueError):
    """Planner input that cannot be planned: a bad window SPEC, a duplicate company, a bad cost."""

    code = "planner.input"


class InsufficientCapacity(PlanningError):
    """The companies' total cost does not fit the slots' absolute capacity.

    Carries the figures: ``total_cost``, ``capacity`` (per slot), ``slots`` (allowed slots) and
    ``largest_cost`` (the heaviest company), so the user can size the capacity.
    """

    code = "planner.capacity"

    def __init__(
        self, message: str, *, total_cost: float, capacity: float, slots: int, largest_cost: float
    ) -> None:
        super().__init__(message)
        self.total_cost = total_cost
        self.capacity = capacity
        self.slots = slots
        self.largest_cost = largest_cost


class PluginError(GovlinkError):
    """A plugin failed to load, or two plugins claim the same name."""

    code = "plugin.error"


class SourceError(GovlinkError):
    """A source cannot be read at all (unreadable or hostile file, unknown source)."""

    code = "source.error"


class UnknownSource(SourceError):
    """No source has that name and no plugin claims that location."""

    code = "source.unknown"


class WorkbookError(SourceError):
    """A workbook (``.xlsx`` or ``.ods``) that cannot be read; the subclasses say why."""

    code = "source.workbook"


class WorkbookFormatError(WorkbookError):
    """Not an ``.xlsx`` workbook or ``.ods`` spreadsheet: missing, not a zip, CSV text, legacy
    ``.xls``, another OpenDocument file, or damaged.

    ``code`` is ``source.not_found``, ``source.not_xlsx``, ``source.csv``, ``source.xls`` or
    ``source.corrupt``.
    """

    code = "source.not_xlsx"


class EncryptedWorkbook(WorkbookError):
    """A password-protected workbook."""

    code = "source.encrypted"


class UnsafeWorkbook(WorkbookError):
    """A workbook refused for safety before it could exhaust memory or time.

    ``code`` is ``source.zip_bomb``, ``source.xml_entities`` or ``source.too_large``.
    """

    code = "source.unsafe"


class EmptyWorkbook(WorkbookError):
    """A workbook with no visible sheet, or a sheet with no rows."""

    code = "source.empty"


class SheetNotFound(WorkbookError):
    """The sheet asked for is not in the workbook."""

    code = "source.sheet_not_found"


class HeaderNotFound(WorkbookError):
    """No header row with an enterprise-number column in the first rows of the sheet."""

    code = "source.no_header"


class StoreError(GovlinkError):
    """The store cannot be opened, migrated or written."""

    code = "store.error"


class StaleStoreError(StoreError):
    """The store changed since the preview an apply was planned from; nothing was written."""

    code = "store.stale"


class PreviewChanged(StaleStoreError):
    """The platform or the source changed since the preview the user confirmed (its token no
    longer matches); nothing was written. Preview again and confirm the new token."""

    code = "store.preview_changed"


class ConnectorError(GovlinkError):
    """A remote API call failed.

    Carries the HTTP ``method``, the URL ``path`` (never a query string or credentials), the
    ``status`` (``None`` when no response arrived), the raw response ``body`` and, when the server
    said so, ``retry_after`` in seconds.
    """

    code = "connector.error"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        connector: str = "",
        method: str = "",
        path: str = "",
        status: int | None = None,
        body: str = "",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.retry_after = retry_after
        self.connector = connector
        self.method = method
        self.path = path
        self.status = status
        self.body = body


class ConfigurationError(ConnectorError):
    """Wrong or missing settings: credentials, URL, rights. Retrying will not help."""

    code = "connector.configuration"


class FatalConnectorError(ConnectorError):
    """The API refused the request (400, 404, ...); retrying the same request will not help."""

    code = "connector.fatal"


class RetriableConnectorError(ConnectorError):
    """A transient failure (5xx, timeout, dropped connection) that outlasted the retries."""

    code = "connector.retriable"


class Unreachable(RetriableConnectorError):
    """No answer came from the server at all (refused, no route, no answer in time) within the
    timeout budget; the message names the host and the cause. Nothing was carried out."""

    code = "connector.unreachable"


class RateLimited(RetriableConnectorError):
    """The API answered "too many requests" more often than the retries allow."""

    code = "connector.rate_limited"


class DeliveryUncertain(ConnectorError):
    """A non-idempotent request went out but no answer came back (a timeout, a dropped line).

    It may or may not have arrived: a person checks the remote; it is never retried blindly.
    """

    code = "connector.uncertain"
