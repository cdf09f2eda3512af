"""The bundled fonts an SVG uses, embedded and subset to the letters it shows.

A map's SVG names Noto Sans and Noto Sans Arabic; on a machine without them (most Windows, Mac
and Linux machines) a browser drew another face, wider, and the text no longer fitted where the
renderer placed it. So the SVG carries its faces: one ``@font-face`` per face the texts reach, a
TrueType subset (fontTools) as a base64 ``data:`` URL, named as the bundled family so an editor
with Noto installed shows the same name. The subset keeps every OpenType layout feature of the
letters kept (Arabic joining forms, ligatures, marks), so the client shapes Arabic itself.

Which face a letter is taken from follows CSS font matching, as the client will do it: the
families in order, in each the face nearest the text's style and weight, the first whose cmap has
the letter. Fonts are read from ``resources/fonts`` (their family, weight and style from their own
name and OS/2 tables), so nothing here repeats a font name.
"""

from __future__ import annotations

import base64
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from geo.paths import resource_path
from geo.svg_text import BOLD, REGULAR, MapText

LICENCE_NOTE = ("Fonts: {families}, SIL Open Font License 1.1 (resources/fonts/OFL.txt), "
                "subset to the letters this map uses.")


@dataclass(frozen=True)
class FontFace:
    """One bundled font file and how CSS names it."""

    family: str
    weight: int
    italic: bool
    path: Path


@cache
def bundled_faces(folder: Path | None = None) -> tuple[FontFace, ...]:
    """Every font in ``resources/fonts``, with its family (typographic name if it has one), weight and style."""
    from fontTools.ttLib import TTFont

    faces = []
    for path in sorted((folder or resource_path("fonts")).glob("*.ttf")):
        with TTFont(path, lazy=True) as font:
            names = font["name"]
            family = names.getDebugName(16) or names.getDebugName(1)
            weight = font["OS/2"].usWeightClass
            italic = bool(font["head"].macStyle & 2)
        faces.append(FontFace(family, weight, italic, path))
    return tuple(faces)


@cache
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def matching_face(faces: Iterable[FontFace], family: str, weight: int, italic: bool) -> FontFace | None:
    """The face of ``family`` a CSS client picks for this style: the style first (an italic face for
    italic text if there is one), then the nearest weight."""
    candidates = [f for f in faces if f.family == family]
    if not candidates:
        return None
    same_style = [f for f in candidates if f.italic == italic] or candidates
    return min(same_style, key=lambda f: abs(f.weight - weight))


def letters_by_face(texts: Iterable[MapText], faces: tuple[FontFace, ...]) -> dict[FontFace, set[int]]:
    """The code points each face must hold so every letter of ``texts`` is drawn from it."""
    out: dict[FontFace, set[int]] = defaultdict(set)
    for item in texts:
        weight = BOLD if item.weight >= BOLD else REGULAR
        chosen = [matching_face(faces, family, weight, not item.upright) for family in item.families]
        chosen = [f for f in chosen if f is not None]
        for ch in set(item.string.replace("\n", "")):
            code = ord(ch)
            face = next((f for f in chosen if code in _cmap(f.path)), None)
            if face is not None:
                out[face].add(code)
    return out


def subset_font(path: Path, codes: Iterable[int]) -> bytes:
    """A TrueType of ``path`` holding only the glyphs of ``codes`` and what their layout features reach."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    # fontTools' default layout features: the shaping ones (Arabic joining forms, required ligatures,
    # marks, kerning), without "aalt" and the like, whose closure tripled the Arabic subset
    options.hinting = False  # outlines only: clients scale them for screen and print alike
    options.name_IDs = ["*"]
    options.notdef_outline = True
    with TTFont(path) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(codes))
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def font_face_css(texts: Iterable[MapText], faces: tuple[FontFace, ...] | None = None) -> str:
    """``@font-face`` rules embedding a subset of every face ``texts`` reach (empty without texts)."""
    faces = faces if faces is not None else bundled_faces()
    used = letters_by_face(texts, faces)
    if not used:
        return ""
    families = sorted({face.family for face in used})
    rules = [f"/* {LICENCE_NOTE.format(families=', '.join(families))} */"]
    for face in sorted(used, key=lambda f: (f.family, f.weight, f.italic)):
        data = base64.b64encode(subset_font(face.path, used[face])).decode("ascii")
        rules.append(f"@font-face {{ font-family: '{face.family}'; font-weight: {face.weight}; "
                     f"font-style: {'italic' if face.italic else 'normal'}; "
                     f"src: url(data:font/ttf;base64,{data}) format('truetype'); }}")
    return "\n".join(rules)
