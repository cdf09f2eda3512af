"""How exact a figure is, in the source's own words, and how every output writes it.

The update rarely gives a plain count: "at least 31,404", "nearly 6,000", "over 700", "17,000"
(rounded), Melilla's 116 (derived by subtraction). A map that prints these as plain numbers
claims a precision the source does not. The figures file carries one qualifier per figure; this
module reads its spellings and writes it the same way on the map, in tables, tooltips and exports.
"""

from __future__ import annotations

import math
import re

from geo.figure_values import format_value

EXACT = ""
AT_LEAST = "at_least"
ABOUT = "about"
AT_MOST = "at_most"
ROUNDED = "rounded"
DERIVED = "derived"
QUALIFIERS = (EXACT, AT_LEAST, ABOUT, AT_MOST, ROUNDED, DERIVED)

# Spellings seen in reports and spreadsheets, lowercased with runs of non-letters as one space.
_SPELLINGS = {
    "": EXACT, "exact": EXACT, "=": EXACT,
    "at least": AT_LEAST, "atleast": AT_LEAST, "over": AT_LEAST, "more than": AT_LEAST, "min": AT_LEAST,
    "minimum": AT_LEAST, "lower bound": AT_LEAST, ">=": AT_LEAST, "≥": AT_LEAST, ">": AT_LEAST,
    "about": ABOUT, "approx": ABOUT, "approximately": ABOUT, "approximate": ABOUT, "around": ABOUT,
    "nearly": ABOUT, "almost": ABOUT, "circa": ABOUT, "ca": ABOUT, "~": ABOUT, "≈": ABOUT, "estimate": ABOUT,
    "estimated": ABOUT,
    "at most": AT_MOST, "atmost": AT_MOST, "up to": AT_MOST, "max": AT_MOST, "maximum": AT_MOST,
    "upper bound": AT_MOST, "<=": AT_MOST, "≤": AT_MOST, "<": AT_MOST,
    "rounded": ROUNDED, "round": ROUNDED,
    "derived": DERIVED, "calculated": DERIVED, "computed": DERIVED,
}

# What a qualifier means, for legends, footers and the documentation.
MEANINGS = {
    AT_LEAST: "at least (a lower bound)",
    ABOUT: "about (approximate)",
    AT_MOST: "at most (an upper bound)",
    ROUNDED: "rounded by the source",
    DERIVED: "derived from other figures",
}

# The sign written before a figure on the map; derived figures say so in words after it.
PREFIX = {AT_LEAST: "≥ ", ABOUT: "~", AT_MOST: "≤ ", ROUNDED: "~"}


def parse_qualifier(text: str) -> str:
    """The qualifier's canonical name from any accepted spelling; ValueError names the choices."""
    key = text.strip().lower()
    if key not in _SPELLINGS:
        key = re.sub(r"[\s_\-]+", " ", key).strip(" .")
    if key in _SPELLINGS:
        return _SPELLINGS[key]
    raise ValueError(f"qualifier {text.strip()!r} is not one of: at_least, about, at_most, rounded, "
                     "derived, or empty for an exact figure")


def figure_text(value: float | None, qualifier: str = EXACT, marker: str = "") -> str:
    """A figure as every output writes it: '≥ 31,404', '~6,000', '116 (derived)', '16,109 (a)'.

    ``marker`` is the footnote letter of a figure whose source differs from the map's main one.
    None or NaN is 'no figure', never zero.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "no figure"
    text = PREFIX.get(qualifier or EXACT, "") + format_value(value)
    if qualifier == DERIVED:
        text += " (derived)"
    if marker:
        text += f" ({marker})"
    return text
