"""Recording the seed article: extraction → the figure's chain, the claimed byline, PROV export,
and ``claimledger check ARTICLE --record``."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.ledger.conftest import SEED, Backend
from toolkit.cli import app
from toolkit.ledger import api

ARTICLE = SEED / "article.txt"
runner = CliRunner()

RUSSIANS_CHAIN = (
    "russians: 1.6 million (Russians)\n"
    "  stated by       Ministry of Internal Affairs of Kazakhstan\n"
    "  reported by     Lusa\n"
    "  published by    CM Jornal\n"
    "  republished by  24 News Reporters\n"
    "                    byline 'Michael Melvin' (claimed identity)\n"
    "                    ! conflict: the byline at 24 News Reporters is not the credited "
    "author (Lusa)\n"
)


def cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def recorded(backend: Backend) -> Backend:
    code, out = cli("ledger", "record", str(ARTICLE), "--ledger", backend.location)
    assert code == 0, out
    # a PostgreSQL URL is printed with its password masked
    assert out.startswith("Recorded 7 figure(s) as 42 entries in ")
    assert out.endswith(" (tree size 42).\n")
    return backend


def test_article_gives_the_chain_of_russians(recorded: Backend) -> None:
    code, out = cli("ledger", "show", "russians", "--ledger", recorded.location)
    assert code == 0
    assert out == RUSSIANS_CHAIN + "  current value   1600000\n"
    chain = api.show("russians", recorded.location)
    assert [(link.role, link.agent) for link in chain.links] == [
        ("originator", "Ministry of Internal Affairs of Kazakhstan"),
        ("reporter", "Lusa"),
        ("publisher", "CM Jornal"),
        ("republisher", "24 News Reporters"),
    ]
    assert chain.links[0].quote is not None and "1.6 million are Russians" in chain.links[0].quote


def test_article_byline_is_a_claimed_person_never_merged(recorded: Backend) -> None:
    agents = [line for line in api.log(recorded.location) if line.kind == "agent"]
    people = [a for a in agents if '"type":"person"' in a.data.decode()]
    assert len(people) == 1 and people[0].summary == "person Michael Melvin (claimed identity)"
    # the name is personal data: only its salted hash is in the hashed bytes
    assert b"Melvin" not in b"".join(line.data for line in api.log(recorded.location))
    assert any(a.summary == "organization Lusa" for a in agents)


def test_article_prov_json_shows_the_chain(recorded: Backend) -> None:
    from prov.model import ProvDocument

    code, out = cli("ledger", "export", "--format", "prov-json", "--ledger", recorded.location)
    assert code == 0
    data = json.loads(out)
    assert ProvDocument.deserialize(content=out, format="json") == ProvDocument.deserialize(
        content=api.export("prov-n", recorded.location), format="provn"
    )
    russians = {ident: e for ident, e in data["entity"].items() if e.get("cl:figure") == "russians"}
    label = {ident: a["prov:label"] for ident, a in data["agent"].items()}
    by = {
        r["prov:entity"]: (label[r["prov:agent"]], r.get("cl:role"), r.get("cl:claimed"))
        for r in data["wasAttributedTo"].values()
        if r["prov:entity"] in russians and r.get("cl:role")
    }
    order = {"originator": 0, "reporter": 1, "publisher": 2, "republisher": 3}
    assert sorted(by.values(), key=lambda v: order[str(v[1])]) == [
        ("Ministry of Internal Affairs of Kazakhstan", "originator", None),
        ("Lusa", "reporter", None),
        ("CM Jornal", "publisher", None),
        ("24 News Reporters", "republisher", None),
    ]
    role = {ident: e["cl:role"] for ident, e in russians.items()}
    derived = [
        (
            role[d["prov:generatedEntity"]],
            role[d["prov:usedEntity"]],
            d.get("prov:type", {}).get("$"),
        )
        for d in data["wasDerivedFrom"].values()
        if d["prov:generatedEntity"] in russians
    ]
    assert ("reporter", "originator", "prov:Quotation") in derived
    assert ("publisher", "reporter", None) in derived
    assert ("republisher", "publisher", None) in derived
    assert ("republisher", "originator", "prov:PrimarySource") in derived
    (melvin,) = [i for i, name in label.items() if name == "Michael Melvin"]
    person = data["agent"][melvin]
    assert person["prov:type"]["$"] == "prov:Person" and person["cl:claimed"] is True
    assert label[person["cl:conflictsWith"]["$"]] == "Lusa"
    bylines = [
        r
        for r in data["wasAttributedTo"].values()
        if r["prov:agent"] == melvin and r["prov:entity"] in russians
    ]
    assert [(role[r["prov:entity"]], r["cl:claimed"]) for r in bylines] == [("republisher", True)]


def test_check_article_record_records_figures_and_verdicts(backend: Backend) -> None:
    code, out = cli("check", str(ARTICLE), "--record", "--ledger", backend.location, "-q")
    assert code == 0, out
    code, out = cli("ledger", "show", "russians", "--ledger", backend.location)
    assert out == RUSSIANS_CHAIN + (
        "  checked         consistent: russians_within_foreigners (russians <= foreigners)\n"
        "  current value   1600000\n"
    )
    size = len(api.log(backend.location))
    # checking the same article again adds its verdicts, not a second copy of its figures
    assert cli("check", str(ARTICLE), "--record", "--ledger", backend.location, "-q")[0] == 0
    lines = api.log(backend.location)
    assert [line.kind for line in lines[size:]] == ["check"]
    verdicts = api.show("russians", backend.location).verdicts
    assert [(v.rule, v.verdict) for v in verdicts] == [
        ("russians_within_foreigners", "consistent")
    ] * 2
    assert api.verify(backend.location).valid


def test_check_table_record_links_verdicts_to_its_figures(sqlite_backend: Backend) -> None:
    from toolkit.check import check

    report = check(SEED / "claims.csv", SEED / "rules.yaml")
    done = api.record_report(report, sqlite_backend.location)
    assert done.claims == len(report.claims)
    chain = api.show("russians", sqlite_backend.location)
    assert chain.links[0].agent == "Ministry of Internal Affairs of Kazakhstan"
    assert [v.rule for v in chain.verdicts] == ["russians_within_foreigners", "russian_share"]
