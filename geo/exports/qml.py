"""A layer's look (geo.exports.layer_look) as a QGIS style (QML): what QGIS reads from a
GeoPackage's ``layer_styles`` table as the layer's default.

It is written the way QGIS 3.22 writes it (each symbol layer's properties both as ``<Option>`` and
as the older ``<prop>``), so QGIS 3.16 to 3.34 read it; widths and sizes are in millimetres, text
in points, as on paper.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from geo.exports.layer_look import Eq, Labels, Look, Paint, expression, number

QML_VERSION = "3.22.0"


def _rgba(hex_colour: str | None, alpha: float = 1.0) -> str:
    if hex_colour is None:
        return "0,0,0,0"
    h = hex_colour.lstrip("#")
    return ",".join([*(str(int(h[i:i + 2], 16)) for i in (0, 2, 4)), str(round(alpha * 255))])


def _options(parent: ET.Element, values: dict[str, str]) -> None:
    """Properties as QGIS 3.22 writes them: an ``<Option>`` map and the older ``<prop>`` list."""
    option_map = ET.SubElement(parent, "Option", type="Map")
    for k, v in values.items():
        ET.SubElement(option_map, "Option", name=k, value=v, type="QString")
    for k, v in values.items():
        ET.SubElement(parent, "prop", k=k, v=v)


def _data_defined(parent: ET.Element, tag: str, props: dict[str, tuple[str, str]]) -> None:
    """Data-defined properties: name -> ("field", field name) or ("expression", QGIS expression)."""
    collection = ET.SubElement(ET.SubElement(parent, tag), "Option", type="Map")
    ET.SubElement(collection, "Option", name="name", value="", type="QString")
    entries = ET.SubElement(collection, "Option", name="properties", type="Map")
    for name, (kind, source) in props.items():
        prop = ET.SubElement(entries, "Option", name=name, type="Map")
        ET.SubElement(prop, "Option", name="active", value="true", type="bool")
        ET.SubElement(prop, "Option", name=kind, value=source, type="QString")
        ET.SubElement(prop, "Option", name="type", value="2" if kind == "field" else "3", type="int")
    ET.SubElement(collection, "Option", name="type", value="collection", type="QString")


_SHAPES = {"point": "marker", "line": "line", "polygon": "fill"}


def _line_props(colour: str | None, width_mm: float, dash_mm: tuple[float, float] | None,
                corners: bool = False) -> dict[str, str]:
    """A SimpleLine's properties; ``corners``: its dashes fitted to the line and its sharp corners,
    as the painter fits a hollow figure's outline (geo.dash_fit)."""
    props = {"line_color": _rgba(colour), "line_width": number(width_mm), "line_width_unit": "MM",
             "line_style": "solid" if colour else "no", "capstyle": "round", "joinstyle": "round",
             "use_custom_dash": "0"}
    if dash_mm:
        props.update(use_custom_dash="1", customdash=";".join(map(number, dash_mm)), customdash_unit="MM")
        if corners:
            props.update(align_dash_pattern="1", tweak_dash_pattern_on_corners="1")
    return props


def _stroke_dd(p: Paint) -> dict[str, tuple[str, str]]:
    if p.stroke_expression:
        return {"outlineColor": ("expression", p.stroke_expression)}
    return {"outlineColor": ("field", p.stroke_field)} if p.stroke_field else {}


def _symbol(parent: ET.Element, name: str, p: Paint) -> None:
    sym = ET.SubElement(parent, "symbol", name=name, type=p.shape, alpha=number(p.opacity), clip_to_extent="1",
                        force_rhr="0")
    dd: dict[str, tuple[str, str]] = {}
    if p.shape == "line" or (p.shape == "fill" and p.fill is None and p.dash_mm):
        # a dashed outline with its own dash lengths: a line layer (a simple fill's outline has only Qt's dashes)
        cls, props, dd = "SimpleLine", _line_props(p.stroke, p.stroke_mm, p.dash_mm, p.shape == "fill"), _stroke_dd(p)
    elif p.shape == "fill":
        cls = "SimpleFill"
        props = {"color": _rgba(p.fill), "style": "solid" if p.fill else "no", "outline_color": _rgba(p.stroke),
                 "outline_style": "solid" if p.stroke and p.stroke_mm else "no",
                 "outline_width": number(p.stroke_mm), "outline_width_unit": "MM", "joinstyle": "round"}
        dd = {**({"fillColor": ("field", p.fill_field)} if p.fill_field else {}), **_stroke_dd(p)}
    else:
        cls = "SimpleMarker"
        props = {"name": "circle", "color": _rgba(p.fill), "outline_color": _rgba(p.stroke),
                 "outline_style": "solid" if p.stroke and p.stroke_mm else "no",
                 "outline_width": number(p.stroke_mm), "outline_width_unit": "MM",
                 "size": number(p.size_mm), "size_unit": "MM"}
        dd = {**({"fillColor": ("field", p.fill_field)} if p.fill_field else {}),
              **({"size": ("field", p.size_field)} if p.size_field else {})}
    layer = ET.SubElement(sym, "layer", {"class": cls, "pass": "0", "enabled": "1", "locked": "0"})
    _options(layer, props)
    _data_defined(layer, "data_defined_properties", dd)


def _qml_labels(root: ET.Element, labels: Labels | None, blocks: bool) -> None:
    settings = ET.SubElement(ET.SubElement(root, "labeling", type="simple"), "settings", calloutType="simple")
    lab = labels or Labels(field="", family="", size_pt=8.0, colour="#000000", placement="polygon")
    style = ET.SubElement(settings, "text-style", {
        "fieldName": lab.field, "isExpression": "0", "fontFamily": lab.family, "namedStyle": "",
        "fontSize": number(lab.size_pt), "fontSizeUnit": "Point", "fontWeight": "75" if lab.bold else "50",
        "fontItalic": "0", "fontLetterSpacing": number(lab.letter_spacing_pt), "fontWordSpacing": "0",
        "capitalization": "1" if lab.uppercase else "0", "textColor": _rgba(lab.colour), "textOpacity": "1",
        "multilineHeight": "1", "allowHtml": "0", "blendMode": "0", "textOrientation": "horizontal"})
    ET.SubElement(style, "text-buffer", {
        "bufferDraw": "1" if lab.halo_mm > 0 else "0", "bufferSize": number(lab.halo_mm), "bufferSizeUnits": "MM",
        "bufferColor": _rgba(lab.halo), "bufferOpacity": number(lab.halo_opacity), "bufferNoFill": "1",
        "bufferJoinStyle": "128", "bufferBlendMode": "0"})
    ET.SubElement(settings, "text-format", multilineAlign="1", wrapChar="", autoWrapLength=str(lab.wrap_chars),
                  useMaxLineLengthForAutoWrap="1", formatNumbers="0",
                  addDirectionSymbol="0")
    # QGIS's placements: 6 ordered positions around a point, 4 horizontal inside a polygon, 0 anywhere
    # around a point (a line's middle, made by a geometry generator: on a line, QGIS centres
    # horizontal labels on the line itself, which the flow drawn along it covers)
    placement = {"point": "6", "line": "0", "polygon": "4"}[lab.placement]
    middle = lab.placement == "line"
    ET.SubElement(settings, "placement", {
        "placement": placement, "dist": number(lab.distance_mm), "distUnits": "MM",
        "predefinedPositionOrder": ",".join(lab.positions) or "TR,TL,BR,BL,R,L,TSR,BSR",
        "placementFlags": "10", "polygonPlacementFlags": "2",
        "fitInPolygonOnly": "1" if lab.placement == "polygon" else "0", "centroidInside": "1", "priority": "5",
        "offsetType": "1" if lab.size_field else "0", "quadOffset": "4", "xOffset": "0", "yOffset": "0", "rotationAngle": "0",
        "geometryGeneratorEnabled": "1" if middle else "0", "geometryGeneratorType": "PointGeometry",
        "geometryGenerator": "line_interpolate_point($geometry, length($geometry) / 2)" if middle else ""})
    ET.SubElement(settings, "rendering", {
        "drawLabels": "1" if labels else "0", "obstacle": "1" if blocks or labels else "0",
        "obstacleFactor": "2" if blocks else "1", "obstacleType": "2" if blocks else "0",
        "displayAll": "1" if lab.show_all else "0", "upsidedownLabels": "0", "labelPerPart": "0", "mergeLines": "0", "scaleVisibility": "0",
        "fontLimitPixelSize": "0", "limitNumLabels": "0", "minFeatureSize": "0", "zIndex": "0",
        "unplacedVisibility": "0"})
    dd: dict[str, tuple[str, str]] = {}
    if lab.colour_field:
        dd["Color"] = ("field", lab.colour_field)
    if lab.italic is not None:
        dd["Italic"] = ("expression", expression(lab.italic))
    _data_defined(settings, "dd_properties", dd)


def _rules(root: ET.Element, look: Look) -> None:
    renderer = ET.SubElement(root, "renderer-v2", type="RuleRenderer", symbollevels="0", forceraster="0",
                             enableorderby="0")
    rules = ET.SubElement(renderer, "rules", key="{root}")
    symbols = ET.SubElement(renderer, "symbols")
    for i, rule in enumerate(look.rules):
        attrs = {"key": f"{{rule-{i}}}", "label": rule.label}
        if rule.filter is not None:
            attrs["filter"] = expression(rule.filter)
        # a feature QGIS does not render is not labelled either: "no paint" is an invisible symbol
        _symbol(symbols, str(i), rule.paint or Paint(_SHAPES[look.geometry]))
        ET.SubElement(rules, "rule", {**attrs, "symbol": str(i)})


def _categorized(root: ET.Element, look: Look) -> None:
    """QGIS's categorized renderer: a category per rule (its filter's value), its symbol and its legend words."""
    renderer = ET.SubElement(root, "renderer-v2", type="categorizedSymbol", attr=look.category_field,
                             symbollevels="0", forceraster="0", enableorderby="0")
    categories = ET.SubElement(renderer, "categories")
    symbols = ET.SubElement(renderer, "symbols")
    for i, rule in enumerate(look.rules):
        if not isinstance(rule.filter, Eq) or rule.filter.field != look.category_field:
            raise ValueError(f"a categorized look's rule {rule.label!r} is not {look.category_field} = value")
        ET.SubElement(categories, "category", render="true", value=str(rule.filter.value), symbol=str(i),
                      label=rule.label)
        _symbol(symbols, str(i), rule.paint or Paint(_SHAPES[look.geometry]))


def to_qml(look: Look) -> str:
    """The QGIS style document of ``look``."""
    root = ET.Element("qgis", version=QML_VERSION, styleCategories="Symbology|Labeling|Rendering",
                      labelsEnabled="1" if look.labels or look.blocks_labels else "0",
                      hasScaleBasedVisibilityFlag="0", minScale="100000000", maxScale="0")
    if look.category_field:
        _categorized(root, look)
    else:
        _rules(root, look)
    if look.labels or look.blocks_labels:
        _qml_labels(root, look.labels, look.blocks_labels)
    ET.SubElement(root, "blendMode").text = "0"
    ET.SubElement(root, "featureBlendMode").text = "0"
    ET.SubElement(root, "layerOpacity").text = number(look.opacity)
    ET.SubElement(root, "layerGeometryType").text = {"point": "0", "line": "1", "polygon": "2"}[look.geometry]
    ET.indent(root)
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(root, encoding="unicode")
