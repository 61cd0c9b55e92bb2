"""Entries as canonical JSON, their round trips, and the store's append contract."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.ledger.conftest import Backend
from toolkit.errors import LedgerError
from toolkit.ledger import api
from toolkit.ledger.canonical import canonical_bytes, parse_entry_bytes
from toolkit.ledger.entries import (
    Agent,
    Assertion,
    Correction,
    Redaction,
    Sealed,
    decode,
)
from toolkit.ledger.merkle import MerkleTree, leaf_hash, verify_inclusion
from toolkit.ledger.store import open_store


def test_numbers_are_decimal_strings_and_keys_sorted() -> None:
    entry = Assertion(
        id="assertion:x:1",
        at="2022-09-23T00:00:00Z",
        figure="x",
        text="1.6 million",
        value=Decimal("1.6E+6"),
        agent="agent:lusa",
    )
    data = canonical_bytes(entry.payload())
    assert b'"value":"1600000"' in data
    keys = list(json.loads(data))
    assert keys == sorted(keys)
    assert canonical_bytes({"n": 36, "d": Decimal("36.50")}) == b'{"d":"36.5","n":"36"}'


def test_float_is_refused() -> None:
    with pytest.raises(LedgerError, match="float"):
        canonical_bytes({"value": 1.5})


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
_decimals = st.decimals(allow_nan=False, allow_infinity=False, places=4, max_value=10**12)


@given(
    figure=_text,
    text=_text,
    value=st.none() | _decimals,
    quote=st.none() | _text,
    role=st.sampled_from(["originator", "reporter", "publisher", "republisher", "translator"]),
)
def test_assertion_round_trips(
    figure: str, text: str, value: Decimal | None, quote: str | None, role: str
) -> None:
    entry = Assertion(
        id="assertion:x:1",
        at="2022-09-23T00:00:00Z",
        figure=figure,
        text=text,
        value=value,
        role=role,  # type: ignore[arg-type]
        agent="agent:a",
        quote=quote,
    )
    data = canonical_bytes(entry.payload())
    back = decode(parse_entry_bytes(data))
    assert back == entry
    assert canonical_bytes(back.payload()) == data


def test_sealed_name_never_enters_the_bytes() -> None:
    sealed = Sealed.seal("Michael Melvin")
    person = Agent(id="agent:p", at="t", name=sealed, type="person", claimed=True)
    data = canonical_bytes(person.payload())
    assert b"Melvin" not in data
    assert sealed.digest.encode() in data
    assert decode(parse_entry_bytes(data)).display.startswith("[redacted ")  # type: ignore[attr-defined]


def test_append_assigns_positions_and_dedupes_agents(backend: Backend) -> None:
    lusa = Agent(id="agent:lusa", at="t", name="Lusa")
    with open_store(backend.location, create=True) as store:
        rows = store.append([lusa, lusa])
        rows += store.append([lusa, Agent(id="agent:cm", at="t", name="CM Jornal")])
        assert [r.seq for r in rows] == [0, 1]
        assert store.size() == 2
        found = store.find("agent:cm")
        assert found is not None and found.seq == 1
        assert store.find("1") == found
        assert store.find("nope") is None


def test_stored_bytes_are_the_hashed_bytes(backend: Backend) -> None:
    entry = Agent(id="agent:lusa", at="t", name="Lusa")
    with open_store(backend.location, create=True) as store:
        (row,) = store.append([entry])
    assert row.data == canonical_bytes(entry.payload())
    assert row.leaf == leaf_hash(row.data)
    (stored,) = backend.sql("SELECT data FROM entries")
    assert bytes(stored[0]) == row.data


def test_redaction_removes_the_name_but_keeps_proofs(backend: Backend) -> None:
    sealed = Sealed.seal("Michael Melvin")
    person = Agent(id="agent:p", at="t", name=sealed, type="person", claimed=True)
    with open_store(backend.location, create=True) as store:
        store.append([person, Agent(id="agent:lusa", at="t", name="Lusa")])
        before = MerkleTree(store.leaves())
        assert store.personal()[sealed.digest][1] == "Michael Melvin"
        store.append([Redaction(id="redaction:1", at="t", digest=sealed.digest, reason="GDPR")])
        assert sealed.digest not in store.personal()
        after = MerkleTree(store.leaves())
    proof = after.inclusion_proof(0, 2)
    verify_inclusion(0, 2, before.leaf(0), proof, before.root())
    assert api.verify(backend.location).valid
    lines = [line.summary for line in api.log(backend.location)]
    assert lines[0] == f"person [redacted {sealed.digest[:12]}] (claimed identity)"


def test_correction_links_to_what_it_revises(backend: Backend, seed_claims: list) -> None:
    api.record_claims(seed_claims, backend.location)
    row = api.correct("russians", "1.7 million", "ministry revised", backend.location)
    chain = api.show("russians", backend.location)
    (fix,) = chain.corrections
    assert isinstance(fix, Correction) and fix.id == row.id
    assert fix.revises == chain.last.id
    assert chain.current == Decimal("1700000")
    assert chain.links[0].value == Decimal("1600000")
    api.correct("russians", "1.8 million", "again", backend.location)
    chain = api.show("russians", backend.location)
    assert chain.corrections[1].revises == chain.corrections[0].id
    assert chain.current == Decimal("1800000")


_json_values = st.recursive(
    st.none() | st.booleans() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(st.characters(max_codepoint=127)), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(st.dictionaries(st.text(st.characters(max_codepoint=127)), _json_values, max_size=6))
def test_fast_canonical_form_equals_rfc8785(payload: dict) -> None:
    import rfc8785

    try:
        expected = rfc8785.dumps(payload)
    except rfc8785.CanonicalizationError:
        with pytest.raises(LedgerError):
            canonical_bytes(payload)
        return
    assert canonical_bytes(payload) == expected


def test_non_ascii_keys_sort_by_utf16() -> None:
    import rfc8785

    payload = {"\U0001f600": "a", "\ufb01": "b", "e": "c"}
    assert canonical_bytes(payload) == rfc8785.dumps(payload)
