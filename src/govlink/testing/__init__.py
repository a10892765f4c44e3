"""Tools for testing code that uses govlink: hypothesis strategies, API simulators, fixtures.

Needs the ``testing`` extra (``pip install 'govlink[testing]'``). Submodules:
:mod:`~govlink.testing.strategies` (hypothesis strategies), :mod:`~govlink.testing.fixtures`
(an empty registry and a hook recorder), :mod:`~govlink.testing.cli` (the ``govlink`` command
run in-process), :mod:`~govlink.testing.clock` (``ScaledClock``,
``SimulatedClock``), the simulators :mod:`~govlink.testing.adminpulse`,
:mod:`~govlink.testing.adminis`, :mod:`~govlink.testing.myminfin` and
:mod:`~govlink.testing.smtp`, sample data in :mod:`~govlink.testing.documents` and
:mod:`~govlink.testing.planner`, and OpenDocument spreadsheets as LibreOffice saves them,
:mod:`~govlink.testing.ods`.
"""

__all__: list[str] = []
