"""The ``vnsum`` command line: a thin shell over the library (parse, build the pipeline, render, map errors).

``env.py`` holds the streams, ``run.py`` exit codes and signals, ``output.py`` ``-o``,
``progress.py`` the spinner; each command has its own module, gathered in ``app.py``.
"""

from vnsum.cli.run import main

__all__ = ["main"]
