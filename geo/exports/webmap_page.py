"""The web map's furniture (title, legend, sources, disclaimer as escaped HTML), its CSS, the
small script that drives tooltips, popups, the labels and the zoom-following legend, and the page's
Content-Security-Policy.

The policy is defence in depth: data text is escaped before it reaches the page, but should a
case ever be missed, a ``<script>`` or an event handler smuggled into the file still does not run
(only the scripts the exporter wrote, named by their sha256, may), and nothing in the page can
fetch, post or load anything but ``data:`` images and, when asked for, the online tiles' host.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from geo.document import MapDocument
from geo.errors import ExportError
from geo.furniture import BOX_OPACITY
from geo.legend import (
    COLOUR,
    EXPLAIN,
    HEADING,
    NESTED,
    NO_DATA,
    NODE,
    NOTE,
    OUTLINE,
    PLACE_LAYER,
    RING,
    SIZE,
    SUBHEADING,
    TOTAL,
    LegendEntry,
    legend_entries,
)
from geo.map_language import map_language
from geo.map_marks import (
    CIRCLE_ROUTE_MM,
    CIRCLE_ROUTE_OPACITY,
    LEADER_WIDTH_MM,
    NO_FIGURE_DASH,
    NO_FIGURE_MM,
    NO_FIGURE_OPACITY,
    NODE_CASING_MM,
    NODE_OPACITY,
    OUTLINE_MM,
    RING_MM,
    country_label_colour,
)
from geo.map_texts import disclaimer_text, map_title, sources_text, subtitle
from geo.map_words import WORDS
from geo.place_figures import PLACE_CIRCLE_OPACITY
from geo.point_symbols import POINT_CATEGORY
from geo.styles import CASING_MM
from geo.view import MapView

if TYPE_CHECKING:
    from geo.exports.webmap import WebMapSettings

from geo.exports.webmap_labels import LABELS_JS, TEXT_MM_RANGE
from geo.exports.webmap_layers import _text  # noqa: F401


# -- furniture ----------------------------------------------------------------------------------
def _furniture_html(doc: MapDocument, settings: WebMapSettings, key_note: str = "", unwritten: set[str] = frozenset()) -> str:
    """Title, legend and footer as HTML; every text from data goes through html.escape. ``key_note`` keys
    the figures the page numbers for want of room (geo.exports.webmap_keys), after the sources; the
    legend names none of the totals ``unwritten`` (numbered, geo.legend.totals_unwritten)."""
    e = html.escape
    scale = doc.width_scale()
    rows, heading, note, grouped = [], "", "", False
    lang = map_language(doc)
    marks = {COLOUR: '<span class="crossings-swatch" style="background:{c}"></span>',
             OUTLINE: '<span class="crossings-swatch crossings-outline" style="border-color:{c}"></span>',
             RING: '<span class="crossings-ring" style="border-color:{c}"></span>',
             NO_DATA: '<span class="crossings-dash" style="border-top-color:{c}"></span>',
             NODE: '<span class="crossings-ring crossings-node" style="background:{c}"></span>',
             PLACE_LAYER: '<span class="crossings-ring crossings-place" style="background:{c}"></span>',
             POINT_CATEGORY: '<span class="crossings-ring crossings-point" style="background:{c}"></span>'}
    entries = []  # a nested circle sample is a row per size here: the page scrolls, and each circle grows with the zoom
    for entry in legend_entries(doc, unwritten=unwritten):
        entries += ([LegendEntry(SIZE, text, entry.colour, size, "circle") for text, size in entry.sizes]
                    if entry.kind == NESTED else [entry])
    for entry in entries:  # the painter's legend, entry for entry (geo.legend)
        if entry.kind == HEADING:
            heading = entry.text
        elif entry.kind == NOTE and not grouped:  # the flows' notes close the legend
            note = (note + lang("sentence_sep") if note else "") + entry.text
        elif entry.kind == NOTE:  # a later group's (the place figures'): under its own entries
            rows.append(f'<div class="crossings-legend-explain">{e(entry.text)}</div>')
        elif entry.kind == SUBHEADING:
            grouped = True
            rows.append(f'<div class="crossings-legend-heading crossings-legend-group">{e(entry.text)}</div>')
        elif entry.kind == EXPLAIN:
            rows.append(f'<div class="crossings-legend-explain">{e(entry.text)}</div>')
        elif entry.kind == SIZE:  # as wide as its band at every zoom: paper mm times --crossings-mm
            size = f"calc(var(--crossings-mm) * {entry.size_mm:.4f})"
            shape, box = (("crossings-circle", f"width: {size}; height: {size}") if entry.shape == "circle"
                          else ("crossings-bar", f"height: {size}"))
            # a circle wider than the sample's box widens the box, never squeezed into an ellipse
            wide = f' style="width: max(44px, {size})"' if entry.shape == "circle" else ""
            rows.append(f'<div class="crossings-legend-row"><span class="crossings-bar-box"{wide}>'
                        f'<span class="{shape}" data-mm="{entry.size_mm:.4f}" style="{box}"></span></span>'
                        f'<span class="crossings-legend-value">{e(entry.text)}</span></div>')
        elif entry.kind == TOTAL:
            rows.append(f'<div class="crossings-legend-row crossings-legend-total">{e(entry.text)}</div>')
        else:
            mark = marks.get(entry.kind, "").format(c=e(entry.colour))
            rows.append(f'<div class="crossings-legend-row">{mark}<span>{e(entry.text)}</span></div>')
    if scale is not None and not scale.by_area:
        note = (note + lang("sentence_sep") if note else "") + lang("web_widths")
    tiles_note = ""
    if settings.tiles:
        tiles_note = f'<div class="crossings-online">{e(lang("web_tiles", name=settings.tiles_name))}</div>'
    sub = subtitle(doc)
    # the map's language and direction on every box of words (Arabic reads right to left)
    tongue = f' lang="{lang.code}" dir="{"rtl" if lang.rtl else "ltr"}"'
    return (
        f'<div id="crossings-title" class="crossings-box"{tongue}>'
        f'<div class="crossings-title-text">{e(map_title(doc))}</div>'
        + (f'<div class="crossings-subtitle">{e(sub)}</div>' if sub else "")
        + '</div>'
        f'<div id="crossings-legend" class="crossings-box"{tongue}>'
        f'<div class="crossings-legend-heading">{e(heading)}</div>'
        + "".join(rows)
        + f'<div class="crossings-legend-note">{e(note)}</div></div>'
        f'<div id="crossings-footer"{tongue}>'
        f'<div class="crossings-sources">{e(" ".join(t for t in (sources_text(doc), key_note) if t))}</div>'
        + (f'<div class="crossings-notes">{e(doc.notes)}</div>' if doc.notes else "")
        + f'<div class="crossings-disclaimer">{e(disclaimer_text(doc))}</div>'
        + tiles_note
        + '</div>'
    )


def _style_block(doc: MapDocument, settings: WebMapSettings) -> str:
    t = doc.theme
    font = f'"{t.font_family}", "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", "Segoe UI", Arial, sans-serif'
    italic = "italic" if map_language(doc).italic else "normal"  # Arabic has no italics
    css = f"""
:root {{ --crossings-mm: 4px; --crossings-text-mm: {TEXT_MM_RANGE[0]:.4f}px; }}
{_symbol_css()}
html, body {{ height: 100%; margin: 0; padding: 0; }}
body {{ display: flex; flex-direction: column; font-family: {font}; color: {t.text}; background: #ffffff; }}
body > .folium-map {{ flex: 1 1 auto; order: 1; height: auto !important; min-height: 200px; }}
body .leaflet-container {{ background: {t.sea}; font-family: {font}; font-size: 12px; }}
.crossings-box {{ background: rgba(255,255,255,{BOX_OPACITY}); border: 1px solid rgba(153,153,153,0.7); border-radius: 4px;
  padding: 8px 12px; box-shadow: 0 1px 4px rgba(0,0,0,0.15); }}
.crossings-title-text {{ font-size: 20px; font-weight: 700; line-height: 1.25; }}
.crossings-subtitle {{ font-size: 13px; color: {t.muted_text}; margin-top: 2px; }}
#crossings-legend {{ font-size: 12px; min-width: 190px; max-width: 260px; max-height: calc(100vh - 140px);
  overflow-y: auto; }}
.crossings-legend-heading {{ font-weight: 700; margin-bottom: 6px; }}
.crossings-legend-row {{ display: flex; align-items: center; gap: 8px; margin: 3px 0; }}
.crossings-bar-box {{ display: inline-flex; align-items: center; width: 44px; min-height: 10px; }}
.crossings-bar {{ display: block; width: 44px; background: #6f6f6f; }}
.crossings-swatch {{ display: inline-block; width: 22px; height: 10px; flex: none; }}
.crossings-dash {{ display: inline-block; width: 22px; height: 0; border-top: 2px dashed #777777; flex: none; }}
.crossings-outline {{ background: transparent; border: 2px dashed; box-sizing: border-box; }}
.crossings-ring {{ display: inline-block; width: 9px; height: 9px; border: 2px solid; border-radius: 50%;
  background: #ffffff; flex: none; margin: 0 7px 0 4px; }}
.crossings-node {{ border-color: #ffffff; opacity: {NODE_OPACITY}; }}
.crossings-place {{ border-color: #ffffff; opacity: {PLACE_CIRCLE_OPACITY}; }}
.crossings-point {{ border-color: #ffffff; }}
.crossings-legend-group {{ margin-top: 10px; }}
.crossings-circle {{ display: block; border-radius: 50%; background: #6f6f6f; margin: 0 auto; flex: none; }}
.crossings-legend-explain {{ font-size: 10.5px; font-style: {italic}; color: {t.muted_text}; margin: 0 0 6px; }}
.crossings-legend-total {{ font-weight: 700; }}
.crossings-legend-note {{ font-size: 10.5px; font-style: {italic}; color: {t.muted_text}; margin-top: 6px; }}
#crossings-footer {{ flex: none; order: 2; padding: 4px 10px 6px; font-size: 11.5px; line-height: 1.35; }}
.crossings-disclaimer, .crossings-notes {{ font-style: {italic}; color: {t.muted_text}; font-size: 11px; }}
.crossings-online {{ color: #8a4b00; font-size: 11px; }}
.leaflet-tooltip.crossings-tip {{ font-size: 12px; line-height: 1.35; width: max-content; max-width: 300px; white-space: normal; }}
.crossings-tip-name {{ font-weight: 700; }}
.crossings-tip-value {{ font-size: 14px; font-weight: 700; }}
.crossings-popup {{ font-size: 12px; line-height: 1.4; }}
.crossings-popup dt {{ font-weight: 700; margin-top: 4px; }}
.crossings-popup dd {{ margin: 0; }}
.leaflet-tooltip.crossings-mark {{ background: transparent; border: 0; box-shadow: none; padding: 0; margin: 0;
  white-space: pre; text-align: center; pointer-events: none; }}
.leaflet-tooltip.crossings-mark::before {{ display: none; }}
.leaflet-tooltip {{ left: 0; top: 0; }} /* Leaflet moves it by a transform from its static place, which a
  right-to-left page puts at the right: an Arabic map's labels stood one label's width to the left */
.leaflet-tooltip.crossings-value {{ font-weight: 700;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; }}
.leaflet-tooltip.crossings-label {{ color: {t.text}; text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }}
.leaflet-tooltip.crossings-label.crossings-italic {{ font-style: {italic}; }}
.leaflet-tooltip.crossings-label.crossings-country {{ color: {country_label_colour(t)};
  text-shadow: 0 0 2px {t.land}, 0 0 3px {t.land}; }}
body .leaflet-control-layers {{ font-size: 13px; }}
body .leaflet-control-scale-line {{ font-size: 11px; }}
"""
    return f"<style>{css}</style>"


def _symbol_css() -> str:
    """The pens of the map's symbols in millimetres of the PNG's paper (geo.map_marks): each width
    and dash times ``--crossings-mm``, the pixels a paper millimetre takes at the current zoom.
    A casing is stroked under its fill (``paint-order``), as the painter draws it: outside the colour."""
    def mm(value: float) -> str:
        return f"calc(var(--crossings-mm) * {value:.4g})"

    def dashes(width: float, pattern) -> str:  # a Qt dash pattern is in pen widths
        return " ".join(mm(width * d) for d in pattern)

    return "\n".join([
        f"path.crossings-cased {{ stroke-width: {mm(2 * CASING_MM)}; paint-order: stroke; }}",
        # a hollow symbol's outline is drawn by its fitted dashes (webmap_layers._add_outline_dashes): its own
        # stroke is kept, unseen, to be pointed at
        f"path.crossings-hollow {{ stroke-width: {mm(OUTLINE_MM)}; stroke-opacity: 0; }}",
        f"path.crossings-outline-dash {{ stroke-width: {mm(OUTLINE_MM)}; }}",
        f"path.crossings-zero {{ stroke-width: {mm(RING_MM)}; }}",
        f"path.crossings-nodata {{ stroke-width: {mm(NO_FIGURE_MM)}; stroke-opacity: {NO_FIGURE_OPACITY};"
        f" stroke-dasharray: {dashes(NO_FIGURE_MM, NO_FIGURE_DASH)}; }}",
        f"path.crossings-circle-route {{ stroke-width: {mm(CIRCLE_ROUTE_MM)}; stroke-opacity: {CIRCLE_ROUTE_OPACITY}; }}",
        f"path.crossings-node-mark {{ stroke-width: {mm(NODE_CASING_MM)}; }}",
        f"path.crossings-leader {{ stroke-width: {mm(LEADER_WIDTH_MM)}; }}",
    ])


def paper_mm_metres(view: MapView) -> float:
    """The ground one millimetre of the PNG's paper covers at the view's centre, in metres: the page's
    script divides it by web Mercator's metres per pixel to get ``--crossings-mm``."""
    from geo.furniture import km_per_unit_at_centre

    return view.mm_to_units(1.0) * km_per_unit_at_centre(view) * 1000.0


# JS helpers, in the page head before folium's script. Data texts only ever go into textContent.
_HELPERS_JS = r"""
var crossings = (function () {
  // the map's words (geo.map_words), written by words_script() just before these helpers
  var W = (typeof crossingsWords === 'object' && crossingsWords) ? crossingsWords : {};
  function w(key, fields) {
    var t = String(W[key] || key);
    for (var k in (fields || {})) { t = t.split('{' + k + '}').join(String(fields[k])); }
    return t;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    e.dir = 'auto';
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function flowTip(p) {
    var d = el('div');
    d.appendChild(el('div', 'crossings-tip-name', p.name || p.route_id));
    d.appendChild(el('div', 'crossings-tip-value', p.value_label + ' ' + String(p.metric_label).toLowerCase()));
    d.appendChild(el('div', 'crossings-tip-period', p.period_label + (p.dates ? ' (' + p.dates + ')' : '')));
    d.appendChild(el('div', 'crossings-tip-source', w('web_source_line', {source: p.source || w('web_not_given')})));
    return d;
  }
  function flowPopup(p) {
    var d = el('div', 'crossings-popup');
    d.appendChild(el('div', 'crossings-tip-name', p.name || p.route_id));
    var dl = el('dl');
    function row(k, v) { if (v) { dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', null, v)); } }
    row(p.metric_label, p.value_label);
    row(w('web_period'), p.period_label + (p.dates ? ' (' + p.dates + ')' : ''));
    row(w('web_route'), p.group_label);
    row(w('web_from'), p.origin);
    row(w('web_to'), p.dest);
    row(w('web_source'), p.source);
    row(w('web_reported_in'), p.source_ref);
    row(w('web_note'), p.note);
    d.appendChild(dl);
    return d;
  }
  function flowFeature(feature, layer) {
    var p = feature.properties;
    layer.bindTooltip(function () { return flowTip(p); }, {sticky: true, className: 'crossings-tip', direction: 'top', offset: [0, -8]});
    layer.bindPopup(function () { return flowPopup(p); }, {maxWidth: 340});
  }
  function noDataFeature(feature, layer) {
    var p = feature.properties;
    layer.bindTooltip(function () {
      var d = el('div');
      d.appendChild(el('div', 'crossings-tip-name', p.name || p.route_id));
      d.appendChild(el('div', null, w('web_no_figure', {metric: String(p.metric_label).toLowerCase(),
                                                      period: p.period_label})));
      return d;
    }, {sticky: true, className: 'crossings-tip'});
  }
""" + LABELS_JS + r"""
  function placeFeature(feature, layer) {
    var p = feature.properties;
    var names = [p.name_en, p.name_fr, p.name_ar].filter(function (n, i, all) {
      return n && all.indexOf(n) === i;
    }).join(' · ');
    if (p.marker) {
      layer.bindTooltip(el('span', null, names), {className: 'crossings-tip', direction: 'top', offset: [0, -4]});
    }
  }
  // Pixels per millimetre of the PNG's paper at the current zoom, where the map is looked at: the
  // ground a paper millimetre covers (mmMetres) over web Mercator's metres per pixel. Every width on
  // paper (the legend's samples, the symbols' strokes) is a multiple of it in the page's CSS; the
  // labels' text is a multiple of it held within textRange (TEXT_MM_RANGE).
  function paperScale(map, mmMetres, textRange) {
    var lat = map.getCenter().lat * Math.PI / 180;
    var metresPerPx = 40075016.686 * Math.cos(lat) / (256 * Math.pow(2, map.getZoom()));
    var mm = mmMetres / metresPerPx;
    var text = textRange ? Math.min(Math.max(mm, textRange[0]), textRange[1]) : mm;
    document.documentElement.style.setProperty('--crossings-mm', mm.toFixed(4) + 'px');
    document.documentElement.style.setProperty('--crossings-text-mm', text.toFixed(4) + 'px');
    return {mm: mm, text: text};
  }
  function nodeFeature(feature, layer) {
    var p = feature.properties;
    layer.bindTooltip(function () {
      var d = el('div');
      d.appendChild(el('div', 'crossings-tip-name', p.name));
      d.appendChild(el('div', 'crossings-tip-value', p.value_label));
      return d;
    }, {sticky: true, className: 'crossings-tip'});
  }
  function control(id, position) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    var C = L.Control.extend({onAdd: function () {
      L.DomEvent.disableClickPropagation(node);
      L.DomEvent.disableScrollPropagation(node);
      return node;
    }});
    return new C({position: position});
  }
  return {flowFeature: flowFeature, noDataFeature: noDataFeature, markLabel: markLabel, placeFeature: placeFeature,
          calloutAnchor: calloutAnchor,
          declutter: declutter, paperScale: paperScale, tidy: tidy, nodeFeature: nodeFeature, control: control,
          flowTip: flowTip, flowPopup: flowPopup};
})();
"""


WEB_WORDS = ("web_source_line", "web_not_given", "web_period", "web_route", "web_from", "web_to", "web_source",
             "web_reported_in", "web_note", "web_no_figure")
"""The words the page's script writes into tooltips and popups."""


def words_script(doc: MapDocument) -> str:
    """The script that hands the page's helpers the map's words: JSON of our own tables, ASCII-escaped,
    so nothing in it can end the script element."""
    lang = map_language(doc)
    words = {key: WORDS[lang.code][key] for key in WEB_WORDS}
    return "var crossingsWords = " + json.dumps(words, ensure_ascii=True).replace("</", "<\\/") + ";"


# -- content security policy ---------------------------------------------------------------------
_SCRIPT_OPEN = re.compile(r"<script\b[^>]*>", re.I)
_SCRIPT_CLOSE = re.compile(r"</script[\s/>]", re.I)
# a host name of DNS labels (or an IPv4 address): nothing that could end a CSP source or directive
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*")


def inline_scripts(text: str) -> list[str]:
    """The text of every ``<script>`` of the page, exactly as the browser hashes it for CSP.

    Only bare ``<script>`` elements are accepted (the exporter writes no other kind), and none
    whose text holds ``<!--`` or ``<script``: the HTML parser's escaped states would then end the
    element elsewhere than here, and its hash would not match.
    """
    scripts, pos = [], 0
    while (opening := _SCRIPT_OPEN.search(text, pos)) is not None:
        if opening.group(0) != "<script>":
            raise ExportError(f"web map: only plain inline scripts can be allowed, not {opening.group(0)[:80]}")
        closing = _SCRIPT_CLOSE.search(text, opening.end())
        if closing is None:
            raise ExportError("web map: a script is not closed")
        body = text[opening.end():closing.start()]
        if "<!--" in body or "<script" in body.lower() or "\r" in body or "\0" in body:
            raise ExportError("web map: a script holds text the HTML parser would read differently")
        scripts.append(body)
        pos = closing.end()
    return scripts


def tile_sources(url: str, subdomains="abc") -> list[str]:
    """The CSP sources (``scheme://host[:port]``) the tile URL template loads images from.

    ``{s}`` is spelled out with each subdomain, as Leaflet does. A URL whose host cannot be
    written as a source (not http or https, placeholders left in the host, odd characters) is an
    error rather than a wider policy: the page never allows more than the tiles' own host.
    """
    urls = [url.replace("{s}", s) for s in subdomains] if "{s}" in url else [url]
    sources: list[str] = []
    for u in urls:
        parts = urlsplit(u)
        scheme = parts.scheme.lower()
        try:
            host, port = (parts.hostname or ""), parts.port
            host = host.encode("idna").decode("ascii")
        except (ValueError, UnicodeError):
            host, port = "", None
        if scheme not in ("http", "https") or not _HOST.fullmatch(host):
            raise ExportError(f"web map: the tile URL {url!r} needs an http:// or https:// address with a plain host name")
        source = f"{scheme}://{host}" + (f":{port}" if port is not None else "")
        if source not in sources:
            sources.append(source)
    return sources


def content_security_policy(text: str, img_sources: Sequence[str] = ()) -> str:
    """The policy of the page ``text``: its own inline scripts (by hash), inline styles, ``data:``
    images plus ``img_sources``, and nothing else (no fetch, forms, frames, plugins or ``<base>``).

    Styles stay ``'unsafe-inline'``: Leaflet positions everything through style attributes, and a
    style cannot run code or, with ``img-src`` and ``font-src`` closed, reach anywhere.
    """
    hashes = [base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii")
              for s in inline_scripts(text)]
    scripts = " ".join(f"'sha256-{h}'" for h in dict.fromkeys(hashes)) or "'none'"
    policy = "; ".join([
        "default-src 'none'",
        f"script-src {scripts}",
        "style-src 'unsafe-inline'",
        "img-src " + " ".join(["data:", *img_sources]),
        "font-src 'none'",
        "connect-src 'none'",
        "object-src 'none'",
        "frame-src 'none'",
        "worker-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    if any(c in policy for c in '"<>&\n'):
        raise ExportError("web map: the security policy would not fit in an HTML attribute")
    return policy


def with_content_security_policy(text: str, img_sources: Sequence[str] = ()) -> str:
    """The page with its policy as the first element of ``<head>``, so that it covers everything after.

    Line ends are made ``\n`` first: the browser's parser does the same before hashing a script.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    head = re.search(r"<head>", text)
    if head is None:
        raise ExportError("web map: the page has no <head>")
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{content_security_policy(text, img_sources)}" />'
    text = text[:head.end()] + meta + text[head.end():]
    charset = re.search(r"<meta[^>]*charset", text, flags=re.I)
    if charset is None or len(text[:charset.end()].encode("utf-8")) > 1024:
        raise ExportError("web map: the page's charset is not declared in its first 1024 bytes")
    return text
