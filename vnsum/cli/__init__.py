"""The ``vnsum`` command line: a thin shell over the library (parse, build the pipeline, render, map errors).

``env.py`` holds the streams, ``main.py`` the entry point, exit codes and signals, ``output.py`` ``-o``,
``progress.py`` the spinner; each command has its own module, gathered in ``app.py``.
"""

from vnsum.cli.main import main

__all__ = ["main"]
