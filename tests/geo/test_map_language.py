"""The map's language (geo.map_language): numbers, periods, dates and words in English, French and
Arabic, from one table for every output; UN practice for Western Sahara (geo.un_practice)."""

import datetime
import string

import numpy as np
import pytest
import shapely

from geo.compare import Change
from geo.data_words import PHRASES
from geo.map_language import LANGUAGES, MapLanguage
from geo.map_words import NNBSP, WORDS
from geo.periods import parse_period
from geo.qualifiers import figure_text

EN, FR, AR = MapLanguage("en"), MapLanguage("fr"), MapLanguage("ar")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_language_has_every_word_with_the_same_fields():
    for code in LANGUAGES:
        assert WORDS[code].keys() == WORDS["en"].keys(), code
        for key, template in WORDS["en"].items():
            assert _fields(WORDS[code][key]) == _fields(template), (code, key)
    assert all(len(v) == 2 and all(v) for v in PHRASES.values())


@pytest.mark.parametrize("value,en,fr", [(16109, "16,109", "16\u202f109"), (1257, "1,257", "1\u202f257"),
                                         (116, "116", "116"), (1234567, "1,234,567", "1\u202f234\u202f567"),
                                         (6.5, "6.5", "6,5"), (12345.5, "12,345.5", "12\u202f345,5")])
def test_numbers_are_grouped_as_each_language_reads_them(value, en, fr):
    assert EN.number(value) == en
    assert FR.number(value) == fr
    assert AR.number(value) == fr  # Western digits, narrow-space groups, decimal comma (see geo.map_language)


def test_french_never_groups_thousands_with_a_comma():
    for value in (1000, 16109, 46524, 999999):
        text = FR.number(value)
        assert "," not in text and "." not in text and NNBSP in text


def test_figures_keep_their_qualifier_sign_and_marker_in_every_language():
    for q in ("", "at_least", "about", "at_most", "rounded", "derived"):
        for m in ("", "a"):
            assert EN.figure(31404, q, m) == figure_text(31404, q, m)
    assert FR.figure(31404, "at_least") == "≥ 31\u202f404"
    assert FR.figure(116, "derived", "b") == "116 (calculé) (b)"
    assert AR.figure(16109, "", "a") == "16\u202f109 (أ)"
    assert FR.figure(float("nan")) == "aucun chiffre"


def test_changes_in_percent():
    assert EN.change(Change("x", 125, 100)) == "+25%"
    assert FR.change(Change("x", 20, 100)) == "−80\u202f%"
    assert FR.change(Change("x", 100, 100)) == "±0\u202f%"
    assert AR.change(Change("x", 125, 100)).endswith("+25%")
    assert EN.change(Change("x", 5, None)) == ""


@pytest.mark.parametrize("period,fr,ar", [
    ("2024Q4", "T4 2024", "الربع الرابع 2024"),
    ("2024Q1", "T1 2024", "الربع الأول 2024"),
    ("2024", "2024", "2024"),
    ("2024-07", "juillet 2024", "يوليو 2024"),
    ("2024-01-01/2024-10-16", "1er janv. – 16 oct. 2024", "1 يناير – 16 أكتوبر 2024"),
    ("2023-12-01/2024-02-29", "1er déc. 2023 – 29 févr. 2024", "1 ديسمبر 2023 – 29 فبراير 2024"),
])
def test_periods_in_each_language(period, fr, ar):
    assert words(EN.period(period)) == parse_period(period).display()
    assert words(FR.period(period)) == fr
    assert words(AR.period(period)) == ar


def test_dates_name_their_month_in_the_map_language():
    assert words(EN.day("2024-09-29")) == "29 Sep 2024"
    assert words(FR.day("2024-01-01")) == "1er janv. 2024"
    assert words(FR.day("2024-09-29")) == "29 sept. 2024"
    assert words(AR.day("2024-12-29")) == "29 ديسمبر 2024"
    assert FR.day("not a date") == "not a date"


def test_a_date_is_one_word_and_a_span_breaks_at_its_dash():
    """The legend broke 'Rescues, 1 Aug – 31 Dec' from its '2024', the footer '16' from 'Oct 2024'."""
    assert EN.day("2024-09-29") == "29\u00a0Sep\u00a02024" and FR.period("2024-07") == "juillet\u00a02024"
    assert AR.period("2024-01-01/2024-10-16") == "1\u00a0يناير – 16\u00a0أكتوبر\u00a02024"


def words(text: str) -> str:
    """``text`` with its no-break spaces as spaces: the words a reader reads."""
    return text.replace("\u00a0", " ")


def test_english_periods_match_the_app_everywhere(table):
    for p in table.periods():
        assert words(EN.period(p)) == p.display()


def test_default_title_and_disclaimer_follow_the_language_a_written_one_does_not():
    assert FR.title(WORDS["en"]["title"]) == WORDS["fr"]["title"]
    assert AR.title(WORDS["fr"]["title_short"]) == WORDS["ar"]["title_short"]
    assert FR.title("Ma carte") == "Ma carte"
    assert FR.disclaimer(WORDS["en"]["disclaimer"]).startswith("Les frontières et les noms indiqués")
    assert AR.disclaimer(WORDS["en"]["disclaimer"]).startswith("إن الحدود والأسماء الواردة")
    assert FR.disclaimer("Mine.") == "Mine."


def test_only_the_bundled_datas_words_are_translated():
    assert FR.phrase("Arrivals") == "Arrivées" and AR.phrase("Arrivals") == "حالات الوصول"
    assert FR.phrase("UNHCR") == "HCR"
    assert FR.phrase("My own metric") == "My own metric"
    assert EN.phrase("Arrivals") == "Arrivals"


def test_arabic_has_no_italics_and_reads_right_to_left():
    assert EN.italic and FR.italic and not AR.italic
    assert AR.rtl and not FR.rtl
    with pytest.raises(ValueError):
        MapLanguage("de")


def test_the_french_map_speaks_french_from_legend_to_footer(bundled_doc_factory):
    from geo.legend import legend_entries
    from geo.map_texts import disclaimer_text, sources_text, subtitle

    doc = bundled_doc_factory()
    doc.select("2024")
    doc.label_language = "fr"
    texts = [e.text for e in legend_entries(doc)] + [subtitle(doc), sources_text(doc), disclaimer_text(doc)]
    joined = " | ".join(texts)
    for english in ("Arrivals", "width to scale", "People arriving", "Atlantic route", "Outline:",
                    "Widths on one scale", "Smallest flows", "Figures:", "Basemap", "Unmarked figures", "Not drawn",
                    "Routes are schematic", "Non-Self-Governing", "figures undated", "a total, shown"):
        assert english not in joined, english
    assert words(subtitle(doc)).startswith("Arrivées, 2024 (1er janv. 2024 – 29 déc. 2024")
    assert "Largeurs à la même échelle pour toutes les années" in joined
    assert "46\u202f843" in sources_text(doc) and "46,843" not in sources_text(doc)
    assert "(a) HCR" in sources_text(doc)


def test_western_sahara_is_marked_and_its_note_printed_when_it_is_on_the_map(bundled_doc_factory):
    from geo.map_texts import country_names, disclaimer_text

    doc = bundled_doc_factory()
    data = doc.layer("boundaries").data
    names = dict(zip(data["iso_a3"], country_names(data, "fr"), strict=True))
    assert names["SAH"] == "Sahara occidental*" and names["MAR"] == "Maroc" and names["TUR"] == "Türkiye"
    assert dict(zip(data["iso_a3"], country_names(data, "en"), strict=True))["SAH"] == "Western Sahara*"
    assert disclaimer_text(doc).endswith("Routes are schematic. * Non-Self-Governing Territory")
    doc.label_language = "ar"
    assert disclaimer_text(doc).endswith("* إقليم غير متمتع بالحكم الذاتي")
    doc.layer("boundaries").style.labels = False  # no name, no asterisk, no note
    assert "*" not in disclaimer_text(doc)
    doc.layer("boundaries").style.labels = True
    doc.extent_lonlat = (5.0, 35.0, 20.0, 45.0)  # Italy and Tunisia: Western Sahara is off the map
    assert "*" not in disclaimer_text(doc)


def test_the_boundary_of_western_sahara_with_morocco_is_the_dashed_one(bundled_doc_factory):
    from geo.un_practice import country_codes, undetermined_boundaries

    data = bundled_doc_factory().layer("boundaries").data
    codes = country_codes(data)
    solid, dashed = undetermined_boundaries(list(data.geometry), codes, 0.01)
    assert len(dashed) == 1
    line = dashed[0]
    lon0, lat0, lon1, lat1 = line.bounds
    assert abs(lat0 - 27.66) < 0.02 and abs(lat1 - 27.66) < 0.02 and lon0 < -13 and lon1 > -8.8
    assert {codes[i] for i in solid} == {"SAH", "MAR"}
    sah = int(np.flatnonzero(codes == "SAH")[0])
    # the rest of Western Sahara's outline (against Mauritania and Algeria) stays solid
    assert shapely.length(solid[sah]) > 0.8 * (data.geometry.iloc[sah].boundary.length - line.length)
    assert solid[sah].distance(shapely.Point(-11.0, 27.662)) > 0.005


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_subtitle_says_a_span_once(bundled_doc_factory, language):
    """'Expulsions, 14 Aug – 31 Dec 2024 (14 Aug 2024 – 31 Dec 2024)': the figure's dates are the
    period's own, and said twice. Where they differ (the quarter's figures run to 29 December) they
    are said."""
    from geo.map_texts import subtitle

    doc = bundled_doc_factory()
    doc.label_language = language
    lang = MapLanguage(language)
    doc.select("2024-08-14/2024-12-31", "expulsions")
    text = subtitle(doc)
    assert lang.date(parse_period(doc.period).start) not in text.replace(lang.period(doc.period), "", 1), text
    doc.select("2024Q4", "arrivals")
    assert lang.date(datetime.date(2024, 12, 29)) in subtitle(doc)
    # 'since August', its end not stated: said so, not as the period's end then taken back
    # ('Rescues, 1 Aug – 31 Dec 2024 (since 1 Aug 2024)')
    doc.select("2024-08-01/2024-12-31", "rescues")
    text = subtitle(doc)
    assert lang("span_since", start=lang.date(datetime.date(2024, 8, 1))) in text, text
    assert lang.date(datetime.date(2024, 12, 31)) not in text and "(" not in text, text
