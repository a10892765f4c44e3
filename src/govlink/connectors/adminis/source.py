"""The ``adminis`` source: client companies from the firm's Admin-IS server.

``govlink import adminis [--template TASKFLOW]`` with ``GOVLINK_ADMINIS_URL`` and
``GOVLINK_ADMINIS_API_KEY`` set. Every setting (see
:data:`~govlink.connectors.adminis.settings.SETTINGS`) comes from the source options' settings
(the ``govlink`` command fills them from the environment).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Any, Final, TypeVar

import httpx

from govlink.clock import SYSTEM_CLOCK, Clock
from govlink.connectors.adminis.client import CONNECTOR, AdminisClient, AdminisConfig, Row
from govlink.connectors.adminis.filters import field, in_chunks
from govlink.connectors.adminis.mapping import (
    DEFAULT_NUMBER_FIELDS,
    SOURCE_NAME,
    CustomerMapping,
    SkipReason,
)
from govlink.connectors.adminis.responsibles import Responsibles, read_responsibles
from govlink.connectors.adminis.settings import SettingsReader
from govlink.connectors.adminis.taskflows import DateWindow, find_taskflow, taskflow_customer_ids
from govlink.connectors.http import Page, Secret, exactly_once
from govlink.domain.records import RawRecord, SkippedRecord, SourceRef
from govlink.plugins import SourceOptions
from govlink.store.rates import RateStore

__all__ = ["NOT_FOUND", "AdminisSource"]

T = TypeVar("T")

#: Skip reason of a taskflow customer the ``customers`` endpoint no longer returns.
NOT_FOUND: Final = "not_found"


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class AdminisSource:
    """The companies of one Admin-IS server, read lazily, each customer once.

    :param config: the server and key.
    :param mapping: how customers become records.
    :param template: a taskflow id or name: only its customers (see :mod:`.taskflows`).
    :param window: the taskflow deadlines that count (default :meth:`DateWindow.default`).
    :param transport: an httpx transport (a simulator's, in tests).
    :param clock: the clock for the rate limiter and token lifetimes.
    :param rates: keep the API limit in this store, shared with every process using it.
    """

    def __init__(
        self,
        config: AdminisConfig,
        *,
        mapping: CustomerMapping | None = None,
        template: str | None = None,
        window: DateWindow | None = None,
        transport: httpx.BaseTransport | None = None,
        clock: Clock = SYSTEM_CLOCK,
        rates: RateStore | None = None,
    ) -> None:
        self.config = config
        self._rates = rates
        self.mapping = mapping or CustomerMapping()
        self.template = template
        self.window = window or DateWindow.default()
        self._transport = transport
        self._clock = clock
        self._skipped: Counter[str] = Counter()
        self._skipped_records: list[SkippedRecord] = []
        self._colleagues: frozenset[str] | None = None

    @classmethod
    def from_options(
        cls,
        options: SourceOptions,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> AdminisSource:
        """The source the user asked for, configured from the settings (see :data:`SETTINGS`)."""
        settings = SettingsReader(options.settings)
        default = DateWindow.default()
        fields = settings.text("GOVLINK_ADMINIS_NUMBER_FIELDS")
        config = AdminisConfig(
            base_url=settings.required("GOVLINK_ADMINIS_URL"),
            api_key=Secret(settings.required("GOVLINK_ADMINIS_API_KEY")),
            timeout=settings.number("GOVLINK_ADMINIS_TIMEOUT", 30.0),
            verify_tls=settings.flag("GOVLINK_ADMINIS_VERIFY_TLS", True),
            chunk_size=int(settings.number("GOVLINK_ADMINIS_CHUNK", 100)),
        )
        mapping = CustomerMapping(
            number_fields=tuple(f.strip() for f in fields.split(",") if f.strip())
            if fields
            else DEFAULT_NUMBER_FIELDS,
            responsible_field=settings.text("GOVLINK_ADMINIS_RESPONSIBLE_FIELD"),
            responsible_profile=settings.text("GOVLINK_ADMINIS_RESPONSIBLE_PROFILE"),
            include_inactive=settings.flag("GOVLINK_ADMINIS_INCLUDE_INACTIVE", False),
            include_sole_proprietors=settings.flag("GOVLINK_ADMINIS_SOLE_PROPRIETORS", True),
        )
        window = DateWindow(
            start=settings.day("GOVLINK_ADMINIS_TASKFLOW_FROM", default.start),
            end=settings.day("GOVLINK_ADMINIS_TASKFLOW_TO", default.end),
        )
        return cls(
            config,
            mapping=mapping,
            template=options.template,
            window=window,
            transport=transport,
            clock=clock,
            rates=options.rates,
        )

    def __repr__(self) -> str:
        return f"AdminisSource(base_url={self.config.base_url!r}, template={self.template!r})"

    @property
    def name(self) -> str:
        """``adminis``."""
        return SOURCE_NAME

    @property
    def skipped(self) -> Mapping[str, int]:
        """Customers left out so far: ``person``, ``inactive``, ``skipped.contact_of_company``,
        ``not_found`` (taskflow only)."""
        return {str(reason): count for reason, count in self._skipped.items()}

    @property
    def skipped_records(self) -> Sequence[SkippedRecord]:
        """Each customer left out so far, with its reason and raw number fields."""
        return tuple(self._skipped_records)

    def known_colleagues(self) -> Collection[str] | None:
        """The active employees' e-mails, once :meth:`records` read them (else unknown)."""
        return self._colleagues

    def records(self) -> Iterator[RawRecord]:
        """Yield a raw record per imported customer, with its registered-office address.

        All customers: every registered office is read first (one listing), then the customers
        stream page by page. A taskflow's customers: read by ``CustomerId in (…)`` chunks, each
        chunk's offices with one more filtered call.

        The company wins: a non-company whose number an active company customer also carries is
        a contact of that company, skipped (``skipped.contact_of_company``). So non-companies
        are held back until every company is known -- for a taskflow, the numbers of every
        active company customer are read with one more listing when a non-company needs them.

        The responsibles come first, from four bulk listings (see :mod:`.responsibles`).
        """
        self._skipped.clear()
        self._skipped_records.clear()
        companies: set[str] = set()
        held: list[tuple[Row, Row | None]] = []
        with AdminisClient(
            self.config, transport=self._transport, clock=self._clock, rates=self._rates
        ) as client:
            responsibles = (
                read_responsibles(client, self.mapping.responsible_profile)
                if self.mapping.responsible_field is None
                else Responsibles()
            )
            self._colleagues = responsibles.colleagues
            if self.template is None:
                offices = _registered_offices(client)
                batches: Iterator[tuple[list[Row], Mapping[Any, Row]]] = (
                    (batch, offices)
                    for batch in _batched(self._all_customers(client), self.config.chunk_size)
                )
            else:
                batches = self._taskflow_batches(client)
            for batch, batch_offices in batches:
                for customer in batch:
                    office = batch_offices.get(customer.get("CustomerId"))
                    if not self.mapping.is_company(customer):
                        held.append((customer, office))
                        continue
                    if self.mapping.is_active(customer):
                        companies |= self.mapping.numbers(customer)
                    yield self.mapping.record(
                        customer, office, responsibles.of(customer.get("CustomerId"))
                    )
            if held and self.template is not None:
                companies |= _active_company_numbers(client, self.mapping)
        for customer, office in held:
            if self.mapping.numbers(customer) & companies:
                self._skip(customer, SkipReason.CONTACT_OF_COMPANY)
            else:
                yield self.mapping.record(
                    customer, office, responsibles.of(customer.get("CustomerId"))
                )

    def _skip(self, customer: Row, reason: str) -> None:
        self._skipped[reason] += 1
        self._skipped_records.append(self.mapping.skipped(customer, reason))

    def _kept(self, customers: Iterable[Row]) -> list[Row]:
        """The customers to import; the others are counted by reason."""
        kept = []
        for customer in customers:
            reason = self.mapping.skip_reason(customer)
            if reason is None:
                kept.append(customer)
            else:
                self._skip(customer, reason)
        return kept

    def _all_customers(self, client: AdminisClient) -> Iterator[Row]:
        every = exactly_once(
            lambda: (Page(rows) for rows in client.pages("customers")),
            lambda row: row.get("CustomerId"),
            connector=CONNECTOR,
            path="/api/v1/customers",
        )
        for batch in _batched(every, self.config.chunk_size):
            yield from self._kept(batch)

    def _taskflow_batches(
        self, client: AdminisClient
    ) -> Iterator[tuple[list[Row], Mapping[Any, Row]]]:
        taskflow = find_taskflow(list(client.rows("taskflow/tasks")), self.template or "")
        ids = taskflow_customer_ids(client, int(taskflow["TaskId"]), self.window)
        found: set[Any] = set()
        for chunk in in_chunks("CustomerId", ids, size=self.config.chunk_size):
            fresh = []
            for row in client.rows("customers", chunk):
                if row.get("CustomerId") not in found:
                    found.add(row.get("CustomerId"))
                    fresh.append(row)
            kept = self._kept(fresh)
            wanted = [c.get("CustomerId") for c in kept]
            yield kept, _registered_offices(client, wanted) if kept else {}
        for missing in sorted(set(ids) - found, key=str):
            self._skipped[NOT_FOUND] += 1
            self._skipped_records.append(
                SkippedRecord(
                    ref=SourceRef(source=SOURCE_NAME, record_id=str(missing)), reason=NOT_FOUND
                )
            )


def _active_company_numbers(client: AdminisClient, mapping: CustomerMapping) -> set[str]:
    """The enterprise numbers of every active company customer (one filtered listing)."""
    query = field("IsCompany").eq(True) & field("IsActive").eq(True)
    numbers: set[str] = set()
    for row in client.rows("customers", query):
        numbers |= mapping.numbers(row)
    return numbers


def _registered_offices(client: AdminisClient, ids: list[Any] | None = None) -> dict[Any, Row]:
    """``CustomerId`` -> its registered-office address (the lowest ``CustomerAddressId``), for
    every customer or only for ``ids``."""
    query = field("RegisteredOffice").eq(True)
    if ids is not None:
        query = field("CustomerId").in_(ids) & query
    rows = sorted(
        client.rows("customeraddresses", query),
        key=lambda row: str(row.get("CustomerAddressId", "")).zfill(20),
    )
    offices: dict[Any, Row] = {}
    for row in rows:
        offices.setdefault(row.get("CustomerId"), row)
    return offices
