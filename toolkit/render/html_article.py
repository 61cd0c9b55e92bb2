"""The article on the report page: its text as paragraphs, each figure a marked link.

A figure's mark carries its verdict as icon and word, not only colour; the sentence that
states a rule is an anchor the rule links to; every string is escaped.
"""

from __future__ import annotations

import bisect
import html
import itertools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.extraction.claim import Claim

__all__ = ["LABELS", "esc", "figure_marks", "mark", "marked", "quotes", "sentence_anchors"]

#: Verdict → (icon, word). ``none``: no rule names the figure.
LABELS = {
    "inconsistent": ("✗", "inconsistent"),
    "uncertain": ("?", "uncertain"),
    "consistent": ("✓", "consistent"),
    "unchecked": ("–", "unchecked"),
    "none": ("○", "no rule"),
}


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def figure_marks(
    spans: Mapping[str, tuple[int, int]], fig_ids: Mapping[str, str]
) -> dict[int, tuple[int, str]]:
    """Start → (end, claim id) for the figures to mark; overlapping ones keep the first."""
    out: dict[int, tuple[int, str]] = {}
    last_end = -1
    for cid, (start, end) in sorted(spans.items(), key=lambda kv: kv[1]):
        if cid in fig_ids and start >= last_end and end > start:
            out[start] = (end, cid)
            last_end = end
    return out


def sentence_anchors(
    evidence: Mapping[str, tuple[int, int]], marks: Mapping[int, tuple[int, str]]
) -> tuple[dict[int, tuple[int, str]], dict[str, str]]:
    """Sentence spans to anchor (start → (end, anchor id)) and each rule's anchor id."""
    starts = sorted(marks)
    kept: list[tuple[int, int, str]] = []
    ev_of: dict[str, str] = {}
    for rule, (start, end) in sorted(evidence.items(), key=lambda kv: kv[1]):
        # Never cut a marked figure in two: widen to whole marks.
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and marks[starts[k]][0] > start:
            start = starts[k]
        k = bisect.bisect_left(starts, end) - 1
        if k >= 0 and marks[starts[k]][0] > end:
            end = marks[starts[k]][0]
        if kept and start < kept[-1][1]:
            ev_of[rule] = kept[-1][2]  # same or overlapping sentence: share its anchor
            continue
        anchor = f"s{len(kept) + 1}"
        kept.append((start, end, anchor))
        ev_of[rule] = anchor
    return {s: (e, a) for s, e, a in kept}, ev_of


def mark(cid: str, text: str, fig_ids: Mapping[str, str], verdicts: Mapping[str, str]) -> str:
    verdict = verdicts.get(cid, "none")
    icon, word = LABELS[verdict]
    fid = fig_ids[cid]
    return (
        f'<a class="fig v-{verdict}" id="m{fid[1:]}" href="#{fid}" data-claim="{esc(cid)}" '
        f'data-verdict="{verdict}">{esc(text)}<span class="tag" aria-hidden="true">{icon}</span>'
        f'<span class="sr"> ({word})</span></a>'
    )


def marked(
    text: str,
    marks: Mapping[int, tuple[int, str]],
    sentences: Mapping[int, tuple[int, str]],
    fig_ids: Mapping[str, str],
    verdicts: Mapping[str, str],
) -> str:
    """The article as paragraphs (one per line) with marks and sentence anchors."""
    points = {0, len(text)}
    for s, (e, _) in marks.items():
        points.update((s, e))
    for s, (e, _) in sentences.items():
        points.update((s, e))
    ordered = sorted(p for p in points if 0 <= p <= len(text))
    ends = {e: a for s, (e, a) in sentences.items()}
    out: list[str] = ['<p dir="auto">']
    open_ev: str | None = None
    skip_to = 0
    for a, b in itertools.pairwise(ordered):
        if open_ev is not None and ends.get(a) == open_ev:
            out.append("</span>")
            open_ev = None
        if a in sentences and open_ev is None:
            open_ev = sentences[a][1]
            out.append(f'<span class="ev" id="{open_ev}">')
        if a < skip_to:
            continue
        if a in marks:
            end, cid = marks[a]
            out.append(mark(cid, text[a:end], fig_ids, verdicts))
            skip_to = end
            continue
        out.append(_paragraphs(text[a:b], open_ev))
    if open_ev is not None:
        out.append("</span>")
    out.append("</p>")
    return "".join(out)


def _paragraphs(chunk: str, open_ev: str | None) -> str:
    """Escaped text; each line break closes the paragraph (and any open sentence) and reopens."""
    if "\n" not in chunk:
        return esc(chunk)
    close = "</span>" if open_ev else ""
    reopen = f'<span class="ev" data-of="{open_ev}">' if open_ev else ""
    return f'{close}</p>\n<p dir="auto">{reopen}'.join(esc(line) for line in chunk.split("\n"))


def quotes(claims: Iterable[Claim], fig_ids: Mapping[str, str], verdicts: Mapping[str, str]) -> str:
    """Without an article: each figure inside the quote that states it."""
    items = []
    for c in claims:
        quote = c.quote or ""
        at = quote.lower().find(c.text.lower()) if c.text and quote else -1
        if not quote:
            body = mark(c.id, c.text or c.id, fig_ids, verdicts) + (
                f" {esc(c.subject)}" if c.subject else ""
            )
        elif at >= 0:
            body = (
                esc(quote[:at])
                + mark(c.id, quote[at : at + len(c.text)], fig_ids, verdicts)
                + esc(quote[at + len(c.text) :])
            )
        else:
            body = f"{esc(quote)} ({mark(c.id, c.text or c.id, fig_ids, verdicts)})"
        items.append(f'<blockquote dir="auto">{body}</blockquote>')
    if not items:
        return '<p class="empty">No figures were found in this input.</p>'
    return '<div class="quotes">' + "".join(items) + "</div>"
