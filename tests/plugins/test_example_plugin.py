"""A third-party distribution (tests/plugins/example_plugin) found through its entry point.

The test installs the distribution the way an installer lays it out: its package on the path and
a ``*.dist-info`` folder whose ``entry_points.txt`` comes from the distribution's own
pyproject.toml. ``importlib.metadata`` then finds it like any installed plugin.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from govlink import EnterpriseNumber, PluginError
from govlink.domain.alerts import Alert, AlertKind
from govlink.domain.documents import Document, DocumentKind
from govlink.plugins import (
    BUILTIN_PLUGINS,
    DeliveryStatus,
    NotifyOutcome,
    PluginLoadWarning,
    PluginOrigin,
    Registry,
    SinkOptions,
    SourceOptions,
)

EXAMPLE = Path(__file__).parent / "example_plugin"
#: The built-in plugins' names (the last component of each module path), sorted.
BUILTIN_NAMES = sorted(path.rsplit(".", 1)[-1] for path in BUILTIN_PLUGINS)


def _install(site: Path, name: str, version: str, entry_points: dict[str, str]) -> None:
    """Lay out a ``*.dist-info`` folder in ``site`` declaring ``entry_points`` for govlink."""
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    lines = ["[govlink]", *(f"{key} = {value}" for key, value in entry_points.items())]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh site directory on ``sys.path``; modules imported from it are forgotten after."""
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    before = set(sys.modules)
    yield folder
    for name in set(sys.modules) - before:
        if name.startswith("govlink_example"):
            del sys.modules[name]


@pytest.fixture
def example(site: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example distribution, installed into ``site`` from its pyproject.toml."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    monkeypatch.syspath_prepend(str(EXAMPLE / "src"))
    _install(site, project["name"], project["version"], project["entry-points"]["govlink"])
    return site


def _clients(tmp_path: Path) -> Path:
    path = tmp_path / "clients.json"
    clients = [
        {"id": 7, "vat": "BE 0417.497.106", "name": "Acme"},
        {"id": 8, "kind": "person", "vat": None, "name": "Jan"},
    ]
    path.write_text(json.dumps(clients), encoding="utf-8")
    return path


def test_discovered_and_listed(example: Path) -> None:
    registry = Registry()
    assert registry.failed == []
    infos = {info.name: info for info in registry.plugins()}
    assert set(infos) == {*BUILTIN_NAMES, "example"}
    info = infos["example"]
    assert (info.origin, info.distribution) == (PluginOrigin.ENTRY_POINT, "govlink-example 1.0")
    assert (info.sources, info.sinks, info.notifiers) == (
        ("example-crm",),
        ("example-archive",),
        ("example-outbox",),
    )
    assert list(registry.sources()) == ["adminis", "adminpulse", "example-crm", "excel"]
    assert list(registry.sinks()) == ["adminpulse", "example-archive"]


def test_source_used_by_location(example: Path, tmp_path: Path) -> None:
    source = Registry().open_source(SourceOptions(location=f"example://{_clients(tmp_path)}"))
    records = list(source.records())
    assert [(r.fields["name"], r.ref.record_id) for r in records] == [("Acme", "7")]
    assert source.skipped == {"person": 1}


def test_sink_and_notifier_used(example: Path, tmp_path: Path) -> None:
    registry = Registry()
    content = b"%PDF-1.7 request"
    document = Document(
        enterprise_number=EnterpriseNumber("0417497106"),
        kind=DocumentKind.REQUEST_FOR_INFORMATION,
        kind_label="Vraag om inlichtingen",
        title="Vraag om inlichtingen 2024",
        document_date=None,
        received_at=datetime(2024, 5, 1, 9, 30, tzinfo=UTC),
        file_name="vraag.pdf",
        content_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
    )
    sink = registry.open_sink(
        "example-archive", SinkOptions(settings={"ARCHIVE_DIR": str(tmp_path)})
    )
    delivery = sink.deliver(document)
    assert delivery.status is DeliveryStatus.DELIVERED
    assert (tmp_path / "0417497106" / f"{document.sha256}-vraag.pdf").read_bytes() == content

    outbox = tmp_path / "outbox.jsonl"
    on = registry.open_notifiers({"example_outbox": str(outbox)}, {})
    assert on == ("example-outbox", "log")
    outcomes = registry.notify(
        Alert(
            kind=AlertKind.GOVERNMENT_REQUEST,
            enterprise_number=document.enterprise_number,
            company_name="Acme",
            recipient="an.peeters@firm.example",
            subject=document.title,
            message="A request for information arrived.",
            document_sha256=document.sha256,
        )
    )
    assert outcomes == {"example-outbox": NotifyOutcome.LOGGED, "log": NotifyOutcome.LOGGED}
    assert json.loads(outbox.read_text(encoding="utf-8")) == {
        "kind": "government_request",
        "to": "an.peeters@firm.example",
        "subject": "Vraag om inlichtingen 2024",
    }


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_blocked(example: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if how == "environment":
        monkeypatch.setenv("GOVLINK_DISABLE_PLUGINS", "example")
    registry = Registry(blocked=("example",) if how == "argument" else ())
    assert [info.name for info in registry.plugins()] == BUILTIN_NAMES
    assert registry.source_for("example://x") is None
    assert "govlink_example" not in sys.modules


def test_entry_points_are_loaded_lazily(example: Path) -> None:
    registry = Registry()
    assert "govlink_example" not in sys.modules
    registry.sinks()
    assert "govlink_example" in sys.modules


def test_entry_points_can_be_turned_off(example: Path) -> None:
    assert [info.name for info in Registry(entry_points=False).plugins()] == BUILTIN_NAMES


def test_a_broken_plugin_is_reported_and_the_others_work(example: Path) -> None:
    (example / "govlink_broken.py").write_text("import not_a_real_module\n", encoding="utf-8")
    _install(example, "govlink-broken", "0.1", {"broken": "govlink_broken"})
    _install(example, "govlink-missing", "0.2", {"missing": "govlink_missing:plugin"})
    registry = Registry()
    with pytest.warns(PluginLoadWarning) as warned:
        failed = registry.failed
    assert {(f.name, f.error, f.distribution) for f in failed} == {
        (
            "broken",
            "ModuleNotFoundError: No module named 'not_a_real_module'",
            "govlink-broken 0.1",
        ),
        (
            "missing",
            "ModuleNotFoundError: No module named 'govlink_missing'",
            "govlink-missing 0.2",
        ),
    }
    assert len(warned) == 2
    assert "govlink plugin 'broken' failed to load" in str(warned[0].message)
    assert [info.name for info in registry.plugins()] == sorted([*BUILTIN_NAMES, "example"])


def test_a_plugin_with_an_unknown_hook_fails_alone(example: Path) -> None:
    (example / "govlink_typo.py").write_text(
        "from govlink.plugins import hookimpl\n\n@hookimpl\ndef govlink_source():\n    return []\n",
        encoding="utf-8",
    )
    _install(example, "govlink-typo", "1.0", {"typo": "govlink_typo"})
    registry = Registry()
    with pytest.warns(PluginLoadWarning, match="unknown hooks govlink_source;"):
        [failed] = registry.failed
    assert failed.origin is PluginOrigin.ENTRY_POINT
    assert "typo" not in {info.name for info in registry.plugins()}


def test_an_entry_point_cannot_take_a_builtin_name(example: Path) -> None:
    _install(example, "govlink-fake-excel", "1.0", {"excel": "govlink_example"})
    registry = Registry()
    with pytest.warns(PluginLoadWarning, match="'excel' is already taken"):
        [failed] = registry.failed
    assert failed.distribution == "govlink-fake-excel 1.0"
    with pytest.raises(PluginError):
        registry.register(object(), name="excel")
