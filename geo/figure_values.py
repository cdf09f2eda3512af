"""How figures are written in the wild: thousands separators, decimal marks, signs and the
placeholders people type for "no data". One parser, so every reader accepts the same spellings
and refuses the same mistakes with the same words."""

from __future__ import annotations

import math
import re

# Values above this are typing mistakes (a misplaced separator), not migration figures.
MAX_VALUE = 10_000_000

# What people type for "no data": rejected with a hint, since "-" means zero in some tables.
_NO_DATA_MARKERS = {"n/a", "na", "nd", "n.d.", "-", "--", "..", "...", "x", "?", "none", "null",
                    "nan", "unknown", "s/o", "nc"}
_GROUPED = re.compile(r"[0-9]{1,3}(?:(?P<g>[,. \u00a0\u202f\u2009'’])[0-9]{3})(?:(?P=g)[0-9]{3})*")
_DIGITS = re.compile(r"[0-9]+")
_EXPONENT = re.compile(r"[eE][+-]?[0-9]{1,3}$")


# Characters no label may carry: C0/C1 controls (they make SVG and XML invalid) and the bidi
# embedding, override and isolate controls (they reorder what a reader sees: "ASU" shown as "USA").
_FORBIDDEN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def forbidden_character(text: str) -> str | None:
    """'U+202E' for the first character of ``text`` no label may carry, or None."""
    m = _FORBIDDEN_TEXT.search(text)
    return f"U+{ord(m.group()):04X}" if m else None


def format_value(value: float) -> str:
    """A figure as every output writes it: thousands grouped, whole numbers without decimals."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def quote_cell(text: str) -> str:
    """A cell as shown in a message: one short line, quoted."""
    t = " ".join(text.split())
    return repr(t if len(t) <= 40 else t[:37] + "...")


def parse_value(text: str, *, decimal_comma: bool = False) -> float:
    """A figure from its text (NaN if empty), accepting thousands separators and decimal commas.

    Thousands may be grouped with ``,`` ``.`` spaces (also no-break and narrow no-break) or
    apostrophes. With ``decimal_comma`` (semicolon files) a single comma is the decimal mark
    and ``41.484`` is 41484; otherwise ``.`` is the decimal mark and ``41,484`` is 41484.
    """
    s = text.strip()
    if not s:
        return math.nan
    shown = quote_cell(text)
    sign = s[0] if s[0] in "+-−" else ""
    digits = s[len(sign):].strip()
    mantissa = _EXPONENT.sub("", digits)
    exponent = digits[len(mantissa):]
    if "." in mantissa and "," in mantissa:
        decimal = "." if mantissa.rfind(".") > mantissa.rfind(",") else ","
    elif "," in mantissa:
        decimal = "," if decimal_comma and mantissa.count(",") == 1 else None
    elif "." in mantissa:
        grouped = decimal_comma and _GROUPED.fullmatch(mantissa)
        decimal = "." if mantissa.count(".") == 1 and not grouped else None
    else:
        decimal = None
    whole, _, fraction = mantissa.partition(decimal) if decimal else (mantissa, "", "")
    if not (_DIGITS.fullmatch(whole) or _GROUPED.fullmatch(whole) or (not whole and fraction)) \
            or (decimal and not _DIGITS.fullmatch(fraction)):
        hint = ""
        if s.lower() in _NO_DATA_MARKERS:
            hint = " (leave the cell empty when there is no data)"
        elif "," in s and not decimal_comma:
            hint = " (in a comma-separated file the decimal mark is '.')"
        raise ValueError(f"value {shown} is not a number{hint}")
    number = float((re.sub(r"[^0-9]", "", whole) or "0") + "." + (fraction or "0") + exponent)
    if sign in ("-", "−") and number != 0:
        raise ValueError(f"value {shown} is negative: a count cannot be below zero")
    if number > MAX_VALUE:
        raise ValueError(f"value {shown} is over {MAX_VALUE:,}: too large for a migration "
                         "figure (a misplaced separator?)")
    return number


_PERCENT = re.compile(r"(?P<sign>[+\-−]?)\s*(?P<n>[0-9]+(?:[.,][0-9]+)?)\s*%?")
MAX_STATED_CHANGE = 10_000.0
"""A stated change over this many percent is a typing mistake (a figure typed into the change cell)."""


def parse_stated_change(text: str) -> float | None:
    """A change the source states, in percent ('+16%', '−58 %', '47'), as a fraction (0.16); None if empty.

    The quarterly update gives some changes without the earlier figure ("a 16% increase compared to
    2023"): the change map shows them as the source's, not as 'no earlier figure'."""
    s = text.strip()
    if not s:
        return None
    m = _PERCENT.fullmatch(s)
    if not m:
        raise ValueError(f"stated_change {quote_cell(text)} is not a change in percent ('+16%', '-58%')")
    pct = float(m["n"].replace(",", "."))
    if pct > MAX_STATED_CHANGE:
        raise ValueError(f"stated_change {quote_cell(text)} is over {MAX_STATED_CHANGE:,.0f}%: a figure typed "
                         "into the change cell?")
    if m["sign"] in ("-", "−"):
        if pct > 100:
            raise ValueError(f"stated_change {quote_cell(text)} is a fall of over 100%: a count cannot fall "
                             "below zero")
        return -pct / 100
    return pct / 100


def stated_change_text(change: float | None) -> str:
    """A stated change as a figures file writes it ('+16%', '-58%'; empty for none): read back the same."""
    if change is None or (isinstance(change, float) and math.isnan(change)):
        return ""
    pct = change * 100
    return f"{pct:+.{0 if float(round(pct, 6)).is_integer() else 1}f}%"
