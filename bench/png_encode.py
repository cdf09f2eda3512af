"""PNG encodes of the default map's pixels: size and time of each candidate, for bench/README.md.

    python -m bench.png_encode            # 7 interleaved rounds, prints a Markdown table
    python -m bench.png_encode -n 11

The page is rendered once (A4 landscape, 300 dpi, 3508 x 2480 px, what ``crossings render`` draws);
every candidate then encodes the same pixels, in turn, N times; medians of wall time and of the
process's CPU time (both threads: steadier than wall time on a busy machine). The question
(issue 13): an encode no larger than the standard library's best level (zlib 9) within the time
budget of the encode it replaces (filter 'Up', zlib level 3, two threads).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
import zlib
from pathlib import Path

if __package__ in (None, ""):  # `python bench/png_encode.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _page_pixels():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from geo.document import MapDocument
    from geo.page import Page
    from gui.export import render_image
    from gui.qt_app import ensure_gui_app

    ensure_gui_app()
    doc = MapDocument.from_files()
    doc.select(None, None, None)
    return render_image(doc, Page("A4", "landscape", 300))


def _whole(image, filter_type: int):
    """Every row filtered into one buffer (for the single-stream references)."""
    import numpy as np

    from gui.png_writer import _filter_rows, _pixels

    px, _, keep = _pixels(image)
    h, w, channels = px.shape
    out = np.empty((h, w * channels + 1), np.uint8)
    _filter_rows(px, 0, h, filter_type, np.zeros((h + 1, w, channels), np.uint8), out)
    return out, keep


def _adaptive(image):
    """Each row with the filter whose output has the least sum of absolute values (libpng's heuristic)."""
    import numpy as np

    from gui.png_writer import _pixels

    px, _, _ = _pixels(image)
    h, w, channels = px.shape
    rows = px.reshape(h, w * channels).astype(np.int16)
    up = np.vstack([np.zeros((1, rows.shape[1]), np.int16), rows[:-1]])
    left = np.hstack([np.zeros((h, channels), np.int16), rows[:, :-channels]])
    up_left = np.hstack([np.zeros((h, channels), np.int16), up[:, :-channels]])
    p = left + up - up_left
    pa, pb, pc = np.abs(p - left), np.abs(p - up), np.abs(p - up_left)
    paeth = np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, up, up_left))
    candidates = [rows, rows - left, rows - up, rows - (left + up) // 2, rows - paeth]
    filtered = [(c & 0xFF).astype(np.uint8) for c in candidates]
    cost = np.stack([np.abs(f.view(np.int8).astype(np.int32)).sum(axis=1) for f in filtered])
    best = cost.argmin(axis=0)
    out = np.empty((h, w * channels + 1), np.uint8)
    out[:, 0] = best
    for k, f in enumerate(filtered):
        out[best == k, 1:] = f[best == k]
    return out


def candidates(image):
    """(name, encode function returning the file's size in bytes), the chosen one marked."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImageWriter

    from gui.png_writer import FILTER_NONE, FILTER_UP, encode_png

    up_rows, _ = _whole(image, FILTER_UP)
    none_rows, _ = _whole(image, FILTER_NONE)
    adaptive_rows = _adaptive(image)

    def ours(level, filter_type):
        return lambda: len(encode_png(image, 300.0, level, filter_type=filter_type))

    def qt():
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        QImageWriter(buffer, b"png").write(image)
        return buffer.size()

    def pillow():
        from PIL import Image

        from gui.png_writer import _pixels

        px, _, _ = _pixels(image)
        out = io.BytesIO()
        Image.fromarray(px.copy()).save(out, "png", optimize=True)
        return out.tell()

    rows = [
        ("before: 'Up', zlib 3, two threads", ours(3, FILTER_UP)),
        ("**chosen: 'None', zlib 4, two threads**", ours(4, FILTER_NONE)),
        ("'None', zlib 5, two threads", ours(5, FILTER_NONE)),
        ("'None', zlib 6, two threads", ours(6, FILTER_NONE)),
        ("'None', zlib 3, two threads", ours(3, FILTER_NONE)),
        ("'Up', zlib 6, two threads", ours(6, FILTER_UP)),
        ("reference: 'Up' rows, zlib 9, one stream", lambda: len(zlib.compress(up_rows.data, 9))),
        ("'None' rows, zlib 9, one stream", lambda: len(zlib.compress(none_rows.data, 9))),
        ("adaptive filter per row (filtering not timed), zlib 6, one stream",
         lambda: len(zlib.compress(adaptive_rows.data, 6))),
        ("Qt's QImageWriter (default settings)", qt),
    ]
    try:
        import PIL  # noqa: F401  (the bench extra's matplotlib brings Pillow)

        rows.append(("Pillow optimize=True (libpng: adaptive filter, zlib 9)", pillow))
    except ImportError:
        pass
    return rows


def run(n: int = 7, log=print) -> list[dict]:
    image = _page_pixels()
    rows = candidates(image)
    times: dict[str, list[float]] = {name: [] for name, _ in rows}
    cpu: dict[str, list[float]] = {name: [] for name, _ in rows}
    sizes: dict[str, int] = {}
    for name, encode in rows:  # warm-up
        sizes[name] = encode()
    for k in range(n):
        order = rows[k % len(rows):] + rows[: k % len(rows)]  # interleaved, starting elsewhere each round
        for name, encode in order:
            t, c = time.perf_counter(), time.process_time()
            encode()
            times[name].append(time.perf_counter() - t)
            cpu[name].append(time.process_time() - c)
        log(f"round {k + 1}/{n}")
    reference = sizes["reference: 'Up' rows, zlib 9, one stream"]
    return [{"name": name, "bytes": sizes[name], "vs_reference": sizes[name] / reference,
             "median_ms": statistics.median(times[name]) * 1e3, "best_ms": min(times[name]) * 1e3,
             "cpu_ms": statistics.median(cpu[name]) * 1e3}
            for name, _ in rows]


def table(results: list[dict]) -> str:
    lines = ["| Encode | Size | vs zlib 9 reference | Wall time, median (best) | CPU time, median |",
             "|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['name']} | {r['bytes'] / 1e3:,.0f} kB | {r['vs_reference']:.2f} | "
                     f"{r['median_ms']:.0f} ms ({r['best_ms']:.0f} ms) | {r['cpu_ms']:.0f} ms |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=7, help="rounds (default 7)")
    args = parser.parse_args(argv)
    print(table(run(args.n, log=lambda *a: print(*a, file=sys.stderr))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
