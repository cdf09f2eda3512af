"""The web map's labels: the figures, place names and country names the PNG prints, each where the
PNG sets it, from the marks the renderer recorded while placing them (geo.placed_marks). Nothing
here places a label; it only takes page pixels to the earth.

Each label becomes a point on the earth, the ``pin`` of its box (the middle of the side facing what
it names, or its centre), and the way its text runs from there (Leaflet's tooltip ``direction``):
zoomed in or out, a name keeps to its dot's side and a figure to its band's, growing away from them,
never back over them. Its font size, line height and padding are the PNG's on paper (the page sets
them in ``--crossings-text-mm``), so at the paper's scale the box is the PNG's box. A leader line,
where the PNG draws one, ties the label to what it names as on paper.
"""

from __future__ import annotations

from shapely.geometry import LineString, Point, mapping

from geo.placed_marks import BOTTOM, CENTRE, LEFT, RIGHT, TOP, PageMarks, PlacedMark
from geo.projection import transformer

CSS_PX_PER_MM = 96 / 25.4
"""A CSS pixel is 1/96 inch: what a millimetre of paper is on a screen at the paper's own size."""
TEXT_MM_RANGE = (CSS_PX_PER_MM, 2 * CSS_PX_PER_MM)
"""The CSS pixels per paper millimetre the labels are set at (``--crossings-text-mm``): the map's own
(``--crossings-mm``) held within this range. From the paper's own size on a screen up to twice that,
a label is its PNG box at the map's scale, so the PNG's placement holds as it is: nothing overlaps and
nothing is hidden. Zoomed in beyond, the text stops growing and shrinks within its box towards what it
names (still overlapping nothing); zoomed out below, it stays at the paper's size to be read, grows
past its box, and the page hides the labels that then meet something (``crossings.declutter``)."""
DIRECTION = {LEFT: "right", RIGHT: "left", TOP: "bottom", BOTTOM: "top", CENTRE: "center"}
"""Leaflet's tooltip direction for each facing side: the text runs away from what it names."""
TEXT_ALIGN = {LEFT: "left", RIGHT: "right", CENTRE: "center"}
"""CSS text-align for each way a mark's lines stand in its box (geo.placed_marks.line_align)."""
DECIMALS = 6
"""Decimals of a label's lon/lat (about 0.1 m: a pin stays on its pixel at any zoom the page allows)."""


def mark_features(marks: PageMarks, kinds: tuple[str, ...], props) -> tuple[list[dict], list[dict]]:
    """GeoJSON points of the marks of ``kinds``, in placement order, and the leader lines the PNG draws
    for them. ``props(mark)`` gives a mark's own properties (what it names, its GeoJSON ``kind``)."""
    to_ll = transformer(marks.view.crs, "EPSG:4326")
    view = marks.view

    def lonlat(x: float, y: float) -> tuple[float, float]:
        lon, lat = to_ll.transform(*view.to_map(x, y))
        return round(lon, DECIMALS), round(lat, DECIMALS)

    points, leaders = [], []
    for rank, mark in enumerate(marks.marks):
        if mark.kind not in kinds:
            continue
        own = props(mark)
        points.append({"type": "Feature", "id": f"m{rank}", "geometry": mapping(Point(*lonlat(*mark.pin()))),
                       "properties": {**own, **_style(mark), "rank": rank}})
        if mark.leader is not None:
            leaders.append({"type": "Feature", "id": f"l{rank}",
                            "geometry": mapping(LineString([lonlat(*mark.leader[0]), lonlat(*mark.leader[1])])),
                            "properties": {"kind": "leader", "of": own["kind"], "key": mark.key, "rank": rank}})
    return points, leaders


def _style(mark: PlacedMark) -> dict:
    """How the page sets a mark: its text and colour, the way it runs from its pin, and its size,
    line height, padding and letter spacing in millimetres of the PNG's paper."""
    return {"text": mark.text, "colour": mark.colour, "direction": DIRECTION[mark.facing], "align": TEXT_ALIGN[mark.align],
            "size_mm": round(mark.size_mm, 4), "line_mm": round(mark.line_mm, 4),
            "pad_mm": [round(mark.pad_mm[0], 4), round(mark.pad_mm[1], 4)], "bold": mark.bold, "italic": mark.italic,
            "spacing": round(mark.spacing, 4)}


SAME_STACK_OVERLAP = 1.0
"""CSS pixels two lines of one stacked label may overlap, each way, before the declutter hides the later:
on paper they touch (and antialiasing may blur that by a pixel); zoomed out they would be set over
each other."""

TOTAL_NUDGE = 1.0
"""Zoomed out (below the paper's scale), a total with no leader that would meet a label shown before it moves
up or down by at most this share of its own height, where that is clear, before the declutter hides it."""

ON_SYMBOL_STEP = 1
"""CSS pixels between the points of a name's box the declutter looks under for a band or a circle, where a
symbol's box meets it: a band zoomed out is a pixel or two wide (one every 3 px let 'Boumerdès' stand on
the Annaba–Sardinia band's tail). Only the part of the name's box inside a symbol's box is looked at, so
the dozens of names a zoom asks about stay quick."""


# The page's script for the labels, inside webmap_page's helpers (it uses their ``el`` and ``paperScale``).
LABELS_JS = ("\n  var SAME_STACK_OVERLAP = " + repr(SAME_STACK_OVERLAP) + ", TOTAL_NUDGE = " + repr(TOTAL_NUDGE)
             + ", ON_SYMBOL_STEP = " + repr(ON_SYMBOL_STEP) + ";") + r"""
  // A figure or a name where the PNG sets it (geo.exports.webmap_labels): pinned at the middle of the
  // side of its box facing what it names and running away from it, in the PNG's size, line height and
  // padding on paper, scaled by --crossings-text-mm.
  var marks = [];
  function markLabel(feature, layer) {
    var p = feature.properties;
    var paper = function (mm) { return 'calc(var(--crossings-text-mm) * ' + mm + ')'; };
    var span = el('span', null, p.text);
    span.style.display = 'block';
    span.style.color = p.colour;
    span.style.fontSize = paper(p.size_mm);
    span.style.lineHeight = paper(p.line_mm);
    span.style.textAlign = p.align;
    span.style.padding = paper(p.pad_mm[1] / 2) + ' ' + paper(p.pad_mm[0] / 2);
    if (p.spacing) { span.style.letterSpacing = p.spacing + 'em'; }
    span.setAttribute('data-rank', String(p.rank));
    if (p.group) { span.setAttribute('data-group', String(p.group)); }
    var cls = 'crossings-mark';
    if (p.kind === 'flow_label' || p.kind === 'total_label') {
      cls += ' crossings-value crossings-value-' + String(p.route_id).replace(/[^A-Za-z0-9_-]/g, '_');
      if (p.kind === 'total_label') { cls += ' crossings-total'; }
    } else if (p.kind === 'callout' || p.kind === 'callout_key') {
      cls += ' crossings-callout';  // a box of its own: zoomed out, hidden only if it meets a figure
      span.style.textAlign = p.kind === 'callout_key' ? 'center' : 'start';  // the box's own, as the PNG sets it
      if (p.kind === 'callout_key') { span.title = p.entry; }
    } else if (p.kind === 'figure_key') {
      cls += ' crossings-key';  // a figure's number, always shown; its key on hovering it and in the footer
      span.title = p.entry;
    } else {
      cls += ' crossings-label crossings-collide';
      if (p.kind === 'country_label') { cls += ' crossings-country'; }
      if (p.italic) { cls += ' crossings-italic'; }
    }
    layer.bindTooltip(span, {permanent: true, interactive: false, direction: p.direction, offset: [0, 0],
                             opacity: 1, className: cls});
    marks.push(layer);
  }
  // A callout's anchor dot gives the callout's text on hovering it: zoomed out, the declutter may hide the box.
  // Its pane is set here, before the layer joins the map (folium's CircleMarker drops a ``pane`` and
  // Leaflet gives a GeoJSON's points none of its own): in the places' pane it is above the circles and
  // flows it may stand on, and can be hovered.
  function calloutAnchor(feature, layer) {
    layer.options.pane = 'crossings-places';
    layer.bindTooltip(el('span', null, feature.properties.text), {className: 'crossings-tip', direction: 'top',
                                                                   offset: [0, -4]});
  }
  // Leaflet places a tooltip from its size when it opens: after the text's size changes, again.
  function relayout() {
    marks.forEach(function (layer) {
      if (layer.isTooltipOpen()) { layer.getTooltip().update(); }
    });
  }
  // Whether a name's box ``r`` lies on a band or a circle: looked at every ON_SYMBOL_STEP pixels where a
  // symbol's box (``symbols``) meets it. Looked at in nine points, 'Gran Canaria' was set over the Atlantic
  // arrow's tip, between two of them.
  function onSymbol(r, symbols) {
    var top = r.top + 2, bottom = r.bottom - 2, left = r.left + 1, right = r.right - 1;  // the page's insets
    return symbols.some(function (b) {
      var y0 = Math.max(Math.ceil(top), Math.floor(b.top)), y1 = Math.min(bottom, Math.ceil(b.bottom));
      var x0 = Math.max(Math.ceil(left), Math.floor(b.left)), x1 = Math.min(right, Math.ceil(b.right));
      for (var y = y0; y <= y1; y += ON_SYMBOL_STEP) {
        for (var x = x0; x <= x1; x += ON_SYMBOL_STEP) {
          var hits = document.elementsFromPoint(x, y);
          for (var k = 0; k < hits.length; k++) {
            var c = hits[k].getAttribute && hits[k].getAttribute('class');
            if (c && (c.indexOf('crossings-flow') >= 0 || c.indexOf('crossings-place-figure') >= 0)) { return true; }
          }
        }
      }
      return false;
    });
  }
  // The labels the PNG placed meet nothing as long as each is no larger than its box at the map's scale
  // (TEXT_MM_RANGE): then every one shows, but one the title, the key or the layers' list stands over (they
  // keep the screen's corners wherever the map is moved: at zoom 6.5 'Spain (WMR) 16,903' ran under the
  // title), hidden until the map moves it clear. Zoomed out further (``crowded``) the text, larger than its box,
  // may meet something (a control, a figure's number disc), and a label that does is hidden, in this
  // order: the totals first (the update's headline figures), then the other figures in the PNG's order of
  // placement (a figure that meets a control, a disc or a figure shown before it), then the callouts (one that meets a figure or a callout
  // shown: its text stays on its anchor's dot, on hovering it), then the names (one that meets a control,
  // a figure, a callout, a flow, a circle or a name shown). A hidden figure stays in its flow's or circle's tooltip.
  function declutter(map, crowded) {
    var all = Array.prototype.slice.call(document.querySelectorAll('.leaflet-tooltip.crossings-mark'));
    var rank = function (e) { return Number(e.firstChild && e.firstChild.getAttribute('data-rank')); };
    var show = function (e, visible) {  // a label, and its leader with it
      e.style.visibility = visible ? '' : 'hidden';
      document.querySelectorAll('path.crossings-leader-' + rank(e)).forEach(function (l) {
        l.style.visibility = visible ? '' : 'hidden';
      });
    };
    all.forEach(function (e) { e.style.translate = ''; show(e, true); });
    var byRank = function (a, b) { return rank(a) - rank(b); };
    var meets = function (r, boxes) {
      return boxes.some(function (b) {
        return r.left < b.right + 2 && r.right > b.left - 2 && r.top < b.bottom + 1 && r.bottom > b.top - 1;
      });
    };
    var group = function (e) { return (e.firstChild && e.firstChild.getAttribute('data-group')) || ''; };
    var controls = Array.prototype.slice.call(document.querySelectorAll('.leaflet-control')).map(function (e) {
      return e.getBoundingClientRect();
    });
    // A stack's lines hang on one leader, the first line's: where that line is hidden, with its leader, the
    // stack's other lines are hidden too. Zoomed out, '183' (the Caminando Fronteras count under the IOM's
    // '412') stood alone over Morocco, tied to nothing, and read as a figure of its own.
    var orphaned = {};
    var hideOrphans = function (figures) {
      figures.forEach(function (e) {
        if (group(e) && e.style.visibility === 'hidden' && document.querySelector('path.crossings-leader-' + rank(e))) {
          orphaned[group(e)] = true;
        }
      });
      figures.forEach(function (e) { if (orphaned[group(e)]) { show(e, false); } });
    };
    if (!crowded) {  // every label shows but where the title, the key or the layers' list stands over it
      all.forEach(function (e) { if (meets(e.getBoundingClientRect(), controls)) { show(e, false); } });
      hideOrphans(all.filter(function (e) { return e.classList.contains('crossings-value'); }));
      return;
    }
    var total = function (e) { return e.classList.contains('crossings-total') ? 0 : 1; };
    var figures = all.filter(function (e) { return e.classList.contains('crossings-value'); }).sort(function (a, b) {
      return total(a) - total(b) || byRank(a, b);
    });
    var callouts = all.filter(function (e) { return e.classList.contains('crossings-callout'); }).sort(byRank);
    var names = all.filter(function (e) { return e.classList.contains('crossings-collide'); }).sort(byRank);
    // The lines of one stacked label (a place's figures, one per layer) touch on paper: never each other's
    // obstacle there. Zoomed out, their pins draw together while the text keeps its size, and a line that
    // then overlaps another of its stack (more than SAME_STACK_OVERLAP pixels each way) is hidden.
    var overlaps = function (r, b) {
      return Math.min(r.right, b.right) - Math.max(r.left, b.left) > SAME_STACK_OVERLAP &&
             Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) > SAME_STACK_OVERLAP;
    };
    // a figure's number disc always shows (its figure is nowhere else on the map): every label keeps off it
    var discs = all.filter(function (e) { return e.classList.contains('crossings-key'); }).map(function (e) {
      return e.getBoundingClientRect();
    });
    var shown = controls.concat(discs).map(function (r) { return {r: r, g: ''}; });
    // A total with no leader that meets something may move up or down by up to its own height (TOTAL_NUDGE)
    // rather than hide: zoomed out, a total set in an inset at the inset's scale ('Spain (WMR) 16,903' over
    // Andalusia) met the country's total set on the map ('Spain 63,427'), and one of the update's
    // headline figures was hidden.
    var symbols = Array.prototype.slice.call(document.querySelectorAll('path.crossings-flow, path.crossings-place-figure'))
      .map(function (e) { return e.getBoundingClientRect(); });
    // Off the flows and circles where it can be (zoomed out, 'Italy 65,474…' stood on the Central
    // Mediterranean's arrowhead), else anywhere clear of the labels (``offSymbols`` false).
    var nudged = function (e, r, others, offSymbols) {
      if (total(e) || document.querySelector('path.crossings-leader-' + rank(e))) { return null; }
      var step = Math.max(2, r.height * TOTAL_NUDGE / 8);
      for (var pass = 0; pass < 2; pass++) {
        var strict = pass === 0;
        if (!strict && offSymbols) { break; }
        for (var k = 1; k <= 8; k++) {
          for (var sign = 1; sign >= -1; sign -= 2) {
            var dy = sign * k * step;
            var moved = {left: r.left, right: r.right, top: r.top + dy, bottom: r.bottom + dy};
            if (!meets(moved, others) && (!strict || !onSymbol(moved, symbols))) {
              e.style.translate = '0 ' + dy + 'px';
              return e.getBoundingClientRect();
            }
          }
        }
      }
      return null;
    };
    figures.forEach(function (e) {
      var r = e.getBoundingClientRect(), g = group(e);
      var others = shown.filter(function (s) { return !g || s.g !== g; }).map(function (s) { return s.r; });
      var mine = shown.filter(function (s) { return g && s.g === g; });
      if (!g && !total(e) && !meets(r, others) && onSymbol(r, symbols)) {  // a total on an arrow: off it if it can
        r = nudged(e, r, others, true) || r;
      }
      if (meets(r, others) || mine.some(function (s) { return overlaps(r, s.r); })) {
        var moved = g ? null : nudged(e, r, others, false);
        if (moved) { shown.push({r: moved, g: g}); } else { show(e, false); }
      }
      else { shown.push({r: r, g: g}); }
    });
    hideOrphans(figures);
    shown = shown.filter(function (s) { return !orphaned[s.g]; });
    var boxes = shown.map(function (s) { return s.r; });
    callouts.forEach(function (e) {
      var r = e.getBoundingClientRect();
      if (meets(r, boxes)) { show(e, false); } else { boxes.push(r); }
    });
    names.forEach(function (e) {
      var r = e.getBoundingClientRect();
      if (meets(r, boxes) || onSymbol(r, symbols)) { show(e, false); } else { boxes.push(r); }
    });
  }
  // A leader ends on its label's box as the PNG has it at the map's scale. Where the text is held to another
  // size than the map's (TEXT_MM_RANGE), its box is that much larger or smaller about its pin, and the leader's
  // end moves with it, onto the box as the browser sets it (its face is not the PNG's): zoomed in three steps,
  // the '2,531 (b)' leader at Ceuta ended 35 px short of its label.
  function reachLabels(map, ratio) {
    var labels = {};
    marks.forEach(function (layer) { labels[layer.feature.properties.rank] = layer; });
    var origin = map.getContainer().getBoundingClientRect();
    map.eachLayer(function (l) {
      var p = l.feature && l.feature.properties, label = p && labels[p.rank];
      if (!label || p.kind !== 'leader' || !l.getLatLngs) { return; }
      if (!l._crossingsLine) { l._crossingsLine = l.getLatLngs().slice(); }
      var line = l._crossingsLine, pin = map.latLngToLayerPoint(label.getLatLng());
      var end = pin.add(map.latLngToLayerPoint(line[line.length - 1]).subtract(pin).multiplyBy(ratio));
      var box = label.getTooltip() && label.getTooltip().getElement();
      if (box && box.firstChild) {
        var r = box.firstChild.getBoundingClientRect();
        var a = map.containerPointToLayerPoint([r.left - origin.left, r.top - origin.top]);
        var b = map.containerPointToLayerPoint([r.right - origin.left, r.bottom - origin.top]);
        end = L.point(Math.min(Math.max(end.x, a.x), b.x), Math.min(Math.max(end.y, a.y), b.y));
      }
      l.setLatLngs(line.slice(0, -1).concat([map.layerPointToLatLng(end)]));
    });
  }
  function tidy(map, mmMetres, textRange) {
    var scale = paperScale(map, mmMetres, textRange);
    relayout();
    reachLabels(map, scale.text / scale.mm);
    declutter(map, scale.text > scale.mm * 1.0001);
  }
"""
