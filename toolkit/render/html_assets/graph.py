"""The provenance graph as inline SVG: agents → documents → figures.

Agents are the people and bodies named (sources, authors, publishers);
documents are the articles the figures appear in (one per byline, publisher
and date); figures are the claims, coloured and labelled by verdict. Authors
and publishers point at their documents, documents at the figures they
state, and a figure's stated source points at it (dashed). Past
``GROUP_OVER`` figures, figures with the same document and source are drawn
as one node ("12 figures") so the drawing stays readable.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from toolkit.extraction.claim import Claim

__all__ = ["GROUP_OVER", "render_graph"]

GROUP_OVER = 40
_W, _H, _GAP, _TOP, _COLS = 250, 28, 10, 24, (10, 330, 650)
_ICONS = {"inconsistent": "✗", "uncertain": "?", "consistent": "✓", "unchecked": "–", "none": "○"}
_RANK = {"inconsistent": 4, "uncertain": 3, "consistent": 2, "unchecked": 1, "none": 0}
_NO_SOURCE = "(no stated source)"


def _fit(text: str, room: int = 36) -> str:
    """Shorten to about ``room`` Latin characters; wide (CJK) characters count double."""
    used, out = 0, list[str]()
    for ch in text:
        used += 2 if ord(ch) >= 0x1100 and not 0x0590 <= ord(ch) <= 0x08FF else 1
        if used > room:
            return "".join(out).rstrip() + "…"
        out.append(ch)
    return text


def _doc_label(c: Claim, title: str) -> str:
    by = " · ".join(x for x in (c.author, c.publisher, c.published) if x)
    return by or title or "the article"


def render_graph(
    claims: Sequence[Claim],
    fig_ids: Mapping[str, str],
    verdicts: Mapping[str, str],
    title: str = "",
) -> str:
    """The ``<figure>`` with the SVG and its legend; a short note when there are no figures."""
    if not claims:
        return '<p class="empty">No figures, so no sources to draw.</p>'
    agents: dict[str, set[str]] = {}
    docs: dict[str, str] = {}
    edges: set[tuple[str, str, str]] = set()
    figs: dict[str, tuple[str, str, str | None]] = {}  # node → (label, verdict, anchor)
    counts: dict[str, int] = {}
    group = len(claims) > GROUP_OVER
    for c in claims:
        doc = "d:" + _doc_label(c, title)
        docs[doc] = _doc_label(c, title)
        for role, name in (("author", c.author), ("publisher", c.publisher)):
            if name:
                agents.setdefault("a:" + name, set()).add(role)
                edges.add(("a:" + name, doc, "e"))
        source = "a:" + (c.source or _NO_SOURCE)
        agents.setdefault(source, set()).add("source" if c.source else "none")
        verdict = verdicts.get(c.id, "none")
        if group:
            node = f"g:{doc}|{source}"
            counts[node] = counts.get(node, 0) + 1
            old = figs.get(node, ("", "none", None))[1]
            worst = verdict if _RANK[verdict] > _RANK[old] else old
            figs[node] = (f"{counts[node]:,} figures", worst, None)
        else:
            node = "f:" + c.id
            label = f"{c.text} {c.subject}" if c.subject else c.text or c.id
            figs[node] = (label, verdict, fig_ids.get(c.id))
        edges.add((doc, node, "e"))
        edges.add((source, node, "src"))
    columns = [list(agents), list(docs), list(figs)]
    tallest = max(len(col) for col in columns)
    height = tallest * (_H + _GAP) + _GAP + _TOP
    pos: dict[str, tuple[int, int]] = {}
    for x, col in zip(_COLS, columns, strict=True):
        top = _TOP + (height - _TOP - len(col) * (_H + _GAP) + _GAP) // 2
        for i, node in enumerate(col):
            pos[node] = (x, top + i * (_H + _GAP))
    out = [
        '<figure class="graph">',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 910 {height}" width="910" '
        f'height="{height}" role="group" aria-labelledby="graph-title">',
        '<title id="graph-title">Provenance: agents (left) → documents (middle) → figures '
        "(right)</title>",
        *(
            f'<text class="head" x="{x}" y="16">{head}</text>'
            for x, head in zip(_COLS, ("Agents", "Documents", "Figures"), strict=True)
        ),
    ]
    for a, b, kind in sorted(edges):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        sx, sy, ex, ey = x1 + _W, y1 + _H // 2, x2, y2 + _H // 2
        mid = (sx + ex) // 2
        css = ' class="src"' if kind == "src" else ""
        out.append(f'<path{css} d="M{sx},{sy} C{mid},{sy} {mid},{ey} {ex},{ey}"/>')
    for node, roles in agents.items():
        name = node[2:]
        cls = "n nosrc" if roles == {"none"} else "n agent"
        full = f"{name} ({', '.join(sorted(roles - {'none'})) or 'no source'})"
        out.append(_node(pos[node], cls, _fit(name), full))
    for node, label in docs.items():
        out.append(_node(pos[node], "n doc", _fit(label), f"Document: {label}"))
    for node, (label, verdict, anchor) in figs.items():
        text = f"{_ICONS[verdict]} {_fit(label, 34)}"
        full = f"{label}: {verdict if verdict != 'none' else 'no rule'}"
        out.append(_node(pos[node], f"n fign v-{verdict}", text, full, anchor))
    out.append("</svg>")
    out.append(
        '<figcaption class="legend">Left: who stated or published the figures; middle: the '
        "documents; right: the figures with their verdicts (✓ consistent, ? uncertain, ✗ "
        "inconsistent, – unchecked, ○ no rule). Solid lines: wrote, published, states; dashed: "
        "the figure's stated source."
        + (" Figures are grouped by document and source." if group else "")
        + "</figcaption></figure>"
    )
    return "\n".join(out)


def _node(at: tuple[int, int], cls: str, text: str, full: str, anchor: str | None = None) -> str:
    x, y = at
    body = (
        f'<g class="{cls}"><title>{html.escape(full)}</title>'
        f'<rect x="{x}" y="{y}" width="{_W}" height="{_H}" rx="5"/>'
        f'<text x="{x + 8}" y="{y + 18}">{html.escape(text)}</text></g>'
    )
    if anchor:
        return f'<a href="#{anchor}" aria-label="{html.escape(full)}">{body}</a>'
    return body
