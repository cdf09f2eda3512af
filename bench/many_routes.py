"""Many routes with figures: a cold ``crossings render`` (PNG + GeoJSON) of 50, 200, 500 and 5,000 routes.

    python -m bench.many_routes                  # print the table
    python -m bench.many_routes --write-readme   # and record it in bench/README.md

The routes are synthetic but shaped like the region's: sea crossings from eight North African
departure areas to eight European landing areas, with a bend mid-course, each with a figure,
in six route groups (so branches of one group meet and are set apart) and, for comparison, each
in its own group. Crossings keeps every band off the land and off the other branches of its
group, and places labels; geopandas + matplotlib draws the same routes as lines with widths to
scale over the same basemap (no land avoidance, no label placement), the obvious alternative. It
colours by group through a lookup: ``column="group"`` plots each of 5,000 groups separately and
took 36 s for 500 routes and over 5 minutes for 5,000.
Both are fresh processes writing a PNG at A4 300 dpi; Crossings also writes the GeoJSON layers.
Targets (issue "speed that holds at scale"): 500 routes in ≤ 3 s, 5,000 in ≤ 15 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.default_map import run_python, run_timed  # noqa: E402
from bench.readme import replace_section  # noqa: E402

START, END = "<!-- bench:routes:start -->", "<!-- bench:routes:end -->"
SIZES = (50, 200, 500, 5000)
STARTS = [(-5.9, 35.8), (-2.9, 35.2), (0.6, 35.7), (3.0, 36.8), (8.8, 36.9), (10.8, 34.7), (13.2, 32.9), (20.1, 32.1)]
ENDS = [(-5.6, 36.0), (-2.4, 36.8), (1.4, 38.9), (2.6, 39.5), (9.0, 39.2), (12.6, 35.5), (15.1, 37.1), (14.5, 35.9)]


def at_sea_check():
    """A test of whether a course crosses land between its ends (its first and last 15 %, where it
    leaves and reaches the coast, are not looked at)."""
    import geopandas as gpd
    import shapely.ops

    from geo import paths

    land = shapely.multipolygons(shapely.get_parts(gpd.read_file(paths.default_countries()).geometry.to_numpy()))
    shapely.prepare(land)
    return lambda line: land.intersects(shapely.ops.substring(line, 0.15, 0.85, normalized=True))


def write_routes(folder: Path, n: int, groups: int | None, seed: int = 1, at_sea: bool = True) -> tuple[Path, Path]:
    """``n`` routes (in ``groups`` groups, or one group each) and a figure for each. With ``at_sea``
    (the default) every course stays at sea between its ends, as a drawn sea route does: a random
    course that crosses land is drawn again. (A "sea" route across Spain is a data error that the
    route check names; keeping it off the land cannot succeed, and every band of it costs all of its
    rounds.)"""
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    from shapely.geometry import LineString

    rng = np.random.default_rng(seed)
    land = at_sea_check() if at_sea else None
    rows, figures = [], []
    for i in range(n):
        while True:
            a = np.array(STARTS[rng.integers(len(STARTS))]) + rng.normal(0, 0.3, 2)
            b = np.array(ENDS[rng.integers(len(ENDS))]) + rng.normal(0, 0.3, 2)
            mid = (a + b) / 2 + rng.normal(0, 0.5, 2)
            line = LineString([tuple(a), tuple(mid), tuple(b)])
            if land is None or not land(line):
                break
        group = f"G{i % groups}" if groups else f"R{i}"
        rows.append({"route_id": f"R{i}", "name": f"Route {i}", "group": group, "parent": "", "mode": "sea",
                     "geometry": line})
        figures.append({"route_id": f"R{i}", "period": "2024Q4", "metric": "arrivals",
                        "value": int(rng.integers(10, 5000)), "source": "UNHCR"})
    tag = "" if at_sea else "_overland"
    routes, flows = folder / f"routes_{n}_{groups}{tag}.geojson", folder / f"figures_{n}_{groups}{tag}.csv"
    gpd.GeoDataFrame(rows, crs=4326).to_file(routes)
    pd.DataFrame(figures).to_csv(flows, index=False)
    return routes, flows


MPL = textwrap.dedent("""
    import sys
    import geopandas as gpd, pandas as pd, matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from geo import paths
    routes, flows, out = sys.argv[1:4]
    crs = "+proj=laea +lat_0=30 +lon_0=5 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
    land = gpd.read_file(paths.default_countries()).to_crs(crs)
    r = gpd.read_file(routes).merge(pd.read_csv(flows), on="route_id").to_crs(crs)
    fig = plt.figure(figsize=(297 / 25.4, 210 / 25.4))
    ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off(); ax.set_facecolor("#dbe9f4")
    land.plot(ax=ax, color="#f1eee8", edgecolor="white", linewidth=0.3)
    colours = plt.get_cmap("tab10")(pd.factorize(r["group"])[0] % 10)  # one colour per group, as a lookup
    r.plot(ax=ax, color=colours, linewidth=0.5 + 20 * r["value"] / r["value"].max())
    for row in r.itertuples():
        p = row.geometry.interpolate(0.5, normalized=True)
        ax.annotate(f"{row.value:,}", (p.x, p.y), fontsize=5)
    b = r.total_bounds; ax.set_xlim(b[0] - 3e5, b[2] + 3e5); ax.set_ylim(b[1] - 3e5, b[3] + 3e5)
    fig.savefig(out, dpi=300)
""")


def crossings_render(routes: Path, flows: Path, out: Path) -> list[str]:
    exe = Path(sys.executable).with_name("crossings")
    base = [str(exe)] if exe.exists() else [sys.executable, "-m", "gui.cli"]
    return [*base, "render", "-q", "--routes", str(routes), "--flows", str(flows), "--out-dir", str(out)]


def run(rounds: int, sizes=SIZES, log=print, warm_up: bool = True) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        mpl_script = folder / "mpl_routes.py"
        mpl_script.write_text(MPL, encoding="utf-8")
        for n in sizes:
            for groups in (6, None):
                routes, flows = write_routes(folder, n, groups)
                ours, theirs = [], []
                out = folder / "out"
                out.mkdir(exist_ok=True)
                if warm_up:  # untimed, as the cold suite: the timed runs are every render after a first one
                    run_timed(crossings_render(routes, flows, out), folder)
                    run_python([str(mpl_script), str(routes), str(flows), str(out / "mpl.png")])
                for _ in range(rounds):
                    ours.append(run_timed(crossings_render(routes, flows, out), folder)[0])
                    t0 = time.perf_counter()
                    run_python([str(mpl_script), str(routes), str(flows), str(out / "mpl.png")])
                    theirs.append(time.perf_counter() - t0)
                row = {"n": n, "groups": groups or n, "ours": statistics.median(ours),
                       "theirs": statistics.median(theirs)}
                log(f"{n} routes in {row['groups']} groups: crossings {row['ours']:.2f} s, "
                    f"matplotlib {row['theirs']:.2f} s")
                rows.append(row)
    return rows


def table(rows: list[dict], rounds: int, command: str = "") -> str:
    lines = [f"Latest run: **{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}**, `python -m bench.many_routes -n "
             f"{rounds}{command}`; medians of cold processes, each after one untimed run of the same data (a "
             "first render of a file also reads it through GDAL and keeps it in the cache folder).", "",
             "| Routes (groups) | Crossings: PNG + GeoJSON | geopandas + matplotlib: PNG | Ratio | Target |",
             "|---|---|---|---|---|"]
    for r in rows:
        target = {500: "≤ 3 s", 5000: "≤ 15 s"}.get(r["n"], "")
        lines.append(f"| {r['n']} ({r['groups']}) | {r['ours']:.2f} s | {r['theirs']:.2f} s | "
                     f"{r['ours'] / r['theirs']:.2f} | {target} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1, help="rounds (default 1: the large sizes are slow)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    rows = run(args.n, args.sizes)
    sizes = "" if tuple(args.sizes) == SIZES else " --sizes " + " ".join(map(str, args.sizes))
    text = table(rows, args.n, sizes)
    print(text)
    if args.write_readme:
        replace_section(START, END, text, "Many routes with figures")


if __name__ == "__main__":
    main()
