"""``crossings render PROJECT``: a saved project rendered as it is, the options given overriding it.

A project holds everything a map is (data, selection, thematic layers, page, language, texts); a
command that re-applied every option's default over it would render another map. So only the
options typed on the command line apply, found by parsing the command line again with no defaults.
"""

from __future__ import annotations

import argparse

from geo.errors import CrossingsError

DATA_OPTIONS = ("boundaries", "routes", "flows", "places", "nodes")
"""Options naming data files: a project names its own."""


def explicit_render_options(argv: list[str]) -> set[str]:
    """The ``crossings render`` options written in ``argv`` (their dests), whatever their values."""
    from gui.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for action in sub.choices["render"]._actions:
        action.default = argparse.SUPPRESS
    return set(vars(parser.parse_args(argv))) - {"command", "project"}


def open_render_project(args):
    """The document of ``args.project``; data options are refused (the project names its data)."""
    from geo.project import load_project

    named = [f"--{name}" for name in DATA_OPTIONS if getattr(args, name, None)]
    if named:
        raise CrossingsError(f"{', '.join(named)}: a project names its own data; open it in the app to change them, "
                             "or render the files without the project")
    return load_project(args.project)
