"""Tools for testing code that uses govlink: hypothesis strategies, API simulators, fixtures.

Needs the ``testing`` extra (``pip install 'govlink[testing]'``). Submodules:
:mod:`govlink.testing.strategies`, :mod:`govlink.testing.adminpulse` (the AdminPulse simulator).
"""

__all__: list[str] = []
