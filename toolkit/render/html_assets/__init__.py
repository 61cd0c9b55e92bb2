"""The HTML report's style sheet, kept as a module so it ships with the package."""

from __future__ import annotations

__all__ = ["CSS"]

CSS = """
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--panel:#f6f8fa;--focus:#0b57d0;
--ok:#1a7f37;--ok-bg:#dcf5e3;--warn:#8a5a00;--warn-bg:#fff1c2;--bad:#b3261e;--bad-bg:#fde2e0;
--off:#57606a;--off-bg:#eceef1}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:var(--bg);font:16px/1.5 system-ui,-apple-system,
"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Hebrew","Noto Sans CJK SC",sans-serif}
a{color:var(--focus)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem 1rem;z-index:9}
.skip:focus{left:.5rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.wrap{max-width:74rem;margin:0 auto;padding:0 1.25rem}
header.summary{border-bottom:1px solid var(--line);background:var(--panel);padding:1.25rem 0 1rem}
.kicker{margin:0;color:var(--muted);font-size:.85rem;letter-spacing:.04em;text-transform:uppercase}
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 .5rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:0 0 .4rem}
.meta{margin:0 0 .75rem;color:var(--muted);font-size:.9rem}
.status{font-size:1.15rem;font-weight:600;margin:.5rem 0;padding:.5rem .75rem;border-left:6px solid}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.5rem 0}
.counts li{padding:.3rem .7rem;border:1px solid;border-radius:6px;font-size:.95rem}
.counts b{font-size:1.2rem;margin:0 .2rem}
nav.toc{font-size:.9rem;margin-top:.5rem}
nav.toc a{margin-right:1rem}
.v-consistent{--c:var(--ok);--cb:var(--ok-bg)}
.v-uncertain{--c:var(--warn);--cb:var(--warn-bg)}
.v-inconsistent{--c:var(--bad);--cb:var(--bad-bg)}
.v-unchecked,.v-none{--c:var(--off);--cb:var(--off-bg)}
.status,.counts li,.badge{border-color:var(--c);background:var(--cb);color:var(--ink)}
.badge{display:inline-block;border:1px solid;border-radius:4px;padding:0 .4rem;font-size:.8rem;
font-weight:600;white-space:nowrap;vertical-align:1px}
.grid{display:grid;grid-template-columns:minmax(0,1fr);gap:0 2.5rem}
@media (min-width:68rem){.grid{grid-template-columns:minmax(0,7fr) minmax(0,5fr)}}
.article{font-family:Georgia,"Noto Serif","Times New Roman",serif;font-size:1.06rem;line-height:1.7}
.article p{margin:0 0 1em}
.article p:empty{display:none}
.quotes blockquote{margin:0 0 .75rem;padding:.25rem .75rem;border-left:3px solid var(--line)}
a.fig{color:inherit;text-decoration:none;background:var(--cb);border-bottom:3px solid var(--c);
padding:0 .15em;border-radius:3px 3px 0 0;-webkit-box-decoration-break:clone;
box-decoration-break:clone}
a.fig.v-uncertain{border-bottom-style:dashed}
a.fig.v-inconsistent{border-bottom-style:double;border-bottom-width:4px}
a.fig.v-none,a.fig.v-unchecked{border-bottom-style:dotted;background:transparent}
a.fig:hover{filter:brightness(.95)}
.tag{font:700 .75em/1 system-ui,sans-serif;color:var(--c);margin-left:.15em;vertical-align:.15em}
.ev{background:linear-gradient(transparent 60%,#e7ecf7 60%)}
.ev:target{background:#dbe6fb;outline:2px solid var(--focus)}
.card{border:1px solid var(--line);border-left:5px solid var(--c);border-radius:6px;
padding:.6rem .8rem;margin:0 0 .75rem;background:var(--bg)}
.big .card{content-visibility:auto;contain-intrinsic-size:auto 13rem}
.card:target{box-shadow:0 0 0 3px var(--focus)}
.card p{margin:.3rem 0}
.card dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .75rem;
margin:.4rem 0;font-size:.92rem}
.card dt{color:var(--muted)}
.card dd{margin:0;overflow-wrap:anywhere}
.card .links{font-size:.88rem}
code{font:.88em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);
padding:.05rem .3rem;border-radius:4px;overflow-wrap:anywhere}
.warn{color:var(--bad);font-weight:600}
.empty{padding:1rem;border:1px dashed var(--line);border-radius:6px;color:var(--muted)}
.findings li{margin:.3rem 0}
.graph{overflow-x:auto;border:1px solid var(--line);border-radius:6px;padding:.5rem;
background:var(--bg)}
.graph svg{display:block;max-width:100%;height:auto;font:12px system-ui,sans-serif}
.graph .n rect{stroke-width:1.5}
.graph .agent rect{fill:#eef2ff;stroke:#4f46e5}
.graph .doc rect{fill:#f6f8fa;stroke:#57606a}
.graph .fign rect{fill:var(--cb);stroke:var(--c)}
.graph .nosrc rect{fill:#fff;stroke:var(--bad);stroke-dasharray:4 3}
.graph path{fill:none;stroke:#8c959f;stroke-width:1.2}
.graph path.src{stroke:#4f46e5;stroke-dasharray:5 4;opacity:.7}
.graph a:focus rect{stroke:var(--focus);stroke-width:3}
.graph .head{font-weight:700;fill:#57606a}
.legend{font-size:.85rem;color:var(--muted)}
footer{margin:3rem 0 2rem;color:var(--muted);font-size:.85rem}
@media print{
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 body{font-size:11pt}
 .skip,nav.toc{display:none}
 header.summary{background:none}
 .grid{display:block}
 .card,.graph,blockquote{break-inside:avoid;content-visibility:visible}
 a{color:inherit;text-decoration:none}
 h2{break-after:avoid}
}
"""
