"""Speed benchmarks against the obvious alternative (geopandas + matplotlib); run ``python -m bench``.

Figures live in bench/README.md. Nothing here is imported by the application or the tests.
"""
