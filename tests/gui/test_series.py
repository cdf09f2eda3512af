"""A series in one call: the plan (geo.series), the maps drawn on several processes, the atlas.

What is checked is what was written: file names, the PDF atlas's pages, bookmarks and text (the
legend of every page states the held scale), a failed map named while the others are complete,
and Ctrl+C leaving only complete files.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from geo.atomic import TEMP_MARK
from geo.errors import CrossingsError
from geo.page import Page
from geo.series import SeriesMap, expand_periods, plan_series

ROOT = Path(__file__).resolve().parents[2]
SMALL = Page("A5", "landscape", 40)


@pytest.fixture
def doc(bundled_doc_factory):
    return bundled_doc_factory()


def largest(doc, period, metric):
    doc.select(period, metric)
    return float(doc.join().flows["value"].max())


def test_the_plan_holds_one_scale_per_metric_across_the_periods(doc):
    plan = plan_series(doc, ["2024Q4", "2024"], ["arrivals", "dead_missing"], ("en", "fr"), ("png",), SMALL)
    assert [m.stem for m in plan.maps[:4]] == ["crossings_2024Q4_arrivals_en", "crossings_2024Q4_arrivals_fr",
                                               "crossings_2024_arrivals_en", "crossings_2024_arrivals_fr"]
    assert len(plan.maps) == 8 and plan.page == SMALL
    for metric in ("arrivals", "dead_missing"):
        assert plan.scales[metric] == max(largest(doc, p, metric) for p in ("2024Q4", "2024"))
    # whichever period holds the largest figure, in whatever order the periods are given
    assert plan_series(doc, ["2024", "2024Q4"], ["arrivals"]).scales == {"arrivals": plan.scales["arrivals"]}
    assert plan.scales["arrivals"] != plan.scales["dead_missing"]  # widths of different metrics never share


def test_metrics_default_to_every_metric_and_the_missing_ones_are_said(doc):
    plan = plan_series(doc, ["2024Q4", "2024"])
    assert {m.metric for m in plan.maps} == {"arrivals", "dead_missing", "interceptions", "expulsions"}
    assert "2024Q4 interceptions: no figures" in plan.skipped and "2024Q4 expulsions: no figures" in plan.skipped


def test_a_fixed_scale_is_held_for_every_metric(doc):
    doc.flow_style.reference_value = 20000
    plan = plan_series(doc, ["2024"], ["arrivals", "dead_missing"])
    assert plan.scales == {"arrivals": 20000, "dead_missing": 20000}


def test_period_ranges_and_unknown_periods(doc):
    held = [str(p) for p in doc.flows.periods()]
    quarters = [p for p in held if "Q" in p and p.startswith("2024")]
    assert expand_periods(doc, ["2024Q1..2024Q4"]) == quarters
    assert expand_periods(doc, ["Q4 2024", "2024Q4", "2024"]) == ["2024Q4", "2024"]
    with pytest.raises(CrossingsError, match="period '2031' has no figures"):
        expand_periods(doc, ["2031"])
    with pytest.raises(CrossingsError, match="mixes kinds of period"):
        expand_periods(doc, ["2024..2024Q4"])


def test_the_series_is_drawn_on_two_processes_with_its_atlas(doc, tmp_path):
    from pypdf import PdfReader

    from gui.series_export import DocumentSource, run_series

    plan = plan_series(doc, ["2024Q4", "2024"], ["arrivals", "dead_missing"], ("en", "ar"), ("png", "pdf"), SMALL)
    seen = []
    result = run_series(DocumentSource(), plan, tmp_path, atlas=tmp_path / "atlas.pdf", jobs=2,
                        progress=lambda done, total, item, left: seen.append((done, total)))
    assert not result.failed and not result.interrupted
    names = sorted(p.name for p in tmp_path.iterdir())
    expected = sorted([f"{m.stem}.{ext}" for m in plan.maps for ext in ("png", "pdf")] + ["atlas.pdf"])
    assert names == expected and seen[-1] == (8, 8)
    reader = PdfReader(tmp_path / "atlas.pdf")
    assert len(reader.pages) == 1 + 8 and len(reader.outline) == 8
    contents = " ".join(reader.pages[0].extract_text().split())
    assert "2 Arrivals, Q4 2024 (English)" in contents and "Dead and missing" in contents
    # every page of a metric states the one scale held across the series, in its legend, in its language
    # (Arabic comes out of the PDF in shaped presentation forms: its figure is what can be matched)
    from geo.map_language import MapLanguage

    for n, item in enumerate(plan.maps, start=1):
        text = " ".join(reader.pages[n].extract_text().split())
        if item.language == "en":
            drawn = "a circle 14 mm across" if item.metric == "dead_missing" else "7.5 mm"
            assert f"Fixed scale: {plan.scales[item.metric]:,.0f} = {drawn}" in text, (item, text[-400:])
        else:
            figure = " ".join(MapLanguage(item.language).number(plan.scales[item.metric]).split())
            assert figure in text and "Fixed scale" not in text, (item, text[-400:])


def test_one_failed_map_is_named_and_the_others_are_complete(doc, tmp_path):
    from PySide6.QtGui import QImage

    from gui.series_export import DocumentSource, run_series

    plan = plan_series(doc, ["2024Q4"], ["arrivals"], ("en", "fr", "ar"), ("png",), SMALL)
    (tmp_path / "crossings_2024Q4_arrivals_fr.png").mkdir()  # a folder where the French PNG goes
    result = run_series(DocumentSource(), plan, tmp_path, atlas=tmp_path / "atlas.pdf", jobs=2)
    assert result.failed == [f"2024Q4 arrivals fr: {tmp_path / 'crossings_2024Q4_arrivals_fr.png'}: is a folder; "
                             "give a file name; no file of this export was written"]
    for lang in ("en", "ar"):
        assert not QImage(str(tmp_path / f"crossings_2024Q4_arrivals_{lang}.png")).isNull()
    from pypdf import PdfReader

    reader = PdfReader(tmp_path / "atlas.pdf")
    contents = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1 + 2 and "not drawn: 2024Q4 arrivals fr" in contents


def test_ctrl_c_leaves_only_complete_files_and_no_atlas(tmp_path):
    from PySide6.QtGui import QImage

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "gui.cli", "atlas", "--periods", "2024Q4", "2024", "--languages",
                             "en", "fr", "ar", "--dpi", "100", "--out-dir", str(tmp_path), "--jobs", "2"],
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT, start_new_session=True,
                            # as from a terminal: a suite started in the background (`make test &`) runs with
                            # SIGINT ignored, which children inherit, and Python then never sees Ctrl+C
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines = []
    try:
        for line in proc.stderr:  # interrupt as the first map is reported, as a user would
            lines.append(line)
            if "1/18" in line:
                break
        os.killpg(proc.pid, signal.SIGINT)  # the terminal sends Ctrl+C to the whole process group
        rest = proc.communicate(timeout=120)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, "".join(lines) + rest
    assert rest.strip().splitlines()[-1].startswith("crossings: interrupted: ") and "Traceback" not in rest
    left = sorted(p.name for p in tmp_path.iterdir())
    assert "atlas.pdf" not in left and not any(TEMP_MARK in name for name in left)
    assert 1 <= len(left) < 18, left
    for name in left:
        assert not QImage(str(tmp_path / name)).isNull(), name


def test_the_command_line_reports_the_plan_and_progress(tmp_path, capsys):
    from gui.cli import main

    code = main(["atlas", "--periods", "2024Q4", "--metrics", "arrivals", "--languages", "en", "fr", "--dpi", "40",
                 "--page", "A5", "--out-dir", str(tmp_path), "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "2 maps, 1 format(s) each; width held per metric: arrivals 16,109 = 7.5 mm" in err
    assert "2/2 2024Q4 arrivals fr" in err and "atlas " in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas.pdf", "crossings_2024Q4_arrivals_en.png",
                                                          "crossings_2024Q4_arrivals_fr.png"]


def test_a_map_file_name_is_predictable():
    assert SeriesMap("2024Q4", "dead_missing", "ar").stem == "crossings_2024Q4_dead_missing_ar"



def test_export_series_in_the_window_draws_the_checked_maps_with_the_windows_edits(qtbot, doc, tmp_path):
    """The dialog's boxes make the plan; the workers draw a snapshot of the window's document, so an
    unsaved title is on every page of the atlas."""
    from pypdf import PdfReader
    from PySide6.QtCore import Qt

    from gui.series_dialog import SeriesDialog

    doc.page = SMALL
    doc.title = "Unsaved title, Q4 review"
    dialog = SeriesDialog(doc, tmp_path)
    qtbot.addWidget(dialog)
    for widget, wanted in ((dialog.periods, {"2024Q4", "2024"}), (dialog.metrics, {"arrivals"})):
        for i in range(widget.count()):
            item = widget.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)
    dialog.languages["fr"].setChecked(True)
    assert [m.stem for m in dialog.plan().maps] == ["crossings_2024_arrivals_en", "crossings_2024_arrivals_fr",
                                                    "crossings_2024Q4_arrivals_en", "crossings_2024Q4_arrivals_fr"]
    with qtbot.waitSignal(dialog.finished_series, timeout=120_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert not result.failed and result.atlas == tmp_path / "atlas.pdf"
    assert dialog.status.text() == "Wrote 5 files; atlas: atlas.pdf" and dialog.progress.value() == 100
    reader = PdfReader(result.atlas)
    assert len(reader.pages) == 5
    assert all("Unsaved title, Q4 review" in " ".join(p.extract_text().split()) for p in reader.pages[1:])


def test_export_series_says_what_is_missing(qtbot, doc, tmp_path):
    from PySide6.QtCore import Qt

    from gui.series_dialog import SeriesDialog

    dialog = SeriesDialog(doc, tmp_path)
    qtbot.addWidget(dialog)
    for i in range(dialog.metrics.count()):
        dialog.metrics.item(i).setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dialog.failed, timeout=5000) as sig:
        dialog.start()
    assert sig.args == ["Choose at least one period, metric, language and format"] and not list(tmp_path.iterdir())
