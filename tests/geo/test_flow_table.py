"""Figures files: the shipped MMC file reads cleanly, lenient spellings read, bad input is named."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.errors import DataError
from geo.flow_table import normalise_metric, parse_value, read_flow_table
from geo.periods import parse_period

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data" / "flows" / "mmc_na_2024q4.csv"
ROUTE_IDS = {"ESP", "ATL", "ATL-SN", "ATL-MR", "ATL-MA", "WMR", "WMR-SEA", "WMR-MA", "WMR-DZ",
             "WMR-LAND", "WMR-CEUTA", "WMR-MELILLA", "ALB", "CMR", "CMR-LY", "CMR-TN", "CMR-DZ",
             "EXP-DZ-NE", "EXP-LY-NE"}
HEADER = "route_id,period,metric,value,source\n"


def write(tmp_path: Path, text: str | bytes, name: str = "flows.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
    return path


def error(path: Path) -> DataError:
    with pytest.raises(DataError) as info:
        read_flow_table(path)
    return info.value


# -- the shipped file --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def shipped():
    return read_flow_table(SHIPPED)


def value(table, route, period, metric, source=None):
    rows = table.select(period, metric, source)
    rows = rows[rows["route_id"] == route]
    assert len(rows) == 1, rows
    return rows["value"].iloc[0]


def test_shipped_file_loads_without_problems_or_warnings(shipped):
    assert shipped.warnings == []
    assert set(shipped.frame["route_id"]) <= ROUTE_IDS
    assert (shipped.frame["value"] > 0).all()  # a missing figure is absent, never 0
    assert shipped.frame["source"].str.len().gt(0).all()
    assert shipped.frame["source_ref"].str.startswith(
        "MMC Quarterly Mixed Migration Update: North Africa, Q4 2024 — ").all()


@pytest.mark.parametrize(("route", "period", "metric", "source", "expected"), [
    ("CMR-LY", "2024Q4", "arrivals", None, 11341),
    ("CMR-LY", "2024", "arrivals", None, 41484),
    ("CMR-TN", "2024", "arrivals", None, 19238),
    ("CMR-TN", "2023", "arrivals", None, 97306),
    ("CMR-DZ", "2024Q4", "arrivals", None, 555),
    ("CMR", "2024", "arrivals", None, 65474),
    ("CMR-LY", "2024", "interceptions", "IOM", 21470),
    ("ATL", "2024", "arrivals", "UNHCR", 46524),
    ("ATL", "2024Q4", "arrivals", "UNHCR", 16109),
    ("ATL", "2024", "dead_missing", "Caminando Fronteras", 9757),
    ("ATL", "2024", "dead_missing", "IOM Missing Migrants Project", 1062),
    ("WMR", "2024", "arrivals", None, 16903),
    ("WMR-CEUTA", "2024", "arrivals", None, 2531),
    ("ALB", "2023", "arrivals", None, 2278),
    ("ALB", "2024", "dead_missing", "Caminando Fronteras", 513),
    ("EXP-DZ-NE", "2024", "expulsions", None, 31404),
    ("EXP-DZ-NE", "2024-08-14/2024-12-31", "expulsions", None, 11606),
    ("EXP-LY-NE", "July 2024", "expulsions", None, 460),
])
def test_shipped_numbers_equal_the_update(shipped, route, period, metric, source, expected):
    assert value(shipped, route, period, metric, source) == expected


def test_shipped_conflicting_sources_are_separate_rows(shipped):
    atl = shipped.select("2024", "arrivals")
    atl = atl[atl["route_id"] == "ATL"].set_index("source")["value"]
    assert atl.to_dict() == {"UNHCR": 46524, "Not named in the update (linked)": 46843}
    assert shipped.sources("2024", "dead_missing") == ["Caminando Fronteras",
                                                       "IOM Missing Migrants Project"]


def test_shipped_coverage_dates_and_derived_rows(shipped):
    q4 = shipped.select("Q4 2024", "arrivals", "UNHCR").iloc[0]
    assert (q4["date_from"], q4["date_to"]) == ("2024-09-29", "2024-12-29")
    melilla = shipped.frame[shipped.frame["route_id"] == "WMR-MELILLA"]
    assert len(melilla) == 2
    assert melilla["note"].str.startswith("derived:").all()
    assert (melilla["qualifier"] == "derived").all()
    derived = shipped.frame[shipped.frame["note"].str.contains("derived")]
    assert set(derived["route_id"]) == {"WMR-MELILLA"}
    assert set(shipped.frame.loc[shipped.frame["qualifier"] == "derived", "route_id"]) == {"WMR-MELILLA"}


def test_shipped_default_period_and_lists_come_from_the_data(shipped):
    assert str(shipped.default_period()) == "2024Q4"
    frame = shipped.frame
    assert [str(p) for p in shipped.periods()] == [str(p) for p in sorted(
        {parse_period(x) for x in frame["period"]})]
    assert set(shipped.metrics()) == set(frame["metric"])
    assert set(shipped.metrics("2024Q4")) == {"arrivals", "dead_missing"}
    assert set(shipped.sources()) == set(frame["source"])
    assert "rescues" in shipped.metrics("2024-11")


# -- lists and selection on a small file ----------------------------------------------------------
def test_lists_follow_the_file(tmp_path):
    path = write(tmp_path, "Route ID ; Period ; Metric ; Value ; Source\n"
                           "A;2023;Arrivals;1;S1\n"
                           "A;Q1 2023;Dead and missing;2;S2\n"
                           "B;2023-07;dead/missing;3;\n")
    t = read_flow_table(path)
    assert [str(p) for p in t.periods()] == ["2023Q1", "2023-07", "2023"]
    assert t.default_period() == parse_period("2023Q1")
    assert t.metrics() == ["arrivals", "dead_missing"]
    assert t.metrics("2023") == ["arrivals"]
    assert t.sources() == ["S1", "S2"]
    assert t.sources(metric="Dead and missing") == ["S2"]
    assert list(t.select("2023Q1", "dead_or_missing")["value"]) == [2]
    assert t.select("2023Q1", "dead_missing", source="S1").empty


def test_default_period_without_quarters_is_the_latest(tmp_path):
    t = read_flow_table(write(tmp_path, HEADER + "A,2023,arrivals,1,\nA,2024-07,arrivals,2,\n"))
    assert str(t.default_period()) == "2024-07"


@pytest.mark.parametrize(("name", "slug"), [
    ("Dead and missing", "dead_missing"), ("dead/missing", "dead_missing"),
    ("dead_or_missing", "dead_missing"), ("Arrivals", "arrivals"), ("Interception", "interceptions"),
    ("Boats Spotted", "boats_spotted"), ("Décès", "deces"),
])
def test_metric_names_are_slugs(name, slug):
    assert normalise_metric(name) == slug


# -- accepted input -----------------------------------------------------------------------------------
def test_semicolon_file_with_decimal_comma_and_dot_thousands(tmp_path):
    t = read_flow_table(write(tmp_path, "route_id;period;metric;value\n"
                                        "A;2024;arrivals;41.484\nB;2024;arrivals;12,5\n"
                                        "C;2024;arrivals;1.234,5\n"))
    assert list(t.frame["value"]) == [41484, 12.5, 1234.5]


def test_utf8_bom_is_accepted(tmp_path):
    t = read_flow_table(write(tmp_path, "\ufeffroute_id,period,metric,value\nA,2024,arrivals,5\n"))
    assert list(t.frame["route_id"]) == ["A"] and t.warnings == []


def test_latin1_file_is_decoded_with_a_warning(tmp_path):
    path = write(tmp_path, "route_id,period,metric,value,note\nA,2024,Décès,5,près de\n",
                 encoding="latin-1")
    t = read_flow_table(path)
    assert t.frame["note"].iloc[0] == "près de"
    assert t.frame["metric"].iloc[0] == "deces"
    assert len(t.warnings) == 1 and "Windows-1252/Latin-1" in t.warnings[0]
    assert "flows.csv" in t.warnings[0]


@pytest.mark.parametrize("cell", ['"41,484"', "41 484", "41\u00a0484", "41\u202f484", "41'484",
                                  "41484", '"41,484.0"', " 41484 "])
def test_thousands_separators(tmp_path, cell):
    t = read_flow_table(write(tmp_path, HEADER + f"A,2024,arrivals,{cell},\n"))
    assert t.frame["value"].iloc[0] == 41484


def test_empty_value_means_no_data_not_zero(tmp_path):
    t = read_flow_table(write(tmp_path, HEADER + "A,2024,arrivals,,\nB,2024,arrivals,0,\n"))
    assert math.isnan(t.frame["value"].iloc[0])
    assert t.frame["value"].iloc[1] == 0


def test_header_spelling_aliases_and_unknown_columns(tmp_path):
    t = read_flow_table(write(tmp_path, " Route , QUARTER,Indicator ,Figure,Comments,Extra,\n"
                                        "A,T4 2024,Arrivals,7,hello,x,\n"))
    row = t.frame.iloc[0]
    assert (row["route_id"], row["period"], row["metric"], row["value"], row["note"]) == (
        "A", "2024Q4", "arrivals", 7, "hello")
    assert row["row"] == 2 and row["source"] == "" and row["date_from"] == ""
    assert any("ignored column 'Extra'" in w for w in t.warnings)


def test_blank_lines_are_skipped_but_counted(tmp_path):
    t = read_flow_table(write(tmp_path, HEADER + "\n,,,,\nA,2024,arrivals,1,\n"))
    assert list(t.frame["row"]) == [4]


def test_xlsx_named_sheet(tmp_path):
    """With several sheets the one to read is named (file#sheet); never the first by default."""
    openpyxl = pytest.importorskip("openpyxl")
    from datetime import datetime
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["route_id", "period", "metric", "value", "date_from", "date_to"])
    sheet.append(["A", "Q4 2024", "arrivals", 16109, datetime(2024, 9, 29), "2024-12-29"])
    sheet.append([None, None, None, None])
    sheet.append(["B", 2024, "arrivals", 1.5, None, None])
    sheet.append(["C", "2024", "arrivals", "abc"])
    book.create_sheet("other").append(["ignored"])
    path = tmp_path / "flows.xlsx"
    book.save(path)
    assert str(error(path)) == ("flows.xlsx: holds 2 sheets ('Sheet', 'other'): name the one to read after a "
                                "'#', as flows.xlsx#<sheet>")
    err = error(f"{path}#Sheet")
    assert str(err) == "flows.xlsx, row 5: value 'abc' is not a number"
    sheet.delete_rows(5)
    book.save(path)
    t = read_flow_table(path, sheet="Sheet")
    assert list(t.frame["value"]) == [16109, 1.5]
    assert list(t.frame["row"]) == [2, 4]
    assert t.frame["date_from"].iloc[0] == "2024-09-29"
    assert list(t.frame["period"]) == ["2024Q4", "2024"]


# -- rejected input: the message names the file, the row and what is wrong ----------------------------
@pytest.mark.parametrize(("row", "message"), [
    ("A,2024,arrivals,abc,", "flows.csv, row 2: value 'abc' is not a number"),
    ("A,2024,arrivals,n/a,", "flows.csv, row 2: value 'n/a' is not a number (leave the cell empty"),
    ('A,2024,arrivals,"1,5",', "flows.csv, row 2: value '1,5' is not a number (in a comma-separated"),
    ('A,2024,arrivals,"4,14,84",', "flows.csv, row 2: value '4,14,84' is not a number"),
    ("A,2024,arrivals,-5,", "flows.csv, row 2: value '-5' is negative"),
    ("A,2024,arrivals,12000000,", "flows.csv, row 2: value '12000000' is over 10,000,000"),
    ("A,2024Q5,arrivals,5,", "flows.csv, row 2: '2024Q5' is not a period: quarters run Q1–Q4"),
    ("A,,arrivals,5,", "flows.csv, row 2: period is empty"),
    (",2024,arrivals,5,", "flows.csv, row 2: route_id is empty"),
    ("A,2024,,5,", "flows.csv, row 2: metric is empty"),
    ("A,2024,???,5,", "flows.csv, row 2: metric '???' has no letters or digits"),
])
def test_bad_rows(tmp_path, row, message):
    err = error(write(tmp_path, HEADER + row + "\n"))
    assert str(err).startswith(message)
    assert err.where == "row 2" and err.path.name == "flows.csv"


def test_unquoted_thousands_comma_shifts_cells(tmp_path):
    err = error(write(tmp_path, "route_id,period,metric,value\nA,2024,arrivals,41,484\n"))
    assert str(err) == ("flows.csv, row 2: has 5 cells but the header has 4 columns; is there a "
                        "comma inside a value? Quote it (\"41,484\") or write 41484")


@pytest.mark.parametrize(("dates", "message"), [
    ("29/09/2024,", "date_from '29/09/2024' is not a date: write it as YYYY-MM-DD, e.g. 2024-09-29"),
    ("2024-02-30,", "date_from '2024-02-30' is not a calendar date"),
    ("2024-12-31,2024-01-01", "date_from 2024-12-31 is after date_to 2024-01-01"),
    ("2023-01-01,2023-12-31", "dates 2023-01-01 to 2023-12-31 lie outside period 2024"),
])
def test_bad_dates(tmp_path, dates, message):
    err = error(write(tmp_path, "route_id,period,metric,value,date_from,date_to\n"
                                f"A,2024,arrivals,5,{dates}\n"))
    assert str(err) == f"flows.csv, row 2: {message}"


def test_duplicates_name_both_rows(tmp_path):
    err = error(write(tmp_path, HEADER + "A,2024Q4,arrivals,5,UNHCR\nA,2024,arrivals,6,UNHCR\n"
                                         "A,Q4 2024,Arrival,7,UNHCR \nA,2024Q4,arrivals,7,IOM\n"))
    assert str(err) == ("flows.csv, row 4: duplicates row 2: same route_id, period, metric, "
                        "source, date_from and date_to")


def test_all_problems_are_collected(tmp_path):
    err = error(write(tmp_path, HEADER + "A,2024,arrivals,abc,\nA,2024Q5,arrivals,-1,\nB,2024,x,1,\n"))
    assert str(err) == "flows.csv, row 2: value 'abc' is not a number (+2 more problems)"
    assert err.problems == [
        "flows.csv, row 2: value 'abc' is not a number",
        "flows.csv, row 3: '2024Q5' is not a period: quarters run Q1–Q4; write e.g. 2024Q4, "
        "Q4 2024 or 2024",
        "flows.csv, row 3: value '-1' is negative: a count cannot be below zero",
    ]


def test_missing_columns_are_named_with_the_columns_found(tmp_path):
    err = error(write(tmp_path, "route,quarter,amount\nA,2024,5\n"))
    assert str(err) == ("flows.csv, row 1: missing required columns metric, value; "
                        "found columns: 'route', 'quarter', 'amount'")


def test_columns_meaning_the_same_thing(tmp_path):
    err = error(write(tmp_path, "route_id,period,metric,value,note,notes\nA,2024,x,1,,\n"))
    assert str(err) == "flows.csv, row 1: columns 'note' and 'notes' both mean note"


@pytest.mark.parametrize(("sep", "hint"), [("|", "; this file seems to use '|'"),
                                           ("\t", "; this file seems to use tabs"), (" ", "")])
def test_one_column_file_says_the_delimiter_is_wrong(tmp_path, sep, hint):
    err = error(write(tmp_path, sep.join(["route_id", "period", "metric", "value"]) + "\n"
                      + sep.join(["A", "2024", "arrivals", "5"]) + "\n"))
    assert str(err).startswith("flows.csv, row 1: found a single column 'route_id")
    assert str(err).endswith("columns must be separated by commas or semicolons" + hint)


@pytest.mark.parametrize("content", [b"", b"\n\n", b"\xef\xbb\xbf", b" \r\n,,\n"])
def test_empty_file(tmp_path, content):
    assert str(error(write(tmp_path, content))).startswith("flows.csv: the file is empty")


def test_header_without_figures(tmp_path):
    assert str(error(write(tmp_path, HEADER))) == (
        "flows.csv, row 1: there are no figures below the header")


def test_missing_file(tmp_path):
    assert str(error(tmp_path / "nope.csv")) == "nope.csv: file not found"


def test_undecodable_bytes_name_the_row(tmp_path):
    err = error(write(tmp_path, HEADER.encode() + b"A,2024,arrivals,5,\x81\x8d\n"))
    assert str(err).startswith("flows.csv, row 2: byte 0x81 is neither UTF-8 nor Windows-1252")


def test_broken_utf8_after_a_bom(tmp_path):
    err = error(write(tmp_path, b"\xef\xbb\xbf" + HEADER.encode() + b"A,2024,arrivals,5,\xe9\n"))
    assert str(err).startswith("flows.csv, row 2: byte 0xE9 is not valid UTF-8")


def test_utf16_and_nul_bytes(tmp_path):
    assert "is UTF-16 text" in str(error(write(tmp_path, HEADER, encoding="utf-16")))
    assert "contains NUL bytes" in str(error(write(tmp_path, b"route_id\x00,period")))


def test_xlsx_that_is_not_one(tmp_path):
    err = error(write(tmp_path, HEADER, name="flows.xlsx"))
    assert str(err).startswith("flows.xlsx: is not a readable Excel .xlsx workbook")
    assert err.problems == [str(err)]


def test_workbook_saved_as_csv_and_old_xls(tmp_path):
    assert "is a zipped workbook" in str(error(write(tmp_path, b"PK\x03\x04rest")))
    assert ".xls workbooks are not supported" in str(error(write(tmp_path, b"x", name="f.xls")))


# -- numbers ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "decimal_comma", "expected"), [
    ("41,484", False, 41484), ("41.484", False, 41.484), ("41.484", True, 41484),
    ("41,484", True, 41.484), ("1,234,567", True, 1234567), ("1.234.567", False, 1234567),
    ("41 484,5", True, 41484.5), ("0.5", True, 0.5), ("+7", False, 7), ("1.2E+03", False, 1200),
])
def test_parse_value(text, decimal_comma, expected):
    assert parse_value(text, decimal_comma=decimal_comma) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["inf", "nan", "1e", "12%", "+-5", "٤٢", "1 2", "0x10", "1_000"])
def test_parse_value_rejects(text):
    with pytest.raises(ValueError, match="is not a number"):
        parse_value(text)


# -- robustness and layering --------------------------------------------------------------------------
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=400),
                 st.lists(st.sampled_from([b"route_id,period,metric,value\n", b"A,2024,arrivals,",
                                           b"5", b"\n", b";", b",", b'"', b"\xe9", b"\xef\xbb\xbf",
                                           b"Q4 2024", b"-", b"1,234", b"\r"]), max_size=30)
                 .map(b"".join)))
def test_arbitrary_bytes_raise_only_data_error(tmp_path, data):
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        table = read_flow_table(path)
    except DataError as e:
        assert "\n" not in str(e) and str(e).startswith("fuzz.csv")
        assert e.problems and all(p.startswith("fuzz.csv") for p in e.problems)
    else:
        assert not table.frame.empty
        table.default_period()


def test_geo_modules_do_not_import_qt():
    code = "import sys, geo.periods, geo.flow_table; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_an_unterminated_quote_is_named_not_left_to_swallow_the_next_row(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('route_id,period,metric,value,source\nATL,2024,arrivals,5,"UNHCR\nCMR,2024,arrivals,7,IOM\n',
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"q.csv, row 2: the source cell runs over a line break into what looks like "
                                        r"the next row: a quote \(\"\) is opened and not closed"):
        read_flow_table(path)
    # a quoted line break inside a note is fine
    path.write_text('route_id,period,metric,value,note\nATL,2024,arrivals,5,"first line\nsecond line"\n',
                    encoding="utf-8")
    assert read_flow_table(path).frame["note"].iloc[0] == "first line\nsecond line"


def test_a_file_mixing_utf8_and_windows_1252_rows_is_read_row_by_row_and_says_which(tmp_path):
    path = tmp_path / "mix.csv"
    path.write_bytes(b"route_id,period,metric,value,source\nATL,2024,arrivals,5,Minist\xc3\xa8re\n"
                     b"CMR,2024,arrivals,7,Minist\xe8re de l\x92Int\xe9rieur\n")
    table = read_flow_table(path)
    assert list(table.frame["source"]) == ["Ministère", "Ministère de l’Intérieur"]  # no "MinistÃ¨re"
    assert any("mix.csv mixes encodings: row 3 Windows-1252/Latin-1, the others UTF-8" in w for w in table.warnings)
