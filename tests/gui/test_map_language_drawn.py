"""The map in its language, as drawn: what the painter writes into the SVG, Arabic without italics,
Western Sahara's dashed boundary in the pixels and its name inside its own territory."""

import re
import string
import xml.etree.ElementTree as ET

import numpy as np
import pytest
import shapely
from painted import paint, pixels, svg_string

from geo.data_words import PHRASES
from geo.map_words import WORDS
from geo.page import Page
from gui.export import VectorExportSettings, export_svg

SVG = "{http://www.w3.org/2000/svg}"
WORD = re.compile(r"[^\W\d_]{4,}")


def _svg_texts(doc, path) -> list[tuple[str, str]]:
    """(layer, text) of every text the painter wrote, and the font style each is set in."""
    root = ET.parse(export_svg(doc, path, VectorExportSettings(Page("A4", "landscape", 72)))).getroot()
    out = []
    for layer in (g for g in root if g.tag == f"{SVG}g"):
        for group in layer.iter(f"{SVG}g"):
            for t in group.findall(f"{SVG}text"):
                # a text of two lines is one <text>, a <tspan> a line with a newline between
                out.append((layer.get("id"), svg_string(t).replace("\n", " "), group.get("font-style", "")))
    return out


def _literal(template: str) -> str:
    return " ".join(text for text, _, _, _ in string.Formatter().parse(template))


def _english_only_words() -> set[str]:
    """Words of the English map that neither the French wording nor a French name also uses."""
    en = " ".join([*map(_literal, WORDS["en"].values()), *PHRASES])
    fr = " ".join([*map(_literal, WORDS["fr"].values()), *(f for f, _ in PHRASES.values())])
    return {w.lower() for w in WORD.findall(en)} - {w.lower() for w in WORD.findall(fr)}


def test_the_french_map_draws_no_english_word_and_french_numbers(doc, tmp_path):
    doc.select("2024")
    doc.label_language = "fr"
    texts = _svg_texts(doc, tmp_path / "fr.svg")
    # report titles are cited as published: take them out before looking for English
    refs = sorted({r.split(" — ")[0] for r in doc.flows.frame["source_ref"].fillna("") if r}, key=len, reverse=True)
    english = _english_only_words()
    assert {"outline", "smallest", "scale", "figures", "basemap", "according"} <= english
    for layer, text, _ in texts:
        for ref in refs:
            text = text.replace(ref, "")
        found = {w.lower() for w in WORD.findall(text)} & english
        assert not found, (layer, text, found)
        assert not re.search(r"\d,\d{3}", text), (layer, text)  # '16,109' reads as sixteen in French
    drawn = [t for _, t, _ in texts]
    assert WORDS["fr"]["title_short"] in drawn and WORDS["fr"]["scale_true"] in drawn  # the default title
    assert any(t.startswith("Arrivées, 2024 (1er\u00a0janv.\u00a02024") for t in drawn)
    assert "46\u202f524 (a)" in drawn and "Route atlantique" in drawn
    assert "SAHARA OCCIDENTAL*" in drawn or {"SAHARA", "OCCIDENTAL*"} <= set(drawn)  # its own label, one line or two
    assert any(t.startswith("Les frontières et les noms indiqués") for t in drawn)


def test_arabic_is_set_upright_and_latin_island_names_in_italics(doc, tmp_path):
    doc.label_language = "ar"
    texts = _svg_texts(doc, tmp_path / "ar.svg")
    # the SVG keeps Arabic as text, a run per word: every word of the title and the scale note is there
    arabic = {w for _, t, _ in texts for w in t.split() if re.search("[\u0600-\u06ff]", w)}
    assert set(WORDS["ar"]["title_short"].split()) <= arabic and set(WORDS["ar"]["scale_true"].split()) <= arabic
    assert "تينيريفي" in arabic
    assert not [(t, s) for _, t, s in texts if s == "italic"]
    doc.label_language = "en"
    english = _svg_texts(doc, tmp_path / "en.svg")
    assert ("places", "Tenerife", "italic") in english


def _country_rects(doc, view, report) -> dict[str, tuple]:
    """Placed country names -> their box in page pixels (the report lists both in placing order)."""
    names = [t for kind, t, _, _ in report.texts if kind == "country"]
    rects = [rect for kind, rect in report.labels if kind == "country"]
    return dict(zip(names, rects, strict=True))


@pytest.mark.parametrize("crs", [None, "EPSG:3035"], ids=["default", "EPSG:3035"])
@pytest.mark.parametrize("language,name", [("en", "WESTERN SAHARA*"), ("fr", "SAHARA OCCIDENTAL*"),
                                           ("ar", "الصحراء الغربية*")])
def test_western_sahara_is_named_inside_western_sahara(doc, crs, language, name):
    doc.select("2024")
    doc.label_language = language
    if crs:
        doc.crs = crs
    _, view, report = paint(doc, Page("A4", "landscape", 150))
    rects = {n.replace("\n", " "): r for n, r in _country_rects(doc, view, report).items()}
    assert name in rects, sorted(rects)
    x0, y0, x1, y1 = rects[name]
    boundaries = doc.projected(doc.layer("boundaries"))
    sah = boundaries.geometry[boundaries["iso_a3"] == "SAH"].iloc[0]
    land = shapely.transform(sah, view.to_px)
    box = shapely.box(x0, y0, x1, y1)
    assert land.contains(box.centroid)
    assert box.intersection(land).area > 0.8 * box.area


def test_the_boundary_of_western_sahara_with_morocco_is_drawn_dashed(doc):
    """Sampled along the 27°40'N line: white dashes and land-coloured gaps alternate; the same walk
    along Morocco's border with Algeria finds one unbroken white line. Where a name's halo lies over
    the line (the Canary Islands'), nothing is measured."""
    image, view, report = paint(doc, Page("A4", "landscape", 300))
    halos = shapely.union_all([shapely.box(*rect).buffer(view.px_per_mm) for _, rect in report.labels])
    rgb = pixels(image).astype(int)
    boundaries = doc.projected(doc.layer("boundaries"))
    by = dict(zip(boundaries["iso_a3"], boundaries.geometry, strict=True))

    def whiteness(line) -> np.ndarray:
        """For every 0.1 mm along ``line``: is the whitest pixel around it (±1 px) the border's white?"""
        px = shapely.transform(line, view.to_px)
        steps = np.arange(0, px.length, view.px_per_mm * 0.1)
        out = []
        for s in steps:
            p = px.interpolate(s)
            if halos.contains(p):
                continue
            x, y = round(p.x), round(p.y)
            patch = rgb[y - 1:y + 2, x - 1:x + 2]
            out.append(patch.min(axis=2).max() > 245)
        return np.array(out)

    dashed = whiteness(shapely.line_merge(shapely.intersection(by["SAH"].boundary, by["MAR"].buffer(1000))))
    runs = np.count_nonzero(np.diff(dashed.astype(int)) == 1)
    assert len(dashed) > 100 and 0.45 < dashed.mean() < 0.85 and runs >= 5, (len(dashed), dashed.mean(), runs)
    solid = whiteness(shapely.line_merge(shapely.intersection(by["MAR"].boundary, by["DZA"].buffer(1000))))
    assert solid.mean() > 0.95


@pytest.mark.parametrize("language,last_word", [("en", "Territory"), ("fr", "autonome"), ("ar", "الذاتي")])
def test_the_footer_stays_on_a_portrait_page_in_every_language(doc, tmp_path, language, last_word):
    """Arabic lines stand taller and French ones run longer: the sources and the disclaimer, with its UN
    note, may use the bottom margin but every line of them is on the page."""
    doc.select("2024")
    doc.label_language = language
    path = export_svg(doc, tmp_path / "p.svg", VectorExportSettings(Page("A4", "portrait", 72)))
    root = ET.parse(path).getroot()
    height = float(root.get("viewBox").split()[3])
    # every line: a one-line <text> or a <tspan> of a longer one, set in its label group's font size
    groups = [g for g in root.iter(f"{SVG}g") if g.get("font-size")]
    texts = [(t, float(t.get("y")), float(g.get("font-size"))) for g in groups for text in g.findall(f"{SVG}text")
             for t in text.iter() if t.tag in (f"{SVG}text", f"{SVG}tspan") and t.get("y")]
    assert any(svg_string(t).strip().endswith(last_word) for t, _, _ in texts)  # a word or a line of it
    for t, y, size in texts:
        assert y + 0.3 * size <= height, ("".join(t.itertext()), y, height)


def test_one_document_renamed_in_another_language_draws_the_new_names(doc):
    """Where country names may go is kept per view and language: switching the language of the same
    document (the window's selector) draws the new names, not the last language's."""
    doc.select("2024")
    page = Page("A4", "landscape", 96)
    _, _, first = paint(doc, page)
    doc.label_language = "fr"
    _, _, second = paint(doc, page)
    english = {t for kind, t, _, _ in first.texts if kind == "country"}
    french = {t for kind, t, _, _ in second.texts if kind == "country"}
    assert "ALGERIA" in english and "ALGÉRIE" in french and not english & {"ALGÉRIE"} and "ALGERIA" not in french
    places_en = {name for _, name, _ in first.place_labels}
    places_fr = {name for _, name, _ in second.place_labels}
    assert "Sicily" in places_en and "Sicile" in places_fr and "Sicily" not in places_fr
    doc.select("2023")  # another period on the same view: the same names, from the kept candidates
    _, _, third = paint(doc, page)
    assert {t for kind, t, _, _ in third.texts if kind == "country"} >= {"ALGÉRIE", "LIBYE", "TUNISIE"}
