"""``python -m vnsum`` is the ``vnsum`` command."""

from vnsum.cli import main

main()
