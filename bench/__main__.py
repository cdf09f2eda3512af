"""``python -m bench``: run the benchmarks, print the figures, optionally record them in bench/README.md.

    python -m bench                       # every suite, 7 rounds each, print the table
    python -m bench --write-readme        # the same, then rewrite the figures section of bench/README.md
    python -m bench --suite warm -n 10    # one suite (repeatable option); cold, warm or profile
    python -m bench --json out.json       # also the raw timings

Only the text between the ``bench:figures`` markers in bench/README.md is rewritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata as md
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):  # `python bench/__main__.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import default_map

ROOT = default_map.ROOT
README = ROOT / "bench" / "README.md"
START, END = "<!-- bench:figures:start -->", "<!-- bench:figures:end -->"
COLD_TARGET, WARM_TARGET = 0.35, 1.6  # issue 15 item 3 (was 0.5, issue 2); issue 2 item 11
PEAK_TARGET_MIB = 180  # issue 15 item 3: and below the matplotlib script's


# -- machine facts --------------------------------------------------------------------------
def machine_facts() -> dict:
    model = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    def version(dist: str) -> str:
        try:
            return md.version(dist)
        except md.PackageNotFoundError:
            return "not installed"

    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "geo", "gui", "bench"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        commit = head + (" + uncommitted changes" if dirty else "")
    except OSError:
        commit = "?"
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu_model": model,
        "cpu_count": os.cpu_count(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "PySide6": version("PySide6"),
        "matplotlib": version("matplotlib"),
        "geopandas": version("geopandas"),
        "shapely": version("shapely"),
        "commit": commit,
        "loadavg_before": os.getloadavg(),
    }


# -- formatting -----------------------------------------------------------------------------
def _s(x: float) -> str:
    return f"{x:.2f} s"


def _ms(x: float) -> str:
    return f"{x * 1e3:.0f} ms"


def _met(ratio: float, target: float) -> str:
    return "**yes**" if ratio <= target else "**no**"


def verdicts(results: dict) -> dict:
    out = {}
    if "cold" in results:
        w = results["cold"]["wall"]
        out["cold"] = w["crossings"]["median"] / w["mpl"]["median"]
        out["cold_best"] = w["crossings"]["best"] / w["mpl"]["best"]
    if "warm" in results:
        t = results["warm"]["times"]
        out["warm"] = t["export_png"]["median"] / t["blank_encode"]["median"]
        out["warm_best"] = t["export_png"]["best"] / t["blank_encode"]["best"]
    return out


def render_markdown(results: dict, facts: dict, command: str, n: int) -> str:
    v = verdicts(results)
    lines = [f"Latest run: **{facts['date']}**, `{command}` (N = {n} rounds per measure, interleaved; "
             f"medians, best-of in brackets; *paired* is the median of the per-round ratios, which cancels slow "
             f"drifts in load), commit {facts['commit']}.", ""]
    la_b = " / ".join(f"{x:.2f}" for x in facts["loadavg_before"])
    la_a = " / ".join(f"{x:.2f}" for x in facts.get("loadavg_after", ())) or "?"
    lines += [
        "| Machine | |", "|---|---|",
        f"| CPU | {facts['cpu_model']}, {facts['cpu_count']} logical CPUs |",
        f"| OS, Python | {facts['os']}, Python {facts['python']} |",
        f"| PySide6 / matplotlib / geopandas / shapely | {facts['PySide6']} / {facts['matplotlib']} / "
        f"{facts['geopandas']} / {facts['shapely']} |",
        f"| Load average (1/5/15 min) | before {la_b}; after {la_a} |", "",
    ]
    if "cold" in results or "warm" in results:
        lines += ["| Measure | Crossings | geopandas + matplotlib | Ratio | Target | Met |",
                  "|---|---|---|---|---|---|"]
    if "cold" in results:
        c = results["cold"]
        w, cpu = c["wall"], c["cpu"]
        lines.append(f"| Cold process, default map to PNG (wall) | {_s(w['crossings']['median'])} ({_s(w['crossings']['best'])}) "
                     f"| {_s(w['mpl']['median'])} ({_s(w['mpl']['best'])}) | {v['cold']:.2f} ({v['cold_best']:.2f}; paired {c['paired']['crossings/mpl']:.2f}) "
                     f"| ≤ {COLD_TARGET} | {_met(v['cold'], COLD_TARGET)} |")
        lines.append(f"| Cold process, CPU time (user + sys) | {_s(cpu['crossings']['median'])} | {_s(cpu['mpl']['median'])} "
                     f"| {cpu['crossings']['median'] / cpu['mpl']['median']:.2f} | — | info |")
        if "max_rss_mib" in c:
            ours, theirs = c["max_rss_mib"]["crossings"]["worst"], c["max_rss_mib"]["mpl"]["median"]
            met = ours <= PEAK_TARGET_MIB and ours < theirs
            lines.append(f"| Cold process, peak memory (max RSS; Crossings' largest of N) | {ours:.0f} MiB "
                         f"| {theirs:.0f} MiB | {ours / theirs:.2f} | ≤ {PEAK_TARGET_MIB} MiB and below matplotlib "
                         f"| {'**yes**' if met else '**no**'} |")
        lines.append(f"| Cold process, PNG + 5 GeoJSON layers (wall) | {_s(w['crossings_geojson']['median'])} "
                     f"({_s(w['crossings_geojson']['best'])}) | {_s(w['mpl']['median'])} (PNG only) "
                     f"| {w['crossings_geojson']['median'] / w['mpl']['median']:.2f} | — | info |")
    if "warm" in results:
        t = results["warm"]["times"]
        lines.append(f"| Warm, in-process `export_png` vs blank-PNG encode | {_ms(t['export_png']['median'])} "
                     f"({_ms(t['export_png']['best'])}) | blank encode {_ms(t['blank_encode']['median'])} "
                     f"({_ms(t['blank_encode']['best'])}) | {v['warm']:.2f} ({v['warm_best']:.2f}; paired {results['warm']['paired']['export_png/blank_encode']:.2f}) "
                     f"| ≤ {WARM_TARGET} | {_met(v['warm'], WARM_TARGET)} |")
        lines.append(f"| Warm, in-process `export_png` vs matplotlib `savefig` | {_ms(t['export_png']['median'])} "
                     f"| {_ms(t['mpl_savefig']['median'])} | {t['export_png']['median'] / t['mpl_savefig']['median']:.2f} "
                     f"| — | info |")
        cpu = results["warm"]["cpu"]
        lines.append(f"| Warm, CPU time (process): `export_png` / blank encode / `savefig` | {_ms(cpu['export_png']['median'])} "
                     f"| blank {_ms(cpu['blank_encode']['median'])}, savefig {_ms(cpu['mpl_savefig']['median'])} "
                     f"| {cpu['export_png']['median'] / cpu['blank_encode']['median']:.2f} vs blank, "
                     f"{cpu['export_png']['median'] / cpu['mpl_savefig']['median']:.2f} vs savefig | — | info |")
        lines += ["", "Warm, where one export goes (median of N; the halves are timed separately):", "",
                  "| Step | Wall | CPU | × blank encode (wall) |", "|---|---|---|---|"]
        blank = t["blank_encode"]["median"]
        for key, label in (("export_png", "Crossings `export_png` (render + encode + atomic write)"),
                           ("render_image", "— `render_image` (paint the page into a QImage)"),
                           ("encode", "— encode (`gui.png_writer.encode_png`, as export_png)"),
                           ("blank_encode", "Blank white 3508 × 2480 QImage, Qt's `QImageWriter` (the yardstick)"),
                           ("blank_encode_ours", "— the same blank page through `encode_png` (for information)"),
                           ("mpl_savefig", "matplotlib `savefig(dpi=300)` of the prepared figure"),
                           ("mpl_draw", "— of which `canvas.draw()` alone (Agg rasterising)")):
            lines.append(f"| {label} | {_ms(t[key]['median'])} ({_ms(t[key]['best'])}) | {_ms(cpu[key]['median'])} "
                         f"| {t[key]['median'] / blank:.2f} |")
        sizes = results["warm"]["sizes"]
        lines += ["", f"PNG sizes: Crossings {sizes.get('crossings.png', 0) / 1e3:.0f} kB, matplotlib "
                      f"{sizes.get('mpl.png', 0) / 1e3:.0f} kB (RGBA, matplotlib's default), blank "
                      f"{sizes.get('blank.png', 0) / 1e3:.0f} kB."]
    if "cold" in results:
        c = results["cold"]
        pc, pm = c["phases"]["crossings"], c["phases"]["mpl"]
        if "error" in pc or "error" in pm:
            pc = pc if "error" not in pc else {"(phases failed)": 0.0}
            pm = pm if "error" not in pm else {"(phases failed)": 0.0}
        lines += ["", "Cold, where a fresh process goes (median of 3, from phase timestamps):", "",
                  "| Crossings phase | Time | matplotlib script phase | Time |", "|---|---|---|---|"]
        rows_c, rows_m = list(pc.items()), list(pm.items())
        for i in range(max(len(rows_c), len(rows_m))):
            a = rows_c[i] if i < len(rows_c) else ("", None)
            b = rows_m[i] if i < len(rows_m) else ("", None)
            lines.append(f"| {a[0]} | {_ms(a[1]) if a[1] is not None else ''} | {b[0]} | {_ms(b[1]) if b[1] is not None else ''} |")
        lines.append(f"| **total** | **{_ms(sum(pc.values()))}** | **total** | **{_ms(sum(pm.values()))}** |")
        imp = c["imports"] if "error" not in c["imports"] else {}
        lines += ["", "Crossings' imports by package (`python -X importtime`, self time summed): "
                  + ", ".join(f"{k} {_ms(x)}" for k, x in imp.items()) + "."]
        lines += ["", "Commands timed (each in a fresh process, from a temporary folder):", ""]
        lines += [f"- {k}: `{cmd}`" for k, cmd in c["commands"].items()]
    if "profile" in results:
        p = results["profile"]
        lines += ["", "Profile (cProfile; ms per render; cProfile inflates Python-heavy code, so read the ranking):"]
        for key, title in (("warm", "Warm `render_image` + encode"),
                           ("cold", "Cold `crossings render --no-geojson` in a fresh process (`gui.cli.main`, with its lazy imports)")):
            if "error" in p[key]:
                lines += ["", f"{title}: profile failed ({p[key]['error']})."]
                continue
            a, b = p[key]["self"][:14], p[key]["project"][:14]
            lines += ["", f"| {title}: self time | ms | project code, cumulative | ms |", "|---|---|---|---|"]
            for i in range(max(len(a), len(b))):
                x = f"`{a[i]['function']}` ×{a[i]['calls']} | {a[i]['tottime_ms']:.0f}" if i < len(a) else " | "
                y = f"`{b[i]['function']}` ×{b[i]['calls']} | {b[i]['cumtime_ms']:.0f}" if i < len(b) else " | "
                lines.append(f"| {x} | {y} |")
    return "\n".join(lines)


def write_readme(section: str) -> None:
    from bench.readme import replace_section

    replace_section(START, END, section, "Latest figures")


# -- main -----------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suite", action="append", choices=sorted(default_map.SUITES),
                        help="run only this suite (repeat for several; default: all)")
    parser.add_argument("-n", "--rounds", type=int, default=7, help="rounds per measure, the same for both sides (>= 5)")
    parser.add_argument("--write-readme", action="store_true", help="rewrite the figures section of bench/README.md")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    suites = args.suite or list(default_map.SUITES)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if args.write_readme and set(suites) != set(default_map.SUITES):
        parser.error("--write-readme records every suite of one run; leave out --suite")
    if args.write_readme and args.rounds < 5:
        parser.error("--write-readme needs --rounds >= 5")
    log = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr, flush=True))
    os.chdir(ROOT)
    facts = machine_facts()
    log(f"bench: {facts['cpu_model']} x{facts['cpu_count']}, load average {facts['loadavg_before']}")
    results = {}
    for name in suites:
        log(f"{name}:")
        results[name] = default_map.SUITES[name](args.rounds, log=log) if name != "profile" else default_map.profile(log=log)
    facts["loadavg_after"] = os.getloadavg()
    command = "python -m bench" + (f" -n {args.rounds}" if args.rounds != 7 else "") + \
              "".join(f" --suite {s}" for s in (args.suite or [])) + (" --write-readme" if args.write_readme else "")
    section = render_markdown(results, facts, command, args.rounds)
    print(section)
    if args.json:
        args.json.write_text(json.dumps({"facts": facts, "results": results}, indent=1, default=str))
    if args.write_readme:
        write_readme(section)
        log(f"wrote {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
