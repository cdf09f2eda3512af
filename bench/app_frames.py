"""Frame times of the map canvas: full renders and interactive repaints, at full extent and zoomed in.

While the user drags or scrolls, the canvas repaints its cached image shifted/scaled (the frame
a user sees); once interaction settles it re-renders through MapRenderer. Both are measured on
the bundled data in a 1000 x 700 px canvas, offscreen.

    python bench/app_frames.py [--size 1000x700] [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


def stats(ms: list[float]) -> str:
    ms = sorted(ms)
    return f"median {statistics.median(ms):6.1f} ms   p95 {ms[int(len(ms) * 0.95) - 1 if len(ms) > 1 else 0]:6.1f} ms   max {ms[-1]:6.1f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="1000x700")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    w, h = map(int, args.size.split("x"))

    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from geo.document import MapDocument
    from gui.fonts import ensure_fonts
    from gui.map_canvas import MapCanvas

    ensure_fonts()
    canvas = MapCanvas(MapDocument.from_files())
    canvas.resize(w, h)
    canvas.show()
    app.processEvents()
    canvas.render_now()  # warm the caches (projection, simplification)
    print(f"canvas {w} x {h} px, bundled data, {args.repeat} frames each")
    for label, zoom in (("full extent", 1.0), ("zoomed in x8 (Strait of Sicily)", 8.0)):
        canvas.zoom_full()
        if zoom != 1.0:
            # centre on the Strait of Sicily, then zoom
            from pyproj import Transformer

            from geo.projection import resolve_crs

            x, y = Transformer.from_crs("EPSG:4326", resolve_crs(canvas.doc.crs), always_xy=True).transform(12.0, 36.0)
            e = canvas.view.extent
            dx, dy = (e[2] - e[0]) / 2, (e[3] - e[1]) / 2
            canvas.set_extent((x - dx / zoom, y - dy / zoom, x + dx / zoom, y + dy / zoom))
        renders, pans, zooms = [], [], []
        for i in range(args.repeat):
            canvas.pan(3.0 if i % 2 else -3.0, 1.0)
            canvas.render_now()
            renders.append(canvas.last_render_ms)
        canvas.render_now()
        for _ in range(args.repeat):
            canvas.pan(7.0, 3.0)  # what a drag does per mouse move
            t = time.perf_counter()
            canvas.repaint()
            pans.append((time.perf_counter() - t) * 1000)
        canvas.render_now()
        for i in range(args.repeat):
            canvas.zoom(1.05 if i % 2 == 0 else 1 / 1.05, QPointF(w / 3, h / 3))  # wheel steps
            t = time.perf_counter()
            canvas.repaint()
            zooms.append((time.perf_counter() - t) * 1000)
        # a drag that continues while the settled view renders on the worker thread (GIL shared)
        busy = []
        canvas.pan(1.0, 0.0)
        canvas._render_later()
        while canvas._rendering:
            canvas.pan(2.0, 1.0)
            t = time.perf_counter()
            canvas.repaint()
            busy.append((time.perf_counter() - t) * 1000)
            app.processEvents()
            time.sleep(0.004)
        print(f"\n{label}")
        print(f"  repaint while panning   {stats(pans)}")
        print(f"  repaint while zooming   {stats(zooms)}")
        print(f"  repaint during a background render  {stats(busy)}  ({len(busy)} frames)")
        print(f"  full render (settled)   {stats(renders)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
