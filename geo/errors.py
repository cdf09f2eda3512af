"""The one error type a user's mistake may raise, so callers can show it instead of a traceback."""

from __future__ import annotations

from pathlib import Path


class CrossingsError(Exception):
    """Base of every error caused by input or environment rather than by a bug in Crossings."""


class DataError(CrossingsError):
    """A data file is unreadable or wrong.

    The message names the file, the place in it (row or feature) and what is wrong, so that
    ``str(err)`` is a complete one-line message for a cartographer, e.g.
    ``flows.csv, row 12: value 'abc' is not a number``.
    """

    def __init__(self, path: str | Path | None, where: str | None, what: str):
        self.path = Path(path) if path is not None else None
        self.where = where
        self.what = what
        parts = [p for p in (self.path.name if self.path else None, where) if p]
        super().__init__(", ".join(parts) + (": " if parts else "") + what)


class ExportError(CrossingsError):
    """An output file could not be written; nothing partial was left behind."""


class ChoiceNeeded(DataError):
    """A file holds several layers or sheets that could be meant: Crossings never picks one silently.

    ``options`` are the names to choose from (the window asks; the command line takes
    ``file#name``); ``kind`` is "layer" or "sheet".
    """

    def __init__(self, path: str | Path, kind: str, options: list[str], what: str):
        self.kind = kind
        self.options = list(options)
        super().__init__(path, None, what)


def split_choice(text: str | Path) -> tuple[Path, str | None]:
    """``routes.gpkg#routes_2024`` → the file and the layer or sheet named after ``#``.

    A file whose own name holds ``#`` is still found: the text is split only when it does not
    name an existing file.
    """
    text = str(text)
    if "#" not in text or Path(text).exists():
        return Path(text), None
    base, _, name = text.rpartition("#")
    return Path(base), name or None
