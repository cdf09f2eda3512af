"""A whole series in one call against the matplotlib script run once per map.

    python -m bench.atlas                  # 3 rounds, print the table
    python -m bench.atlas -n 5 --write-readme

Crossings: ``crossings atlas --periods 2024Q4 2024 --languages en fr ar --formats png`` (every
metric the two periods have: 18 maps at A4 300 dpi, plus the PDF atlas), one process that starts
a worker per core. The alternative: ``bench/mpl_default_map.py`` (geopandas + matplotlib drawing
the default map at A4 300 dpi) run as a separate process once per map, which is what a
cartographer scripting the series with matplotlib would do. Rounds alternate the two sides;
medians decide. Target (issue "A whole series in one call"): ≤ 0.15×.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.default_map import mpl_command, run_timed  # noqa: E402
from bench.readme import replace_section  # noqa: E402

START, END = "<!-- bench:atlas:start -->", "<!-- bench:atlas:end -->"
TARGET = 0.15
SERIES = ["--periods", "2024Q4", "2024", "--languages", "en", "fr", "ar", "--formats", "png"]


def atlas_command() -> list[str]:
    exe = Path(sys.executable).with_name("crossings")
    base = [str(exe)] if exe.exists() else [sys.executable, "-m", "gui.cli"]
    return [*base, "atlas", "-q", *SERIES]


def count_maps(folder: Path) -> int:
    return len(list(folder.glob("crossings_*.png")))


def run(rounds: int, log=print) -> dict:
    ours, theirs, maps = [], [], 0
    for r in range(rounds):
        with tempfile.TemporaryDirectory() as d:
            wall, _ = run_timed([*atlas_command(), "--out-dir", d], d)
            maps = count_maps(Path(d))
            if not (Path(d) / "atlas.pdf").exists():
                raise RuntimeError("the atlas wrote no atlas.pdf")
        ours.append(wall)
        with tempfile.TemporaryDirectory() as d:
            t0 = time.perf_counter()
            for i in range(maps):
                run_timed(mpl_command(Path(d) / f"map{i}.png"), d)
            theirs.append(time.perf_counter() - t0)
        log(f"round {r + 1}/{rounds}: crossings atlas {ours[-1]:.2f} s, matplotlib x {maps} {theirs[-1]:.2f} s")
    ratio = statistics.median(ours) / statistics.median(theirs)
    return {"maps": maps, "ours": ours, "theirs": theirs, "ratio": ratio, "cores": os.cpu_count()}


def table(res: dict) -> str:
    med_o, med_t = statistics.median(res["ours"]), statistics.median(res["theirs"])
    met = "yes" if res["ratio"] <= TARGET else "**no**"
    return "\n".join([
        f"Latest run: **{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}**, `python -m bench.atlas -n "
        f"{len(res['ours'])}`, {res['cores']} logical CPUs; medians, best-of in brackets.",
        "",
        "| Measure | Crossings | geopandas + matplotlib | Ratio | Target | Met |",
        "|---|---|---|---|---|---|",
        f"| {res['maps']} maps (2 periods × every metric × 3 languages), A4 300 dpi PNG, + the PDF atlas | "
        f"{med_o:.2f} s ({min(res['ours']):.2f} s) | {med_t:.2f} s ({min(res['theirs']):.2f} s), the script run "
        f"{res['maps']} times, no atlas | {res['ratio']:.2f} | ≤ {TARGET} | {met} |",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    res = run(args.n)
    text = table(res)
    print(text)
    if args.write_readme:
        replace_section(START, END, text, "A series in one call")


if __name__ == "__main__":
    main()
