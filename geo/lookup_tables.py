"""The small CSV tables shipped beside the figures (metrics.csv, relations.csv): read whole, checked
for their columns, and yielded row by row with the row number a spreadsheet shows."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from geo.errors import DataError


def table_rows(path: str | Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, cells stripped) for each row; a DataError names the file when it cannot be read or
    lacks a column. The header is row 1."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, None, f"cannot be read ({exc})") from None
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise DataError(path, "row 1", f"misses the column(s) {', '.join(missing)}")
    for n, row in enumerate(reader, start=2):
        yield n, {c: (row.get(c) or "").strip() for c in columns}
