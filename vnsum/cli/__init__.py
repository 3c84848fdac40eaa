"""The ``vnsum`` command line: a thin shell over the library."""

from vnsum.cli.app import main

__all__ = ["main"]
