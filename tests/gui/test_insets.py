"""Inset maps on the page (geo.insets, gui.inset_painter), checked on what is drawn: the pixels of the
page and the shapes the renderer laid out, not the planner's own answer."""

import numpy as np
import pytest
import shapely
from painted import paint, pixels, svg_inset_titles
from pixels_support import band_widths, median_width, rgb

from geo.flow_geometry import ArrowStyle
from geo.page import Page
from gui.cli import main

A4 = Page()


@pytest.fixture(scope="module")
def default_page(qapp):
    """The default map (Q4 2024 arrivals, A4 landscape, 300 dpi) with the Gibraltar inset the user
    names (it draws no land route into Ceuta or Melilla, so it gets none by itself): image, view,
    report and document."""
    from geo.document import MapDocument

    doc = MapDocument.from_files()
    doc.insets = ("gibraltar",)
    image, view, report = paint(doc, A4)
    return pixels(image), view, report, doc


@pytest.fixture(scope="module")
def year_page(qapp):
    """The 2024 map: the land routes into Ceuta and Melilla are drawn."""
    from geo.document import MapDocument

    doc = MapDocument.from_files()
    doc.select("2024")
    image, view, report = paint(doc, A4)
    return pixels(image), view, report, doc


def inset_of(report, key):
    found = [(inset, r) for inset, r in report.insets if inset.area.key == key]
    assert found, f"no {key} inset: {[i.area.key for i, _ in report.insets]}"
    return found[0]


def symbols_px(report, view):
    geoms = report.symbols.geometry.to_numpy()
    return shapely.transform(geoms[~shapely.is_empty(geoms)], view.to_px)


def test_the_gibraltar_inset_sits_inside_the_frame_clear_of_everything(default_page):
    _, view, report, _ = default_page
    assert [i.area.key for i, _ in report.insets] == ["gibraltar"]
    inset, _ = inset_of(report, "gibraltar")
    box = shapely.box(*inset.rect)
    fx, fy, fw, fh = view.frame_px
    assert shapely.box(fx, fy, fx + fw, fy + fh).contains(box)
    mm = view.px_per_mm
    # no flow symbol, label, place name or furniture box of the map under it, nor within 2 mm of it
    clear = box.buffer(2 * mm)
    assert not shapely.intersects(symbols_px(report, view), clear).any()
    labels = [b for _, b in report.labels] + [b for _, _, b in report.place_labels]
    assert labels and not any(box.intersects(shapely.box(*b)) for b in labels)
    furniture = [report.furniture_rects[k] for k in ("title", "legend", "scale")]
    assert not any(box.intersects(shapely.box(r.left(), r.top(), r.right(), r.bottom())) for r in furniture)
    # its locator marks the Strait on the map, where Ceuta's dot is, and the inset covers none of it
    ceuta = next((x, y) for pid, x, y, _ in report.dots if pid == "ceuta")
    assert shapely.box(*inset.locator).contains(shapely.Point(ceuta))
    assert not box.intersects(shapely.box(*inset.locator))


def test_no_band_of_the_map_shows_inside_the_inset(default_page):
    """Every pixel of a flow's colour inside the inset belongs to the inset's own symbols: the map is
    cut out under it (pixels, not the plan)."""
    img, _, report, doc = default_page
    inset, inner = inset_of(report, "gibraltar")
    x0, y0, x1, y1 = (round(v) for v in inset.rect)
    crop = img[y0:y1, x0:x1].astype(float)
    own = shapely.union_all(shapely.transform(inner.symbols.geometry.to_numpy(), inset.view.to_px)).buffer(2)
    colours = {doc.flow_colour(r.route_id, r.group) for r in report.symbols.itertuples()}
    stray = 0
    for colour in colours:
        ys, xs = np.nonzero(np.abs(crop - rgb(colour)).max(axis=2) < 12)
        pts = shapely.points(np.column_stack([xs + x0 + 0.5, ys + y0 + 0.5])) if len(xs) else []
        stray += int((~shapely.contains(own, pts)).sum()) if len(xs) else 0
    assert stray == 0, f"{stray} pixels of the map's flows inside the inset"


def test_the_inset_is_framed_and_titled_in_pixels(default_page):
    img, view, report, _ = default_page
    inset, _ = inset_of(report, "gibraltar")
    x0, y0, x1, y1 = inset.rect
    mm = view.px_per_mm
    # the frame: a dark line along each side
    for side in (img[round(y0), round(x0) + 5:round(x1) - 5], img[round(y1), round(x0) + 5:round(x1) - 5],
                 img[round(y0) + 5:round(y1) - 5, round(x0)], img[round(y0) + 5:round(y1) - 5, round(x1)]):
        assert np.median(side.mean(axis=1)) < 180
    # the title: dark ink in the strip's left half, on white
    _, ty0, _, ty1 = inset.title_rect
    strip = img[round(ty0) + 3:round(ty1) - 3, round(x0) + 3:round(x1) - 3].mean(axis=2)
    assert (strip < 100).sum() > 2 * mm * mm  # letters
    assert np.median(strip) > 250  # on white
    assert ("inset_title", "Strait of Gibraltar") in [(k, t) for k, t, _, _ in report.texts]


def dot_gap_mm(img, a, b, mm) -> float:
    """The longest run of light pixels on the segment between two dots' centres, in mm (0: they touch)."""
    (ax, ay), (bx, by) = a, b
    n = int(np.hypot(bx - ax, by - ay) * 4) + 2
    xs, ys = np.linspace(ax, bx, n), np.linspace(ay, by, n)
    dark = img[ys.astype(int), xs.astype(int)].mean(axis=1) < 110
    assert dark[0] and dark[-1], "no dot at one end"
    run = best = 0
    for d in dark:
        run = 0 if d else run + 1
        best = max(best, run)
    return best * np.hypot(bx - ax, by - ay) / (n - 1) / mm


def test_the_inset_draws_ceuta_melilla_and_nador_apart(year_page):
    """On the 2024 map Nador's dot is dropped beside Melilla's (1 mm apart); the inset draws Ceuta's
    far from Melilla's (measured on the pixels), and Nador's, where it shows, apart from Melilla's. Under
    Melilla's arrow, lengthened back over the town its land route leaves, Nador is not drawn: its dot
    was a ring inside the arrowhead."""
    img, view, report, _ = year_page
    mm = view.px_per_mm
    assert "nador" not in [d[0] for d in report.dots]
    inset, inner = inset_of(report, "gibraltar")
    dots = {pid: (x, y) for pid, x, y, _ in inner.dots}
    assert {"ceuta", "melilla"} <= set(dots)
    assert dot_gap_mm(img, dots["ceuta"], dots["melilla"], mm) > 20
    bands = shapely.union_all(shapely.transform(inner.symbols.geometry.to_numpy(), inset.view.to_px))
    if "nador" in dots:
        assert dot_gap_mm(img, dots["melilla"], dots["nador"], mm) > 0.3
    assert not any(bands.contains(shapely.Point(xy)) for xy in dots.values())
    # and every one of them lies in the inset's map
    x, y, w, h = inset.view.frame_px
    assert all(x < px < x + w and y < py < y + h for px, py in dots.values())


def band_px(img, view, symbols, doc, route_id) -> float:
    """The drawn width (outline, casing included) of ``route_id``'s band, median of clean cross-sections."""
    row = next(r for r in symbols.itertuples() if r.route_id == route_id)
    line = shapely.transform(row.centreline, view.to_px)
    mm = view.px_per_mm
    arrow = ArrowStyle()
    head = min(max(row.arrow_width_mm * arrow.length_factor, arrow.min_length_mm) * mm, 0.45 * line.length)
    expected = doc.width_scale().width_mm(row.value) * mm
    sections = band_widths(img, line, doc.flow_colour(row.route_id, row.group), expected / 2, line.length - head, mm)
    return median_width(sections, "colour_px")


def test_the_insets_bands_are_as_wide_as_the_maps_for_the_same_figure(default_page):
    """One width scale for the map and its insets, so the legend holds for both: the Western
    Mediterranean band measured in the pixels of each."""
    img, view, report, doc = default_page
    inset, inner = inset_of(report, "gibraltar")
    on_map = band_px(img, view, report.symbols, doc, "WMR")
    in_inset = band_px(img, inset.view, inner.symbols, doc, "WMR")
    mm = view.px_per_mm
    assert abs(on_map - in_inset) < 0.1 * mm, (on_map / mm, in_inset / mm)
    value = report.symbols.set_index("route_id").loc["WMR", "value"]
    assert abs(in_inset / mm - doc.width_scale().width_mm(value)) < 0.1
    # and the inset is at a larger scale: the same band covers more of its ground
    assert inset.view.units_per_px < view.units_per_px / 2


def test_no_insets_when_the_user_says_none(qapp, bundled_doc_factory):
    doc = bundled_doc_factory()
    doc.insets = "none"
    _, _, report = paint(doc, A4)
    assert report.insets == [] and not any(k.startswith("cutout") for k in report.furniture_rects)
    assert "inset_title" not in [k for k, *_ in report.texts]


def test_insets_named_by_the_user_are_drawn_whatever_the_test_says(qapp, bundled_doc_factory):
    doc = bundled_doc_factory()
    doc.insets = ("canaries",)
    _, view, report = paint(doc, A4)
    inset, inner = inset_of(report, "canaries")
    assert [i.area.key for i, _ in report.insets] == ["canaries"]
    assert {"el_hierro", "tenerife", "gran_canaria", "fuerteventura", "lanzarote"} <= {
        pid for pid, _, _ in inner.place_labels}
    fx, fy, fw, fh = view.frame_px
    assert shapely.box(fx, fy, fx + fw, fy + fh).contains(shapely.box(*inset.rect))


@pytest.mark.parametrize("period,insets", [("2024Q4", []), ("2024", ["gibraltar"]), ("2023", ["gibraltar"])])
def test_a_map_gets_an_inset_where_it_draws_what_it_cannot_show(qapp, bundled_doc_factory, period, insets):
    """By itself (``auto``), a map gets the Strait's inset where it draws the land routes into Ceuta and
    Melilla and the towns they start from, too close to tell apart; Q4 2024 draws none of them."""
    doc = bundled_doc_factory()
    doc.select(period)
    _, _, report = paint(doc, Page(dpi=100))
    assert [i.area.key for i, _ in report.insets] == insets


def test_the_insets_title_is_in_the_maps_language(qapp, bundled_doc_factory):
    doc = bundled_doc_factory()
    doc.insets = ("gibraltar",)
    doc.label_language = "ar"
    _, _, report = paint(doc, A4)
    assert [t for k, t, *_ in report.texts if k == "inset_title"] == ["مضيق جبل طارق"]
    doc.label_language = "fr"
    _, _, report = paint(doc, A4)
    assert [t for k, t, *_ in report.texts if k == "inset_title"] == ["Détroit de Gibraltar"]


def test_the_layered_svg_keeps_the_insets_parts_in_their_layers(qapp, bundled_doc_factory):
    import xml.etree.ElementTree as ET

    from geo.svg_text import SVG_NS
    from gui.export import VectorExportSettings
    from gui.svg_export import svg_bytes

    doc = bundled_doc_factory()
    doc.insets = ("gibraltar",)
    root = ET.fromstring(svg_bytes(doc, VectorExportSettings(Page(dpi=96))))
    layer_text = {g.get("id"): " ".join(g.itertext()) for g in root.iter(f"{{{SVG_NS}}}g") if g.get("id")}
    assert "Strait of Gibraltar" in layer_text["furniture"]
    places = layer_text["places"]  # every name twice: its halo, then itself
    assert places.count("Ceuta") == 2 * places.count("Tripoli") == 4  # on the map and in the inset


def test_cli_insets_none_and_names(tmp_path, qapp):
    from PySide6.QtGui import QImage

    for choice in ("none", "auto"):
        assert main(["render", "-q", "--no-geojson", "--dpi", "100", "--period", "2024", "--insets", choice,
                     "--out-dir", str(tmp_path), "--name", choice]) == 0
    none, auto = (pixels(QImage(str(tmp_path / f"{n}.png"))) for n in ("none", "auto"))
    # the auto map's inset (80 x 52 mm, 8 % of the frame) is all that differs, and it differs
    differ = np.abs(none.astype(int) - auto.astype(int)).max(axis=2) > 40
    assert 0.01 < differ.mean() < 0.15
    assert main(["render", "-q", "--no-geojson", "--dpi", "100", "--insets", "canaries,gibraltar",
                 "--out-dir", str(tmp_path), "--name", "both"]) == 0


def test_atlas_insets_auto_none_and_names(tmp_path, qapp, capsys):
    """``crossings atlas --insets`` as ``render``'s: by default the 2024 page gets the Strait's inset by
    itself and Q4 2024's none; ``none`` takes it off; ``canaries`` draws that one alone on every page;
    an unknown name is one line, said before any map is drawn."""
    def atlas(name, periods, *insets):
        out = tmp_path / name
        out.mkdir()
        assert main(["atlas", "-q", "--periods", *periods, "--metrics", "arrivals", "--formats", "svg", "--no-atlas",
                     "--jobs", "1", "--dpi", "96", *insets, "--out-dir", str(out)]) == 0
        return {p: svg_inset_titles(out / f"crossings_{p}_arrivals_en.svg") for p in periods}

    strait, canaries = "Strait of Gibraltar", "Canary Islands"
    assert atlas("auto", ["2024Q4", "2024"]) == {"2024Q4": [], "2024": [strait]}
    assert atlas("none", ["2024"], "--insets", "none") == {"2024": []}
    assert atlas("named", ["2024Q4", "2024"], "--insets", "canaries") == {"2024Q4": [canaries], "2024": [canaries]}
    capsys.readouterr()
    assert main(["atlas", "--periods", "2024", "--insets", "madeira", "--out-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--insets" in err and "'madeira'" in err
    assert not list(tmp_path.glob("*.png"))


def test_an_unknown_inset_is_named_in_one_line(tmp_path, qapp, capsys):
    assert main(["render", "-q", "--no-geojson", "--insets", "gibraltar,madeira", "--out-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "--insets" in err and "'madeira'" in err and "gibraltar, canaries" in err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("period", ["2024", "2024Q4"])
def test_every_figure_is_printed_once_on_a_page_with_insets(qapp, bundled_doc_factory, period):
    """A figure is printed once on a page: the map leaves out what its inset prints (printed in both,
    a reader adds Ceuta's 2,531 up twice). Read from the SVG's text, as a reader of the file would:
    every text with a figure in it (flows, totals, legend, title) is there as often as on the page
    without insets (the map dropping them, or the inset printing none, fails it)."""
    import re
    import xml.etree.ElementTree as ET

    from gui.export import VectorExportSettings
    from gui.svg_export import svg_bytes

    def figure_texts(insets):
        doc = bundled_doc_factory()
        doc.select(period)
        doc.insets = insets
        root = ET.fromstring(svg_bytes(doc, VectorExportSettings(Page(dpi=96))))
        texts = [" ".join("".join(t.itertext()).split()) for t in root.iter() if t.tag.endswith("}text")]
        texts = [re.sub("[\u200e\u200f\u202a-\u202e]", "", t) for t in texts]
        return sorted(t for t in texts if re.search(r"\d", t) and t != "0")

    with_insets, without = figure_texts(("gibraltar",)), figure_texts("none")
    scale_bar = [t for t in without if t.endswith(" km")]
    assert sorted(t for t in with_insets if not t.endswith(" km")) == sorted(t for t in without if t not in scale_bar)
    assert {"2,531 (b)", "116 (derived) (b)"} <= set(without) if period == "2024" else "5,128" in without


def test_the_web_map_prints_the_figures_the_pages_insets_print(year_page):
    """The web map draws no insets: it is the page's map without them (gui.web_export), so the figures
    the page prints in its inset alone are on the web map, once, with every other figure of the page."""
    from gui.web_export import page_marks

    _, view, report, doc = year_page
    inset_figures = [m for _, r in report.insets for m in r.marks if m.kind in ("value", "total")]
    assert {m.text for m in inset_figures} >= {"2,531 (b)", "116 (derived) (b)"}
    web = sorted(m.text for m in page_marks(doc, view).marks if m.kind in ("value", "total"))
    page = sorted(m.text for m in [*report.marks, *inset_figures] if m.kind in ("value", "total"))
    assert web == page


@pytest.mark.parametrize("period,insets", [("2023", "auto"), ("2024", "auto"), ("2024Q4", ("gibraltar",))])
def test_an_inset_drops_no_name_the_map_prints(qapp, bundled_doc_factory, period, insets):
    """The insets keep room for the names of the places the map shows, not only their dots: every
    place name the map prints without insets it prints with them (Nouakchott's was lost under the
    2023 map's inset, which stopped 6 mm from its dot)."""
    names = {}
    for choice in ("none", insets):
        doc = bundled_doc_factory()
        doc.select(period)
        doc.insets = choice
        _, _, report = paint(doc, Page(dpi=150))
        names[choice] = {text for _, text, _ in report.place_labels}
        if choice == insets:
            assert report.insets, "no inset to test"
    assert names["none"] <= names[insets], names["none"] - names[insets]


def test_the_inset_keeps_room_for_a_name_in_the_maps_language(qapp, bundled_doc_factory):
    """The planner keeps room beside a place's dot for its name as the map writes it: with a places
    layer whose French name for Nouakchott is twice its English one, the French map's inset (of the
    2024 map, beside Nouakchott) moves off so that the French name is set where the English one is,
    right of its dot, clear of the inset (room sized from the English name pushed it below the dot)."""
    doc = bundled_doc_factory()
    doc.select("2024")
    doc.insets = ("gibraltar",)
    places = doc.layer("places").data
    places.loc[places["place_id"] == "nouakchott", "name_fr"] = "Nouakchott (Mauritanie)"
    set_at = {}
    for language in ("en", "fr"):
        doc.label_language = language
        image, _, report = paint(doc, Page(dpi=100))
        inset, _ = inset_of(report, "gibraltar")
        (text, box), = [(t, b) for pid, t, b in report.place_labels if pid == "nouakchott"]
        assert text == {"en": "Nouakchott", "fr": "Nouakchott (Mauritanie)"}[language]
        assert not shapely.box(*box).intersects(shapely.box(*inset.rect))
        x0, y0, x1, y1 = (round(v) for v in box)
        ink = pixels(image)[y0:y1, x0:x1].mean(axis=2) < 100
        assert ink.sum() > 2 * len(text), "no letters drawn in the name's box"
        assert ink[:, (x1 - x0) * 3 // 4:].any(), "the name's last letters are not drawn"  # nothing cut it short
        set_at[language] = box
    assert abs(set_at["fr"][0] - set_at["en"][0]) < 1 and abs(set_at["fr"][1] - set_at["en"][1]) < 1, set_at


@pytest.mark.parametrize("period, metric", [("2023", "arrivals"), ("2023", "interceptions"), ("2024", "interceptions")])
def test_the_locator_stands_clear_of_the_title_box(bundled_doc_factory, period, metric):
    """The gallery review found the Strait's locator under the title box on five maps: the frame now keeps
    the insets' areas clear of the furniture as it keeps the flows (geo.reach.locator_reach)."""
    from geo.map_words import WORDS

    doc = bundled_doc_factory()
    doc.select(period, metric, None)
    doc.title = WORDS["en"]["title"]  # the command line's: its box reaches the Strait
    _image, view, report = paint(doc, Page("A4", "landscape", 300.0))  # the gallery's page
    locators = [inset.locator for inset, _inner in report.insets]
    assert locators, "an inset of the Strait"
    title = report.furniture_rects["title"]
    box = shapely.box(title.left(), title.top(), title.right(), title.bottom())
    gap = 1.0 * view.px_per_mm
    for locator in locators:
        assert shapely.box(*locator).distance(box) >= gap, (period, metric, locator)
