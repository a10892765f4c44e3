"""``python -m govlink``: the ``govlink`` command (the same as the console script)."""

from govlink.cli import main

main()
