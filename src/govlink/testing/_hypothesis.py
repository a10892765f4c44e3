"""The ``hypothesis`` entry point: registers govlink types for ``st.from_type``.

Import-light on purpose: hypothesis runs it while importing itself, so hypothesis and the
strategies module are imported only inside the hook and drawn from lazily.
"""

from __future__ import annotations


def setup_hook() -> None:
    """Register :class:`~govlink.EnterpriseNumber` and :class:`~govlink.Company` with hypothesis."""
    from hypothesis import strategies as st

    from govlink.domain.company import Company
    from govlink.domain.enterprise_number import EnterpriseNumber

    def numbers() -> st.SearchStrategy[EnterpriseNumber]:
        from govlink.testing.strategies import enterprise_numbers

        return enterprise_numbers()

    def companies() -> st.SearchStrategy[Company]:
        from govlink.testing.strategies import companies

        return companies()

    st.register_type_strategy(EnterpriseNumber, st.deferred(numbers))
    st.register_type_strategy(Company, st.deferred(companies))
