"""The report's one inline style and one inline script, and the Content-Security-Policy
that allows exactly those two (by hash) and nothing else."""

from __future__ import annotations

import base64
import hashlib

STYLE = """
:root{--fg:#1f2328;--muted:#57606a;--bg:#f4f6f8;--card:#fff;--line:#d8dee4;
--accent:#0b5cad;--error:#b42318;--warning:#9a5b00;--info:#1d5bbf;--site:#6941c6;
--mark:#ffe58f;--ok:#1a7f37}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:1.7rem;margin:0 0 4px}
h2{font-size:1.2rem;margin:0 0 12px}
h3{font-size:1rem;margin:16px 0 8px}
a{color:var(--accent)}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
.lede{color:var(--muted);margin:0}
.status{display:inline-block;margin-top:8px;padding:2px 12px;border-radius:999px;color:#fff;
font-weight:600}
.status.failed{background:var(--error)}
.status.passed{background:var(--ok)}
.banner{background:#fff4e5;border:1px solid #f0b35b;color:#6b3a00;border-radius:10px;
padding:12px 16px;margin:16px 0;font-weight:600}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;
padding:16px 20px;margin:16px 0}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:12px;
margin:16px 0}
.stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
.stat b{display:block;font-size:1.9rem;line-height:1.2;font-variant-numeric:tabular-nums}
.stat span{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.05em}
.stat.error b{color:var(--error)}
.stat.warning b{color:var(--warning)}
.stat.info b{color:var(--info)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
.grid .card{margin:0}
svg.chart{display:block;max-width:100%;height:auto}
svg text{fill:var(--fg);font-size:13px;font-family:inherit}
svg text.value,svg text.axis{fill:var(--muted)}
svg rect{fill:var(--accent)}
svg .error rect,svg rect.error{fill:var(--error)}
svg .warning rect,svg rect.warning{fill:var(--warning)}
svg .info rect,svg rect.info{fill:var(--info)}
svg .site rect{fill:var(--site)}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.path{word-break:break-all;min-width:14em}
.badge{display:inline-block;padding:0 8px;border-radius:999px;font-size:.78rem;
font-weight:600;color:#fff;background:var(--muted);white-space:nowrap}
.badge.error{background:var(--error)}
.badge.warning{background:var(--warning)}
.badge.info{background:var(--info)}
.badge.failed{background:#333}
.compare{display:flex;flex-wrap:wrap;gap:24px;margin-bottom:8px}
.compare b{font-size:1.5rem;margin-right:4px}
ul.plain{list-style:none;padding:0;margin:0}
ul.plain>li{padding:8px 0;border-top:1px solid var(--line)}
ul.plain>li:first-child{border-top:0}
.where{color:var(--muted);font-size:.9rem;word-break:break-all}
.filters{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end}
.filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted);
text-transform:uppercase;letter-spacing:.05em}
select,button{font:inherit;font-size:.95rem;padding:6px 10px;border:1px solid var(--line);
border-radius:6px;background:#fff;color:var(--fg);text-transform:none;letter-spacing:0}
select{min-width:170px;max-width:100%}
button{cursor:pointer}
button:hover,select:hover{border-color:var(--accent)}
#shown{margin:0 0 0 auto;font-weight:600;align-self:center}
details.page{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:10px 0}
details.page>summary{cursor:pointer;padding:12px 16px;display:flex;flex-wrap:wrap;gap:8px;
align-items:center}
details.page[open]>summary{border-bottom:1px solid var(--line)}
.page-path{font-weight:600;word-break:break-all;flex:1 1 280px}
.page-body{padding:8px 16px 16px}
.scores{display:flex;flex-wrap:wrap;gap:8px 24px;margin:8px 0;padding:0}
.scores div{display:flex;flex-direction:column}
.scores dt{font-size:.75rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.scores dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
ol.findings{list-style:none;padding:0;margin:0}
.finding{border-top:1px solid var(--line);padding:12px 0}
.finding-head{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.rule-name{color:var(--muted);font-size:.9rem}
.message{margin:6px 0}
pre.context{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;
border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:6px 0;
font-size:13px;line-height:1.5}
pre.context .lineno{color:var(--muted);user-select:none;margin-right:8px}
mark{background:var(--mark);color:inherit;border-bottom:2px solid var(--error);padding:0 1px}
.fix{margin:4px 0;font-size:.92rem}
.fix code{background:#eef6ee;border:1px solid #cfe6cf;border-radius:4px;padding:0 4px}
.error-text{color:var(--error);font-weight:600}
.muted{color:var(--muted)}
[hidden]{display:none!important}
@media (max-width:640px){main{padding:12px 10px 32px}.card{padding:12px}
h1{font-size:1.35rem}.stat b{font-size:1.5rem}select{min-width:0;width:100%}
.filters label{flex:1 1 140px}#shown{margin:0}}
@media print{.filters{display:none}details.page{break-inside:avoid}}
"""

SCRIPT = """
(function () {
  "use strict";
  var controls = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var findings = Array.prototype.slice.call(document.querySelectorAll("#pages .finding"));
  var pages = Array.prototype.slice.call(document.querySelectorAll("#pages details.page"));
  var counter = document.getElementById("shown");

  function apply() {
    var chosen = controls.filter(function (c) { return c.value !== ""; });
    var shown = 0;
    findings.forEach(function (el) {
      var keep = chosen.every(function (c) { return el.dataset[c.dataset.filter] === c.value; });
      el.hidden = !keep;
      if (keep) { shown += 1; }
    });
    pages.forEach(function (page) {
      var any = page.querySelector(".finding:not([hidden])") !== null;
      page.hidden = chosen.length > 0 && !any;
      if (chosen.length > 0 && any) { page.open = true; }
    });
    counter.textContent = shown + (shown === 1 ? " finding shown" : " findings shown");
  }

  function setOpen(open) {
    pages.forEach(function (page) { page.open = open; });
  }

  function openTarget() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }

  controls.forEach(function (c) { c.addEventListener("change", apply); });
  document.getElementById("reset").addEventListener("click", function () {
    controls.forEach(function (c) { c.value = ""; });
    apply();
  });
  document.getElementById("expand").addEventListener("click", function () { setOpen(true); });
  document.getElementById("collapse").addEventListener("click", function () { setOpen(false); });
  window.addEventListener("hashchange", openTarget);
  openTarget();
  apply();
})();
"""


def csp_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline style or script."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy() -> str:
    """Nothing but this file's own style and script; ``data:`` images for the favicon."""
    return (
        f"default-src 'none'; style-src {csp_hash(STYLE)}; script-src {csp_hash(SCRIPT)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
