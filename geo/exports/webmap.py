"""Offline interactive web map: one self-contained HTML file built with folium.

The file opens with no network at all: Leaflet's script and stylesheet are inlined from the copies
vendored in ``resources/web/`` (the images its stylesheet refers to become ``data:`` URIs), folium's
CDN lists are replaced on the map instance (never through ``add_js_link``, which changes a list
shared by every later map), there is no tile layer unless one is asked for, and then its name says
that it needs an internet connection.

Flows are the ``flow_symbols`` polygons of :func:`geo.exports.layers.export_layers`, the very band
and arrow shapes the PNG draws for the same view, so the web map is not a second approximation.
Nor are its labels: every figure, place name and country name is set where the PNG sets it, from the
marks the renderer recorded while placing them (``marks``, geo.placed_marks; gui/web_export.py lays
the page out and calls this module). Nothing here places a label.

Every text that comes from data (names, sources, notes, titles) reaches the page as text: in the
furniture through :func:`html.escape`, in tooltips and popups through DOM ``textContent`` from the
embedded GeoJSON (which folium writes with ``tojson``, so ``</script>`` cannot end the script).
Behind that, the first element of ``<head>`` is a Content-Security-Policy that lets only the
scripts written here run (by their sha256, computed from the finished page) and lets nothing be
fetched but ``data:`` images and the online tiles' host, if tiles were asked for
(:func:`geo.exports.webmap_page.with_content_security_policy`).

Example
-------
>>> from geo.document import MapDocument
>>> from gui.layout import page_view            # doctest: +SKIP
>>> from gui.web_export import page_marks       # doctest: +SKIP
>>> doc = MapDocument.from_files()              # doctest: +SKIP
>>> view = page_view(doc)                       # doctest: +SKIP
>>> export_webmap(doc, view, "map.html", marks=page_marks(doc, view))   # doctest: +SKIP
"""

from __future__ import annotations

import base64
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from geo import paths
from geo.atomic import atomic_output
from geo.document import MapDocument
from geo.errors import CrossingsError, ExportError
from geo.exports.webmap_callouts import add_callouts, callout_key_note
from geo.exports.webmap_keys import add_figure_keys, figure_key_note
from geo.exports.webmap_labels import TEXT_MM_RANGE
from geo.exports.webmap_layers import (
    _add_boundaries,
    _add_flows,
    _add_no_data_routes,
    _add_places,
    _clip_box,
    _fit_bounds_lonlat,
    _view_bounds_lonlat,
)
from geo.exports.webmap_page import (
    _HELPERS_JS,
    _furniture_html,
    _style_block,
    paper_mm_metres,
    tile_sources,
    with_content_security_policy,
    words_script,
)
from geo.exports.webmap_place_figures import add_place_figures
from geo.exports.webmap_points import add_point_layers
from geo.legend import totals_unwritten
from geo.map_language import map_language
from geo.map_texts import map_title
from geo.placed_marks import FIGURE_KEY, PageMarks
from geo.styles import FlowStyle, LayerStyle, MapTheme
from geo.view import MapView

#: Vendored files inlined into every web map, relative to ``resources/web/``.
LEAFLET_JS = "leaflet/leaflet.js"
LEAFLET_CSS = "leaflet/leaflet.css"
_VENDOR_SCHEME = "crossings-vendored:"

# Leaflet rounds every vertex it draws to a whole CSS pixel (Map.latLngToLayerPoint): zoomed out, a
# dead-and-missing circle 20 px across, 64 vertices in the GeoJSON, was drawn an octagon, and the
# Atlantic band's curve a run of kinks. Appended to the vendored Leaflet, before any map is made,
# vertices keep their fractions: the override Leaflet's maintainers give (Leaflet/Leaflet#4745).
SUBPIXEL_VERTICES_JS = """
L.Map.include({latLngToLayerPoint: function (latlng) {
  return this.project(L.latLng(latlng))._subtract(this.getPixelOrigin());
}});
"""

#: Size budget of the default map's HTML (the issue asks for under 3 MB).
MAX_DEFAULT_BYTES = 3_000_000

_EARTH_CIRCUMFERENCE_M = 40_075_016.686


@dataclass(frozen=True)
class WebMapSettings:
    """Options of the web map export (the defaults make a fully offline file).

    Parameters
    ----------
    tiles : str or None
        An XYZ URL template of an online basemap, e.g. ``https://tile.openstreetmap.org/{z}/{x}/{y}.png``.
        None (the default) adds no tile layer at all. When given, the layer's name in the layer
        control says it needs an internet connection; it is drawn over the offline countries (which
        show wherever tiles cannot load) and under the routes and flows.
    tiles_name, tiles_attribution : str
        Name and attribution (plain text) of that tile layer.
    simplify_deg : float
        Tolerance, in degrees, of the boundaries simplified for the web (0.01° is about 1 km).
    decimals : int
        Decimals kept in coordinates (4 is about 11 m).
    places : bool
        Draw islands, enclaves and the towns routes start and end at.
    """

    tiles: str | None = None
    tiles_name: str = "Online basemap"
    tiles_attribution: str = ""
    simplify_deg: float = 0.01
    decimals: int = 4
    places: bool = True


# -- public API ---------------------------------------------------------------------------------
def export_webmap(doc: MapDocument, view: MapView, path: str | Path,
                  settings: WebMapSettings | None = None, *, marks: PageMarks) -> Path:
    """Write the map as one self-contained HTML file (atomically) and return its path.

    ``view`` is the page view the PNG is drawn through (``gui.layout.page_view``): flow widths come
    from it, so both outputs show the same polygons; ``marks`` are the labels the renderer placed on
    that view (``gui.web_export.page_marks``).
    """
    text = webmap_html(doc, view, settings, marks=marks)
    path = Path(path)
    try:
        with atomic_output(path) as tmp:
            tmp.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{path}: {exc.strerror or exc}") from None
    return path


def webmap_html(doc: MapDocument, view: MapView, settings: WebMapSettings | None = None, *,
                marks: PageMarks) -> str:
    """The HTML text of the web map: every script and stylesheet inline, stable element names."""
    settings = settings or WebMapSettings()
    check_styles(doc)
    m = build_webmap(doc, view, settings, marks=marks)
    root = m.get_root()
    text = root.render()
    text = _inline_vendored(text)
    text = _stable_names(root, text)
    text = _language_and_title(doc, text)
    leftover = re.findall(r"<(?:script|link)\b[^>]*(?:src|href)\s*=", text, flags=re.I)
    if leftover:
        raise ExportError(f"web map: an external script or stylesheet was left in the page: {leftover[0]}")
    return with_content_security_policy(text, _tile_sources(m))


def check_styles(doc: MapDocument) -> None:
    """Refuse styles set in code after loading that would not load (checked again: nothing reaches
    the page's CSS unparsed)."""
    try:
        MapTheme(**vars(doc.theme))
        FlowStyle(**{k: v for k, v in vars(doc.flow_style).items()})
        for layer in doc.layers:
            LayerStyle(**vars(layer.style))
    except (TypeError, ValueError) as exc:
        raise ExportError(f"web map: {exc}") from None


def build_webmap(doc: MapDocument, view: MapView, settings: WebMapSettings | None = None, *, marks: PageMarks):
    """The ``folium.Map`` (not yet inlined; use :func:`webmap_html` for the file's text)."""
    try:
        import folium
    except ImportError:  # pragma: no cover - folium is a dependency
        raise CrossingsError("the web map needs folium: pip install folium") from None
    settings = settings or WebMapSettings()
    if doc.flows is None or doc.layer("routes") is None:
        raise CrossingsError("a routes layer and figures are needed for a web map")
    if marks.view != view:
        raise ExportError("web map: the labels were placed on another view than the map's")

    from geo.exports.layers import export_layers

    layers = export_layers(doc, view, marks)
    bounds = _view_bounds_lonlat(view)
    fit = _fit_bounds_lonlat(doc, view)
    m = folium.Map(location=None, tiles=None, zoom_control=False, control_scale=False, prefer_canvas=False,
                   zoom_snap=0.25, zoom_delta=0.5, world_copy_jump=False)
    # Instance-level lists: the class lists point at CDNs and are shared by every Map.
    m.default_js = [("leaflet", _VENDOR_SCHEME + LEAFLET_JS)]
    m.default_css = [("leaflet_css", _VENDOR_SCHEME + LEAFLET_CSS)]
    root = m.get_root()
    root.header.add_child(folium.Element(_style_block(doc, settings)), name="crossings_style")
    # the helpers with the map's words before them, in one script (the page allows its scripts by hash)
    root.header.add_child(folium.Element(f"<script>{words_script(doc)}\n{_HELPERS_JS}</script>"),
                          name="crossings_helpers")

    for name, z in (("crossings-land", 350), ("crossings-tiles", 370), ("crossings-routes", 390), ("crossings-flows", 400),
                    ("crossings-places", 420)):
        folium.map.CustomPane(name, z_index=z, pointer_events=True).add_to(m)

    if settings.tiles:
        folium.TileLayer(tiles=settings.tiles, attr=html.escape(settings.tiles_attribution or settings.tiles_name),
                         name=html.escape(map_language(doc)("web_tiles_layer", name=settings.tiles_name)),
                         overlay=True, control=True, show=True, pane="crossings-tiles", opacity=0.9).add_to(m)

    if "countries" in layers:
        _add_boundaries(m, doc, view, layers["countries"], settings, bounds, marks)
    _add_no_data_routes(m, doc)
    _add_flows(m, doc, view, layers, marks)
    add_place_figures(m, doc, view, marks)
    add_point_layers(m, doc, view, marks)  # the point layers' circles in their categories' colours, and labels
    if settings.places and "places" in layers:
        _add_places(m, doc, view, layers["places"], marks)
    add_callouts(m, doc, view, marks)
    add_figure_keys(m, doc, marks)

    root.html.add_child(folium.Element(_furniture_html(doc, settings, _key_notes(doc, marks),
                                                       totals_unwritten(m.key for m in marks.of_kind(FIGURE_KEY)))),
                        name="crossings_furniture")
    _Controls(fit, _clip_box(bounds), paper_mm_metres(view)).add_to(m)
    # folded to Leaflet's button under the zoom (added after it) until pointed at: open at the top right, the
    # list stood over Italy's total on the default map (Italy is the top right corner of the region)
    folium.LayerControl(position="topleft", collapsed=True).add_to(m)
    return m


def _key_notes(doc: MapDocument, marks: PageMarks) -> str:
    """The footer's keys, as the PNG's footer gives them: the numbered figures', then the lettered callouts'."""
    return " ".join(t for t in (figure_key_note(doc, marks), callout_key_note(doc, marks)) if t)


class _Controls:
    """Title, zoom, legend and scale as Leaflet controls; fit the view; after every zoom and move, set
    the paper scale (``--crossings-mm``) and the labels' (``--crossings-text-mm``), and tidy the labels
    (webmap_page's ``crossings.tidy``)."""

    def __init__(self, fit, clip, mm_metres: float) -> None:
        self.fit = fit
        self.mm_metres = mm_metres
        w, s, e, n = clip
        self.max_bounds = [[s, w], [n, e]]

    def add_to(self, m) -> None:
        from branca.element import MacroElement
        from jinja2 import Template

        el = MacroElement()
        el._name = "CrossingsControls"
        el._template = Template("""
{% macro script(this, kwargs) %}
(function (map) {
  window.crossingsMap = map;
  map.attributionControl.setPrefix('Leaflet');
  var title = crossings.control('crossings-title', 'topleft');
  if (title) { title.addTo(map); }
  L.control.zoom({position: 'topleft'}).addTo(map);
  var legend = crossings.control('crossings-legend', 'bottomright');
  if (legend) { legend.addTo(map); }
  // the legend scrolls within the map's height, below the layers' list: taller (the overview's eleven
  // circle layers), it ran up over that list and out of the map's top, its heading cut off
  var fitLegend = function () {
    var node = document.getElementById('crossings-legend');
    if (!node) { return; }
    var box = map.getContainer();
    var layers = box.querySelector('.leaflet-top.leaflet-right');
    var above = layers ? layers.offsetHeight : 0;
    var below = box.querySelector('.leaflet-bottom.leaflet-right .leaflet-control-attribution');
    node.style.maxHeight = Math.max(80, box.clientHeight - above - (below ? below.offsetHeight : 0) - 32) + 'px';
  };
  map.on('resize', fitLegend);
  map.whenReady(fitLegend);
  setTimeout(fitLegend, 0);
  L.control.scale({position: 'bottomleft', imperial: false, maxWidth: 160}).addTo(map);
  var fit = L.latLngBounds(""" + json.dumps(self.fit) + """);
  map.invalidateSize({pan: false});
  map.fitBounds(fit, {padding: [4, 4], animate: false});
  // one zoom step short of the paper's scale, the labels would be set larger than the map under them
  // (their text never goes below the paper's size): open at the paper's scale, the frame's edges a little
  // beyond the window, as the PNG shows it on a screen of this size
  (function () {
    var lat = map.getCenter().lat * Math.PI / 180, z = map.getZoom();
    var mm = """ + json.dumps(round(self.mm_metres, 3)) + """ / (40075016.686 * Math.cos(lat) / (256 * Math.pow(2, z)));
    var least = """ + json.dumps(round(TEXT_MM_RANGE[0], 4)) + """;
    if (mm < least) {
      var up = Math.ceil((z + Math.log2(least / mm)) / 0.25 - 1e-9) * 0.25;
      if (up - z <= 0.25 + 1e-9) { map.setZoom(up, {animate: false}); }
    }
  })();
  map.setMinZoom(Math.max(2, Math.floor(map.getBoundsZoom(fit)) - 1));
  map.setMaxZoom(11);
  map.setMaxBounds(""" + json.dumps(self.max_bounds) + """);
  var tidy = function () { crossings.tidy(map, """ + json.dumps(round(self.mm_metres, 3)) + ", "
                        + json.dumps([round(v, 4) for v in TEXT_MM_RANGE]) + """); };
  map.on('zoomend moveend overlayadd overlayremove resize', tidy);
  setTimeout(tidy, 0);
  tidy();
})({{ this._parent.get_name() }});
{% endmacro %}
""")
        m.add_child(el, name="crossings_controls")


def _language_and_title(doc: MapDocument, text: str) -> str:
    """The page in the map's language and direction (``<html lang=".." dir="rtl">`` for Arabic: a
    screen reader reads it in its language, a browser sets its own controls right to left) and
    titled with the map's title (browser tab, bookmark, history), escaped, after the charset."""
    lang = map_language(doc)
    opening = re.search(r"<html>", text)
    charset = re.search(r"<meta[^>]*charset[^>]*>", text, flags=re.I)
    if opening is None or charset is None:
        raise ExportError("web map: the page has no <html> element or no charset")
    title = f"\n    <title>{html.escape(map_title(doc))}</title>"
    text = text[:charset.end()] + title + text[charset.end():]
    return (text[:opening.start()] + f'<html lang="{lang.code}" dir="{"rtl" if lang.rtl else "ltr"}">'
            + text[opening.end():])


def _tile_sources(m) -> list[str]:
    """The hosts the map's tile layers load from, read from folium's layers (which resolve names
    such as "OpenStreetMap" to URLs), for the page's ``img-src``."""
    import folium

    sources: list[str] = []
    for child in m._children.values():
        if isinstance(child, folium.TileLayer):
            for source in tile_sources(child.tiles, child.options.get("subdomains", "abc")):
                if source not in sources:
                    sources.append(source)
    return sources


# -- inlining and names -------------------------------------------------------------------------
def _vendored(rel: str) -> str:
    path = paths.resource_path("web", rel)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"web map: vendored file {path} is missing ({exc.strerror})") from None


def _inline_css(css: str, folder: str) -> str:
    """The stylesheet with its relative images as data: URIs (inlined CSS cannot find images/)."""

    def repl(match: re.Match) -> str:
        url = match.group(1).strip("'\"")
        if url.startswith(("#", "data:")):
            return match.group(0)
        path = paths.resource_path("web", folder, url)
        if not path.exists():
            raise ExportError(f"web map: {path} referred to by the stylesheet is missing")
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\(([^)]*)\)", repl, css)


def _inline_vendored(text: str) -> str:
    def script(match: re.Match) -> str:
        js = _vendored(match.group(1))
        js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.M)
        if "</script" in js.lower():
            raise ExportError(f"web map: {match.group(1)} cannot be inlined (it contains </script>)")
        if match.group(1) == LEAFLET_JS:
            js += SUBPIXEL_VERTICES_JS
        return f"<script>/* {match.group(1)} (vendored, see resources/web/README.md) */\n{js}</script>"

    def link(match: re.Match) -> str:
        rel = match.group(1)
        css = _inline_css(_vendored(rel), str(Path(rel).parent))
        return f"<style>/* {rel} (vendored, see resources/web/README.md) */\n{css}</style>"

    scheme = re.escape(_VENDOR_SCHEME)
    text = re.sub(r'<script src="' + scheme + r'([^"]+)"></script>', lambda mt: script(mt), text)
    text = re.sub(r'<link rel="stylesheet" href="' + scheme + r'([^"]+)"\s*/?>', lambda mt: link(mt), text)
    if _VENDOR_SCHEME in text:
        raise ExportError("web map: a vendored file was not inlined")
    return text


def _stable_names(root, text: str) -> str:
    """Replace folium's random element ids with numbers in document order, so exports are reproducible."""
    ids: set[str] = set()

    def walk(element) -> None:
        ids.add(element._id)
        for child in element._children.values():
            walk(child)

    walk(root)
    order: dict[str, str] = {}

    def repl(match: re.Match) -> str:
        hexid = match.group(1)
        if hexid not in ids:
            return match.group(0)
        return "_" + order.setdefault(hexid, str(len(order) + 1))

    return re.sub(r"_([0-9a-f]{32})(?![0-9a-f])", repl, text)

