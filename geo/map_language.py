"""The map's language: its words, numbers, periods and dates, for every output.

The painter (PNG, SVG, PDF), the web map and the GeoJSON/GeoPackage attributes all write through
:class:`MapLanguage`, with the wording of :mod:`geo.map_words` and :mod:`geo.data_words`, so a
French map is French in every file and no output decides a word on its own. The map's language is
the document's ``label_language`` (``crossings render --language fr``).

Numbers:
- English: ``16,109`` and ``6.5``, as the map always wrote them.
- French: ``16 109`` with U+202F NARROW NO-BREAK SPACE and a decimal comma (``6,5``). A comma
  between thousands reads as a decimal mark to a French reader: "16,109" would be sixteen.
- Arabic: Western digits grouped like French, ``16 109`` and ``6,5``. The map is read in the
  Maghreb, where Arabic text is written with Western digits (Unicode CLDR's ``ar-MA``, ``ar-DZ``,
  ``ar-TN`` and ``ar-LY`` all number in ``latn``) and the decimal mark is a comma; UN Arabic
  documents write Western digits too. Eastern Arabic digits (١٦٬١٠٩) would look foreign there. Of
  the group separators those locales use, the dot (``16.109``) means a decimal point to anyone
  used to English conventions and the comma one to anyone used to French ones; a narrow space, the
  grouping ISO 80000-1 recommends, cannot be misread either way and is bidi-neutral, so the figure
  stays in one piece in right-to-left text.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from dataclasses import dataclass

from geo.compare import comparison_period
from geo.data_words import LANGUAGE_COLUMN, PHRASES
from geo.map_words import FIRST_OF_MONTH, LRI, MARKERS, MONTHS, MONTHS_SHORT, NBSP, NNBSP, PDI, QUARTERS, WORDS
from geo.periods import Period, parse_period
from geo.qualifiers import ABOUT, DERIVED, EXACT, PREFIX

LANGUAGES = tuple(WORDS)
RIGHT_TO_LEFT = frozenset({"ar"})
NO_ITALICS = frozenset({"ar"})
"""Scripts without italics: a slanted Arabic face is a synthetic oblique that distorts the letters."""
FRENCH_LOWER_AFTER_COLON = ("De ", "Du ", "Des ", "D’", "D'", "Vers ", "Depuis ", "Par ", "À ", "Au ", "Aux ")
"""French words that open a phrase (a route's branch, 'De la Tunisie à l’Italie') and are lowered
after a colon: they are never a name."""
GROUPING = {"en": (",", "."), "fr": (NNBSP, ","), "ar": (NNBSP, ",")}
"""Thousands separator and decimal mark of each language (see the module's docstring)."""
MINUS = "−"


@dataclass(frozen=True)
class MapLanguage:
    """How the map writes in one language: ``lang("key", field=...)`` fills a template."""

    code: str = "en"

    def __post_init__(self) -> None:
        if self.code not in WORDS:
            raise ValueError(f"map language {self.code!r} is not one of {', '.join(LANGUAGES)}")

    # -- words ------------------------------------------------------------------------------------
    def __call__(self, key: str, **fields) -> str:
        return WORDS[self.code][key].format(**fields)

    @property
    def rtl(self) -> bool:
        return self.code in RIGHT_TO_LEFT

    @property
    def italic(self) -> bool:
        """Whether the map may set text in italics (island names, notes); never in Arabic."""
        return self.code not in NO_ITALICS

    def phrase(self, english: str) -> str:
        """A word of the bundled data (a metric, route, total or source name) in this language;
        anything else is the data's own word and stays as written."""
        if self.code == "en" or english not in PHRASES:
            return english
        return PHRASES[english][LANGUAGE_COLUMN[self.code]]

    def after_colon(self, text: str) -> str:
        """``text`` as it continues a phrase after a colon. French writes on in lower case unless the
        word is a name: the key of numbered figures read 'Route de la Méditerranée centrale : De la
        Tunisie à l’Italie' (the branch's name as it stands alone, capitalised). Only the words that
        open the bundled branch names are lowered, so a place's name never is."""
        if self.code == "fr" and text.startswith(FRENCH_LOWER_AFTER_COLON):
            return text[0].lower() + text[1:]
        return text

    @staticmethod
    def mid_sentence(text: str) -> str:
        """A common noun phrase that opens with a capital on its own (a legend's 'Dead and missing') as it
        reads inside a sentence, after a comma: first letter lowered, unless the word is an acronym (IOM)."""
        return text[0].lower() + text[1:] if len(text) > 1 and text[0].isupper() and text[1].islower() else text

    def title(self, title: str) -> str:
        """The default titles in this language; a title someone wrote stays as written."""
        for key in ("title", "title_short"):
            if title in (words[key] for words in WORDS.values()):
                return self(key)
        return title

    def disclaimer(self, text: str) -> str:
        """The default disclaimer in this language; one someone wrote stays as written."""
        return self("disclaimer") if text in (words["disclaimer"] for words in WORDS.values()) else text

    # -- numbers ----------------------------------------------------------------------------------
    def number(self, value: float) -> str:
        """A figure: thousands grouped, whole numbers without decimals ('16,109', '16 109')."""
        value = float(value)
        text = f"{value:,.0f}" if value.is_integer() else f"{value:,.1f}"
        group, decimal = GROUPING[self.code]
        return text.replace(",", "\0").replace(".", decimal).replace("\0", group)

    def decimal(self, value: float) -> str:
        """A measure such as a width in mm, without trailing zeros ('0.6', '0,6')."""
        return f"{value:g}".replace(".", GROUPING[self.code][1])

    def figure(self, value: float | None, qualifier: str = EXACT, marker: str = "") -> str:
        """A figure with its qualifier sign and source marker: '≥ 31,404', '116 (derived)', '16 109 (a)'.
        None or NaN is 'no figure', never zero."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return self("no_figure")
        text = PREFIX.get(qualifier or EXACT, "") + self.number(value)
        if self.rtl and qualifier in PREFIX:  # '≥ 11 606' read left to right, as its digits are
            text = LRI + text + PDI
        if qualifier == DERIVED:
            text = self("derived", figure=text)
        if marker:
            text = self("marked", figure=text, marker=self.marker(marker))
        return text

    def marker(self, letter: str) -> str:
        """A footnote letter as this language counts them ('b', or 'ب' in Arabic)."""
        return MARKERS.get(self.code, {}).get(letter, letter)

    def change(self, change) -> str:
        """A change in percent ('+25%', '−80 %', '±0%'; '+16% (stated)' as the source gives it without the
        earlier figure; '~+163%' from an approximate figure); empty when there is nothing to compare."""
        ratio = change.ratio
        if ratio is None:
            return ""
        pct = round(ratio * 100)
        sign = "±" if pct == 0 else ("+" if pct > 0 else MINUS)
        text = self("percent", sign=sign, n=self.number(abs(pct)))
        if getattr(change, "is_stated", False):
            return self("stated_change", change=text)
        if getattr(change, "approximate", False):  # '~+163%': from 'nearly 6,000', as approximate as it
            text = PREFIX[ABOUT] + text
            return LRI + text + PDI if self.rtl else text
        return text

    # -- periods and dates ------------------------------------------------------------------------
    def period(self, period: str | Period) -> str:
        """A period for people: 'Q4 2024' ('T4 2024', 'الربع الرابع 2024'), 'July 2024', '1 Jan – 16 Oct 2024'."""
        p = parse_period(period)
        if p.kind == "year":
            return f"{p.start.year}"
        if p.kind == "quarter":
            return QUARTERS[self.code][(p.start.month - 1) // 3].format(year=p.start.year)
        if p.kind == "month":
            return f"{MONTHS[self.code][p.start.month - 1]}{NBSP}{p.start.year}"
        s, e = p.start, p.end
        if s == e:
            return self.date(e)
        return self("span", start=self.date(s, year=s.year != e.year), end=self.date(e))

    def date(self, d: dt.date, *, year: bool = True) -> str:
        """'29 Sep 2024', '1er janv. 2024', '29 سبتمبر 2024': one word, joined by no-break spaces (the
        legend broke 'Rescues, 1 Aug – 31 Dec' from its '2024'); a span breaks at its dash."""
        first = FIRST_OF_MONTH[self.code] if d.day == 1 else str(d.day)
        return f"{first}{NBSP}{MONTHS_SHORT[self.code][d.month - 1]}" + (f"{NBSP}{d.year}" if year else "")

    def day(self, iso: str) -> str:
        """An ISO date as written on the map (left as given if it is not a date)."""
        try:
            return self.date(dt.date.fromisoformat(iso))
        except ValueError:
            return iso

    def every(self, kind: str) -> str:
        """'every quarter' (the periods a held width scale covers)."""
        return self(f"every_{kind}")

    # -- figures the join decides -----------------------------------------------------------------
    def total_lines(self, total, width: int = 30) -> tuple[list[str], list[str]]:
        """A parent's total label: 'Italy 16,166', and what its branches do not show, each wrapped. A
        long name is wrapped too (the figure stays whole): on one line, 'Espagne (Méditerranée
        occidentale) 16 903' made a box 69 mm wide that found no sea near the Strait on the A3 overview,
        and stood over Morocco."""
        head = self("total", name=self.phrase(total.name),
                    figure=self.figure(total.value, total.qualifier, total.marker))
        note = self.total_note(total)
        return textwrap.wrap(head, width, break_on_hyphens=False), textwrap.wrap(note, width) if note else []

    def total_note(self, total) -> str:
        """What a total's drawn branches do not show (geo.join.TotalLabel.note, in this language)."""
        if total.exceeded:
            return self("total_exceeded", n=self.number(total.parts_sum))
        if total.remainder > 0:
            if total.unbroken:
                names = self("names_sep").join(self.phrase(n) for n in total.unbroken)
                return self("total_rest_named", n=self.figure(total.remainder, DERIVED), names=names)
            # computed, total less its drawn branches, never a figure of the update: marked so
            return self("total_rest", n=self.figure(total.remainder, DERIVED))
        return ""


def map_language(doc) -> MapLanguage:
    """The language ``doc``'s map is written in."""
    return MapLanguage(getattr(doc, "label_language", "en") or "en")


def comparison_text(doc, lang: MapLanguage) -> str | None:
    """The period the changes are against, as the map writes it ('2023', 'T3 2024'), if any."""
    if doc.flow_style.compare is None or doc.period is None:
        return None
    other = comparison_period(doc.period, doc.flow_style.compare)
    return lang.period(other) if other is not None else None
