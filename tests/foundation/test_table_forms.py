"""Claims tables as people write them: header case, tabs, and a clear word for other files."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit import read_claims
from toolkit.errors import UnreadableTable


def test_contract_columns_in_any_case(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text("ID,Value,Subject,Notes\nrussians,1.6 million,Russians,x\n", encoding="utf-8")
    claim = read_claims(path).claims[0]
    assert (claim.id, claim.text, claim.subject, claim.extra) == (
        "russians",
        "1.6 million",
        "Russians",
        {"Notes": "x"},
    )


def test_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "claims.tsv"
    path.write_text("id\tvalue\nforeigners\t4,300,000\n", encoding="utf-8")
    assert read_claims(path).claims[0].text == "4,300,000"


def test_an_unknown_suffix_names_both_kinds_of_input(tmp_path: Path) -> None:
    path = tmp_path / "claims.bin"
    path.write_bytes(b"\x00\x01")
    with pytest.raises(UnreadableTable) as err:
        read_claims(path)
    assert str(err.value).endswith(
        "Use .csv, .tsv, .json or .yaml for a claims table, or .txt, .md or .html for an article."
    )


def test_semicolon_separated_claims(tmp_path: Path) -> None:
    # a spreadsheet's European export: the header has semicolons and no comma
    path = tmp_path / "claims.csv"
    path.write_text("id;value;subject\nforeigners;4.3 million;foreigners\n", encoding="utf-8")
    (claim,) = read_claims(path).claims
    assert (claim.id, claim.text, claim.subject) == ("foreigners", "4.3 million", "foreigners")


def test_a_decimal_comma_is_an_error_not_a_guess(tmp_path: Path) -> None:
    from toolkit.errors import InvalidClaim

    path = tmp_path / "claims.csv"
    path.write_text("id;value\nshare;3,5\n", encoding="utf-8")
    with pytest.raises(InvalidClaim, match="three digits"):
        read_claims(path)
