"""The bytes the PDF finishing pass writes (no Qt): glyph order, what glyphs stand for, path digits."""

from __future__ import annotations

import re
from decimal import Decimal

from geo.pdf_finish import trim_path_decimals
from geo.pdf_text import letters_of, logical_to_unicode, read_to_unicode, visual_order, write_to_unicode

# Three glyphs as QPdfWriter writes a right-to-left run: each left of the one before.
RTL_RUN = (b"BT\n/F12 27 Tf 1 0 0 -1 0 0 Tm\n881.953125 -1074.23437 Td <0001> Tj\n"
           b"-7.25000000 0 Td <0002> Tj\n-10.0625000 0.5 Td <0003> Tj\nET\n")
LTR_RUN = b"BT\n/F13 27 Tf 1 0 0 -1 0 0 Tm\n100 -50 Td <0004> Tj\n8.5 0 Td <0005> Tj\nET\n"


def placed(content: bytes) -> list[tuple[Decimal, Decimal, bytes]]:
    """Each glyph's absolute position in text space, in the order the content paints it."""
    x = y = Decimal(0)
    out = []
    for dx, dy, glyph in re.findall(rb"(\S+) (\S+) Td (<\w+>) Tj", content):
        x, y = x + Decimal(dx.decode()), y + Decimal(dy.decode())
        out.append((x, y, glyph))
    return out


def test_a_right_to_left_run_is_painted_left_to_right_and_no_glyph_moves():
    written = visual_order(RTL_RUN + LTR_RUN)
    rtl = placed(written.split(b"ET\n")[0])
    assert [g for _, _, g in rtl] == [b"<0003>", b"<0002>", b"<0001>"]
    assert sorted(rtl) == sorted(placed(RTL_RUN))  # the same glyphs at exactly the same places
    assert [x for x, _, _ in rtl] == sorted(x for x, _, _ in rtl)
    assert written.endswith(LTR_RUN)  # left-to-right runs are left as Qt wrote them
    assert b"/F12 27 Tf 1 0 0 -1 0 0 Tm\n" in written


def test_glyphs_stand_for_the_letters_they_show():
    assert letters_of("\ufe8e") == "\u0627"  # ALEF FINAL FORM: alef
    assert letters_of("\ufed3") == "\u0641"  # FEH INITIAL FORM: feh
    assert letters_of("\ufefb") == "\u0627\u0644"  # LAM WITH ALEF: its letters in visual order (alef left)
    assert letters_of("\ufc60") == "\u064e\u0651"  # SHADDA WITH FATHA: the marks, without a space
    assert letters_of("\ufb01") == "fi"  # Latin ligature: left to right
    assert letters_of("\u0627") == "\u0627" and letters_of("A") == "A"  # letters stay as they are


def test_to_unicode_maps_are_read_in_every_form_and_rewritten():
    cmap = ("2 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<FE8E> <0631> <FEFB>]\nendbfrange\n"
            "1 beginbfrange\n<0010> <0011> <0041>\nendbfrange\n1 beginbfchar\n<0020> <FB01>\nendbfchar\n")
    assert read_to_unicode(cmap) == {0: "\0", 1: "\ufe8e", 2: "\u0631", 3: "\ufefb", 16: "A", 17: "B", 32: "\ufb01"}
    fixed = read_to_unicode(logical_to_unicode(cmap))
    assert fixed == {0: "\0", 1: "\u0627", 2: "\u0631", 3: "\u0627\u0644", 16: "A", 17: "B", 32: "fi"}
    assert logical_to_unicode(write_to_unicode({1: "A", 2: "\u0627"})) is None  # nothing to mend: left alone


def test_a_cmap_of_many_glyphs_keeps_sections_of_at_most_100():
    written = write_to_unicode({code: chr(0x600 + code) for code in range(250)})
    assert [int(n) for n in re.findall(r"(\d+) beginbfchar", written)] == [100, 100, 50]
    assert read_to_unicode(written) == {code: chr(0x600 + code) for code in range(250)}


def test_path_coordinates_are_cut_and_everything_else_keeps_its_digits():
    content = (b"0.240000000 0 0 -0.240000000 0 595 cm\n"
               b"0.858823537 0.913725495 0.949019610 scn\n"
               b"2.36220472 w\n"
               b"70.8661417 70.8661417 m\n"
               b"-2290.99635 3464.26848 l\n"
               b"805.350917 1069.40951 805.673871 1068.54002 806 1066 c\n"
               b"70.8661417 70.8661417 3366.14173 2220.47244 re\n"
               b"881.953125 -1074.23437 Td <0001> Tj\n"
               b"1.23456 7.891011 l")  # the last line has no newline
    assert trim_path_decimals(content) == (
        b"0.240000000 0 0 -0.240000000 0 595 cm\n"
        b"0.858823537 0.913725495 0.949019610 scn\n"
        b"2.36220472 w\n"
        b"70.86 70.86 m\n"
        b"-2290.99 3464.26 l\n"
        b"805.35 1069.40 805.67 1068.54 806 1066 c\n"
        b"70.86 70.86 3366.14 2220.47 re\n"
        b"881.953125 -1074.23437 Td <0001> Tj\n"
        b"1.23 7.89 l")
