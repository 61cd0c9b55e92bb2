"""The HTML report: one self-contained page, the article with every figure marked by verdict.

No scripts, no network: a Content-Security-Policy forbids both, every string
from the input goes through ``html.escape``, and interaction is plain links
(a figure in the text links to its card, a rule to the sentence that states
it), so it works with a keyboard and prints. Colour is never the only signal:
every verdict also has an icon and a word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from toolkit import __version__
from toolkit.check.explain import format_interval
from toolkit.render.html_article import (
    LABELS,
    esc,
    figure_marks,
    marked,
    quotes,
    sentence_anchors,
)
from toolkit.render.html_assets import CSS
from toolkit.render.html_assets.graph import render_graph

if TYPE_CHECKING:
    from toolkit.check.report import CheckResult, Report
    from toolkit.extraction.claim import Claim
    from toolkit.render.page import Page

__all__ = ["LABELS", "figure_verdicts", "render_html"]

#: Past this many figures the page lets the browser skip laying out cards off screen.
BIG = 300
_RANK = {"inconsistent": 4, "uncertain": 3, "consistent": 2, "unchecked": 1, "none": 0}
_QUALIFIERS = {"=": "as stated", "~": "about", ">": "more than", ">=": "at least",
               "<": "less than", "<=": "at most"}  # fmt: skip
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)


def badge(verdict: str) -> str:
    icon, word = LABELS[verdict]
    return f'<span class="badge v-{verdict}"><span aria-hidden="true">{icon}</span> {word}</span>'


def figure_verdicts(checks: Iterable[CheckResult]) -> dict[str, str]:
    """Each claim id's worst verdict over the rules that name it."""
    out: dict[str, str] = {}
    for r in checks:
        for cid in r.claims:
            if _RANK[r.verdict.value] > _RANK[out.get(cid, "none")]:
                out[cid] = r.verdict.value
    return out


def render_html(page: Page) -> str:
    """The whole page as a string."""
    rep = page.report
    verdicts = figure_verdicts(rep.checks)
    fig_ids = {c.id: f"f{n}" for n, c in enumerate(rep.claims, 1)}
    rule_ids = {r.rule: f"r{n}" for n, r in enumerate(rep.checks, 1)}
    marks = figure_marks(page.spans, fig_ids)
    sentences, ev_of = sentence_anchors(page.evidence, marks)
    order = sorted(rep.claims, key=lambda c: page.spans.get(c.id, (1 << 60, 0))[0])
    if page.text is not None:
        body = marked(page.text, marks, sentences, fig_ids, verdicts)
        text_part = f'<div class="article" lang="und" dir="auto">{body}</div>'
    else:
        text_part = quotes(order, fig_ids, verdicts)
    parts = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="claimledger">',
        f"<title>{esc(page.title)} · claimledger report</title>",
        f"<style>{CSS}</style>",
        "</head>",
        f'<body class="{"big" if len(rep.claims) > BIG else ""}">',
        '<a class="skip" href="#article">Skip to the article</a>',
        _summary(page, verdicts),
        '<main class="wrap">',
        '<div class="grid">',
        '<section id="article" aria-labelledby="h-article">',
        f'<h2 id="h-article">{"The article" if page.text is not None else "The figures as quoted"}'
        "</h2>",
        text_part,
        "</section>",
        '<section id="rules" aria-labelledby="h-rules">',
        f'<h2 id="h-rules">Rules ({len(rep.checks):,})</h2>',
        _rules(rep.checks, rule_ids, fig_ids, ev_of, rep.claims, page.text is not None),
        "</section>",
        "</div>",
        _findings(rep, fig_ids),
        '<section id="figures" aria-labelledby="h-figures">',
        f'<h2 id="h-figures">Figures ({len(rep.claims):,})</h2>',
        _figures(order, fig_ids, rule_ids, verdicts, rep.checks, marks, page.text is not None),
        "</section>",
        '<section id="provenance" aria-labelledby="h-prov">',
        '<h2 id="h-prov">Where the figures come from</h2>',
        render_graph(rep.claims, fig_ids, verdicts, page.title),
        "</section>",
        "</main>",
        f'<footer class="wrap">Made by claimledger {esc(__version__)} from '
        f"<code>{esc(page.source)}</code>. This page runs no scripts and loads nothing.</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _summary(page: Page, verdicts: Mapping[str, str]) -> str:
    rep = page.report
    s = rep.summary
    if s["inconsistent"]:
        worst, say = (
            "inconsistent",
            (f"{_n(s['inconsistent'], 'rule')} inconsistent: these figures cannot all be right."),
        )
    elif s["uncertain"]:
        worst, say = "uncertain", f"{_n(s['uncertain'], 'rule')} uncertain: worth a second look."
    elif rep.checks:
        worst, say = "consistent", "Nothing inconsistent: every checked rule holds."
    else:
        worst, say = "none", "No rules to check."
    if not rep.claims:
        say = "No figures were found in this input, so there is nothing to check."
    icon = LABELS[worst][0]
    counts = "".join(
        f'<li class="v-{v}"><span aria-hidden="true">{LABELS[v][0]}</span>'
        f"<b>{s[v]:,}</b>{LABELS[v][1]}</li>"
        for v in ("inconsistent", "uncertain", "consistent", "unchecked")
    )
    unruled = sum(1 for c in rep.claims if c.id not in verdicts)
    who = " · ".join(
        esc(x)
        for x in (
            f"by {page.author}" if page.author else None,
            page.publisher,
            page.source,
        )
        if x
    )
    return (
        '<header class="summary" id="summary"><div class="wrap">'
        '<p class="kicker">claimledger report</p>'
        f'<h1 dir="auto">{esc(page.title)}</h1>'
        f'<p class="meta">{who}</p>'
        f'<p class="status v-{worst}" role="status">'
        f'<span aria-hidden="true">{icon}</span> {say}</p>'
        f'<ul class="counts" aria-label="Rule verdicts">{counts}</ul>'
        f'<p class="meta">{_n(len(rep.claims), "figure")} ({unruled} named by no rule), '
        f"{_n(len(rep.checks), 'rule')}, {_n(len(rep.findings), 'finding')}.</p>"
        '<nav class="toc" aria-label="Sections"><a href="#article">Article</a>'
        '<a href="#rules">Rules</a><a href="#findings">Findings</a>'
        '<a href="#figures">Figures</a><a href="#provenance">Sources</a></nav>'
        "</div></header>"
    )


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


_SEVERITY = {"inconsistent": 0, "uncertain": 1, "unchecked": 2, "consistent": 3}


def _rules(
    checks: Iterable[CheckResult],
    rule_ids: Mapping[str, str],
    fig_ids: Mapping[str, str],
    ev_of: Mapping[str, str],
    claims: Iterable[Claim],
    has_text: bool,
) -> str:
    by_id = {c.id: c for c in claims}
    cards = []
    # What an editor must look at first: the figures that cannot all be true.
    for r in sorted(checks, key=lambda r: _SEVERITY.get(r.verdict.value, 9)):
        v = r.verdict.value
        figs = ", ".join(
            f'<a href="#{fig_ids[cid]}">{esc(_name(by_id[cid]))}</a>'
            for cid in dict.fromkeys(r.claims)
            if cid in by_id
        )
        if r.rule in ev_of:
            stated = f'<a href="#{ev_of[r.rule]}">the sentence that states it</a>'
        else:
            stated = "not located in the text" if has_text else "no article given"
        note = f'<p class="note" dir="auto">Why: {esc(r.note)}</p>' if r.note else ""
        saved = (
            f"<p>Consistent only with the lenient reading of {esc(', '.join(r.saved_by))}.</p>"
            if r.saved_by
            else ""
        )
        cards.append(
            f'<article class="card rule v-{v}" id="{rule_ids[r.rule]}" data-rule="{esc(r.rule)}" '
            f'data-verdict="{v}"><h3>{badge(v)} {esc(r.rule)}</h3>'
            f"<p><code>{esc(r.expression)}</code></p>"
            f'<p dir="auto">{esc(r.explanation)}</p>{note}{saved}'
            f'<p class="links">Figures: {figs or "none"} · Stated in: {stated}</p></article>'
        )
    if not cards:
        return '<p class="empty">No rules were given or found in the wording.</p>'
    return "".join(cards)


def _name(c: Claim) -> str:
    return f"{c.text} {c.subject}" if c.subject else (c.text or c.id)


def _findings(rep: Report, fig_ids: Mapping[str, str]) -> str:
    items = []
    for f in rep.findings:
        links = " ".join(
            f'<a href="#{fig_ids[cid]}">{esc(cid)}</a>' for cid in f.claims if cid in fig_ids
        )
        items.append(
            f'<li data-code="{esc(f.code)}"><span class="warn"><span aria-hidden="true">⚠</span> '
            f'{esc(f.code)}</span>: <span dir="auto">{esc(f.message)}</span> {links}</li>'
        )
    body = (
        f'<ul class="findings">{"".join(items)}</ul>'
        if items
        else '<p class="empty">No findings.</p>'
    )
    return (
        '<section id="findings" aria-labelledby="h-findings">'
        f'<h2 id="h-findings">Findings ({len(items):,})</h2>{body}</section>'
    )


def _figures(
    claims: Iterable[Claim],
    fig_ids: Mapping[str, str],
    rule_ids: Mapping[str, str],
    verdicts: Mapping[str, str],
    checks: Iterable[CheckResult],
    marks: Mapping[int, tuple[int, str]],
    has_text: bool,
) -> str:
    rules_of: dict[str, list[str]] = {}
    for r in checks:
        for cid in dict.fromkeys(r.claims):
            rules_of.setdefault(cid, []).append(r.rule)
    marked = {cid for _, cid in marks.values()}
    cards = []
    for c in claims:
        v = verdicts.get(c.id, "none")
        fid = fig_ids[c.id]
        rows = [("Reading", _reading(c))]
        if c.figure is not None:
            rows.append(("Qualifier", _QUALIFIERS.get(c.figure.qualifier, c.figure.qualifier)))
        rows += [("Unit", c.unit or "—"), ("Subject", c.subject or "—")]
        source = esc(c.source) if c.source else '<span class="warn">⚠ no stated source</span>'
        dl = "".join(f'<dt>{k}</dt><dd dir="auto">{esc(val)}</dd>' for k, val in rows)
        dl += f'<dt>Source</dt><dd dir="auto">{source}</dd>'
        for label, value in (
            ("Author", c.author),
            ("Publisher", c.publisher),
            ("Published", c.published),
        ):
            if value:
                dl += f'<dt>{label}</dt><dd dir="auto">{esc(value)}</dd>'
        if c.url:
            dl += f"<dt>URL</dt><dd>{_link(c.url)}</dd>"
        if c.line is not None:
            dl += f"<dt>Input line</dt><dd>{c.line}</dd>"
        rules = ", ".join(f'<a href="#{rule_ids[r]}">{esc(r)}</a>' for r in rules_of.get(c.id, ()))
        back = (
            f' · <a href="#m{fid[1:]}">Show {"in the text" if has_text else "its quote"}</a>'
            if c.id in marked or not has_text
            else " · not located in the text"
        )
        cards.append(
            f'<article class="card figure v-{v}" id="{fid}" data-claim="{esc(c.id)}" '
            f'data-verdict="{v}"><h3>{badge(v)} <span dir="auto">{esc(_name(c))}</span></h3>'
            f"<dl><dt>Id</dt><dd><code>{esc(c.id)}</code></dd>{dl}</dl>"
            f'<p class="links">Rules: {rules or "none"}{back}</p></article>'
        )
    if not cards:
        return '<p class="empty">No figures were found in this input.</p>'
    return "".join(cards)


def _reading(c: Claim) -> str:
    if c.figure is None:
        return "not reported"
    strict = format_interval(c.figure.strict, c.unit)
    lenient = format_interval(c.figure.lenient, c.unit)
    return strict if lenient == strict else f"{strict} (lenient: {lenient})"


def _link(url: str) -> str:
    # Only web links become links: a javascript: URL in the input must stay text.
    if url.lower().startswith(("https://", "http://")):
        return f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(url)}</a>'
    return esc(url)
