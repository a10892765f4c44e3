"""An example third-party govlink plugin.

- the ``example-crm`` source reads ``example://PATH``: a JSON list of client objects;
- the ``example-archive`` sink copies documents into the folder in its ``ARCHIVE_DIR`` setting;
- the ``example-outbox`` notifier appends each alert as a JSON line to the file in its
  ``example_outbox`` setting (off when it is not set).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

from govlink import RawRecord, SourceError, SourceRef
from govlink.domain.alerts import Alert
from govlink.domain.documents import Document
from govlink.plugins import (
    Delivery,
    DeliveryStatus,
    NotifierOptions,
    NotifierSpec,
    NotifyOutcome,
    SettingSpec,
    SinkOptions,
    SinkSpec,
    SourceOptions,
    SourceSpec,
    hookimpl,
)

PREFIX = "example://"


class ExampleCrm:
    """Client objects from a JSON file; objects of kind ``person`` are skipped."""

    name = "example-crm"

    def __init__(self, options: SourceOptions) -> None:
        path = Path(options.location.removeprefix(PREFIX))
        try:
            self._clients = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise SourceError(f"cannot read {path.name}: {type(error).__name__}") from error
        self._skipped = {"person": 0}

    @property
    def skipped(self) -> Mapping[str, int]:
        return MappingProxyType(self._skipped)

    def known_colleagues(self) -> list[str]:
        return ["an.peeters@firm.example"]

    def records(self) -> Iterator[RawRecord]:
        for client in self._clients:
            if client.get("kind") == "person":
                self._skipped["person"] += 1
                continue
            yield RawRecord(
                fields={"enterprise_number": client["vat"], "name": client["name"]},
                ref=SourceRef(source=self.name, record_id=str(client["id"])),
                raw=client,
            )


class ExampleArchive:
    """Copies each document into a folder, named by its digest."""

    name = "example-archive"

    def __init__(self, options: SinkOptions) -> None:
        self._folder = Path(options.settings["ARCHIVE_DIR"])

    def deliver(self, document: Document, target_ref: str | None = None) -> Delivery:
        if document.content is None:
            return Delivery(status=DeliveryStatus.SKIPPED, message="no content in memory")
        target = self._folder / (target_ref or document.enterprise_number.compact)
        target.mkdir(parents=True, exist_ok=True)
        (target / f"{document.sha256}-{document.file_name}").write_bytes(document.content)
        return Delivery(status=DeliveryStatus.DELIVERED, target_ref=str(target))


CRM = SourceSpec(name="example-crm", description="clients from a JSON file", open=ExampleCrm)


@hookimpl
def govlink_sources() -> Iterator[SourceSpec]:
    yield CRM


@hookimpl
def govlink_source_for(location: str) -> SourceSpec | None:
    return CRM if location.startswith(PREFIX) else None


@hookimpl
def govlink_sinks() -> list[SinkSpec]:
    return [SinkSpec(name="example-archive", description="copy to a folder", open=ExampleArchive)]


class ExampleOutbox:
    """Appends each alert as a JSON line to a file."""

    name = "example-outbox"

    def __init__(self, path: Path) -> None:
        self._path = path

    def notify(self, alert: Alert) -> NotifyOutcome:
        line = json.dumps({"kind": alert.kind, "to": alert.recipient, "subject": alert.subject})
        with self._path.open("a", encoding="utf-8") as outbox:
            outbox.write(line + "\n")
        return NotifyOutcome.LOGGED


def _outbox(options: NotifierOptions) -> ExampleOutbox | None:
    path = options.settings.get("example_outbox")
    return None if path is None else ExampleOutbox(Path(path))


@hookimpl
def govlink_notifiers() -> list[NotifierSpec]:
    return [
        NotifierSpec(
            name="example-outbox",
            description="alerts as JSON lines in a file",
            open=_outbox,
            settings=(SettingSpec(key="example_outbox", description="the file"),),
        )
    ]
