"""The default map drawn the obvious geopandas + matplotlib way: the yardstick for bench/default_map.py.

    python bench/mpl_default_map.py out.png

Same data, selection, projection (``doc.crs``), extent and page (A4 landscape, 300 dpi) as
``crossings render``, and the same layers: countries (focus / other fills, white borders), the
graticule, dashed routes without a figure, the ``flow_symbols`` polygons of ``export_layers``
coloured by route group, place dots and names, country names, value labels, a title box, a legend,
a scale bar and the footer. It is meant to be a fair, competent matplotlib version: one
``GeoSeries.plot`` (a PatchCollection) per layer, the countries simplified to half a pixel like
Crossings does, Agg, and ``savefig(dpi=300)``.

The data comes through the same domain code as the CLI (``geo``, no Qt), so the comparison is
between the two ways of *drawing* it, including their imports.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_T0 = time.perf_counter()
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.patheffects as pe  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import shapely  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch, Rectangle  # noqa: E402

from geo.document import MapDocument  # noqa: E402
from geo.exports.layers import export_layers  # noqa: E402
from geo.furniture import graticule, scale_bar  # noqa: E402
from geo.page import Page  # noqa: E402
from geo.styles import GROUP_LABELS  # noqa: E402
from gui.layout import PageLayout  # noqa: E402

_T_IMPORTS = time.perf_counter()

TITLE = "Mixed migration routes: North Africa and the Mediterranean"  # what `crossings render` uses
PT_PER_MM = 72 / 25.4


def default_document() -> tuple[MapDocument, Page]:
    """The document `crossings render` draws by default."""
    page = Page("A4", "landscape", 300.0)
    doc = MapDocument.from_files()
    doc.page = page
    doc.select(None, None, None)
    doc.title = TITLE
    return doc, page


def build_figure(doc: MapDocument, page: Page):
    """A ready-to-save figure of the default map (nothing is drawn until savefig)."""
    theme, fstyle = doc.theme, doc.flow_style
    w_px, h_px = page.size_px
    dpi = page.dpi
    view = PageLayout().view(page, doc.crs, doc.default_extent())
    layers = export_layers(doc, view)
    fx, fy, fw, fh = view.frame_px
    minx, miny, maxx, maxy = view.extent
    upp = view.units_per_px

    fig = plt.figure(figsize=(w_px / dpi, h_px / dpi), dpi=dpi, facecolor="white")
    ax = fig.add_axes((fx / w_px, 1 - (fy + fh) / h_px, fw / w_px, fh / h_px))
    ax.set_facecolor(theme.sea)
    for s in ax.spines.values():
        s.set_edgecolor(theme.muted_text)
        s.set_linewidth(0.25 * PT_PER_MM)
    ax.set_xticks([])
    ax.set_yticks([])

    # graticule
    ax.add_collection(LineCollection([np.asarray(g.coords) for g in graticule(view)],
                                     colors=theme.graticule, linewidths=0.2 * PT_PER_MM, zorder=0.5))

    # countries: fills, then white borders on top; simplified to half a pixel like Crossings
    countries = layers["countries"].to_crs(doc.crs)
    countries = countries.set_geometry(countries.geometry.simplify(upp * 0.5, preserve_topology=True))
    focus = countries["focus"].astype(int).to_numpy() == 1
    fills = np.where(focus, theme.focus_land, theme.land)
    countries.plot(ax=ax, color=fills, linewidth=0, aspect=None)
    countries.boundary.plot(ax=ax, color="white", linewidth=0.25 * PT_PER_MM, aspect=None)

    # routes without a figure: dashed, in their group colour
    join = doc.join()
    routes = layers["routes"]
    no_data = routes[routes["route_id"].isin(join.no_data)].to_crs(doc.crs)
    for group, part in no_data.groupby("group"):
        part.plot(ax=ax, color=fstyle.colour_for(group), alpha=0.9, linewidth=0.45 * PT_PER_MM,
                  linestyle=(0, (4, 3)), aspect=None)

    # flow symbols: the band-and-arrow polygons exactly as Crossings exports them
    symbols = layers["flow_symbols"].to_crs(doc.crs)
    symbols.plot(ax=ax, color=[fstyle.colour_for(g) for g in symbols["group"]], edgecolor=fstyle.casing,
                 linewidth=0.35 * PT_PER_MM, aspect=None, zorder=3)

    # value labels beside the middle of each flow's centre line
    flows = layers["flows"].to_crs(doc.crs)
    halo_w = pe.withStroke(linewidth=1.1 * PT_PER_MM, foreground=(1, 1, 1, 0.9))
    for row in flows.itertuples():
        line = row.geometry if row.geometry.geom_type == "LineString" else max(row.geometry.geoms, key=lambda g: g.length)
        mid = line.interpolate(0.5, normalized=True)
        ax.annotate(f"{row.value:,.0f}", (mid.x, mid.y), xytext=((row.width_mm / 2 + 2.5) * PT_PER_MM, 0),
                    textcoords="offset points", va="center", fontsize=8.5, fontweight="bold",
                    color=_darker(fstyle.colour_for(row.group)), path_effects=[halo_w], zorder=5)

    # places: enclaves, and towns where a drawn route starts or ends; islands and regions named
    places = layers["places"].to_crs(doc.crs)
    shown = routes[routes["route_id"].isin(set(join.flows["route_id"]) | set(join.no_data))].to_crs(doc.crs)
    ends = np.array([c for g in shapely.get_parts(shown.geometry.values)
                     for c in (shapely.get_coordinates(g)[0], shapely.get_coordinates(g)[-1])])
    xy = shapely.get_coordinates(places.geometry.values)
    near = np.hypot(xy[:, None, 0] - ends[None, :, 0], xy[:, None, 1] - ends[None, :, 1]).min(axis=1) <= 40_000
    kinds = places["kind"].astype(str).to_numpy()
    town = np.isin(kinds, ("port", "city", "border_post"))
    inside = (xy[:, 0] >= minx) & (xy[:, 0] <= maxx) & (xy[:, 1] >= miny) & (xy[:, 1] <= maxy)
    dots = inside & ((town & near) | (kinds == "enclave"))
    named = inside & (dots | np.isin(kinds, ("island", "region_label")))
    ax.scatter(xy[dots, 0], xy[dots, 1], s=np.where(town[dots], 1.1, 1.5) ** 2 * PT_PER_MM**2,
               c=np.where(town[dots], "#333333", "#000000"), edgecolors="white", linewidths=0.25 * PT_PER_MM, zorder=4)
    halo_p = pe.withStroke(linewidth=0.9 * PT_PER_MM, foreground=(1, 1, 1, 0.85))
    for (x, y), name, kind, dot in zip(xy[named], places["name"].to_numpy()[named], kinds[named], dots[named], strict=True):
        ax.annotate(name, (x, y), xytext=(1.6 * PT_PER_MM, 0) if dot else (0, 0), textcoords="offset points",
                    va="center", ha="left" if dot else "center", fontsize=6.5, color=theme.text,
                    style="italic" if kind in ("island", "region_label") else "normal", path_effects=[halo_p], zorder=5)

    # country names inside the larger countries
    halo_c = pe.withStroke(linewidth=0.6 * PT_PER_MM, foreground=theme.land)
    box = shapely.box(minx, miny, maxx, maxy)
    min_area = (14 * view.px_per_mm * upp) ** 2
    for name, geom in zip(countries["name"], countries.geometry, strict=True):
        clipped = shapely.intersection(geom, box)
        if clipped.is_empty:
            continue
        big = max(shapely.get_parts(clipped), key=lambda g: g.area)
        if big.area < min_area:
            continue
        p = big.representative_point()
        ax.text(p.x, p.y, str(name).upper(), ha="center", va="center", fontsize=7, color=theme.country_label,
                path_effects=[halo_c], zorder=2)

    ax.set_xlim(minx, maxx)
    ax.set_ylim(miny, maxy)
    ax.set_aspect("auto")
    ax.set_xlabel("")
    ax.set_ylabel("")

    # title box, legend, scale bar, footer
    sub = f"{doc.metric.replace('_', ' ').capitalize()}, {doc.period}"
    ax.text(0.012, 0.975, f"{doc.title}\n", transform=ax.transAxes, va="top", ha="left", fontsize=15,
            fontweight="bold", color=theme.text, zorder=6,
            bbox=dict(boxstyle="round,pad=0.6", fc=(1, 1, 1, 0.88), ec=(0.6, 0.6, 0.6, 0.7), lw=0.2 * PT_PER_MM))
    ax.text(0.012, 0.975, f"\n\n{sub}", transform=ax.transAxes, va="top", ha="left", fontsize=9,
            color=theme.muted_text, zorder=7)
    handles = [Patch(color=fstyle.colour_for(g), label=lab) for g, lab in GROUP_LABELS.items()]
    handles.append(Line2D([], [], color="#555555", linestyle=(0, (4, 3)), label="No figure for this period"))
    ax.legend(handles=handles, loc="lower right", fontsize=7, title=f"{sub.split(',')[0]} (width to scale)",
              title_fontsize=8, frameon=True, framealpha=0.88).set_zorder(8)
    km, bar_px = scale_bar(view)
    x0, y0 = maxx - 0.34 * (maxx - minx), miny + 0.05 * (maxy - miny)
    ax.add_patch(Rectangle((x0, y0), bar_px * upp, 1.2 * view.px_per_mm * upp, fc="#222222", ec="#222222", zorder=6))
    ax.text(x0, y0 + 2.5 * view.px_per_mm * upp, f"0        {km:,.0f} km", fontsize=6.5, zorder=6)
    fig.text(fx / w_px, 1 - (fy + fh + 4 * view.px_per_mm) / h_px,
             "Figures: MMC Quarterly Mixed Migration Update: North Africa. Basemap: Natural Earth (public domain).\n"
             + doc.disclaimer, fontsize=6.5, va="top", color=theme.text)
    return fig


def _darker(hex_rgb: str, factor: float = 1 / 1.35) -> tuple[float, float, float]:
    r, g, b = matplotlib.colors.to_rgb(hex_rgb)
    return (r * factor, g * factor, b * factor)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path("mpl_default_map.png")
    doc, page = default_document()
    t_doc = time.perf_counter()
    fig = build_figure(doc, page)
    t_fig = time.perf_counter()
    fig.savefig(out, dpi=page.dpi)
    t_save = time.perf_counter()
    if os.environ.get("BENCH_PHASES"):
        print(f"phases imports={_T_IMPORTS - _T0:.4f} data={t_doc - _T_IMPORTS:.4f} figure={t_fig - t_doc:.4f} "
              f"draw+savefig={t_save - t_fig:.4f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
