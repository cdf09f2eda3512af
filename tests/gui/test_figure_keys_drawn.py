"""A figure whose label finds no room is numbered beside its symbol and keyed on the page (issue 14:
the overview legible at A4, each figure on it once). Measured on the painted page: the discs, their
numbers' key in the footer or in a box on the map, nothing covered, the footer within the page; the
legend in a column beside an A4 overview's map, over an A3 one's."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from painted import paint, pixels

from geo import paths
from geo.page import Page
from geo.project import load_project

OVERVIEW = paths.data_path() / "projects" / "q4_2024_overview.crossings.json"


def overview(language: str, paper: str = "A4", dpi: float = 150.0):
    doc = load_project(OVERVIEW)
    doc.label_language = language
    page = Page(paper, "landscape", dpi)
    image, view, report = paint(doc, page)
    return doc, page, pixels(image), view, report


@pytest.fixture(scope="module")
def a4_english(qapp):
    return overview("en")


@pytest.fixture(scope="module")
def a4_arabic(qapp):
    return overview("ar")


@pytest.fixture(scope="module")
def a4_french(qapp):
    return overview("fr")


def footer_text(report) -> str:
    """The footer's sources and notes (the page's last 'footer' text; the disclaimer is the furniture's)."""
    return next(text for kind, text, *_ in reversed(report.texts) if kind == "footer")


def test_figures_without_room_for_their_label_are_numbered_beside_their_symbols_and_keyed(a4_english):
    from geo.map_marks import figure_items, numbered_entries, unplaced_figures

    doc, _page, px, view, report = a4_english
    assert report.numbered, "the A4 overview's crowded coasts leave some figures room only for a number"
    assert [k.number for k in report.numbered] == list(range(1, len(report.numbered) + 1))
    mm = view.px_per_mm
    for k in report.numbered:
        x0, y0, x1, y1 = (round(v) for v in k.rect)
        box = px[y0:y1, x0:x1].astype(int)
        white = (box.min(axis=2) > 245).mean()
        ring = (np.abs(box - np.array([int(k.colour[i:i + 2], 16) for i in (1, 3, 5)])).max(axis=2) < 40).mean()
        assert white > 0.25 and ring > 0.04, (k, white, ring)  # a white disc, outlined and numbered in its colour
        assert (x1 - x0) < 8 * mm and (y1 - y0) < 6 * mm  # a few millimetres: it fits where a label did not
    # nothing placed covers a disc, and no disc covers a label or another disc
    discs = [shapely.box(*k.rect) for k in report.numbered]
    others = [shapely.box(*rect) for kind, rect in report.labels if kind not in ("figure_key", "figure_key_box")]
    for disc in discs:
        assert not any(disc.intersects(o) for o in others)
        assert sum(disc.intersects(d) for d in discs) == 1
    # each number is keyed once, with its figures: in the footer, or in a box on the map
    key = footer_text(report) if report.key_box is None else next(t for kind, t, *_ in report.texts if kind == "figure_key_box")
    flat = " ".join(key.split())
    for entry in numbered_entries(doc, report.numbered):
        assert flat.count(" ".join(entry.split())) == 1, entry
    items = figure_items(doc, [key for k in report.numbered for key in k.keys])
    assert all(" ".join(items[key].split()) in flat for k in report.numbered for key in k.keys)
    # a numbered figure is no figure lost: the command line's warning names only what has neither
    assert not set(unplaced_figures(doc, report.dropped_labels)) & set(
        unplaced_figures(doc, [key for k in report.numbered for key in k.keys]))


def test_without_numbers_those_figures_would_be_lost(a4_english, qapp):
    """The same page with numbering off (as the canvas, an inset or a panel draw): every figure numbered
    above is one the layout drops, so the numbers are what keeps it on the page."""
    from gui.figure_keys_painter import FigureKeysMixin

    _doc, page, _px, _view, report = a4_english
    numbered = {key for k in report.numbered for key in k.keys}
    original = FigureKeysMixin._number_unplaced
    try:
        FigureKeysMixin._number_unplaced = lambda self, painter, view, dropped, *a, **k: dropped
        _image, _view2, plain = paint(load_project(OVERVIEW), page)
    finally:
        FigureKeysMixin._number_unplaced = original
    assert not plain.numbered
    assert numbered <= set(plain.dropped_labels)


def test_an_a4_overview_s_legend_stands_beside_its_map_and_an_a3_one_s_over_it(a4_english, qapp):
    from geo.legend_place import LEGEND_COLUMN_GAP_MM, LEGEND_COLUMN_W_MM
    from gui.layout import PageLayout

    _doc, page, px, view, report = a4_english
    mm = view.px_per_mm
    fx, fy, fw, fh = view.frame_px
    page_w = page.size_px[0]
    # the frame gives the column its width: the page less its margins, the gap and the column
    assert fw / mm == pytest.approx(page.size_mm[0] - 2 * PageLayout().margin_mm - LEGEND_COLUMN_W_MM - LEGEND_COLUMN_GAP_MM,
                                    abs=0.1)
    legend = report.furniture_rects["legend"]
    assert legend.left() > fx + fw and legend.right() <= page_w - 5 * mm
    assert legend.bottom() <= page.size_px[1] - PageLayout().margin_mm * mm + 1  # beside the footer, if need be
    # painted there: the box's white fill and its entries' dark text right of the frame's edge
    column = px[round(fy):round(fy + fh), round(fx + fw + 2 * mm):round(page_w - 6 * mm)].astype(int)
    assert (column.max(axis=2) < 90).sum() > 2000  # letters and samples
    # the map is larger than over a legend in its corner: the frame fitted clear of it zoomed out to Germany
    inside = load_project(OVERVIEW)
    inside.legend_place = "inside"
    _img, inside_view, inside_report = paint(inside, page)
    assert inside_report.furniture_rects["legend"].right() <= inside_view.frame_px[0] + inside_view.frame_px[2]
    assert view.units_per_px < 0.8 * inside_view.units_per_px
    a3 = load_project(OVERVIEW)
    _img, a3_view, a3_report = paint(a3, Page("A3", "landscape", 60.0))
    ax, _ay, aw, _ah = a3_view.frame_px
    assert a3_report.furniture_rects["legend"].right() <= ax + aw  # a tenth of A3's frame: over the map


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_nothing_runs_into_the_page_s_side_and_top_margins(language, a4_english, a4_french, a4_arabic):
    """The French A4 overview's footer, a line longer than the English one, left the frame 3 mm too short
    for the legend's one column beside it: the legend split into two, and its second column ran off the
    page's right edge. A legend beside the map now runs on beside the footer (gui.layout.PageLayout.legend_tall)."""
    from PySide6.QtCore import QRectF

    from gui.layout import page_layout

    doc, page, px, view, report = {"en": a4_english, "fr": a4_french, "ar": a4_arabic}[language]
    edge = round(4 * view.px_per_mm)
    for side in (px[:edge], px[:, :edge], px[:, -edge:]):  # the top, the left and the right margins
        assert side.min() > 245, language
    legend = report.furniture_rects["legend"]
    fx, _fy, fw, _fh = view.frame_px
    if legend.left() > fx + fw:  # beside the map: within the page, and the footer's text clear of it
        assert legend.right() <= page.size_px[0] - 5 * view.px_per_mm
        assert not legend.intersects(QRectF(*page_layout(doc, page).footer_px(page))), language


def test_a_legend_set_beside_the_map_and_taller_than_the_page_stands_in_two_columns_within_it(qapp):
    """The Arabic overview's legend is 181 mm tall in one column (230 mm before its lines stood 1.6 em
    apart): set beside an A5 map by the user, its column is two wide, and the frame gives it the room."""
    from geo.legend_place import LEGEND_COLUMN_GAP_MM, LEGEND_COLUMN_W_MM
    from gui.layout import PageLayout

    doc = load_project(OVERVIEW)
    doc.label_language, doc.legend_place = "ar", "beside"
    page = Page("A5", "landscape", 100.0)
    image, view, report = paint(doc, page)
    px, mm = pixels(image), view.px_per_mm
    fx, _fy, fw, _fh = view.frame_px
    assert fw / mm == pytest.approx(page.size_mm[0] - 2 * PageLayout().margin_mm - 2 * LEGEND_COLUMN_W_MM
                                    - LEGEND_COLUMN_GAP_MM, abs=0.1)
    legend = report.furniture_rects["legend"]
    assert legend.left() > fx + fw and legend.right() <= page.size_px[0] - 5 * mm
    assert px[:, -round(4 * mm):].min() > 245


def test_the_footer_holds_its_key_within_the_page_in_arabic(a4_arabic):
    """Arabic lines stood taller: on A4 the key ran the footer off the page, the disclaimer after it. The
    key is in a box on the map where one has room (there, since Arabic lines stand 1.6 em apart), else in
    the footer, grown for it; either way nothing runs off the page."""
    from gui.layout import page_layout

    doc, page, px, view, report = a4_arabic
    assert report.numbered
    in_footer = "مرقّمة على الخريطة" in footer_text(report)
    assert in_footer != (report.key_box is not None)  # said once: in its box or in the footer
    # the page's last rows are blank: nothing runs off its bottom edge
    assert px[-4:].min() > 245
    # and the disclaimer, the footer's last line, is painted: dark letters in the bottom margin's strip
    strip = px[round(page.size_px[1] - 9 * view.px_per_mm):round(page.size_px[1] - 4 * view.px_per_mm)]
    assert (strip.max(axis=2) < 160).sum() > 200
    if in_footer:
        assert page_layout(doc, page).footer_mm > 10.0  # grown for the key


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_every_figure_of_the_a4_overview_is_on_its_map_labelled_or_numbered(language, a4_english, a4_french, a4_arabic):
    """In French, Lampedusa's name took the sea beside Tunisia's circles and left their two figures no
    room even for a number; in Arabic, the Tunisian crossing's number was placed before the circles'
    labels and its leaders were kept off their rooms, and it was lost. Numbers are now placed once every
    label is (gui.figure_keys_painter._number_kept): each figure is on the map, labelled or numbered."""
    from geo.map_marks import unplaced_figures

    doc, _page, px, _view, report = {"en": a4_english, "fr": a4_french, "ar": a4_arabic}[language]
    assert unplaced_figures(doc, report.dropped_labels) == []
    assert not any(words in t for kind, t, *_ in report.texts if kind == "footer"
                   for words in ("No room on this page", "Pas de place sur cette page"))
    on_map = {m.key for m in report.marks}
    circles = report.place_circles
    numbered = {key for k in report.numbered for key in k.keys}
    for key in circles["key"]:  # every circle's figure: its label set, or its number drawn in a white disc
        assert key in on_map or key in numbered, key
    for k in report.numbered:
        x0, y0, x1, y1 = (round(v) for v in k.rect)
        assert (px[y0:y1, x0:x1].min(axis=2) > 245).mean() > 0.25, k  # the disc is painted, white


def test_island_names_leave_a_circle_room_for_its_figure(qapp):
    """Lampedusa's name took the sea beside Tunisia's circles: on the A4 page their two figures found no
    room even for a number in French. Island and enclave names keep off a circle's room where they can
    (geo.place_figure_layout.figure_rooms). The page without its callouts, for which a name may make way."""
    from geo.place_figure_layout import FIGURE_ROOM_MM

    doc = load_project(OVERVIEW)
    doc.callouts = ()
    _image, view, report = paint(doc, Page("A4", "landscape", 150.0))
    tunisia = [key for key in report.place_circles["key"] if ":TUN:" in key]
    shown = {m.key for m in report.marks if m.kind == "place_figure"} | {key for k in report.numbered for key in k.keys}
    assert len(tunisia) == 2 and set(tunisia) <= shown, tunisia
    lampedusa = next(rect for pid, _name, rect in report.place_labels if pid == "lampedusa")
    circles = report.place_circles.set_index("key")
    x, y = view.to_px(circles.loc[tunisia[0], ["x", "y"]].to_numpy(float)[None])[0]
    reach = circles.loc[tunisia, "diameter_mm"].max() / 2 + FIGURE_ROOM_MM
    assert shapely.box(*lampedusa).distance(shapely.Point(x, y)) > reach * view.px_per_mm


def test_a_circle_s_figure_never_stands_beside_another_circle(a4_english):
    """Tied by a 20 mm leader, Tunisia's '≥ 5,400 / 15,514' stood a millimetre from Algeria's circles off
    Algiers and read as theirs. Every circle's label or number lies nearer its own circle than any other,
    and one tied by a leader keeps BESIDE_OTHER_MM from the others."""
    from geo.place_figure_layout import BESIDE_OTHER_MM, circle_shapes

    _doc, _page, _px, view, report = a4_english
    circles = report.place_circles.reset_index(drop=True)
    shapes = circle_shapes(circles, view)
    group_of = dict(zip(circles["key"], circles["group"], strict=True))
    labels: dict = {}  # a stacked label's lines are marks of their own; the first carries the leader
    for m in report.marks:
        if m.kind == "place_figure":
            rects, leader = labels.get(group_of[m.key], ([], None))
            labels[group_of[m.key]] = ([*rects, m.rect], leader or m.leader)
    boxes = [(group, shapely.union_all([shapely.box(*r) for r in rects]), leader)
             for group, (rects, leader) in labels.items()]
    boxes += [(group_of[k.keys[0]], shapely.box(*k.rect), k.leader) for k in report.numbered if k.keys[0] in group_of]
    assert len(boxes) >= 6
    for key, box, leader in boxes:
        own = shapely.union_all([s for s, g in zip(shapes, circles["group"], strict=True) if g == key])
        others = [s for s, g in zip(shapes, circles["group"], strict=True) if g != key]
        nearest_other = min(box.distance(o) for o in others)
        if leader is None:
            assert box.distance(own) <= nearest_other, key
        else:
            assert nearest_other >= BESIDE_OTHER_MM * view.px_per_mm - 1, key


def test_no_label_covers_the_point_a_callout_is_tied_to(bundled_doc_factory, qapp):
    """A callout tied to the very point a figure stood on: every leader from it crossed that figure (a
    number set on Tunis did so to the Tunisian callout's). The figure moves off the point."""
    from geo.callouts import Callout, lonlat_anchor
    from geo.projection import transformer

    doc = bundled_doc_factory()
    page = Page("A4", "landscape", 100.0)
    _image, view, report = paint(doc, page)
    label = next(lab for lab in report.value_labels if lab.key == "CMR-LY")
    cx, cy = (label.rect[0] + label.rect[2]) / 2, (label.rect[1] + label.rect[3]) / 2
    lon, lat = transformer(doc.crs, "EPSG:4326").transform(*view.to_map(cx, cy))
    doc.callouts = (Callout(lonlat_anchor(lon, lat), (("en", "Libya: departures"),)),)
    _image, view, report = paint(doc, page)
    (x, y), = [c.anchor for c in report.callouts]
    assert abs(x - cx) < 1 and abs(y - cy) < 1
    dot = shapely.Point(x, y).buffer(0.5 * view.px_per_mm)
    assert not any(dot.intersects(shapely.box(*rect)) for _kind, rect in report.labels)
    assert "CMR-LY" not in report.dropped_labels  # moved, not lost


def test_the_command_line_sets_the_legend_beside_the_map(tmp_path, qapp, capsys):
    from PySide6.QtGui import QImage

    from geo.legend_place import LEGEND_COLUMN_GAP_MM, LEGEND_COLUMN_W_MM
    from gui.cli import main

    def frame_edge(name: str, *legend: str) -> tuple[int, np.ndarray]:
        assert main(["render", "-q", "--page", "A4", "--dpi", "60", "--out-dir", str(tmp_path), "--name", name,
                     "--no-geojson", *legend]) == 0
        px = pixels(QImage(str(tmp_path / f"{name}.png")))
        mm = 60 / 25.4
        rows = px[round(40 * mm):round(150 * mm)].astype(int)  # the frame's height, clear of title and footer
        dark = (rows.max(axis=2) < 200).mean(axis=0)  # a vertical line: dark in most rows of its column
        return int(np.flatnonzero(dark > 0.9).max()), px

    beside, px = frame_edge("beside", "--legend", "beside")
    over, _ = frame_edge("over")  # the default map's small legend: over the map, at auto
    mm = 60 / 25.4
    assert (over - beside) / mm == pytest.approx(LEGEND_COLUMN_W_MM + LEGEND_COLUMN_GAP_MM, abs=1.0)
    column = px[round(10 * mm):round(100 * mm), beside + round(6 * mm):].astype(int)
    assert (column.max(axis=2) < 90).sum() > 100  # the legend's entries, in the column right of the frame
    assert main(["render", "--legend", "left", "--out-dir", str(tmp_path)]) == 2
    assert "--legend: 'left' is not one of auto, inside, beside" in capsys.readouterr().err


def test_the_web_map_sets_each_number_where_the_page_does_and_keys_it(qapp):
    """The web map is drawn from the page's marks: each number in its disc where the layout set it, the
    figure's words on hovering it, and the footer's key as the printed page says it."""
    import html

    from webmap_support import features

    from geo.exports.webmap import webmap_html
    from geo.figure_keys import keyed_from_marks
    from geo.map_marks import numbered_entries
    from gui.layout import page_view
    from gui.web_export import page_marks

    doc = load_project(OVERVIEW)
    doc.page = Page("A4", "landscape", 150.0)
    view = page_view(doc)
    marks = page_marks(doc, view)
    keyed = sorted(keyed_from_marks(marks.marks), key=lambda k: k.number)
    assert keyed, "the web map's page (no insets) numbers figures too on A4"
    text = webmap_html(doc, view, marks=marks)
    discs = features(text, "figure_key")
    assert sorted(int(f["properties"]["text"]) for f in discs) == [k.number for k in keyed]
    entries = numbered_entries(doc, keyed)
    assert sorted(f["properties"]["entry"] for f in discs) == sorted(entries)
    footer = html.unescape(text[text.index('id="crossings-footer"'):])
    assert "Numbered on the map, for want of room beside their symbols" in footer
    assert all(entry in footer for entry in entries)


def test_small_multiples_name_in_their_footer_each_panel_s_figure_without_room(bundled_doc_factory, qapp, monkeypatch):
    """A panel of small multiples (no numbers: their footer is shared) left the 2024 total of Ceuta and
    Melilla, or of Spain, off the page in silence. What a panel has no room for is named in the footer with
    its period and figure."""
    from geo.map_marks import figure_items
    from gui import small_multiples
    from gui.export import render_image
    from gui.render import MapRenderer

    dropped, footers = [], []
    render_map, footer = MapRenderer.render_map, small_multiples.FurniturePainter.footer

    def spy_render(self, painter, view, options=None):
        render_map(self, painter, view, options)
        dropped.append((self.doc.period, figure_items(self.doc, self.report.dropped_labels)))

    def spy_footer(self, rect, sources, page_bottom=None):
        footers.append(sources)
        return footer(self, rect, sources, page_bottom)

    monkeypatch.setattr(MapRenderer, "render_map", spy_render)
    monkeypatch.setattr(small_multiples.FurniturePainter, "footer", spy_footer)
    doc = bundled_doc_factory()
    render_image(doc, Page("A4", "landscape", 150.0), periods=("2023", "2024"))
    lost = [(period, items) for period, items in dropped if items]
    assert lost, "on A4 a 2024 panel has no room for one of its totals"
    text = " ".join(footers[-1].split())
    assert "No room on this page for:" in text
    for period, items in lost:
        for item in items.values():
            assert " ".join(item.split()) in text, (period, item)


def test_a_callout_without_clear_room_at_its_width_wraps_narrower(a4_arabic):
    """On the Arabic A4 overview Niger's and Tunisia's callouts, 38 mm wide, covered names (Cameroon,
    Tripoli, Algeria). Wrapped to 30 mm, taller, they stand clear: the painted box is the narrower one,
    white, its text in the lines of that wrap."""
    from geo.callout_layout import CALLOUT_WRAPS_MM, PAD_MM

    _doc, _page, px, view, report = a4_arabic
    mm = view.px_per_mm
    narrower = [c for c in report.callouts if c.wrap > 0]
    assert narrower, [(c.key, c.wrap, c.overlaps) for c in report.callouts]
    marks = {m.key: m for m in report.marks if m.kind == "callout"}
    for c in narrower:
        assert c.overlaps == (), c
        x0, y0, x1, y1 = c.rect
        assert x1 - x0 <= (CALLOUT_WRAPS_MM[c.wrap] + 2 * PAD_MM[0]) * mm + 1
        assert len(marks[c.key].text.splitlines()) >= 2  # the wrap the box was sized for
        inner = px[round(y0 + 2):round(y1 - 2), round(x0 + 2):round(x1 - 2)]
        assert (inner.min(axis=2) > 245).mean() > 0.6 and (inner.max(axis=2) < 120).sum() > 50  # white, with text


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_every_callout_of_the_a4_overview_stands_clear_by_its_anchor_or_is_lettered_and_given_in_the_footer(
        language, a4_english, a4_french, a4_arabic):
    """On A4 the Algerian note found room only 52 mm from its route, off Morocco's Atlantic coast (English),
    or over Ibiza (French) and Morocco's circle (Arabic); the Tunisian one stood over the Balkans. Now a box
    lies within 30 mm of its anchor, clear of everything; a note with no such place is a letter in a small
    box by its anchor, and its text is in the footer, in the map's language."""
    import math

    doc, _page, px, view, report = {"en": a4_english, "fr": a4_french, "ar": a4_arabic}[language]
    mm = view.px_per_mm
    assert len(report.callouts) == len(doc.callouts)
    footer = footer_text(report)
    keyed = dict((i, letter) for letter, i in report.keyed_callouts)
    if language != "ar":
        assert keyed  # the Algerian and Tunisian notes have no room for their text on these pages
    for one in report.callouts:
        i = int(one.key.rpartition(":")[2]) - 1
        text = doc.callouts[i].text_for(language)[0]
        assert one.overlaps == (), (language, one)
        if one.leader is not None:
            assert math.dist(*one.leader) <= 32 * mm, (language, one.key)  # the last ring, 30 mm, at a slant
        x0, y0, x1, y1 = (round(v) for v in one.rect)
        box = px[y0:y1, x0:x1].astype(int)
        assert (box.min(axis=2) > 245).mean() > 0.4  # painted: a white box ...
        assert (box.max(axis=2) < 90).mean() > 0.03  # ... with its dark border and letters
        if i in keyed:
            assert one.keyed and (x1 - x0) < 6 * mm and (y1 - y0) < 6 * mm  # a letter's box
            assert f"[{keyed[i]}]" in footer and text.rstrip(". ") in footer
        else:
            assert not one.keyed and (x1 - x0) > 15 * mm and text not in footer


def test_the_web_map_letters_the_callouts_it_has_no_room_for_and_gives_their_text(a4_french):
    """The web map lays its labels out as the French A4 page's map does (without the page's insets: it
    zooms, so the Strait's figures are on its map, and it may letter fewer callouts). Each callout it
    letters has its text on hovering the letter and in the footer; every other is a box of its text."""
    import html
    import json
    import re

    from geo.callouts import CALLOUT_KEY
    from gui.layout import page_view
    from gui.web_export import page_marks, webmap_html

    doc, page, _px, _view, _report = a4_french
    doc.page = page
    view = page_view(doc)
    text = webmap_html(doc, view)
    letters = {m.text: int(m.key.rpartition(":")[2]) - 1 for m in page_marks(doc, view).of_kind(CALLOUT_KEY)}
    keyed = [json.loads(p) for p in re.findall(r'\{[^{}]*"kind": "callout_key"[^{}]*\}', text)]
    assert letters and sorted(p["text"] for p in keyed) == sorted(letters)
    for p in keyed:
        words = doc.callouts[letters[p["text"]]].text_for("fr")[0]
        assert p["entry"] == f"[{p['text']}]\u00a0{words}"
        assert html.escape(f"[{p['text']}]\u00a0{words.rstrip('. ')}") in text  # and in the footer
    boxes = [json.loads(p)["text"] for p in re.findall(r'\{[^{}]*"kind": "callout"[^{}]*\}', text)]
    assert len(boxes) == len(doc.callouts) - len(letters)


@pytest.mark.parametrize("period, compare", [("2024", "previous"), ("2024", None), ("2024Q4", None)])
def test_the_legend_names_a_total_the_map_prints_not_one_it_numbers(qapp, period, compare):
    """The 2024 change map's legend read 'Ceuta and Melilla 2,647 and the other figures in black' while
    Ceuta and Melilla's total was (1) in the key box for want of room, and Italy's 65,474 stood on the
    map unexplained. The legend's example is a total printed on the map, in black."""
    from geo.document import MapDocument
    from geo.legend import TOTAL, legend_entries
    from geo.map_marks import total_key
    from geo.map_words import WORDS

    doc = MapDocument.from_files()
    doc.title = WORDS["en"]["title"]  # as `crossings render` sets it: its box covers Spain's coast
    doc.select(period, "arrivals", None)
    if compare:
        doc.flow_style.compare, doc.flow_style.colour_by = compare, "change"
    _, _, report = paint(doc, Page("A4", "landscape", 300))
    (entry,) = [e.text for e in legend_entries(doc) if e.kind == TOTAL]
    numbered = {key for k in report.numbered for key in k.keys}
    totals = {t.name: t for t in doc.join().totals}
    named = next(t for name, t in totals.items() if entry.startswith(name + " "))
    assert total_key(named.route_id) not in numbered, (entry, numbered)
    printed = [text for kind, text, *_ in report.texts if text.startswith(named.name + " ")]
    assert printed, (entry, [t for _, t, *_ in report.texts][:40])

