"""The bundled overview's web map on a laptop's screen (1280 x 720), where it opens zoomed out below
the paper's scale: the text keeps its paper size and the page hides what would then meet something.

Before, the callouts were always shown and never anyone's obstacle, so the Algeria, Niger and Tunisia
boxes were set over "3,438", "≥ 11,606" and "555"; the two lines of Libya's stacked figures (787,326
and 79,019), exempt from meeting each other, were set one over the other; figures ran under the
layers' list; and Italy's and Spain's totals, placed after every branch figure, were the ones hidden.
Now no two labels that show overlap, none runs under a control, the totals show first, and a hidden
callout's text is on its anchor's dot on hovering it. At the paper's scale every label shows.

Chromium is Debian's ``/usr/bin/chromium`` driven by playwright, every non-local request refused.
"""

from __future__ import annotations

import folium  # noqa: F401  (imported at collection: urllib3 probes IPv6 on import)
import pytest
from local_chromium import local_only_chromium, open_map  # skips this module without Chromium

from geo import paths
from geo.exports.webmap_labels import SAME_STACK_OVERLAP
from geo.project import load_project
from gui.layout import page_view
from gui.web_export import export_webmap

pytestmark = pytest.mark.slow

LAPTOP = {"width": 1280, "height": 720}
SMALL = {"width": 1024, "height": 640}
"""A smaller screen, where the layers' list and the title stand over Italy's total and Libya's figures."""
TOTALS = {"en": ("Italy 65,474", "Spain (WMR) 16,903")}
"""The update's two headline totals, as the English overview's first lines give them."""


@pytest.fixture(scope="module")
def browser():
    with local_only_chromium(LAPTOP) as ctx:
        yield ctx


@pytest.fixture(scope="module", params=["en", "fr", "ar"])
def overview(request, qapp, tmp_path_factory):
    """(language, the overview's web map) as `crossings render --html` writes it."""
    doc = load_project(paths.data_path() / "projects" / "q4_2024_overview.crossings.json")
    doc.label_language = request.param
    path = export_webmap(doc, page_view(doc), tmp_path_factory.mktemp("declutter") / f"{request.param}.html")
    return request.param, path


def labels(page) -> list[dict]:
    """Every label the PNG placed (figures, totals, callouts, names): text, kind, box, shown."""
    return page.evaluate("""Array.from(document.querySelectorAll('.leaflet-tooltip.crossings-mark')).map(e => {
        const r = e.getBoundingClientRect(), c = e.classList;
        return {text: e.textContent, box: [r.left, r.top, r.right, r.bottom],
                group: e.firstChild.getAttribute('data-group') || '',
                kind: c.contains('crossings-callout') ? 'callout' : c.contains('crossings-value') ? 'figure' : 'name',
                leader: !!document.querySelector('path.crossings-leader-' + e.firstChild.getAttribute('data-rank')),
                shown: getComputedStyle(e).visibility === 'visible'}; })""")


def controls(page) -> list[list[float]]:
    return page.evaluate("""Array.from(document.querySelectorAll('.leaflet-control')).map(e => {
        const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")


def overlaps(a, b) -> bool:
    """More than SAME_STACK_OVERLAP pixels each way: set over each other, not merely touching."""
    return (min(a[2], b[2]) - max(a[0], b[0]) > SAME_STACK_OVERLAP
            and min(a[3], b[3]) - max(a[1], b[1]) > SAME_STACK_OVERLAP)


def crowded(page) -> bool:
    mm, text = page.evaluate("['--crossings-mm', '--crossings-text-mm'].map(v => parseFloat("
                             "getComputedStyle(document.documentElement).getPropertyValue(v)))")
    return text > mm * 1.0001


@pytest.mark.parametrize("screen", [LAPTOP, SMALL], ids=["laptop", "small"])
def test_opened_on_a_laptop_no_two_labels_that_show_overlap_and_none_is_under_a_control(browser, overview, screen):
    language, path = overview
    page = open_map(browser, path, viewport=screen)
    try:
        assert crowded(page), "the overview should open below the paper's scale at 1280 x 720"
        shown = [w for w in labels(page) if w["shown"]]
        for i, a in enumerate(shown):
            for b in shown[i + 1:]:
                assert not overlaps(a["box"], b["box"]), (language, a["text"], b["text"])
        for w in shown:
            if w["kind"] != "name":
                assert not any(overlaps(w["box"], c) for c in controls(page)), (language, w["text"])
        hidden = [w["text"] for w in labels(page) if not w["shown"]]
        assert hidden, "zoomed out this far, something must make way"
        for total in TOTALS.get(language, ()) if screen is LAPTOP else ():
            assert any(w["text"].startswith(total) for w in shown), (total, hidden)
    finally:
        page.close()


NAMES_ON_SYMBOLS_JS = """(() => {
    const symbols = Array.from(document.querySelectorAll('path.crossings-flow, path.crossings-place-figure'));
    const out = [];
    document.querySelectorAll('.leaflet-tooltip.crossings-label').forEach(e => {
      if (getComputedStyle(e).visibility !== 'visible') { return; }
      const r = e.getBoundingClientRect();
      for (let y = Math.ceil(r.top + 2); y <= r.bottom - 2; y++) {
        for (let x = Math.ceil(r.left + 1); x <= r.right - 1; x++) {
          for (const s of symbols) {
            const p = new DOMPoint(x, y).matrixTransform(s.getScreenCTM().inverse());
            if (s.isPointInFill(p)) { out.push([e.textContent, x, y]); return; }
          }
        }
      }
    });
    return out; })()"""
"""Every name shown whose box, inset as the page insets it, has a pixel on a band's or a circle's drawn fill
(the SVG path's own geometry): (name, x, y) of the first such pixel."""


@pytest.mark.parametrize("screen", [LAPTOP, SMALL], ids=["laptop", "small"])
def test_zoomed_out_no_name_shown_stands_on_a_band_or_a_circle(browser, overview, screen):
    """Zoomed out, 'Gran Canaria' stood on the Atlantic arrow's tip and 'WESTERN SAHARA*' across its band: the
    page looked for a flow under a name at nine points of its box, and the tip lay between them."""
    language, path = overview
    page = open_map(browser, path, viewport=screen)
    try:
        assert crowded(page)
        assert page.evaluate(NAMES_ON_SYMBOLS_JS) == [], language
    finally:
        page.close()


@pytest.mark.parametrize("screen", [LAPTOP, SMALL], ids=["laptop", "small"])
def test_a_stacks_lines_are_hidden_with_the_line_holding_its_leader(browser, overview, screen):
    """Zoomed out, the IOM's '412' under the Western Mediterranean's circles was hidden with its leader and
    the Caminando Fronteras '183' under it stood alone over Morocco, tied to nothing."""
    language, path = overview
    page = open_map(browser, path, viewport=screen)
    try:
        marks = labels(page)
        cut = {w["group"] for w in marks if w["group"] and w["leader"] and not w["shown"]}
        loose = [w["text"] for w in marks if w["group"] in cut and w["shown"]]
        assert not loose, (language, loose)
    finally:
        page.close()


def test_a_hidden_callout_gives_its_words_on_its_anchor_and_every_callout_shows_at_paper_scale(browser, overview):
    language, path = overview
    page = open_map(browser, path)
    try:
        hidden = [w for w in labels(page) if w["kind"] == "callout" and not w["shown"]]
        assert hidden, language  # on a laptop's screen the boxes meet the figures they stand beside
        words = hidden[0]["text"]
        dots = page.evaluate("""(() => { const out = [], box = crossingsMap.getContainer().getBoundingClientRect();
            crossingsMap.eachLayer(l => { if (l.feature && l.feature.properties.kind === 'callout_anchor') {
              const p = crossingsMap.latLngToContainerPoint(l.getLatLng()); out.push([p.x + box.left, p.y + box.top]); } });
            return out; })()""")
        assert len(dots) == len([w for w in labels(page) if w["kind"] == "callout"]), dots
        tips = []
        for x, y in dots:
            page.mouse.move(x, y)
            page.wait_for_timeout(100)
            tips += page.evaluate("Array.from(document.querySelectorAll('.leaflet-tooltip.crossings-tip')).map(e => e.textContent)")
        assert words in tips, (words, tips)
        start = page.evaluate("crossingsMap.getZoom()")
        while crowded(page):
            start += 0.25
            page.evaluate("z => { crossingsMap.setZoom(z, {animate: false}); }", start)  # braces: not the map back
            page.wait_for_timeout(300)
        boxes = controls(page)  # at the paper's scale every callout shows, but one a control stands over
        assert all(w["shown"] or any(overlaps(w["box"], c) for c in boxes) for w in labels(page)
                   if w["kind"] == "callout"), language
        assert any(w["shown"] for w in labels(page) if w["kind"] == "callout"), language
    finally:
        page.close()




@pytest.mark.parametrize("screen", [{"width": 1280, "height": 900}, LAPTOP], ids=["tall", "laptop"])
def test_the_default_map_opened_shows_no_figure_under_the_layers_list(browser, qapp, tmp_path, screen):
    """The default map (Q4 2024) opens at the paper's scale on a 1280 x 900 screen, where every label
    shows: the layers' list, open at the top right, stood over Italy's total ('Italy 16,166' hidden,
    its second line cut). The list is Leaflet's folded button until pointed at; no figure or total that
    shows runs under a control, on a tall screen or a laptop's."""
    from geo.document import MapDocument

    doc = MapDocument.from_files()
    path = export_webmap(doc, page_view(doc), tmp_path / "default.html")
    page = open_map(browser, path, viewport=screen)
    try:
        shown = [w for w in labels(page) if w["shown"] and w["kind"] != "name"]
        assert any(w["text"].startswith("Italy 16,166") for w in shown), [w["text"] for w in shown]
        under = [w["text"] for w in shown if any(overlaps(w["box"], c) for c in controls(page))]
        assert not under, under
        rect = ("s => { const r = document.querySelector(s).getBoundingClientRect();"
                " return [r.left, r.top, r.right, r.bottom]; }")
        layers, zoom = (page.evaluate(rect, s) for s in (".leaflet-control-layers", ".leaflet-control-zoom"))
        assert max(layers[2] - layers[0], layers[3] - layers[1]) <= 50, layers  # folded: the button, not the list
        assert layers[1] >= zoom[3], (layers, zoom)  # under the zoom: the title keeps the top corner
    finally:
        page.close()


LEADER_GAPS_JS = """(() => {
    const out = [];
    document.querySelectorAll('.leaflet-tooltip.crossings-mark').forEach(e => {
      if (getComputedStyle(e).visibility !== 'visible' || !e.firstChild) { return; }
      const rank = e.firstChild.getAttribute('data-rank'), r = e.firstChild.getBoundingClientRect();
      document.querySelectorAll('path.crossings-leader-' + rank).forEach(p => {
        const m = p.getScreenCTM(), n = p.getTotalLength();
        const ends = [0, n].map(s => p.getPointAtLength(s).matrixTransform(m));
        const inside = q => q.x >= 0 && q.y >= 0 && q.x <= innerWidth && q.y <= innerHeight;
        if (!ends.every(inside) || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) {
          return;  // Leaflet clips a line to the screen: only what is wholly on it is measured
        }
        const gaps = ends.map(q => {
          const dx = Math.max(r.left - q.x, 0, q.x - r.right), dy = Math.max(r.top - q.y, 0, q.y - r.bottom);
          return Math.hypot(dx, dy);
        });
        out.push([e.textContent, Math.min(...gaps)]);
      });
    });
    return out; })()"""
"""(label, pixels from its leader's nearer end to its box) of every shown label with a leader, both on the
screen."""
LEADER_REACH_PX = 2.0


@pytest.mark.parametrize("view", [None, ([35.9, -5.3], 7.5), ([38.4, 3.3], 6.5), ([35.5, 13.0], 7.5)],
                         ids=["opened", "strait", "balearics", "tunisia"])
def test_every_leader_reaches_its_label_at_every_zoom(browser, overview, view):
    """Zoomed in past twice the paper's scale the text stops growing, and its box shrinks about its pin;
    zoomed out it grows. The leaders kept the PNG's end at the map's scale: three steps in, the '2,531 (b)'
    leader at Ceuta ended 35 px short of its label, Lanzarote's 31 px, Sfax's 19 px."""
    language, path = overview
    page = open_map(browser, path)
    try:
        if view is not None:
            page.evaluate("([ll, z]) => { crossingsMap.setView(ll, z, {animate: false}); }", list(view))
            page.wait_for_timeout(500)
        gaps = page.evaluate(LEADER_GAPS_JS)
        assert gaps, (language, view)
        far = [(text, round(gap, 1)) for text, gap in gaps if gap > LEADER_REACH_PX]
        assert not far, (language, view, far)
    finally:
        page.close()


@pytest.mark.parametrize("view", [([38.4, 3.3], 6.5), ([37.0, -2.0], 7.0), ([34.5, 12.0], 6.5), ([28.5, -15.0], 7.0)],
                         ids=["balearics", "alboran", "tunisia", "canaries"])
def test_at_or_past_the_paper_s_scale_no_label_that_shows_runs_under_a_control(browser, overview, view):
    """Past the paper's scale every label shows, as placed on paper, but the title, the key and the
    layers' list stand in the screen's corners, not on the map: panned or zoomed there, a label ran
    under one ('Spain (WMR) 16,903…', its first line under the title at zoom 6.5). One that meets a
    control is hidden until the map moves it clear (its figure stays in its flow's or circle's tooltip)."""
    language, path = overview
    page = open_map(browser, path)
    try:
        page.evaluate("([ll, z]) => { crossingsMap.setView(ll, z, {animate: false}); }", list(view))
        page.wait_for_timeout(500)
        assert not crowded(page), view
        boxes = controls(page)
        under = [w["text"] for w in labels(page) if w["shown"] and any(overlaps(w["box"], c) for c in boxes)]
        assert not under, (language, view, under)
        assert sum(w["shown"] for w in labels(page)) > 5, (language, view)
    finally:
        page.close()


TOTALS_ON_SYMBOLS_JS = NAMES_ON_SYMBOLS_JS.replace("'.leaflet-tooltip.crossings-label'", "'.leaflet-tooltip.crossings-total'")
"""As NAMES_ON_SYMBOLS_JS, for the totals shown."""


def test_opened_on_a_laptop_italy_s_total_stands_off_the_arrows_it_totals(browser, overview):
    """Zoomed out, the text is larger than on paper, and 'Italy 65,474…' (set above the Central
    Mediterranean's arrowhead on paper) stood on the arrow's tip. A total on a flow or a circle moves up
    or down, by at most its height, where it is clear of them and of every label; Italy's finds room."""
    language, path = overview
    page = open_map(browser, path)
    try:
        assert crowded(page)
        italy = [w for w in labels(page) if w["shown"] and "65" in w["text"] and "474" in w["text"]]
        assert italy, language
        on = [hit for hit in page.evaluate(TOTALS_ON_SYMBOLS_JS) if "65" in hit[0] and "474" in hit[0]]
        assert not on, (language, on)
    finally:
        page.close()
