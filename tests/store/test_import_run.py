"""``ImportRun``: its changes given as they are, or as a function that builds them on first read,
make the same run."""

from __future__ import annotations

from govlink import EnterpriseNumber
from govlink.store import AppliedChange, ImportRun
from govlink.testing.store_conformance import sample_run

_INFO = sample_run()
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
    empty = ImportRun(id=3, info=_INFO, changes=tuple)
    assert hash(empty) == hash(ImportRun(id=3, info=_INFO, changes=()))
