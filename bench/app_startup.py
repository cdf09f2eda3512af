"""Cold start of the desktop app to the first painted map, and peak memory of a session.

Each run starts a fresh Python process (offscreen Qt), opens the main window on the bundled data
and stops when the canvas has painted its first rendered map; it then pans, zooms and renders
at two scales and previews an export, and reports the process's peak resident memory.

    python bench/app_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(t0: float) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from gui.app import make_app

    app = make_app([])
    from gui.main_window import MainWindow

    window = MainWindow(state_dir=Path(tempfile.mkdtemp()))
    canvas = window.canvas
    first = {}
    original = canvas.paintEvent

    def paint(event):
        original(event)
        if canvas._image is not None and "t" not in first:
            first["t"] = time.time() - t0
            app.quit()

    canvas.paintEvent = paint
    window.show()
    app.exec()
    # a short session: zoom in and out, render at both scales, preview an export
    from PySide6.QtCore import QPointF

    canvas.zoom(8.0, QPointF(canvas.width() * 0.6, canvas.height() * 0.4))
    canvas.render_now()
    canvas.zoom_full()
    window.show_export().close()
    import resource

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"first_map_s": first["t"], "peak_mib": peak_mib}))
    window.history.mark_clean()
    window.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        child(args.child)
        return 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.qpa.*=false",
           "XDG_CONFIG_HOME": tempfile.mkdtemp(), "XDG_DATA_HOME": tempfile.mkdtemp()}
    firsts, peaks = [], []
    for _ in range(args.runs):
        t0 = time.time()
        out = subprocess.run([sys.executable, __file__, "--child", repr(t0)], env=env, capture_output=True,
                             text=True, check=True, cwd=ROOT)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        firsts.append(result["first_map_s"])
        peaks.append(result["peak_mib"])
    print(f"cold start to first painted map ({args.runs} runs): median {statistics.median(firsts):.2f} s, "
          f"min {min(firsts):.2f} s, max {max(firsts):.2f} s   (target < 1.5 s)")
    print(f"peak memory (start, zoom, renders, export preview): median {statistics.median(peaks):.0f} MiB, "
          f"max {max(peaks):.0f} MiB   (target < 300 MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
