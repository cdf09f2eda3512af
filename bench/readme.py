"""The one place that writes figures into bench/README.md: between a benchmark's markers only."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parent / "README.md"


def replace_section(start: str, end: str, text: str, heading: str) -> None:
    """Put ``text`` between the ``start`` and ``end`` markers; add them under ``heading`` if missing.
    Everything else in the file is written by hand and left as it is."""
    body = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    block = f"{start}\n{text}\n{end}"
    if start in body and end in body:
        head, rest = body.split(start, 1)
        _, tail = rest.split(end, 1)
        body = head + block + tail
    else:
        body = body.rstrip("\n") + f"\n\n## {heading}\n\n{block}\n"
    README.write_text(body, encoding="utf-8")
