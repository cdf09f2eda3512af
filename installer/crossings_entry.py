"""Entry point of the frozen app: the same `crossings` command as the console script (gui.cli:entry)."""

import os
import sys

# A windowed Windows build (Crossings.exe, no console) has no stdout/stderr; entry() flushes them.
if sys.stdout is None:
    sys.stdout = open(os.devnull, "w")
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w")

from gui.cli import entry

entry()
