"""`claimledger check` as a user runs it: exact output, exit codes, errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit import check
from toolkit.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "datasets" / "kazakhstan-2022"
DATA = ROOT / "tests" / "data"
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout, result.stderr


def test_seed_table_text_output() -> None:
    code, out, _ = run(
        "check", str(SEED / "claims.csv"), "--rules", str(SEED / "rules.yaml"), "--quiet"
    )
    assert code == 0
    assert out == "3 consistent, 0 uncertain, 0 inconsistent, 0 unchecked\n"


def test_seed_table_full_text_names_the_intervals() -> None:
    code, out, _ = run("check", str(SEED / "claims.csv"), "--rules", str(SEED / "rules.yaml"))
    assert code == 0
    flat = " ".join(out.split())
    assert "✓ consistent" in flat
    assert "1.55–1.65 million people" in flat and "4.25–4.35 million people" in flat


def test_json_equals_the_library_report() -> None:
    code, out, _ = run(
        "check", str(SEED / "claims.csv"), "--rules", str(SEED / "rules.yaml"), "--format", "json"
    )
    assert code == 0
    report = check(SEED / "claims.csv", SEED / "rules.yaml")
    data = json.loads(out)
    assert data == json.loads(json.dumps(report.to_dict()))
    foreigners = data["claims"][0]
    assert foreigners["id"] == "foreigners"
    assert (foreigners["value"], foreigners["low"], foreigners["high"]) == (
        "4300000",
        "4250000",
        "4350000",
    )
    assert (foreigners["low_closed"], foreigners["high_closed"]) == (True, False)
    assert foreigners["qualifier"] == "="
    arrests = next(c for c in data["claims"] if c["id"] == "arrests")
    assert (arrests["low"], arrests["high"], arrests["qualifier"]) == ("1300", None, ">")
    assert data["summary"] == {"consistent": 3, "uncertain": 0, "inconsistent": 0, "unchecked": 0}
    assert {"rule", "expression", "claims", "verdict", "explanation"} <= set(data["checks"][0])


def test_inconsistent_exits_1_and_junit_marks_the_failure() -> None:
    args = ["check", str(DATA / "claims-part-exceeds-whole.csv")]
    args += ["--rules", str(DATA / "rules-part-exceeds-whole.yaml")]
    code, out, _ = run(*args, "--quiet")
    assert code == 1
    assert out == "0 consistent, 0 uncertain, 1 inconsistent, 0 unchecked\n"
    code, out, _ = run(*args, "--format", "junit")
    assert code == 1
    assert '<failure type="inconsistent"' in out and 'failures="1"' in out


def test_fail_on_uncertain(tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text('id,value\narrests,"1,300"\nmen,"1,320"\n', encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - {id: r, check: men <= arrests}\n", encoding="utf-8")
    assert run("check", str(claims), "--rules", str(rules), "-q")[0] == 0
    assert run("check", str(claims), "--rules", str(rules), "-q", "--fail-on", "uncertain")[0] == 1


def test_rules_inside_a_yaml_claims_file_and_markdown() -> None:
    code, out, _ = run("check", str(DATA / "claims-with-rules.yaml"), "--format", "markdown")
    assert code == 0
    assert out.startswith("### claimledger check:")
    assert "| ✅ consistent | `part` |" in out
    assert "⚠️ uncertain" in out or "✅ consistent | `share_matches`" in out


def test_unreported_figure_is_unchecked() -> None:
    code, out, _ = run("check", str(DATA / "claims-unreported.json"), "-q")
    assert (code, out) == (0, "0 consistent, 0 uncertain, 0 inconsistent, 1 unchecked\n")


def test_output_file_keeps_the_terminal_summary(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, _ = run(
        "check", str(SEED / "claims.csv"), "--rules", str(SEED / "rules.yaml"),
        "-q", "--format", "json", "--output", str(target),
    )  # fmt: skip
    assert code == 0
    assert out == "3 consistent, 0 uncertain, 0 inconsistent, 0 unchecked\n"
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["consistent"] == 3


BAD = [
    ("claims-empty.csv", None, "Error: the file is empty, {d}/claims-empty.csv. A claims table "
     "needs a header row with at least 'id' and 'value'.\n"),
    ("claims-not-utf8.csv", None,
     "Error: byte 0xe9 is not UTF-8, {d}/claims-not-utf8.csv:3:8. Save the file as UTF-8.\n"),
    ("claims-ragged-row.csv", None, "Error: row has 4 fields but the header has 3, "
     "{d}/claims-ragged-row.csv:3. Quote values that contain commas, or fix the row.\n"),
    ("claims-missing-value-column.csv", None, "Error: missing column 'value', "
     "{d}/claims-missing-value-column.csv:1. A claims table needs 'id' and 'value' columns; "
     "it has id, amount.\n"),
    ("claims-duplicate-id.csv", None, "Error: duplicate id 'a' (first on line 2), "
     "{d}/claims-duplicate-id.csv:3. Give each claim its own id.\n"),
    ("claims-invalid-id.csv", None, "Error: invalid id 'Russians 2022', "
     "{d}/claims-invalid-id.csv:2. Ids are lower-case letters, digits and _, "
     "starting with a letter: try 'russians_2022'.\n"),
    ("claims-misspelled-scale.csv", None, "Error: unknown scale word 'milion', "
     "{d}/claims-misspelled-scale.csv:2 (in '4.3 milion' at column 5). Did you mean 'million'?\n"),
    ("claims-yaml-python-tag.yaml", None, "Error: YAML tag refused (could not determine a "
     "constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'), "
     "{d}/claims-yaml-python-tag.yaml:3:12. Claims and rules files hold plain text and numbers; "
     "remove the '!!' tag.\n"),
    ("claims-part-exceeds-whole.csv", "rules-unknown-id.yaml", "Error: rule 'typo' names "
     "'rusians', which is not a claim id, {d}/rules-unknown-id.yaml rule 1. "
     "Known ids: arrested, protesters.\n"),
    ("claims-part-exceeds-whole.csv", "rules-syntax-error.yaml", "Error: expected ')', "
     "{d}/rules-syntax-error.yaml rule 1 (at column 24 of 'russians <= (foreigners'). "
     "Close the parenthesis.\n  russians <= (foreigners\n                         ^\n"),
]  # fmt: skip


@pytest.mark.parametrize(("claims", "rules", "message"), BAD)
def test_bad_input_exits_2_with_a_located_message(
    claims: str, rules: str | None, message: str
) -> None:
    args = ["check", str(DATA / claims)] + (["--rules", str(DATA / rules)] if rules else [])
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert err == message.format(d=DATA)


def test_missing_file_is_a_usage_error() -> None:
    code, _, err = run("check", str(DATA / "nope.csv"))
    assert code == 2
    assert "file not found" in err and "Traceback" not in err


def test_help_has_an_example_and_exit_codes() -> None:
    code, out, _ = run("check", "--help")
    assert code == 0
    flat = " ".join(out.split())
    assert "claimledger check claims.csv --rules rules.yaml" in flat
    assert "Exit codes: 0 nothing inconsistent" in flat


def test_installed_entry_point_runs_as_a_real_process() -> None:
    exe = Path(sys.executable).with_name("claimledger")
    env = {**os.environ, **ENV}
    args = [str(SEED / "claims.csv"), "--rules", str(SEED / "rules.yaml"), "-q"]
    done = subprocess.run([str(exe), "check", *args], capture_output=True, text=True, env=env)
    assert (done.returncode, done.stdout) == (
        0,
        "3 consistent, 0 uncertain, 0 inconsistent, 0 unchecked\n",
    )
    module = [sys.executable, "-m", "toolkit", "check", *args]
    done = subprocess.run(module, capture_output=True, text=True, env=env)
    assert done.returncode == 0


def test_check_path_imports_no_heavy_libraries() -> None:
    code = (
        "import sys; from toolkit.cli import main; sys.argv=['claimledger','check',"
        f"{str(SEED / 'claims.csv')!r},'-q'];\n"
        "try: main()\nexcept SystemExit: pass\n"
        "heavy = {'pandas','great_expectations','pyspark','polars','psycopg','pandera'}\n"
        "print(sorted(heavy & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip().endswith("[]"), done.stdout + done.stderr


def test_unknown_columns_are_kept_and_passed_through(tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text("id,value,desk,checked_by\na,5,politics,AB\n", encoding="utf-8")
    code, out, _ = run("check", str(claims), "--format", "json")
    assert code == 0
    row = json.loads(out)["claims"][0]
    assert (row["desk"], row["checked_by"]) == ("politics", "AB")


def test_missing_id_column_names_the_columns_that_exist(tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text("ident,value\na,5\n", encoding="utf-8")
    code, out, err = run("check", str(claims))
    assert (code, out) == (2, "")
    assert err == (
        f"Error: missing column 'id', {claims}:1. A claims table needs 'id' and 'value' "
        "columns; it has ident, value. Did you mean 'ident'?\n"
    )
