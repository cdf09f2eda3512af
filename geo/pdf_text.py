"""Text in a Qt-written PDF that a reader can search and copy as the words the map prints.

Qt writes shaped text glyph by glyph. Two things about it keep Arabic from being found by search or
copied as Arabic (found with ``pdftotext`` on a ``--language ar`` map):

- **The order of the glyphs.** Qt writes a right-to-left run in logical order, each glyph left of
  the one before. Every other producer (Chromium, LibreOffice, cairo: HarfBuzz's output order)
  writes glyphs left to right, and readers rebuild the logical order from that visual order
  (poppler, pdf.js, PDFium); taken in Qt's order, ``pdftotext -raw`` printed one glyph per line.
  :func:`visual_order` writes each right-to-left run left to right. The glyphs stay where they
  were: only the order they are painted in changes, so the page looks the same.
- **What the glyphs stand for.** Qt's ToUnicode map gives each glyph the first code point the font
  maps to it: for shaped Arabic, a presentation form (U+FE8E ALEF FINAL FORM, not U+0627 ALEF),
  which search and copy keep as it is. :func:`logical_to_unicode` maps presentation forms to the
  letters they show (their compatibility decomposition) and a ligature of right-to-left letters
  (lam-alef) to its letters in visual order, as the glyph order around it is.

Numbers and punctuation inside Arabic are reordered by the reader's own bidirectional rules
(poppler's differ from Unicode's): those are the reader's, not the file's.

No Qt here: these work on the bytes QPdfWriter wrote (``geo.pdf_finish``).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# Code points that name a glyph's form rather than a letter: alphabetic presentation forms (Latin
# ligatures, Hebrew), Arabic Presentation Forms-A and -B.
PRESENTATION_FORMS = ((0xFB00, 0xFDFF), (0xFE70, 0xFEFF))

# One glyph as QPdfWriter writes it: a move relative to the previous glyph, then the glyph.
_GLYPH = rb"[-+]?[\d.]+ [-+]?[\d.]+ Td <[0-9A-Fa-f]+> Tj\n"
# A text object's glyphs follow its text matrix (QPdfEngine::drawTextItem); a synthetic bold's
# second pass (inside an empty ActualText) follows its own matrix and is reordered the same way.
_RUN = re.compile(rb"(?<=Tm\n)(?:" + _GLYPH + rb")+")
_GLYPH_PARTS = re.compile(rb"([-+]?[\d.]+) ([-+]?[\d.]+) Td (<[0-9A-Fa-f]+>) Tj\n")


def _left_to_right(match: re.Match) -> bytes:
    """A run of glyphs painted left to right; runs that already are come back unchanged."""
    run = match.group(0)
    glyphs = _GLYPH_PARTS.findall(run)
    x = y = Decimal(0)
    placed = []
    for dx, dy, glyph in glyphs:  # Decimal: the positions are summed exactly, so no glyph moves
        x, y = x + Decimal(dx.decode()), y + Decimal(dy.decode())
        placed.append((x, y, glyph))
    if len(placed) < 2 or placed[-1][0] >= placed[0][0]:
        return run
    out, last_x, last_y = [], Decimal(0), Decimal(0)
    for x, y, glyph in reversed(placed):
        out.append(b"%s %s Td %s Tj\n" % (_number(x - last_x), _number(y - last_y), glyph))
        last_x, last_y = x, y
    return b"".join(out)


def _number(value: Decimal) -> bytes:
    text = format(value.normalize(), "f")
    return b"0" if text in ("-0", "0") else text.encode()


def visual_order(content: bytes) -> bytes:
    """The page's content stream with every right-to-left glyph run written left to right."""
    return _RUN.sub(_left_to_right, content)


def _is_presentation_form(ch: str) -> bool:
    return any(lo <= ord(ch) <= hi for lo, hi in PRESENTATION_FORMS)


def letters_of(glyph_text: str) -> str:
    """What a glyph mapped to ``glyph_text`` shows, as a reader should extract it: presentation forms
    as their letters; right-to-left ligatures in visual order (the glyph stands where its letters'
    run is laid out left to right); the spacing forms of marks (U+FE70 and neighbours) without the
    space their decomposition starts with."""
    if not any(_is_presentation_form(ch) for ch in glyph_text):
        return glyph_text
    letters = unicodedata.normalize("NFKC", glyph_text).replace(" ", "") or glyph_text
    if len(letters) > 1 and all(unicodedata.bidirectional(ch) in ("R", "AL") for ch in letters):
        letters = letters[::-1]
    return letters


_HEX = re.compile(r"<([0-9A-Fa-f]+)>")
_SECTION = re.compile(r"\d+\s+begin(bfchar|bfrange)\s*(.*?)\s*endbf(?:char|range)", re.S)


def _utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be", errors="replace")


def _hex(text: str) -> str:
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def read_to_unicode(cmap: str) -> dict[int, str]:
    """A ToUnicode CMap's mappings, code → text (bfchar entries and both forms of bfrange)."""
    mapping: dict[int, str] = {}
    for kind, body in _SECTION.findall(cmap):
        if kind == "bfchar":
            codes = _HEX.findall(body)
            for src, dst in zip(codes[::2], codes[1::2], strict=True):
                mapping[int(src, 16)] = _utf16(dst)
            continue
        for line in re.finditer(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", body):
            lo, hi, dst = int(line.group(1), 16), int(line.group(2), 16), line.group(3)
            if dst.startswith("["):
                for code, item in zip(range(lo, hi + 1), _HEX.findall(dst), strict=False):
                    mapping[code] = _utf16(item)
            else:  # consecutive codes map to consecutive text: the last byte counts up (9.10.3)
                first = bytes.fromhex(dst[1:-1])
                for offset, code in enumerate(range(lo, hi + 1)):
                    text = first[:-1] + bytes([(first[-1] + offset) & 0xFF])
                    mapping[code] = text.decode("utf-16-be", errors="replace")
    return mapping


# A bfchar section may hold at most 100 entries (PDF 32000-1, 9.10.3).
_BFCHAR_MAX = 100


def write_to_unicode(mapping: dict[int, str], code_bytes: int = 2) -> str:
    """A ToUnicode CMap for ``mapping`` (code → text), as bfchar sections."""
    items = sorted(mapping.items())
    sections = []
    for start in range(0, len(items), _BFCHAR_MAX):
        chunk = items[start:start + _BFCHAR_MAX]
        lines = "\n".join(f"<{code:0{2 * code_bytes}X}> {_hex(text)}" for code, text in chunk)
        sections.append(f"{len(chunk)} beginbfchar\n{lines}\nendbfchar")
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            f"1 begincodespacerange\n<{'0' * 2 * code_bytes}> <{'F' * 2 * code_bytes}>\nendcodespacerange\n"
            + "\n".join(sections)
            + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")


def logical_to_unicode(cmap: str) -> str | None:
    """``cmap`` with every glyph mapped to the letters it shows (:func:`letters_of`); None when
    nothing in it needs to change (the map is then left as Qt wrote it)."""
    mapping = read_to_unicode(cmap)
    letters = {code: letters_of(text) for code, text in mapping.items()}
    if letters == mapping:
        return None
    return write_to_unicode(letters)
