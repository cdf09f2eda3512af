"""Exporters that need no Qt: GeoJSON (RFC 7946) and GeoPackage of every layer."""
