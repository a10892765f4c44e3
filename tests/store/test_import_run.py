"""``ImportRun``: its changes given as they are, or as a function that builds them on first read,
make the same run."""

from __future__ import annotations

from datetime import UTC, datetime

from govlink import EnterpriseNumber
from govlink.store import AppliedChange, ImportCounts, ImportRun, RunInfo

_INFO = RunInfo(
    at=datetime(2026, 1, 1, tzinfo=UTC),
    source="excel",
    location="clients.xlsx",
    actor="an",
    counts=ImportCounts(
        rows=1, only_in_source=1, only_in_platform=0, matching=0, changed=0, invalid=0
    ),
)
_CHANGES = (
    AppliedChange(
        enterprise_number=EnterpriseNumber.parse("0403019261"),
        action="added",
        fields=("name",),
        before={},
        after={"name": "Acme"},
    ),
)


def test_changes_built_on_first_read_once_make_the_same_run() -> None:
    built: list[int] = []

    def build() -> tuple[AppliedChange, ...]:
        built.append(1)
        return _CHANGES

    lazy = ImportRun(id=1, info=_INFO, changes=build)
    assert built == []
    assert lazy == ImportRun(id=1, info=_INFO, changes=_CHANGES)
    assert (lazy.changes, lazy.added, lazy.updated) == (
        _CHANGES,
        (_CHANGES[0].enterprise_number,),
        (),
    )
    assert built == [1]
    assert lazy != ImportRun(id=2, info=_INFO, changes=_CHANGES)
