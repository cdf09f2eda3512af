"""Entry point of the frozen app: the same `crossings` command as the console script (gui.cli:entry)."""

import os
import sys

# A windowed Windows build (Crossings.exe, no console) has no stdout/stderr; entry() flushes them.
if sys.stdout is None:
    sys.stdout = open(os.devnull, "w")
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w")

import multiprocessing

from gui.cli import entry

# `crossings atlas` and File → Export series start worker processes with "spawn": in a frozen app
# each worker is this program again, and freeze_support() makes it run the worker, not the app.
multiprocessing.freeze_support()

entry()
