"""``python -m govlink.cli``: the ``govlink`` command."""

from govlink.cli import main

main()
