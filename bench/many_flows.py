"""Origin–destination flows at scale: layout time, and rendering 100 to 100k flows at A4 300 dpi.

    python -m bench.many_flows                  # print the tables
    python -m bench.many_flows --write-readme   # and record them in bench/README.md

Layout: geo.flow_layout on 50, 200 and 1,000 random flows between the region's nodes (target:
200 in under 1 s). Rendering: a random OD table of N flows through Crossings (the largest 300
drawn and laid out, every flow counted in the node sizes, the rest reported: a legible map, not a
solid sheet) against geopandas + matplotlib drawing the same basemap and all N flows as curves
(LineCollection, widths proportional to value) — the obvious alternative. Both write the PNG.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from geo.document import MapDocument  # noqa: E402
from geo.flow_layout import bezier, layout_flows  # noqa: E402
from geo.flow_table import FlowTable  # noqa: E402
from geo.od import node_index, node_key  # noqa: E402
from geo.page import Page  # noqa: E402
from geo.projection import transformer  # noqa: E402

START, END = "<!-- bench:flows:start -->", "<!-- bench:flows:end -->"
OUT = ROOT / "bench" / "out"


def synthetic_places(count: int = 400, seed: int = 7):
    """``count`` points scattered over the map's region, as a places layer (enough for 100k distinct pairs)."""
    import geopandas as gpd

    rng = np.random.default_rng(seed)
    lon, lat = rng.uniform(-18, 33, count), rng.uniform(8, 45, count)
    names = [f"N{i:03d}" for i in range(count)]
    return gpd.GeoDataFrame({"place_id": names, "name": names, "kind": "city"},
                            geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")


def region_nodes(doc: MapDocument) -> list[str]:
    """The node names of the document's places layer."""
    return list(doc.layer("places").data["name"])


def random_table(nodes: list[str], n: int, seed: int = 1) -> FlowTable:
    """``n`` distinct origin–destination pairs with log-normal figures (as a figures file would give)."""
    rng = np.random.default_rng(seed)
    k = len(nodes)
    n = min(n, k * (k - 1))
    pick = rng.choice(k * (k - 1), size=n, replace=False)
    o = pick // (k - 1)
    d = pick % (k - 1)
    d = d + (d >= o)  # skip the diagonal
    names = np.array(nodes)
    pairs = pd.DataFrame({"origin": names[o], "destination": names[d], "value": np.round(rng.lognormal(6, 1.4, n))})
    frame = pd.DataFrame({
        "route_id": pairs["origin"] + "→" + pairs["destination"], "period": "2024", "metric": "departures",
        "value": pairs["value"].astype(float), "qualifier": "", "source": "synthetic", "source_ref": "", "note": "",
        "date_from": "", "date_to": "", "row": np.arange(2, n + 2),
        "origin": pairs["origin"], "destination": pairs["destination"]})
    return FlowTable(frame=frame, path=Path("synthetic.csv"))


def synthetic_document(table: FlowTable | None = None) -> MapDocument:
    from geo.document import Layer

    base = MapDocument.from_files()
    layers = [base.layer("boundaries"), Layer("places", "Synthetic places", synthetic_places())]
    doc = MapDocument(layers, table, page=Page("A4", "landscape", 300))
    doc.extent_lonlat = base.extent_lonlat
    doc.layer("places").style.labels = False
    return doc


def bench_layout(counts=(50, 200, 1000), rounds: int = 3) -> list[dict]:
    doc = synthetic_document()
    places = doc.layer("places").data
    t = transformer("EPSG:4326", doc.crs)
    x, y = t.transform(places.geometry.x.to_numpy(), places.geometry.y.to_numpy())
    xy = dict(zip(places["name"], np.column_stack([x, y]), strict=True))
    keys = list(xy)
    node_xy = np.array([xy[k] for k in keys])
    rows = []
    for n in counts:
        f = random_table(keys, n).frame
        starts = np.array([xy[k] for k in f["origin"]])
        ends = np.array([xy[k] for k in f["destination"]])
        widths = 1000 + 40_000 * f["value"].to_numpy() / f["value"].max()
        best = min(_timed(lambda: layout_flows(starts, ends, widths, node_xy, np.full(len(keys), 15_000.0)))
                   for _ in range(rounds))
        rows.append({"flows": len(f), "seconds": best})
    return rows


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def crossings_render(doc: MapDocument, page: Page, path: Path) -> float:
    from gui.export import PngExportSettings, export_png

    t0 = time.perf_counter()
    export_png(doc, path, PngExportSettings(page))
    return time.perf_counter() - t0


def mpl_render(doc: MapDocument, table: FlowTable, page: Page, path: Path) -> float:
    """geopandas + matplotlib: the same basemap and extent, every flow as a curve, widths ~ value
    (straight Bézier curves bent to one side, no layout: matplotlib has none)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection

    from gui.layout import PageLayout

    t0 = time.perf_counter()
    view = PageLayout().view(page, doc.crs, doc.default_extent())
    idx = node_index(doc.layer("boundaries").data, doc.layer("places").data)
    t = transformer("EPSG:4326", doc.crs)
    f = table.frame
    o = np.array([t.transform(idx[node_key(k)].lon, idx[node_key(k)].lat) for k in f["origin"]])
    d = np.array([t.transform(idx[node_key(k)].lon, idx[node_key(k)].lat) for k in f["destination"]])
    chord = d - o
    normal = np.column_stack([-chord[:, 1], chord[:, 0]])
    curves = bezier(o, (o + d) / 2 + 0.18 * normal, d, 20)
    w_mm, h_mm = page.size_mm
    fig = plt.figure(figsize=(w_mm / 25.4, h_mm / 25.4), dpi=page.dpi)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.set_facecolor(doc.theme.sea)
    fig.patch.set_facecolor(doc.theme.sea)
    doc.simplified(doc.layer("boundaries"), view.units_per_px).plot(ax=ax, color=doc.theme.land, edgecolor="white",
                                                                    linewidth=0.7)
    lw = 0.3 + 20.0 * f["value"].to_numpy() / f["value"].max()  # points
    ax.add_collection(LineCollection(curves, linewidths=lw, colors="#0072B2", capstyle="round"))
    minx, miny, maxx, maxy = view.extent
    ax.set_xlim(minx, maxx)
    ax.set_ylim(miny, maxy)
    fig.savefig(path, dpi=page.dpi)
    plt.close(fig)
    return time.perf_counter() - t0


def bench_render(counts=(100, 1_000, 10_000, 100_000)) -> list[dict]:
    from gui.qt_app import ensure_gui_app

    ensure_gui_app()
    OUT.mkdir(parents=True, exist_ok=True)
    page = Page("A4", "landscape", 300)
    nodes = region_nodes(synthetic_document())
    rows = []
    for n in counts:
        table = random_table(nodes, n)
        doc = synthetic_document(table)
        doc.title = f"{len(table.frame):,} synthetic flows"
        ours = crossings_render(doc, page, OUT / f"flows_{n}_crossings.png")
        again = crossings_render(doc, page, OUT / f"flows_{n}_crossings.png")  # join, layout and basemap cached
        mpl = mpl_render(doc, table, page, OUT / f"flows_{n}_mpl.png")
        drawn = len(doc.join().flows)
        rows.append({"flows": len(table.frame), "drawn": drawn, "crossings": ours, "crossings_again": again, "mpl": mpl})
        print(f"  {len(table.frame):>7,} flows: crossings {ours:.2f} s (again {again:.2f} s, {drawn} drawn), "
              f"matplotlib {mpl:.2f} s", file=sys.stderr)
    return rows


def markdown(layout: list[dict], render: list[dict]) -> str:
    lines = ["Layout (`geo.flow_layout.layout_flows`, best of 3, random flows between the region's nodes):", "",
             "| Flows | Seconds | Target |", "|---|---|---|"]
    for r in layout:
        target = "≤ 1 s" if r["flows"] == 200 else ""
        met = (" (met)" if r["seconds"] <= 1.0 else " (**not met**)") if target else ""
        lines.append(f"| {r['flows']:,} | {r['seconds']:.2f} | {target}{met} |")
    lines += ["", "Rendering N random OD flows to PNG at A4 300 dpi (first export includes the join and the layout;"
              " Crossings draws the flows wide enough to read in proportion, at most 300, and counts every flow in the node"
              " sizes; matplotlib draws every flow, which fills the page: see bench/out/flows_100000_*.png):", "",
              "| Flows | Crossings, first | Crossings, again | geopandas + matplotlib | Ratio (first) |",
              "|---|---|---|---|---|"]
    for r in render:
        lines.append(f"| {r['flows']:,} ({r['drawn']} drawn) | {r['crossings']:.2f} s | {r['crossings_again']:.2f} s "
                     f"| {r['mpl']:.2f} s | {r['crossings'] / r['mpl']:.2f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.many_flows")
    ap.add_argument("--write-readme", action="store_true")
    ap.add_argument("--max", type=int, default=100_000, help="largest N to render")
    args = ap.parse_args(argv)
    layout = bench_layout()
    render = bench_render(tuple(n for n in (100, 1_000, 10_000, 100_000) if n <= args.max))
    text = markdown(layout, render)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    text = f"Latest run: **{stamp}**, `python -m bench.many_flows --write-readme`, load average before " \
           f"{os.getloadavg()[0]:.2f}.\n\n" + text
    print(text)
    if args.write_readme:
        from bench.readme import replace_section

        replace_section(START, END, text, "Many flows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
