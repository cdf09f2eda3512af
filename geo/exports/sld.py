"""A layer's look (geo.exports.layer_look) as an OGC SLD 1.1 (Symbology Encoding 1.1), the
portable style beside the QML in the GeoPackage's ``layer_styles`` table.

Sizes are in SE's standardized rendering pixels of 0.28 mm. SE has no colour arithmetic and no
per-feature font style: an outline QGIS darkens with an expression takes the field's colour here,
and italic names get a rule of their own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from geo.exports.layer_look import All, Eq, Filter, In, Labels, Look, Not, Paint, Yes, number

SE_PIXEL_MM = 0.28
"""SE 1.1's standardized rendering pixel: an SLD size of 1 is 0.28 mm on paper."""
POINTS_PER_MM = 72 / 25.4

SLD_NS = "http://www.opengis.net/sld"
SE_NS = "http://www.opengis.net/se"
OGC_NS = "http://www.opengis.net/ogc"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
for _prefix, _uri in (("", SLD_NS), ("se", SE_NS), ("ogc", OGC_NS), ("xsi", XSI_NS)):
    ET.register_namespace(_prefix, _uri)


def _ogc(parent: ET.Element, f: Filter) -> None:
    if isinstance(f, (Eq, Yes)):
        eq = ET.SubElement(parent, f"{{{OGC_NS}}}PropertyIsEqualTo")
        ET.SubElement(eq, f"{{{OGC_NS}}}PropertyName").text = f.field
        ET.SubElement(eq, f"{{{OGC_NS}}}Literal").text = str(f.value) if isinstance(f, Eq) else "1"
    elif isinstance(f, In):
        if len(f.values) == 1:
            return _ogc(parent, Eq(f.field, f.values[0]))
        alternatives = ET.SubElement(parent, f"{{{OGC_NS}}}Or")
        for v in f.values:
            _ogc(alternatives, Eq(f.field, v))
    elif isinstance(f, Not):
        _ogc(ET.SubElement(parent, f"{{{OGC_NS}}}Not"), f.term)
    else:
        both = ET.SubElement(parent, f"{{{OGC_NS}}}And")
        for t in f.terms:
            _ogc(both, t)


def _px(mm: float) -> str:
    return number(mm / SE_PIXEL_MM)


def _se(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    el = ET.SubElement(parent, f"{{{SE_NS}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def _param(parent: ET.Element, name: str, value: str | None = None, field: str | None = None) -> None:
    """An SvgParameter holding a value, or the feature's ``field`` (SE's ParameterValueType)."""
    p = _se(parent, "SvgParameter", name=name)
    if field:
        ET.SubElement(p, f"{{{OGC_NS}}}PropertyName").text = field
    else:
        p.text = value


def _sld_fill(parent: ET.Element, colour: str | None, field: str | None, opacity: float) -> None:
    if colour is None and field is None:
        return
    fill = _se(parent, "Fill")
    _param(fill, "fill", colour, field)
    _param(fill, "fill-opacity", number(opacity))


def _sld_stroke(parent: ET.Element, p: Paint, opacity: float) -> None:
    if not (p.stroke or p.stroke_field) or not p.stroke_mm:
        return
    stroke = _se(parent, "Stroke")
    _param(stroke, "stroke", p.stroke, p.stroke_field)
    _param(stroke, "stroke-opacity", number(opacity))
    _param(stroke, "stroke-width", _px(p.stroke_mm))
    _param(stroke, "stroke-linejoin", "round")
    _param(stroke, "stroke-linecap", "round")
    if p.dash_mm:
        _param(stroke, "stroke-dasharray", " ".join(_px(d) for d in p.dash_mm))


def _sld_symbolizer(rule: ET.Element, p: Paint, opacity: float) -> None:
    if p.shape == "fill":
        sym = _se(rule, "PolygonSymbolizer")
        _sld_fill(sym, p.fill, p.fill_field, opacity)
        _sld_stroke(sym, p, opacity)
    elif p.shape == "line":
        _sld_stroke(_se(rule, "LineSymbolizer"), p, opacity)
    else:
        graphic = _se(_se(rule, "PointSymbolizer"), "Graphic")
        mark = _se(graphic, "Mark")
        _se(mark, "WellKnownName", "circle")
        _sld_fill(mark, p.fill, p.fill_field, opacity)
        _sld_stroke(mark, p, opacity)
        size = _se(graphic, "Size")
        if p.size_field:  # millimetres in the layer, SE pixels in SLD
            div = ET.SubElement(size, f"{{{OGC_NS}}}Div")
            ET.SubElement(div, f"{{{OGC_NS}}}PropertyName").text = p.size_field
            ET.SubElement(div, f"{{{OGC_NS}}}Literal").text = number(SE_PIXEL_MM)
        else:
            size.text = _px(p.size_mm)


def _sld_text(fts: ET.Element, lab: Labels, where: Filter | None, italic: bool) -> None:
    rule = _se(fts, "Rule")
    _se(rule, "Name", "labels")
    if where is not None:
        _ogc(ET.SubElement(rule, f"{{{OGC_NS}}}Filter"), where)
    text = _se(rule, "TextSymbolizer")
    ET.SubElement(_se(text, "Label"), f"{{{OGC_NS}}}PropertyName").text = lab.field
    font = _se(text, "Font")
    _param(font, "font-family", lab.family)
    _param(font, "font-size", _px(lab.size_pt / POINTS_PER_MM))
    _param(font, "font-style", "italic" if italic else "normal")
    _param(font, "font-weight", "bold" if lab.bold else "normal")
    placement = _se(text, "LabelPlacement")
    if lab.placement == "line":
        _se(_se(placement, "LinePlacement"), "PerpendicularOffset", _px(lab.distance_mm))
    else:
        point = _se(placement, "PointPlacement")
        anchor = _se(point, "AnchorPoint")
        _se(anchor, "AnchorPointX", "0" if lab.placement == "point" else "0.5")
        _se(anchor, "AnchorPointY", "0.5")
        if lab.size_field:  # from the marker's edge: half its size (millimetres in the layer) and the gap, in SE pixels
            displacement = _se(point, "Displacement")
            add = ET.SubElement(_se(displacement, "DisplacementX"), f"{{{OGC_NS}}}Add")
            half = ET.SubElement(add, f"{{{OGC_NS}}}Div")
            ET.SubElement(half, f"{{{OGC_NS}}}PropertyName").text = lab.size_field
            ET.SubElement(half, f"{{{OGC_NS}}}Literal").text = number(2 * SE_PIXEL_MM)
            ET.SubElement(add, f"{{{OGC_NS}}}Literal").text = _px(lab.distance_mm)
            _se(displacement, "DisplacementY", "0")
        elif lab.distance_mm:
            displacement = _se(point, "Displacement")
            _se(displacement, "DisplacementX", _px(lab.distance_mm))
            _se(displacement, "DisplacementY", "0")
    if lab.halo_mm > 0:
        halo = _se(text, "Halo")
        _se(halo, "Radius", _px(lab.halo_mm))
        _sld_fill(halo, lab.halo, None, lab.halo_opacity)
    _sld_fill(text, lab.colour, lab.colour_field, 1.0)
    if lab.wrap_chars:  # GeoServer's wrap, in pixels of the SE's 0.28 mm: about half an em a character
        _vendor(text, "autoWrap", _px(lab.wrap_chars * lab.size_pt / POINTS_PER_MM * 0.5))
    if lab.show_all:
        _vendor(text, "conflictResolution", "false")


def _vendor(text: ET.Element, name: str, value: str) -> None:
    option = _se(text, "VendorOption", value)
    option.set("name", name)


def to_sld(layer: str, look: Look) -> str:
    """The SLD 1.1 document of ``look`` for the layer named ``layer``."""
    root = ET.Element(f"{{{SLD_NS}}}StyledLayerDescriptor", {
        "version": "1.1.0",
        f"{{{XSI_NS}}}schemaLocation": f"{SLD_NS} http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd"})
    named = ET.SubElement(root, f"{{{SLD_NS}}}NamedLayer")
    _se(named, "Name", layer)
    user = ET.SubElement(named, f"{{{SLD_NS}}}UserStyle")
    _se(user, "Name", layer)
    fts = _se(user, "FeatureTypeStyle")
    for r in look.rules:
        rule = _se(fts, "Rule")
        _se(rule, "Name", r.label)
        _se(_se(rule, "Description"), "Title", r.label)
        if r.filter is not None:
            _ogc(ET.SubElement(rule, f"{{{OGC_NS}}}Filter"), r.filter)
        if r.paint is None:  # SE wants a symbolizer in every rule: one that draws nothing
            _param(_se(_se(rule, "LineSymbolizer"), "Stroke"), "stroke-opacity", "0")
        else:
            _sld_symbolizer(rule, r.paint, r.paint.opacity * look.opacity)
    lab = look.labels
    if lab is not None:
        if lab.italic is None:
            _sld_text(fts, lab, lab.where, False)
        else:  # SE has no per-feature font style: one rule for each
            both = (lambda f: f) if lab.where is None else (lambda f: All((lab.where, f)))
            _sld_text(fts, lab, both(lab.italic), True)
            _sld_text(fts, lab, both(Not(lab.italic)), False)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
