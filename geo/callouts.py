"""Callouts: short texts anchored to a place, a route or a point, in a box tied back by a leader (issue 14, item 4).

A quarterly map carries news no figure does: "Algeria: new anti-smuggling unit, December", "About 400
people stranded in Dirkou". A callout names what it is about (its *anchor*: a place of the places
layer, a route of the routes layer, or a longitude and latitude), says it in each of the map's
languages it was written in, and may be moved by hand (``offset_mm``: where the user dragged its box,
in page millimetres from the anchor; None: set automatically, clear of everything drawn).

The map prints a callout in the map's language; a callout without a text in that language prints its
English text (else the first it has) and the render says so (``language_notes``): a translation is
never invented. An anchor the map does not hold is refused by name (``check_callouts``), never dropped.
Where the box goes is geo.callout_layout's; gui/callout_painter.py draws it.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field, replace

import numpy as np

from geo.errors import CrossingsError

LANGUAGES = ("en", "fr", "ar")
LANGUAGE_NAMES = {"en": "English", "fr": "French", "ar": "Arabic"}
ANCHOR_KINDS = ("place", "route", "lonlat")
MAX_CHARS = 160
"""The longest callout text: a callout is a sentence, not a paragraph (about five lines of its box)."""
MAX_CALLOUTS = 20
"""More callouts than this crowd any regional map."""
MAX_OFFSET_MM = 500.0
"""An offset farther than this from its anchor is off any paper."""
CALLOUT_KEY = "callout_key"
"""The kind of a keyed callout's mark (geo.placed_marks): its letter in a box by its anchor, its text in
the footer, where the page had no clear place for the text (geo.callout_layout)."""


@dataclass(frozen=True)
class CalloutAnchor:
    """What a callout is about: a place id, a route id, or a point (lon, lat in degrees)."""

    kind: str
    ref: str = ""
    lon: float | None = None
    lat: float | None = None

    def __str__(self) -> str:
        if self.kind == "lonlat":
            return f"lonlat:{self.lon:g},{self.lat:g}"
        return f"{self.kind}:{self.ref}"

    def describe(self) -> str:
        return f"the point {self.lon:g}, {self.lat:g}" if self.kind == "lonlat" else f"{self.kind} {self.ref!r}"

    def to_dict(self) -> dict:
        if self.kind == "lonlat":
            return {"kind": "lonlat", "lon": self.lon, "lat": self.lat}
        return {"kind": self.kind, "id": self.ref}

    @classmethod
    def from_dict(cls, data) -> CalloutAnchor:
        if not isinstance(data, dict) or data.get("kind") not in ANCHOR_KINDS:
            raise CrossingsError("anchor must be an object with kind place, route or lonlat")
        if data["kind"] == "lonlat":
            lon, lat = data.get("lon"), data.get("lat")
            return lonlat_anchor(lon, lat)
        ref = data.get("id")
        if not isinstance(ref, str) or not ref.strip():
            raise CrossingsError(f"a {data['kind']} anchor needs an id (text)")
        return cls(data["kind"], ref.strip())

    @classmethod
    def parse(cls, text: str) -> CalloutAnchor:
        """``place:ID``, ``route:ID`` or ``lonlat:LON,LAT``."""
        kind, sep, ref = text.strip().partition(":")
        kind = kind.strip().lower()
        if not sep or kind not in ANCHOR_KINDS or not ref.strip():
            raise CrossingsError(f"anchor {text.strip()!r}: write place:ID, route:ID or lonlat:LON,LAT "
                                 "(e.g. place:dirkou, route:ALB, lonlat:3.0,36.8)")
        if kind == "lonlat":
            parts = ref.split(",")
            try:
                lon, lat = (float(p) for p in parts)
            except ValueError:
                raise CrossingsError(f"anchor {text.strip()!r}: lonlat needs two numbers, LON,LAT "
                                     "(e.g. lonlat:3.0,36.8)") from None
            return lonlat_anchor(lon, lat)
        return cls(kind, ref.strip())


def lonlat_anchor(lon, lat) -> CalloutAnchor:
    """A point anchor, checked: finite degrees in range."""
    ok = all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in (lon, lat))
    if not ok:
        raise CrossingsError("a lonlat anchor needs a longitude and a latitude (numbers)")
    if not -180 <= lon <= 180:
        raise CrossingsError(f"longitude {lon:g} is not between -180 and 180")
    if not -90 <= lat <= 90:
        raise CrossingsError(f"latitude {lat:g} is not between -90 and 90")
    return CalloutAnchor("lonlat", "", float(lon), float(lat))


@dataclass(frozen=True)
class Callout:
    """A short text tied to ``anchor``. ``texts`` are (language, text) pairs (a dict is accepted and
    kept as pairs in LANGUAGES order, so callouts compare and hash as values); ``offset_mm`` is the
    box's centre from the anchor in page millimetres, x right and y down, where the user put it (None:
    automatic)."""

    anchor: CalloutAnchor
    texts: tuple[tuple[str, str], ...] = field(default=())
    offset_mm: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        pairs = dict(self.texts)
        object.__setattr__(self, "texts", tuple((lang, pairs[lang]) for lang in LANGUAGES
                                                if isinstance(pairs.get(lang), str) and pairs[lang].strip()))
        if self.offset_mm is not None:
            object.__setattr__(self, "offset_mm", (float(self.offset_mm[0]), float(self.offset_mm[1])))

    @property
    def text_by_language(self) -> dict[str, str]:
        return dict(self.texts)

    def text_for(self, language: str) -> tuple[str, str]:
        """(text, its language): the text in ``language``, else the English one, else the first there is."""
        texts = self.text_by_language
        for lang in (language, "en", *LANGUAGES):
            if lang in texts:
                return texts[lang], lang
        return "", language

    def with_text(self, language: str, text: str) -> Callout:
        texts = self.text_by_language
        texts[language] = text
        return replace(self, texts=texts)

    def moved(self, offset_mm: tuple[float, float] | None) -> Callout:
        return replace(self, offset_mm=offset_mm)

    def to_dict(self) -> dict:
        return {"anchor": self.anchor.to_dict(), "texts": self.text_by_language,
                "offset_mm": list(self.offset_mm) if self.offset_mm is not None else None}

    @classmethod
    def from_dict(cls, data) -> Callout:
        if not isinstance(data, dict):
            raise CrossingsError("must be an object with anchor, texts and offset_mm")
        anchor = CalloutAnchor.from_dict(data.get("anchor"))
        texts = data.get("texts")
        if not isinstance(texts, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items()):
            raise CrossingsError("texts must be an object of language: text, e.g. {\"en\": \"...\", \"fr\": \"...\"}")
        offset = data.get("offset_mm")
        if offset is not None:
            if not (isinstance(offset, list) and len(offset) == 2
                    and all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in offset)):
                raise CrossingsError("offset_mm must be [x, y] in millimetres, or null")
        callout = cls(anchor, tuple(texts.items()), tuple(offset) if offset is not None else None)
        check_callout_texts(callout, {k: v for k, v in texts.items()})
        return callout


def check_callout_texts(callout: Callout, given: dict | None = None) -> None:
    """Refuse an unknown language, no text at all, a text over MAX_CHARS, an offset off the paper."""
    given = callout.text_by_language if given is None else given
    for lang, text in given.items():
        if lang not in LANGUAGES:
            raise CrossingsError(f"language {lang!r} is not en, fr or ar")
        if len(text.strip()) > MAX_CHARS:
            raise CrossingsError(f"the {LANGUAGE_NAMES[lang]} text is {len(text.strip())} characters long; a callout "
                                 f"holds at most {MAX_CHARS} (shorten it, or put the detail in the map's notes)")
    if not callout.texts:
        raise CrossingsError("has no text: give at least one, e.g. in English")
    if callout.offset_mm is not None and max(abs(v) for v in callout.offset_mm) > MAX_OFFSET_MM:
        raise CrossingsError(f"offset_mm {list(callout.offset_mm)} lies off any page (at most {MAX_OFFSET_MM:g} mm)")


def parse_callouts(values: list[str], option: str = "--callout") -> tuple[Callout, ...]:
    """Callouts from the command line: ``ANCHOR=TEXT`` (English) or ``ANCHOR@LANG=TEXT``. A text in
    another language joins the callout with the same anchor that has none in that language yet."""
    out: list[Callout] = []
    for value in values:
        head, sep, text = value.partition("=")
        if not sep or not text.strip():
            raise CrossingsError(f"{option} {value!r}: write ANCHOR=TEXT, e.g. {option} \"place:dirkou=About 400 "
                                 f"people stranded\" (ANCHOR: place:ID, route:ID or lonlat:LON,LAT; @fr or @ar after "
                                 "it for a translation)")
        where, _, lang = head.rpartition("@") if "@" in head else (head, "", "en")
        lang = lang.strip().lower() or "en"
        if lang not in LANGUAGES:
            raise CrossingsError(f"{option} {value!r}: language {lang!r} is not en, fr or ar")
        try:
            anchor = CalloutAnchor.parse(where)
            made = Callout(anchor, ((lang, text.strip()),))
            check_callout_texts(made)
        except CrossingsError as exc:
            raise CrossingsError(f"{option} {value!r}: {exc}") from None
        for i, known in enumerate(out):
            if known.anchor == anchor and lang not in known.text_by_language:
                out[i] = known.with_text(lang, text.strip())
                break
        else:
            out.append(made)
    if len(out) > MAX_CALLOUTS:
        raise CrossingsError(f"{option}: {len(out)} callouts; a map holds at most {MAX_CALLOUTS}")
    return tuple(out)


def label(index: int, callout: Callout | None = None, language: str = "en") -> str:
    """How messages name a callout: its number from 1 and the start of its text."""
    if callout is None:
        return f"callout {index + 1}"
    text, _ = callout.text_for(language)
    short = text if len(text) <= 32 else text[:31].rstrip() + "…"
    return f"callout {index + 1} ({short!r})"


# -- the document's anchors ----------------------------------------------------------------------------
def check_callouts(doc, callouts=None) -> None:
    """Refuse callouts the map cannot place: an anchor id the places or routes layer does not hold is
    named with the callout and the nearest ids the layer has."""
    callouts = doc.callouts if callouts is None else callouts
    if len(callouts) > MAX_CALLOUTS:
        raise CrossingsError(f"{len(callouts)} callouts; a map holds at most {MAX_CALLOUTS}")
    for i, callout in enumerate(callouts):
        try:
            check_callout_texts(callout)
        except CrossingsError as exc:
            raise CrossingsError(f"{label(i)}: {exc}") from None
        if callout.anchor.kind != "lonlat":
            _find(doc, callout.anchor, i)


def _find(doc, anchor: CalloutAnchor, index: int) -> tuple:
    """(layer, row) holding ``anchor``'s id (a place id case-insensitively, as figures files name them)."""
    layer_kind, column = ("places", "place_id") if anchor.kind == "place" else ("routes", "route_id")
    holders = [lyr for lyr in doc.layers if lyr.kind == layer_kind] if anchor.kind == "route" else \
        [lyr for lyr in [doc.layer(layer_kind)] if lyr is not None]
    holders = [lyr for lyr in holders if column in lyr.data.columns]
    if not holders:
        raise CrossingsError(f"{label(index)}: the map has no {layer_kind} layer, so {anchor.describe()} cannot be found")
    ids: list[str] = []
    names: dict[str, str] = {}
    for layer in holders:
        col = layer.data[column].astype(str)
        hits = np.flatnonzero(col.str.casefold().to_numpy() == anchor.ref.casefold())
        if len(hits):
            return layer, int(hits[0])
        ids += list(col)
        if "name" in layer.data.columns:
            names.update(zip(layer.data["name"].astype(str), col, strict=True))
    raise CrossingsError(f"{label(index)}: no {anchor.kind} {anchor.ref!r} in the {layer_kind} layer"
                         + _suggest(anchor.ref, ids, names))


def _suggest(ref: str, ids: list[str], names: dict[str, str]) -> str:
    """" (Dirkou is 'dirkou')": the ids, or names, nearest a mistyped one."""
    by_name = {n.casefold(): (n, i) for n, i in names.items()}
    hits = difflib.get_close_matches(ref.casefold(), list(by_name), n=1, cutoff=0.7)
    if hits:
        name, ident = by_name[hits[0]]
        return f" ({name} is {ident!r})"
    near = difflib.get_close_matches(ref, ids, n=3, cutoff=0.5)
    if near:
        quoted = [repr(n) for n in near]
        return " (did you mean " + (", ".join(quoted[:-1]) + " or " if len(quoted) > 1 else "") + quoted[-1] + "?)"
    return f"; it holds {', '.join(repr(i) for i in ids[:12])}" + (", …" if len(ids) > 12 else "")


def anchor_lonlat(doc, callout: Callout, index: int = 0):
    """The anchor as a shapely geometry in lon/lat: a place's point, a route's line, or the point given."""
    import shapely

    anchor = callout.anchor
    if anchor.kind == "lonlat":
        return shapely.Point(anchor.lon, anchor.lat)
    layer, row = _find(doc, anchor, index)
    return layer.data.to_crs("EPSG:4326").geometry.iloc[row] if layer.data.crs is not None else layer.data.geometry.iloc[row]


def anchor_point(doc, callout: Callout, index: int = 0) -> tuple[float, float]:
    """The anchor in the map's CRS: a place's point, a point given in lon/lat, or a route's middle
    (half way along its longest part, smoothed as its flow is drawn). A drawn flow's own centre line is
    preferred by the layout (geo.callout_layout.route_anchor), where the route has one."""
    from geo.flow_geometry import smooth_line
    from geo.projection import transformer

    anchor = callout.anchor
    if anchor.kind == "lonlat":
        return transformer("EPSG:4326", doc.crs).transform(anchor.lon, anchor.lat)
    layer, row = _find(doc, anchor, index)
    geom = doc.projected(layer).geometry.iloc[row]
    if anchor.kind == "place":
        point = geom if geom.geom_type == "Point" else geom.representative_point()
        return float(point.x), float(point.y)
    parts = list(getattr(geom, "geoms", [geom]))
    line = smooth_line(max(parts, key=lambda g: g.length), doc.flow_style.smoothing)
    mid = line.interpolate(0.5, normalized=True)
    return float(mid.x), float(mid.y)


def language_notes(doc, callouts=None) -> list[str]:
    """What a render says of texts the map prints in another language than its own."""
    callouts = doc.callouts if callouts is None else callouts
    lang = getattr(doc, "label_language", "en")
    notes = []
    for i, callout in enumerate(callouts):
        _, used = callout.text_for(lang)
        if used != lang:
            notes.append(f"{label(i, callout, lang)} has no {LANGUAGE_NAMES[lang]} text: printed in "
                         f"{LANGUAGE_NAMES[used]}")
    return notes


def anchor_choices(doc, kind: str) -> list[tuple[str, str]]:
    """(id, name) of every place or route a callout may be tied to, for the window's form."""
    layers = [doc.layer("places")] if kind == "place" else [lyr for lyr in doc.layers if lyr.kind == "routes"]
    column = "place_id" if kind == "place" else "route_id"
    out: list[tuple[str, str]] = []
    for layer in layers:
        if layer is None or column not in layer.data.columns:
            continue
        names = layer.data["name"].astype(str) if "name" in layer.data.columns else layer.data[column].astype(str)
        out += [(str(i), str(n)) for i, n in zip(layer.data[column], names, strict=True)]
    return out


def with_callouts(doc, callouts) -> tuple:
    """``callouts`` checked against the document (an unknown anchor named), as the document keeps them."""
    callouts = tuple(callouts)
    check_callouts(doc, callouts)
    return callouts


def key_letter(doc, n: int) -> str:
    """The ``n``-th (from 0) keyed callout's letter in the map's language: A, B, … (Arabic: أ، ب، ج, …
    in abjad order). Figures without room are numbered in discs; notes are lettered in boxes."""
    from geo.map_language import map_language

    letters = map_language(doc)("callout_letters")
    return letters[n] if n < len(letters) else str(n + 1)


def callout_key(index: int) -> str:
    """A callout's layout key ("callout:<n>", n from 1), as its box, mark and leader are known by."""
    return f"callout:{index + 1}"


def callout_index(key: str) -> int:
    """The callout's index (from 0) from its layout key (callout_key)."""
    return int(key.rpartition(":")[2]) - 1


def keyed_item(doc, letter: str, index: int) -> str:
    """'[A] Algeria: …': a keyed callout's text by its letter, in the map's language."""
    from geo.map_language import map_language

    return map_language(doc)("callout_key_item", letter=letter, text=doc.callouts[index].text_for(doc.label_language)[0])


def keyed_note(doc, keyed: list[tuple[str, int]]) -> str:
    """The footer's sentence giving each keyed callout's text by its letter (``keyed``: letter, the
    callout's index), in the map's language; empty when none is keyed."""
    from geo.map_language import map_language

    if not keyed:
        return ""
    lang = map_language(doc)
    items = [keyed_item(doc, letter, i).rstrip(". ") for letter, i in keyed if i < len(doc.callouts)]
    return lang("callout_keyed", items=lang("items_sep").join(items))
