"""What a published map file says about itself: title, sources, licences, software.

A PNG travels without its page around it (a newsroom's picture desk, a report's image folder), so
its text chunks carry what the page prints: the title and the sources as the footer states them
(in the map's language), and the licences of the data it was drawn from (``data/README.md``,
``data/flows/README.md``), in English like the licences themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from geo import paths
from geo.map_language import map_language
from geo.map_texts import map_title, sources_text

SOFTWARE = "Crossings"

# The licences of the bundled data, as data/README.md and data/flows/README.md state them.
BASEMAP_LICENCE = "Basemap: Natural Earth, public domain."
PROJECT_DATA_LICENCE = "Routes, places and node positions: the Crossings project, CC0 1.0."
BUNDLED_FIGURES_LICENCE = ("Figures: facts quoted with attribution from the reports named in the sources; cite "
                           "them and the primary source of each figure wherever the figures are shown or "
                           "redistributed.")
OWN_DATA_TERMS = "{what}: from {file}, under the terms of its provider."


@dataclass(frozen=True)
class MapMetadata:
    """The texts of a map file, by PNG keyword (PNG specification 11.3.4.2), and their language."""

    title: str
    source: str
    copyright: str
    software: str = SOFTWARE
    language: str = "en"

    def png_texts(self) -> dict[str, str]:
        return {"Title": self.title, "Source": self.source, "Copyright": self.copyright, "Software": self.software}


def _bundled(path: Path | None) -> bool:
    """Whether ``path`` is one of the files shipped in ``data/``."""
    if path is None:
        return False
    try:
        Path(path).resolve().relative_to(paths.data_path().resolve())
    except ValueError:
        return False
    return True


def licence_text(doc) -> str:
    """The licences of what ``doc`` draws: the bundled files' own, and for a user's file its name."""
    parts: list[str] = []
    own: list[str] = []
    basemap = doc.layer("boundaries")
    project_layers = [lyr for lyr in doc.layers if lyr.kind in ("routes", "places")]
    if basemap is not None:
        if _bundled(basemap.path):
            parts.append(BASEMAP_LICENCE)
        else:
            own.append(OWN_DATA_TERMS.format(what="Boundaries", file=_name(basemap.path)))
    if any(_bundled(lyr.path) for lyr in project_layers):
        parts.append(PROJECT_DATA_LICENCE)
    own += [OWN_DATA_TERMS.format(what=lyr.title, file=_name(lyr.path)) for lyr in project_layers
            if not _bundled(lyr.path)]
    figures = getattr(doc.flows, "path", None) if doc.flows is not None else None
    if doc.flows is not None:
        parts.append(BUNDLED_FIGURES_LICENCE if _bundled(figures) else
                     OWN_DATA_TERMS.format(what="Figures", file=_name(figures)))
    return " ".join([*parts, *own])


def _name(path: Path | None) -> str:
    return Path(path).name if path is not None else "data edited in Crossings"


def map_metadata(doc, periods: list[str] | None = None) -> MapMetadata:
    """The texts of ``doc``'s map (``periods``: small multiples, whose footer cites them all)."""
    return MapMetadata(title=map_title(doc), source=sources_text(doc, periods), copyright=licence_text(doc),
                       language=map_language(doc).code)
