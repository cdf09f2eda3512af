"""``make gallery``: every map a reviewer must see before a release, with 100 % crops of the dense areas.

A map's defects show at print resolution in a handful of crowded places (the Strait of Gibraltar, the
Algeria–Balearic crossing, the Sicilian channel, the Canaries), and differ with period, metric, page,
projection and language. The gallery draws a fixed set of maps covering each of those, cuts those
places out at 100 % and writes one offline contact sheet, so that a person can look at all of it in
a few minutes instead of opening dozens of 3,500-pixel PNGs by hand.

    python -m tools.gallery [--out DIR] [--only NAME ...] [--jobs N] [--list]

Each map is drawn in its own process (``tools.gallery_crops``), two at a time by default: a crash or
an error in one map is named in the progress and on the contact sheet, and the others are drawn.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "out" / "gallery"
MAP_TIMEOUT_S = 600
"""A map that takes longer than this is stopped and reported: a hung render must not hang the gallery."""


@dataclass(frozen=True)
class GalleryMap:
    """One map of the gallery: its file name, what it shows and the ``crossings render`` arguments."""

    name: str
    title: str
    args: tuple[str, ...] = ()
    panels: tuple[str, ...] = ()
    """Small multiples: the panels' periods, in drawing order (they name the panels' crops)."""


def _slug(text: str) -> str:
    return re.sub(r"[^\w-]+", "_", text).strip("_")


def period_metric_maps(flows: Path, prefix: str = "", title_prefix: str = "",
                       extra: tuple[str, ...] = ()) -> list[GalleryMap]:
    """One map per period × metric of a figures file, found in the file (never a list kept by hand:
    a period added to the bundled data joins the gallery by itself)."""
    from geo.flow_table import read_flow_table

    table = read_flow_table(flows)
    maps = []
    for period in table.periods():
        for metric in table.metrics(str(period)):
            maps.append(GalleryMap(f"{prefix}{_slug(str(period))}_{metric}",
                                   f"{title_prefix}{period.display()}, {metric.replace('_', ' ')}",
                                   (*extra, "--period", str(period), "--metric", metric)))
    return maps


def catalogue() -> list[GalleryMap]:
    """Every map of the gallery, in the order the contact sheet shows them."""
    from geo import paths

    od = paths.data_path("flows", "od_2024.csv")
    maps = period_metric_maps(paths.default_flows())
    maps += period_metric_maps(od, "od_", "Origin–destination: ", ("--flows", str(od)))
    default = "the default map (latest quarter, arrivals)"
    maps += [
        GalleryMap("small_multiples_2023_2024_arrivals", "Small multiples, 2023 and 2024 arrivals on one width scale",
                   ("--periods", "2023", "2024"), panels=("2023", "2024")),
        GalleryMap("change_2024_vs_2023_arrivals", "Change map: 2024 arrivals against 2023, coloured by change",
                   ("--period", "2024", "--compare", "previous", "--colour-by", "change")),
        GalleryMap("a3_portrait", f"A3 portrait, {default}", ("--page", "A3", "--orientation", "portrait")),
        GalleryMap("lang_fr", f"French, {default}", ("--language", "fr")),
        GalleryMap("lang_ar", f"Arabic, {default}", ("--language", "ar")),
        GalleryMap("crs_epsg3035", f"ETRS89 / LAEA Europe (EPSG:3035), {default}", ("--crs", "EPSG:3035")),
        GalleryMap("crs_epsg3857", f"Web Mercator (EPSG:3857), {default}", ("--crs", "EPSG:3857")),
    ]
    names = [m.name for m in maps]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:  # two maps on one file name would overwrite each other silently
        raise RuntimeError(f"gallery maps share a name: {', '.join(sorted(dupes))}")
    return maps


@dataclass
class Outcome:
    gallery_map: GalleryMap
    ok: bool
    seconds: float
    message: str = ""


def remove_outputs(out: Path, name: str) -> None:
    """A map's files from an earlier run: a stale PNG beside a failed render would be reviewed as current."""
    for path in [*out.glob(f"{name}.*"), *out.glob(f"{name}__*")]:
        if path.is_file():
            path.unlink()


def render_map(gallery_map: GalleryMap, out: Path) -> Outcome:
    """Draw one map in a child process; its stderr (warnings, or the error) is kept as ``NAME.log``."""
    from tools.gallery_crops import write_manifest

    remove_outputs(out, gallery_map.name)
    cmd = [sys.executable, "-m", "tools.gallery_crops", gallery_map.name, str(out), *gallery_map.panels,
           "--", *gallery_map.args]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=MAP_TIMEOUT_S)
        code, log = proc.returncode, proc.stdout + proc.stderr
    except subprocess.TimeoutExpired as exc:
        code = None
        log = f"{exc.stdout or ''}{exc.stderr or ''}\ngallery: stopped after {MAP_TIMEOUT_S} s"
    seconds = time.perf_counter() - started
    (out / f"{gallery_map.name}.log").write_text(log if isinstance(log, str) else str(log), encoding="utf-8")
    if code == 0:
        return Outcome(gallery_map, True, seconds)
    lines = [line for line in str(log).splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("crossings: error")]  # the CLI's own one-line message
    reason = (errors or lines or [f"exit status {code}"])[-1]
    if code is not None and code < 0:
        reason = f"killed by signal {-code} ({reason})"
    write_manifest(out, {"name": gallery_map.name, "status": "failed", "argv": ["crossings", "render", *gallery_map.args],
                         "error": reason, "seconds": round(seconds, 2), "views": [], "crops": []})
    return Outcome(gallery_map, False, seconds, reason)


def run_maps(maps: list[GalleryMap], out: Path, jobs: int = 2, say=print) -> list[Outcome]:
    """Draw ``maps`` ``jobs`` at a time, saying each one that starts and ends; one failure stops nothing."""
    out.mkdir(parents=True, exist_ok=True)
    lock = threading.Lock()
    done: list[Outcome] = []
    width = max((len(m.name) for m in maps), default=0)

    def one(gallery_map: GalleryMap) -> Outcome:
        with lock:
            say(f"          start  {gallery_map.name}")
        outcome = render_map(gallery_map, out)
        with lock:
            done.append(outcome)
            status = "ok    " if outcome.ok else "FAILED"
            line = f"[{len(done):>2}/{len(maps)}] {status} {gallery_map.name:<{width}} {outcome.seconds:5.1f} s"
            say(line + (f"  {outcome.message}" if outcome.message else ""))
        return outcome

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        outcomes = list(pool.map(one, maps))
    return outcomes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tools.gallery", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the gallery (default: out/gallery)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="draw only these maps (see --list); the contact "
                                                                  "sheet keeps the other maps already in the folder")
    parser.add_argument("--jobs", type=int, default=2, help="maps drawn at a time, one process each (default: 2)")
    parser.add_argument("--list", action="store_true", help="list the maps' names and what they show, then stop")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    maps = catalogue()
    if args.list:
        for m in maps:
            print(f"{m.name:<40} {m.title}")
        return 0
    chosen = maps
    if args.only:
        known = {m.name for m in maps}
        unknown = [n for n in args.only if n not in known]
        if unknown:
            print(f"gallery: no map named {', '.join(unknown)}; the maps are: {', '.join(sorted(known))}",
                  file=sys.stderr)
            return 2
        chosen = [m for m in maps if m.name in args.only]
    if not 1 <= args.jobs <= 64:
        print(f"gallery: --jobs {args.jobs} is not between 1 and 64", file=sys.stderr)
        return 2
    out = args.out.resolve()
    started = time.perf_counter()
    print(f"gallery: {len(chosen)} maps into {out}, {args.jobs} at a time", flush=True)
    outcomes = run_maps(chosen, out, args.jobs, say=lambda line: print(line, flush=True))
    from tools.gallery_index import write_index

    index = write_index(out, maps, time.perf_counter() - started)
    failed = [o.gallery_map.name for o in outcomes if not o.ok]
    total = time.perf_counter() - started
    print(f"gallery: {len(outcomes) - len(failed)} of {len(outcomes)} maps in {total:.1f} s; contact sheet {index}")
    if failed:
        print(f"gallery: FAILED: {', '.join(failed)} (their .log files say why)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
