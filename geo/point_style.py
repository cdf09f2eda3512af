"""How a point layer reads: which of its columns colours, sizes and names its points (issue 14, item 3).

A point layer (offices, the organisations that collect migration data, places a report names) is
drawn as one dot per feature until its style names columns:

- ``category``: each distinct value gets a colour of the named qualitative ``palette``
  (geo.colours.QUALITATIVE_PALETTES), in the order the values first appear in the file (row order is
  the cartographer's to choose); values beyond the palette's length share one grey 'other' bucket,
  which the legend names with how many values it holds;
- ``size``: a number per point; the circle's area is to scale (a size legend says how);
- ``label``: the text set beside each point, placed with the map's other names (geo.labels).

The style is plain data kept in the layer's :class:`geo.styles.LayerStyle` (``points``), so it is
saved with the project and taken back by undo like any other style. What it means for the features
(colours, diameters, texts) is worked out once, in geo.point_symbols.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from geo.colours import DEFAULT_PALETTE, QUALITATIVE_PALETTES

CATEGORY_NAMES = ("category", "type", "categorie", "catégorie", "class", "group")
"""Columns taken as the category when a point layer is opened (first found)."""
SIZE_NAMES = ("value", "size", "count", "people", "figure", "total")
"""Columns taken as the size when a point layer is opened (first found whose cells are all numbers)."""
LABEL_NAMES = ("name", "label", "title", "nom")
"""Columns taken as the label when a point layer is opened (first found with any text)."""


@dataclass(frozen=True)
class PointStyle:
    """The columns a point layer is styled by (None: not styled that way) and the category palette."""

    category: str | None = None
    size: str | None = None
    label: str | None = None
    palette: str = DEFAULT_PALETTE

    def __post_init__(self) -> None:
        for name in ("category", "size", "label"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise ValueError(f"points.{name} {value!r} is not a column name (text) or null")
            object.__setattr__(self, name, value.strip() or None if isinstance(value, str) else None)
        if self.palette not in QUALITATIVE_PALETTES:
            raise ValueError(f"points.palette {self.palette!r} is not one of {', '.join(QUALITATIVE_PALETTES)}")

    @property
    def styled(self) -> bool:
        return any((self.category, self.size, self.label))

    def columns(self) -> dict[str, str]:
        """The columns the style reads, by role."""
        return {role: getattr(self, role) for role in ("category", "size", "label") if getattr(self, role)}

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_value(cls, value: object) -> PointStyle:
        """A style from a project's JSON object (or a style already made)."""
        if isinstance(value, PointStyle):
            return value
        if not isinstance(value, dict):
            raise ValueError("points must be an object with category, size, label and palette")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(value) - known)
        if unknown:
            raise ValueError(f"points.{unknown[0]} is not a setting of points ({', '.join(sorted(known))})")
        return cls(**value)


def parse_point_spec(text: str, option: str = "--points") -> tuple[str, PointStyle | None, str | None]:
    """``FILE`` or ``FILE:category=COL,size=COL,label=COL`` (any of them, ``palette=NAME`` and
    ``title=TEXT`` too) from the command line: the file, the style it names (None: the defaults found
    in the file's columns) and the layer's title (None: the file's name)."""
    path, sep, spec = text.rpartition(":")
    if not sep or "=" not in spec:
        return text, None, None
    values: dict[str, str] = {}
    for part in spec.split(","):
        key, eq, value = part.partition("=")
        key = key.strip()
        if not eq or key not in ("category", "size", "label", "palette", "title") or not value.strip():
            raise ValueError(f"{option} {text!r}: {part.strip()!r} is not one of category=COLUMN, size=COLUMN, "
                             "label=COLUMN, palette=NAME, title=TEXT")
        values[key] = value.strip()
    title = values.pop("title", None)
    return path, PointStyle(**values) if values else None, title


def default_point_style(data) -> PointStyle:
    """The style a point layer opens with: the columns named as a cartographer would name them
    (CATEGORY_NAMES, SIZE_NAMES, LABEL_NAMES; any case), else none."""
    from geo.point_symbols import numeric_cells

    columns = [c for c in data.columns if c != data.geometry.name]

    def first(names, ok) -> str | None:
        return next((c for n in names for c in columns if str(c).strip().lower() == n and ok(c)), None)

    def has_text(col) -> bool:
        return data[col].astype(str).str.strip().replace("nan", "").ne("").any()

    return PointStyle(category=first(CATEGORY_NAMES, has_text), size=first(SIZE_NAMES, lambda c: numeric_cells(data[c])),
                      label=first(LABEL_NAMES, has_text))
