"""Place and country figures on the page: their circles measured in the pixels, their figures set
beside them and drawn, their legend and sources printed, the frame showing them (issue 14, item 2)."""

from __future__ import annotations

import numpy as np
import pytest
from painted import paint, pixels
from pixels_support import row_run

from geo.document import MapDocument
from geo.page import Page
from geo.place_figures import PLACE_COLOURS, PlaceFigureLayer, place_circles
from geo.placed_marks import PLACE_FIGURE

PAGE = Page("A4", "landscape", dpi=150.0)


@pytest.fixture(scope="module")
def drawn(qapp):
    doc = MapDocument.from_files()
    doc.insets = "none"
    doc.place_layers = (PlaceFigureLayer("migrants_present"), PlaceFigureLayer("stranded"))
    image, view, report = paint(doc, PAGE)
    return doc, pixels(image), view, report



def test_each_circle_is_drawn_its_diameter_in_its_colour(drawn):
    doc, px, view, _report = drawn
    circles = place_circles(doc)
    mm = view.px_per_mm
    for row in circles.itertuples():
        (x, y), = view.to_px(np.array([[row.x, row.y]]))
        x, y = round(x), round(y)
        colour = np.array([int(row.colour[i:i + 2], 16) for i in (1, 3, 5)])
        # see-through over land: nearer the layer's colour than the land's, measured at the centre
        land = np.array([int(doc.theme.land[i:i + 2], 16) for i in (1, 3, 5)])
        centre = px[y, x].astype(int)
        assert np.abs(centre - colour).sum() < np.abs(centre - land).sum(), (row.key, centre)
        if row.diameter_mm > 5:  # measured across: the casing's white ends it
            width = row_run(px[y], x, lambda p, c=centre: np.abs(p.astype(int) - c).max() < 12)
            assert width / mm == pytest.approx(row.diameter_mm - 0.3, abs=0.6), row.key


def test_each_figure_is_set_once_beside_its_circle_and_drawn(drawn):
    doc, px, view, report = drawn
    marks = [m for m in report.marks if m.kind == PLACE_FIGURE]
    assert sorted(m.text for m in marks) == ["787,326", "~400"]
    circles = place_circles(doc).set_index("key")
    mm = view.px_per_mm
    for m in marks:
        c = circles.loc[m.key]
        (x, y), = view.to_px(np.array([[c.x, c.y]]))
        x0, y0, x1, y1 = m.rect
        gap = max(x0 - x, x - x1, y0 - y, y - y1, 0.0)  # from the centre to the box
        assert gap <= c.diameter_mm * mm / 2 + 12 * mm, m.key
        ink = np.array([int(m.colour[i:i + 2], 16) for i in (1, 3, 5)])
        inside = px[round(y0):round(y1), round(x0):round(x1)].astype(int)
        assert (np.abs(inside - ink).max(axis=2) < 50).sum() > 15, m.key


def test_the_legend_and_sources_say_what_the_circles_are(drawn, qapp):
    from geo.legend import PLACE_LAYER, SUBHEADING, legend_entries
    from geo.map_texts import sources_text

    doc = drawn[0]
    entries = legend_entries(doc)
    assert [e.text for e in entries if e.kind == PLACE_LAYER] == ["Migrants present", "Stranded"]
    assert [e.colour for e in entries if e.kind == PLACE_LAYER] == list(PLACE_COLOURS[:2])
    assert any(e.kind == SUBHEADING for e in entries)
    assert "Circles: IOM DTM and other linked sources" in sources_text(doc)
    texts = [t for _, t, _, _ in drawn[3].texts]
    assert "Migrants present" in texts and "Stranded" in texts  # drawn in the page's legend


def test_the_frame_shows_every_circle_whole_clear_of_the_furniture(drawn):
    doc, _, view, report = drawn
    mm = view.px_per_mm
    fx, fy, fw, fh = view.frame_px
    boxes = [(r.left(), r.top(), r.right(), r.bottom()) for r in report.furniture_rects.values()]
    for row in place_circles(doc).itertuples():
        (x, y), = view.to_px(np.array([[row.x, row.y]]))
        r = row.diameter_mm * mm / 2
        assert fx <= x - r and x + r <= fx + fw and fy <= y - r and y + r <= fy + fh, row.key
        for x0, y0, x1, y1 in boxes:  # the frame fitted the flows alone: Libya's circle lay under the legend
            assert x + r <= x0 or x - r >= x1 or y + r <= y0 or y - r >= y1, row.key


def test_without_place_layers_nothing_of_them_is_drawn(qapp):
    doc = MapDocument.from_files()
    doc.insets = "none"
    _image, _view, report = paint(doc, PAGE)
    assert not [m for m in report.marks if m.kind == PLACE_FIGURE]
    assert "Circles:" not in " ".join(t for _, t, _, _ in report.texts)


def test_the_web_map_draws_the_circles_and_sets_the_figures_where_the_png_does(drawn, qapp):
    import json
    import re

    from gui.layout import page_view
    from gui.web_export import page_marks, webmap_html

    doc, _, _, _ = drawn
    view = page_view(doc)
    text = webmap_html(doc, view)
    circles = place_circles(doc)
    props = [json.loads(p) for p in re.findall(r'\{[^{}]*"key": "place:[^{}]*\}', text)]
    assert sorted(p["key"] for p in props if p["kind"] == "place_figure") == sorted(circles["key"])
    png = {m.key: m.text for m in page_marks(doc, view).marks if m.kind == PLACE_FIGURE}
    assert png
    # its legend says which colour is which layer, and keeps both groups' notes
    for i, title in enumerate(("Migrants present", "Stranded")):
        assert re.search(r'crossings-place" style="background:' + PLACE_COLOURS[i] + r'"></span><span>' + title, text)
    assert "Smallest flows drawn" in text and "Smallest circles drawn" in text
    for key, words in png.items():  # each label the PNG sets, with its words, once
        assert [p["text"] for p in props if p["key"] == key and p["kind"] == "flow_label"] == [words], key


def test_place_layers_are_saved_with_the_project_and_undone(tmp_path, qapp):
    from geo.history import restore, snapshot
    from geo.project import load_project, save_project

    doc = MapDocument.from_files()
    before = snapshot(doc)
    doc.place_layers = (PlaceFigureLayer("assisted_returns", "2024-01-01/2024-10-16", "IOM", "Returns", False),)
    save_project(doc, tmp_path / "p.crossings.json")
    assert load_project(tmp_path / "p.crossings.json").place_layers == doc.place_layers
    restore(doc, before)
    assert doc.place_layers == ()


def test_figures_at_one_anchor_are_stacked_and_none_is_lost(qapp):
    """Tunisia's 15,514 refugees and its ≥ 5,400 returns share its anchor: set apart, the second found
    no room round the first's label and was lost from the page."""
    doc = MapDocument.from_files()
    doc.insets = "none"
    doc.place_layers = (PlaceFigureLayer("migrants_present"), PlaceFigureLayer("refugees_asylum_seekers"),
                        PlaceFigureLayer("assisted_returns", "2024-01-01/2024-10-16"), PlaceFigureLayer("stranded"))
    image, _, report = paint(doc, PAGE)
    px = pixels(image)
    circles = place_circles(doc)
    marks = {m.key: m for m in report.marks if m.kind == PLACE_FIGURE}
    assert sorted(marks) == sorted(circles["key"]) and not set(marks) & set(report.dropped_labels)
    tunisia = [marks[k] for k in circles.loc[circles["where"] == "TUN", "key"]]
    (upper, lower) = sorted(tunisia, key=lambda m: m.rect[1])
    assert upper.text == "15,514" and lower.text == "≥ 5,400"
    assert upper.rect[0] == lower.rect[0] and lower.rect[1] < upper.rect[3] <= lower.rect[3]  # one label, two lines
    for m in tunisia:  # each line in its own layer's colour
        ink = np.array([int(m.colour[i:i + 2], 16) for i in (1, 3, 5)])
        x0, y0, x1, y1 = (round(v) for v in m.rect)
        assert (np.abs(px[y0:y1, x0:x1].astype(int) - ink).max(axis=2) < 50).sum() > 15, m.text
    # the web map keeps the two lines together: one group, never each other's obstacle when it declutters
    import json
    import re

    from gui.layout import page_view
    from gui.web_export import webmap_html

    text = webmap_html(doc, page_view(doc))
    props = [json.loads(p) for p in re.findall(r'\{[^{}]*"key": "place:[^{}]*\}', text)]
    groups = {p["key"]: p.get("group") for p in props if p["kind"] == "flow_label"}
    assert groups[upper.key] == groups[lower.key] and groups[upper.key]
    where = dict(zip(circles["key"], circles["where"], strict=True))
    for a in groups:  # one group per anchor: Libya's two figures one, Tunisia's another, Dirkou's a third
        for b in groups:
            assert (groups[a] == groups[b]) == (where[a] == where[b]), (a, b)
    assert "s.g !== g" in text  # ... which the page's declutter reads


def test_circles_at_one_anchor_stand_side_by_side_never_one_inside_the_other(qapp):
    """Libya's refugees drawn inside its migrants, or IOM's 1,062 dead inside Caminando Fronteras' 9,757,
    read as a total and its part, which they are not: they stand side by side, each in its colour."""
    doc = MapDocument.from_files()
    doc.insets = "none"
    doc.place_layers = (PlaceFigureLayer("migrants_present", colour="#7b3294"),
                        PlaceFigureLayer("refugees_asylum_seekers", colour="#1b7837"))
    image, view, _report = paint(doc, PAGE)
    px = pixels(image)
    libya = place_circles(doc).set_index("where").loc[["LBY"]]
    assert len(libya) == 2
    centres = {}
    for row in libya.itertuples():
        (x, y), = view.to_px(np.array([[row.x, row.y]]))
        cx = x + row.offset_mm * view.px_per_mm
        centres[row.colour] = (cx, y, row.diameter_mm * view.px_per_mm / 2)
        ink = np.array([int(row.colour[i:i + 2], 16) for i in (1, 3, 5)])
        land = np.array([int(doc.theme.land[i:i + 2], 16) for i in (1, 3, 5)])
        centre = px[round(y), round(cx)].astype(int)
        assert np.abs(centre - ink).sum() < np.abs(centre - land).sum(), row.colour
    (x0, y0, r0), (x1, y1, r1) = centres.values()
    assert y0 == y1 and abs(x1 - x0) >= r0 + r1  # touching at most, on one line through the anchor
    (ax, _), = view.to_px(np.array([[libya.x.iloc[0], libya.y.iloc[0]]]))
    assert min(x0 - r0, x1 - r1) < ax < max(x0 + r0, x1 + r1)  # the row is centred on the anchor
