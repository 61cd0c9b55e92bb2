"""PROV export: the direct PROV-JSON / PROV-N writers against the ``prov`` package.

The writers never build ``prov``'s model (too slow at 10^4 entries), so these
tests hold them to it: the same text ``prov`` writes for the same
statements, byte for byte, and what ``prov`` reads back from our text equals
the document ``prov`` built itself.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ledger.conftest import SEED
from toolkit.ledger import api
from toolkit.ledger.claims import Attribution
from toolkit.ledger.entries import Agent, Assertion, CheckResult, Correction, Entry, Sealed
from toolkit.ledger.provenance import prov_document, render_export
from toolkit.ledger.store import open_store
from toolkit.ledger.views import Snapshot, load

prov_model = pytest.importorskip("prov.model")
REPUBLISHED = Attribution(republisher="24 News Reporters", byline="Michael Melvin")


@pytest.fixture
def seed_snapshot(tmp_path: Path) -> Snapshot:
    """The seed with a byline, a correction and check verdicts: every kind of statement."""
    from toolkit.check import check

    location = str(tmp_path / "ledger.sqlite")
    api.record(SEED / "claims.csv", location, REPUBLISHED)
    api.correct("russians", "1.7 million", "ministry revised", location)
    api.record_checks(check(SEED / "claims.csv", SEED / "rules.yaml").checks, location)
    with open_store(location) as store:
        return load(store)


def _snapshot(entries: list[Entry]) -> Snapshot:
    return Snapshot(tuple(enumerate(entries)), {e.id: e for e in entries})


def _same_as_prov(snap: Snapshot) -> None:
    doc = prov_document(snap)
    ours_json = render_export(snap, "prov-json")
    ours_n = render_export(snap, "prov-n")
    assert ours_json == str(doc.serialize(indent=2)) + "\n"
    assert ours_n == str(doc.get_provn()) + "\n"
    Doc = prov_model.ProvDocument
    assert Doc.deserialize(content=ours_json, format="json") == doc
    assert Doc.deserialize(content=ours_n, format="provn") == doc


def test_seed_export_is_what_prov_writes_and_reads_back(seed_snapshot: Snapshot) -> None:
    _same_as_prov(seed_snapshot)


def test_seed_export_through_prov_read(seed_snapshot: Snapshot, tmp_path: Path) -> None:
    import prov

    doc = prov_document(seed_snapshot)
    for fmt, name in (("prov-json", "json"), ("prov-n", "provn")):
        path = tmp_path / f"export.{name}"
        path.write_text(render_export(seed_snapshot, fmt), encoding="utf-8")
        assert prov.read(str(path), format=name) == doc


def test_seed_export_has_every_kind_of_statement(seed_snapshot: Snapshot) -> None:
    data = json.loads(render_export(seed_snapshot, "prov-json"))
    derivations = json.dumps(data["wasDerivedFrom"])
    for kind in ("prov:Quotation", "prov:PrimarySource", "prov:Revision"):
        assert kind in derivations
    assert data["hadMember"] and data["wasAttributedTo"]
    provn = render_export(seed_snapshot, "prov-n")
    assert "[prov:type='prov:Revision']" in provn
    assert 'cl:verdict="consistent"' in provn


def test_awkward_ids_and_text_stay_plain_names_and_exact_strings() -> None:
    odd = 'fig ü:(x)"'
    entries: list[Entry] = [
        Agent(id="agent:a", at="t", name='Agência "Lusa" \\ x'),
        Agent(id="agent:p", at="t", name=Sealed.seal("Zoë"), type="person", claimed=True),
        Assertion(
            id=f"assertion:{odd}:1",
            at="t",
            figure=odd,
            text="1.6\nmillion\r",
            value=Decimal("1600000"),
            agent="agent:a",
            quote="«quoted» \t tab",
        ),
        Correction(
            id=f"correction:{odd}:2",
            at="t",
            figure=odd,
            revises=f"assertion:{odd}:1",
            value=Decimal("1.5"),
            text="1.5",
            reason="é",
        ),
        CheckResult(id="check:r:3", at="t", rule="r", expression="a <= b", figures=(odd,)),
    ]
    snap = _snapshot(entries)
    _same_as_prov(snap)
    ids = json.loads(render_export(snap, "prov-json"))["entity"]
    assert all(i.startswith("cl:") and " " not in i and '"' not in i for i in ids)


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(_text, _text, _text, st.booleans()), min_size=1, max_size=5),
)
def test_any_chain_is_written_as_prov_writes_it(rows: list[tuple[str, str, str, bool]]) -> None:
    entries: list[Entry] = [Agent(id="agent:x", at="t", name="X")]
    previous: str | None = None
    roles = ("originator", "reporter", "publisher", "republisher")
    for i, (figure, text, quote, chained) in enumerate(rows):
        entries.append(
            Assertion(
                id=f"assertion:{figure}:{i}",
                at="t",
                figure=figure,
                text=text,
                agent="agent:x",
                role=roles[i % 4],
                quote=quote or None,
                derived_from=previous if chained else None,
            )
        )
        previous = entries[-1].id
    _same_as_prov(_snapshot(entries))


def test_an_id_used_twice_is_a_list_as_prov_writes_it() -> None:
    twice: list[Entry] = [
        Agent(id="agent:a", at="t", name="A"),
        Agent(id="agent:a", at="u", name="B"),
    ]
    _same_as_prov(_snapshot(twice))
    assert len(json.loads(render_export(_snapshot(twice), "prov-json"))["agent"]["cl:agent-a"]) == 2
