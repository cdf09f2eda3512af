"""``crossings atlas``: a whole series in one call (every period × metric × language × format).

The plan (which maps, the width scale held per metric, the page and extent) is decided once by
``geo.series``; ``gui.series_export`` draws it on every core. Progress goes to stderr: the map
just finished and the time left.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from geo.errors import CrossingsError
from geo.page import PAPER_SIZES_MM
from geo.series import FORMATS, LANGUAGES


def add_atlas_parser(sub) -> None:
    from gui.cli import ExtentHelp, add_extent_argument, add_insets_argument

    atlas = sub.add_parser("atlas", help="a series of maps in one call: periods × metrics × languages, one width "
                                         "scale per metric, and a PDF atlas", formatter_class=ExtentHelp)
    data = atlas.add_argument_group("data (default: the bundled files)")
    data.add_argument("--project", help="a Crossings project: its data, styles and page (instead of the data options)")
    data.add_argument("--boundaries", help="country boundaries (any OGR vector file)")
    data.add_argument("--routes", help="route lines with a route_id field (file#layer for one of several)")
    data.add_argument("--flows", help="figures, CSV or XLSX (file#sheet for one of several)")
    data.add_argument("--places", help="place points (optional)")
    data.add_argument("--nodes", help="with origin–destination figures: where each node stands (CSV with node, "
                                      "lon, lat); default: data/flows/od_nodes.csv")
    what = atlas.add_argument_group("the series")
    what.add_argument("--periods", nargs="+", required=True, metavar="PERIOD",
                      help="periods or ranges of them, e.g. 2024Q4 2024, or 2024Q1..2024Q4")
    what.add_argument("--metrics", nargs="+", metavar="METRIC",
                      help="metrics, e.g. arrivals dead_missing (default: every metric the periods have)")
    what.add_argument("--languages", nargs="+", default=["en"], choices=LANGUAGES, metavar="LANG",
                      help="languages of the map names: en fr ar (default: en)")
    what.add_argument("--source", help="take figures only from this source (default: one source per scale)")
    what.add_argument("--scale-value", type=float, metavar="VALUE",
                      help="the figure drawn at full width on every map (default: per metric, the largest figure "
                           "of the series)")
    what.add_argument("--title", help="map title")
    what.add_argument("--crs", help="projection, as for render")
    page = atlas.add_argument_group("page")
    add_extent_argument(page)
    page.add_argument("--page", default="A4", choices=sorted(PAPER_SIZES_MM), help="paper size (default: A4)")
    page.add_argument("--orientation", default="landscape", choices=("landscape", "portrait"))
    page.add_argument("--dpi", type=float, default=300.0, help="resolution of the PNGs (default: 300)")
    add_insets_argument(page, None, " (default: a --project's own choice, else auto)")
    out = atlas.add_argument_group("outputs")
    out.add_argument("--out-dir", default=".", help="folder for the files (default: .)")
    out.add_argument("--formats", nargs="+", default=["png"], choices=FORMATS, metavar="FORMAT",
                     help="files per map: png pdf svg geojson gpkg html (default: png); named "
                          "crossings_<period>_<metric>_<language>.<format>")
    out.add_argument("--atlas", default="atlas.pdf", metavar="PDF",
                     help="the PDF atlas, in --out-dir unless a path (default: atlas.pdf)")
    out.add_argument("--no-atlas", action="store_true", help="do not write the PDF atlas")
    out.add_argument("--jobs", type=int, metavar="N", help="processes (default: one per core)")
    out.add_argument("-q", "--quiet", action="store_true", help="print only errors")


def run_atlas(args: argparse.Namespace) -> int:
    from gui.cli import extent_option, insets_option
    from gui.series_export import DocumentSource, SeriesRunner

    if args.project and any((args.boundaries, args.routes, args.flows, args.places, args.nodes)):
        raise CrossingsError("--project brings its own data: leave out --boundaries, --routes, --flows, --places "
                             "and --nodes")
    extent_option(args.extent)  # a mistake is said before any worker starts
    insets_option(args.insets)
    if args.jobs is not None and not 1 <= args.jobs <= 64:
        raise CrossingsError(f"--jobs {args.jobs} is not between 1 and 64")
    out_dir = Path(args.out_dir)
    if not out_dir.is_dir():
        raise CrossingsError(f"output folder {out_dir} does not exist")
    source = DocumentSource(args.project, args.boundaries, args.routes, args.flows, args.places, args.crs, args.title,
                            nodes=args.nodes)
    with SeriesRunner(source, args.jobs) as runner:  # workers start loading now, while the plan is made
        return _plan_and_draw(args, source, runner, out_dir)


def _plan_and_draw(args: argparse.Namespace, source, runner, out_dir: Path) -> int:
    import dataclasses

    from geo.page import Page
    from geo.series import plan_series
    from gui.cli import extent_option, insets_option

    doc = source.load()  # the plan needs the figures; each worker has its own copy
    extent = extent_option(args.extent)
    if extent is not None:  # one frame for every map (else the series' flows are fitted once for all)
        from geo.projection import check_shows_region

        check_shows_region(doc.crs, extent)
        doc.extent_lonlat = extent
    insets = insets_option(args.insets)
    if insets is not None:  # the plan carries it to every worker (else the document's own: auto, or a project's)
        doc.insets = insets
    page = Page(args.page, args.orientation, args.dpi)
    if "png" in args.formats:
        page.check_raster()
    if args.scale_value is not None:
        try:
            doc.flow_style = dataclasses.replace(doc.flow_style, reference_value=args.scale_value)
        except ValueError as exc:
            raise CrossingsError(str(exc).replace("reference_value", "--scale-value")) from None
    metrics = [m.strip().lower().replace(" ", "_") for m in args.metrics] if args.metrics else None
    plan = plan_series(doc, args.periods, metrics, tuple(dict.fromkeys(args.languages)), tuple(args.formats), page,
                       args.source)
    atlas = None if args.no_atlas else (Path(args.atlas) if Path(args.atlas).parent != Path(".")
                                        else out_dir / args.atlas)
    log = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
    for line in plan.skipped:
        log(f"note: nothing to draw for {line}")
    log(f"{len(plan.maps)} maps, {len(plan.formats)} format(s) each; width held per metric: "
        + ", ".join(f"{m} {v:,.0f} = {doc.flow_style.max_width_mm:g} mm" for m, v in plan.scales.items()))
    started = time.monotonic()
    result = runner.run(plan, out_dir, atlas=atlas, progress=None if args.quiet else _progress_line)
    if not args.quiet and sys.stderr.isatty():
        print(file=sys.stderr)
    if result.interrupted:
        print(f"crossings: interrupted: {len(result.written)} files of finished maps written, no partial file, "
              "no atlas", file=sys.stderr)
        return 130
    for line in result.failed:
        print(f"crossings: error: {line}", file=sys.stderr)
    log(f"wrote {len(result.written)} files in {time.monotonic() - started:.1f} s"
        + (f", atlas {result.atlas}" if result.atlas else ""))
    return 2 if result.failed else 0


def _progress_line(done: int, total: int, item, seconds_left: float) -> None:
    bar = "#" * round(24 * done / total)
    text = f"[{bar:<24}] {done}/{total} {item.describe()}, about {seconds_left:.0f} s left"
    if sys.stderr.isatty():
        print("\r" + text.ljust(78), end="", file=sys.stderr, flush=True)
    else:
        print(text, file=sys.stderr, flush=True)
