"""The default map (A4 landscape, 300 dpi): Crossings against geopandas + matplotlib in the same run.

Suites (each returns plain data; ``python -m bench`` prints and records them):

``cold``  whole fresh processes, interleaved A, B, C, A, B, C…:
          A  ``crossings render --no-geojson`` (PNG only)
          B  ``python bench/mpl_default_map.py`` (the same layers with geopandas + matplotlib, PNG)
          C  ``crossings render`` (PNG + the five GeoJSON layers), for information
          plus where a cold Crossings process spends its time (imports, data, first render, encode).
``warm``  in one process after a warm-up, interleaved per round:
          ``export_png(doc, …)`` (what the CLI and the app call), its two halves (``render_image`` and
          the PNG encode exactly as export_png does it), matplotlib ``savefig`` of a prepared figure
          (and its ``canvas.draw`` alone), and encoding a blank white 3508 x 2480 QImage with the same
          QImageWriter settings: the floor any PNG export pays.
``profile`` cProfile of the warm render and of a cold process' work, for "where the time goes".

This module imports only the standard library at the top, so ``python -c`` snippets can use it.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MPL_SCRIPT = ROOT / "bench" / "mpl_default_map.py"
TITLE = "Mixed migration routes: North Africa and the Mediterranean"


# -- helpers ----------------------------------------------------------------------------------
def summary(values: list[float]) -> dict:
    return {"n": len(values), "median": statistics.median(values), "best": min(values), "worst": max(values),
            "all": [round(v, 4) for v in values]}


def child_env() -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["MPLBACKEND"] = "Agg"
    env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


def crossings_command(geojson: bool) -> list[str]:
    """``crossings render`` for the default map, writing into the current folder: the console
    script beside this Python if installed."""
    exe = Path(sys.executable).with_name("crossings")
    base = [str(exe)] if exe.exists() else [sys.executable, "-m", "gui.cli"]
    return [*base, "render", *([] if geojson else ["--no-geojson"])]


def mpl_command(out_png: str | Path) -> list[str]:
    return [sys.executable, str(MPL_SCRIPT), str(out_png)]


def display_command(cmd: list[str]) -> str:
    """The command as a reader would type it from the repository root."""
    words = []
    for w in cmd:
        if w == sys.executable:
            w = "python"
        elif w.endswith("/crossings"):
            w = "crossings"
        elif w == str(MPL_SCRIPT):
            w = "bench/mpl_default_map.py"
        words.append(w)
    return " ".join(words)


def run_timed(cmd: list[str], cwd: str | Path) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one fresh process; raises if it fails."""
    return run_measured(cmd, cwd)[:2]


def run_measured(cmd: list[str], cwd: str | Path) -> tuple[float, float, float]:
    """Wall and CPU (user + system) seconds and peak memory (max RSS, MiB) of one fresh process, from
    its own resource usage (``os.wait4``: RUSAGE_CHILDREN's max RSS is the largest of all children);
    raises if it fails."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=child_env(), stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{display_command(cmd)} failed ({proc.returncode}):\n"
                               f"{err.read().decode(errors='replace')[-2000:]}")
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KiB on Linux, bytes on macOS
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / scale


def run_python(args: list[str], cwd: str | Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run this Python with ``args``; on failure raise with the end of its stderr."""
    proc = subprocess.run([sys.executable, *args], cwd=cwd, env=env or child_env(), capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"python {' '.join(a if len(a) < 60 else a[:57] + '...' for a in args)} failed "
                          f"({proc.returncode}):\n{proc.stderr[-1500:]}")
    return proc


def _informational(fn, *args):
    """Breakdowns are for reading, not the verdict: a failure is recorded, never fatal."""
    try:
        return fn(*args)
    except Exception as exc:
        print(f"bench: {fn.__name__} failed: {exc}", file=sys.stderr)
        return {"error": str(exc).splitlines()[0]}


# -- cold -------------------------------------------------------------------------------------
def cold(n: int = 7, log=print) -> dict:
    """Fresh processes, interleaved; one untimed warm-up of each (page cache, __pycache__)."""
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        tmp = Path(tmp)
        dirs = {k: tmp / k for k in ("crossings", "mpl", "crossings_geojson")}
        for d in dirs.values():
            d.mkdir()
        cmds = {  # each runs in its own empty folder, writing there
            "crossings": crossings_command(geojson=False),
            "mpl": mpl_command("mpl_default_map.png"),
            "crossings_geojson": crossings_command(geojson=True),
        }
        for key, cmd in cmds.items():  # also prepares the basemap cache, as a user's first render does
            run_timed(cmd, dirs[key])
        walls = {k: [] for k in cmds}
        cpus = {k: [] for k in cmds}
        peaks = {k: [] for k in cmds}
        order = list(cmds)
        for i in range(n):
            for key in order[i % 3:] + order[: i % 3]:  # rotate who goes first each round
                wall, cpu, peak = run_measured(cmds[key], dirs[key])
                walls[key].append(wall)
                cpus[key].append(cpu)
                peaks[key].append(peak)
            log(f"  cold round {i + 1}/{n}: " + ", ".join(f"{k} {walls[k][-1]:.2f}s" for k in order))
        outputs = {k: sorted((p.name, p.stat().st_size) for p in d.iterdir()) for k, d in dirs.items()}
        sample = tmp / "crossings"
        _keep_samples(sample, dirs["mpl"])
    paired = {f"{a}/mpl": statistics.median(x / y for x, y in zip(walls[a], walls["mpl"]))
              for a in ("crossings", "crossings_geojson")}
    return {
        "commands": {k: display_command(v) for k, v in cmds.items()},
        "paired": paired,
        "wall": {k: summary(v) for k, v in walls.items()},
        "cpu": {k: summary(v) for k, v in cpus.items()},
        "max_rss_mib": {k: summary(v) for k, v in peaks.items()},
        "outputs": outputs,
        "phases": {"crossings": _informational(cold_phases_crossings), "mpl": _informational(cold_phases_mpl)},
        "imports": _informational(import_times),
    }


def _keep_samples(crossings_dir: Path, mpl_dir: Path) -> None:
    """Leave the last PNGs of each side in bench/out/ to compare by eye (not committed)."""
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    for p in crossings_dir.glob("*.png"):
        (out / "crossings_default_map.png").write_bytes(p.read_bytes())
    for p in mpl_dir.glob("*.png"):
        (out / "mpl_default_map.png").write_bytes(p.read_bytes())


_CROSSINGS_PHASES = r"""
import time; t0 = time.perf_counter()
import json, os, sys, tempfile
from gui.cli import build_parser
from geo.document import MapDocument
from geo.page import Page
from gui.export import PngExportSettings, export_png, render_image
from gui.qt_app import ensure_gui_app
from PySide6.QtGui import QImage, QImageWriter
t1 = time.perf_counter()
ensure_gui_app()
t2 = time.perf_counter()
page = Page("A4", "landscape", 300.0)
doc = MapDocument.from_files(); doc.page = page; doc.select(None, None, None); doc.title = TITLE
doc.join()
t3 = time.perf_counter()
image = render_image(doc, page)
t4 = time.perf_counter()
from gui.png_writer import encode_png
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "x.png"), "wb") as f:
        f.write(encode_png(image, page.dpi))
t5 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "QGuiApplication": t2 - t1, "data (read + join)": t3 - t2,
                  "first render_image": t4 - t3, "PNG encode": t5 - t4}))
"""


def cold_phases_crossings(rounds: int = 3) -> dict:
    """Where a fresh ``crossings render --no-geojson`` process spends its time (median of rounds)."""
    code = f"TITLE = {TITLE!r}\n" + _CROSSINGS_PHASES
    runs = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        out = run_python(["-c", code]).stdout
        total = time.perf_counter() - t0
        phases = json.loads(out.strip().splitlines()[-1])
        phases["interpreter start + exit"] = total - sum(phases.values())
        runs.append(phases)
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def cold_phases_mpl(rounds: int = 3) -> dict:
    runs = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as d:
            env = child_env() | {"BENCH_PHASES": "1"}
            t0 = time.perf_counter()
            proc = run_python(mpl_command(Path(d) / "m.png")[1:], cwd=d, env=env)
            total = time.perf_counter() - t0
        phases = {k: float(v) for k, v in re.findall(r"([\w+]+)=([\d.]+)", proc.stderr)}
        phases["interpreter start + exit"] = total - sum(phases.values())
        runs.append(phases)
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def import_times() -> dict:
    """``python -X importtime`` of what ``crossings render --no-geojson`` imports, by top-level package (s,
    self time summed, so PySide6 is PySide6's own modules and geopandas does not include pandas). Not
    the GeoJSON writers (geo.exports, which bring GDAL): the PNG-only render never imports them."""
    code = ("import gui.cli, geo.document, gui.export, gui.qt_app; "
            "from PySide6.QtGui import QGuiApplication")
    proc = run_python(["-X", "importtime", "-c", code])
    tops: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|\s*(\S+)", line)
        if m:
            top = m.group(3).split(".")[0].lstrip("_")
            tops[top] = tops.get(top, 0.0) + int(m.group(1)) / 1e6
    total = sum(tops.values())
    ranked = dict(sorted(tops.items(), key=lambda kv: -kv[1])[:10])
    ranked["(all imports)"] = total
    return ranked


# -- warm -------------------------------------------------------------------------------------
class WarmBench:
    """Everything prepared once in this process: a Crossings document and a matplotlib figure."""

    def __init__(self) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ.setdefault("MPLBACKEND", "Agg")
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        from PySide6.QtGui import QColor, QImage, QImageWriter

        from bench.mpl_default_map import build_figure, default_document
        from gui.export import PngExportSettings, export_png, render_image
        from gui.qt_app import ensure_gui_app

        ensure_gui_app()
        self.QImage, self.QImageWriter = QImage, QImageWriter
        self._export_png, self._render_image = export_png, render_image
        self.doc, self.page = default_document()
        self.settings = PngExportSettings(self.page)
        mpl_doc, _ = default_document()  # its own document: no shared caches
        self.fig = build_figure(mpl_doc, self.page)
        w, h = self.page.size_px
        self.blank = QImage(w, h, QImage.Format.Format_RGB888)
        self.blank.fill(QColor("#ffffff"))
        self.tmp = tempfile.TemporaryDirectory(prefix="bench-warm-")
        self.dir = Path(self.tmp.name)

    # the timed pieces
    def export_png(self) -> None:
        self._export_png(self.doc, self.dir / "crossings.png", self.settings)

    def render_image(self):
        return self._render_image(self.doc, self.page)

    def encode(self, image, name: str = "encoded.png") -> None:
        """PNG encode exactly as gui/export.py's export_png does it (gui.png_writer.encode_png)."""
        from gui.png_writer import encode_png

        (self.dir / name).write_bytes(encode_png(image, 300.0))

    def encode_blank_ours(self) -> None:
        """For information: Crossings' own encoder on the blank page."""
        from gui.png_writer import encode_png

        (self.dir / "blank_ours.png").write_bytes(encode_png(self.blank, 300.0))

    def encode_blank(self) -> None:
        writer = self.QImageWriter(str(self.dir / "blank.png"), b"png")
        if not writer.write(self.blank):
            raise RuntimeError(writer.errorString())

    def mpl_savefig(self) -> None:
        self.fig.savefig(self.dir / "mpl.png", dpi=self.page.dpi)

    def mpl_draw(self) -> None:
        self.fig.canvas.draw()

    def sizes(self) -> dict:
        return {p.name: p.stat().st_size for p in sorted(self.dir.iterdir())}

    def close(self) -> None:
        import matplotlib.pyplot as plt

        plt.close(self.fig)
        self.tmp.cleanup()


def warm(n: int = 7, log=print) -> dict:
    b = WarmBench()
    try:
        # warm-up: one of each
        b.export_png()
        b.encode(b.render_image())
        b.mpl_savefig()
        b.mpl_draw()
        b.encode_blank()
        b.encode_blank_ours()
        keys = ("export_png", "render_image", "encode", "mpl_savefig", "mpl_draw", "blank_encode", "blank_encode_ours")
        times: dict[str, list[float]] = {k: [] for k in keys}
        cpu: dict[str, list[float]] = {k: [] for k in keys}

        def timed(key, fn, *args):
            c0, t0 = time.process_time(), time.perf_counter()
            out = fn(*args)
            times[key].append(time.perf_counter() - t0)
            cpu[key].append(time.process_time() - c0)
            return out

        for i in range(n):
            timed("export_png", b.export_png)
            timed("mpl_savefig", b.mpl_savefig)
            timed("blank_encode", b.encode_blank)
            timed("blank_encode_ours", b.encode_blank_ours)
            image = timed("render_image", b.render_image)
            timed("encode", b.encode, image)
            timed("mpl_draw", b.mpl_draw)
            log(f"  warm round {i + 1}/{n}: export_png {times['export_png'][-1] * 1e3:.0f} ms, "
                f"savefig {times['mpl_savefig'][-1] * 1e3:.0f} ms, blank {times['blank_encode'][-1] * 1e3:.0f} ms")
        sizes = b.sizes()
    finally:
        b.close()
    paired = {"export_png/blank_encode": statistics.median(a / b for a, b in zip(times["export_png"], times["blank_encode"])),
              "export_png/mpl_savefig": statistics.median(a / b for a, b in zip(times["export_png"], times["mpl_savefig"]))}
    return {"times": {k: summary(v) for k, v in times.items()}, "cpu": {k: summary(v) for k, v in cpu.items()},
            "paired": paired, "sizes": sizes}


# -- profile ----------------------------------------------------------------------------------
def _top(stats, root_only: bool, limit: int, per: int, key: str) -> list[dict]:
    rows = []
    for (filename, line, func), (cc, nc, tt, ct, _callers) in stats.stats.items():
        inside = filename.startswith(str(ROOT)) and "/bench/" not in filename
        if root_only and not inside:
            continue
        if func.startswith("<") and func != "<module>" and filename != "~":
            func = f"{line}{func}"  # <listcomp>, <genexpr>: say which one
        name = f"{Path(filename).relative_to(ROOT)}:{func}" if inside else (
            func if filename == "~" else f"{Path(filename).name}:{func}")
        rows.append({"function": name, "calls": nc // per, "tottime_ms": tt * 1e3 / per, "cumtime_ms": ct * 1e3 / per})
    rows.sort(key=lambda r: -r[key])
    return rows[:limit]


def profile_warm(rounds: int = 3) -> dict:
    """cProfile of ``render_image`` + encode on a warmed document (per call, ms; cProfile inflates
    Python-heavy code, so read the ranking, not the absolute figures)."""
    import cProfile
    import pstats

    b = WarmBench()
    try:
        b.encode(b.render_image())
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(rounds):
            b.encode(b.render_image())
        prof.disable()
    finally:
        b.close()
    stats = pstats.Stats(prof)
    return {"self": _top(stats, False, 16, rounds, "tottime_ms"),
            "project": _top(stats, True, 16, rounds, "cumtime_ms")}


_COLD_PROFILE = r"""
import cProfile, io, json, os, pstats, sys, tempfile
from gui.cli import main
from bench.default_map import _top, ROOT
prof = cProfile.Profile()
with tempfile.TemporaryDirectory() as d:
    prof.enable()
    main(["render", "--no-geojson", "-q", "--out-dir", d])
    prof.disable()
stats = pstats.Stats(prof)
print(json.dumps({"self": _top(stats, False, 16, 1, "tottime_ms"), "project": _top(stats, True, 16, 1, "cumtime_ms")}))
"""


def profile_cold() -> dict:
    """cProfile of ``crossings render --no-geojson`` in a fresh process, after its imports."""
    out = run_python(["-c", _COLD_PROFILE]).stdout
    return json.loads(out.strip().splitlines()[-1])


def profile(n: int = 3, log=print) -> dict:
    log("  profiling the warm render…")
    warm_p = _informational(profile_warm, n)
    log("  profiling a cold render…")
    return {"warm": warm_p, "cold": _informational(profile_cold)}


SUITES = {"cold": cold, "warm": warm, "profile": profile}
