// The side panels: problems grouped by category with counts, the rule explanation, the
// readability scores in plain words, and the FAQ with its schema parity.
import { el, clear, badge, plural, SEVERITIES, ICON } from "./dom.js";
import { where } from "./doc.js";

const CATEGORIES = ["boilerplate", "faq", "contradiction", "readability", "seo", "hygiene"];
const CATEGORY_NAME = {
  boilerplate: "Boilerplate", faq: "FAQ", contradiction: "Contradictions",
  readability: "Readability", seo: "SEO", hygiene: "Hygiene", site: "Site",
};
let panelCount = 0;

function severityCounts(findings) {
  const parts = [];
  for (const sev of SEVERITIES) {
    const n = findings.filter((f) => f.severity === sev).length;
    if (n) parts.push(plural(n, sev === "info" ? "info" : sev, sev === "info" ? "info" : `${sev}s`));
  }
  return parts.join(" · ");
}

/** Quoted text, or what it is when it is only spaces ("2 spaces"). */
function shown(text) {
  if (text.trim()) return `“${text}”`;
  return text.length ? plural(text.length, "space") : "nothing";
}

function fixLine(f) {
  if (f.fix === null || f.fix === undefined) return null;
  const label = f.safe_fix ? "Safe fix: " : "Suggested fix: ";
  const excerpt = f.excerpt || "";
  let what;
  if (f.fix === "") what = excerpt ? `delete ${shown(excerpt)}` : "delete it";
  else if (excerpt.trim()) what = `replace ${shown(excerpt)} with ${shown(f.fix)}`;
  else what = `use ${shown(f.fix)}`;
  return el("p", { class: "fix" }, el("span", { class: "fix-label", text: label }), what);
}

function item(f, format, canFix) {
  const id = `explain-${++panelCount}`;
  return el("li", { class: `item sev-${f.severity}`, "data-id": f.id, "data-code": f.code, "data-severity": f.severity },
    el("button", { type: "button", class: "item-main", "data-id": f.id },
      el("span", { class: "item-head" }, badge(f.severity), " ", el("code", { text: f.code }),
        " ", el("span", { class: "where", text: where(f, format) })),
      el("span", { class: "message", text: f.message })),
    fixLine(f),
    el("div", { class: "item-actions" },
      el("button", { type: "button", class: "explain", "data-code": f.code, "aria-expanded": "false", "aria-controls": id }, "Explain"),
      canFix && f.safe_fix ? el("button", { type: "button", class: "apply", "data-id": f.id }, "Apply fix") : null),
    el("div", { class: "explain-panel", id, hidden: true, role: "region", "aria-label": `Rule ${f.code} explained` }));
}

/** The summary line and the grouped list of problems. */
export function renderGroups(groups, summary, review, canFix) {
  const findings = review.findings || [];
  const format = review.document && review.document.format;
  summary.textContent = findings.length
    ? `${plural(findings.length, "problem")}: ${severityCounts(findings)}`
    : "No problems found.";
  clear(groups);
  const order = [...CATEGORIES, ...new Set(findings.map((f) => f.category).filter((c) => !CATEGORIES.includes(c)))];
  for (const category of order) {
    const mine = findings.filter((f) => f.category === category);
    if (!mine.length) continue;
    const head = `group-${category}`;
    groups.append(el("section", { class: "group", "aria-labelledby": head, "data-category": category },
      el("h3", { id: head, class: "group-title" }, CATEGORY_NAME[category] || category, " ",
        el("span", { class: "count", text: String(mine.length) }), " ",
        el("span", { class: "sev-counts", text: severityCounts(mine) })),
      el("ol", { class: "items" }, mine.map((f) => item(f, format, canFix)))));
  }
}

function example(rule) {
  const out = [];
  const fail = (rule.examples || []).find((e) => typeof e.fail === "string");
  const pass = (rule.examples || []).find((e) => typeof e.pass === "string");
  if (fail) out.push(el("p", { class: "ex-label" }, el("span", { "aria-hidden": "true", text: `${ICON.error} ` }), "Flagged:"), el("pre", { text: fail.fail.trim() }));
  if (pass) out.push(el("p", { class: "ex-label" }, el("span", { "aria-hidden": "true", text: "✓ " }), "Not flagged:"), el("pre", { text: pass.pass.trim() }));
  return out;
}

/** Fill an explanation panel from a rule as GET /v1/rules/{code} returns it: what it
 * finds, an example flagged and one not, then why (the rule's description). */
export function renderRule(panel, rule) {
  const fix = rule.fix === "safe" ? "a safe automatic fix" : rule.fix === "suggest" ? "a suggested fix" : "no automatic fix";
  clear(panel).append(
    el("p", { class: "rule-name" }, el("code", { text: rule.code }), " ", rule.name || ""),
    el("p", { class: "rule-meta" }, badge(rule.severity), ` · ${rule.category} · ${fix}`),
    rule.summary ? el("p", { class: "rule-summary", text: rule.summary }) : null,
    ...example(rule),
    el("p", { class: "ex-label", text: "Why, and what it leaves alone:" }),
    el("p", { class: "rule-desc", text: rule.description || rule.message || "" }));
}

function grade(g) {
  if (g <= 6) return "easy for most readers (about age 11–12)";
  if (g <= 9) return "plain: a 14–15-year-old reads it easily";
  if (g <= 12) return "needs a secondary-school reader (age 16–18)";
  if (g <= 16) return "college level: hard for a general audience";
  return "specialist level: very hard for a general audience";
}

function ease(e) {
  if (e >= 80) return "easy";
  if (e >= 60) return "plain English";
  if (e >= 50) return "fairly difficult";
  if (e >= 30) return "difficult";
  return "very difficult";
}

const num = (v, digits = 1) => (typeof v === "number" ? v.toFixed(digits) : "–");

/** Readability scores with a plain-words reading. */
export function renderScores(box, scores) {
  clear(box);
  if (!scores || typeof scores.flesch_kincaid_grade !== "number") {
    box.append(el("p", { text: "No scores: the draft has too little running text." }));
    return;
  }
  box.append(
    el("p", { class: "plain", text: `Grade ${num(scores.flesch_kincaid_grade)}: ${grade(scores.flesch_kincaid_grade)}.` }),
    el("dl", { class: "scores" }, [
      ["Reading ease", `${num(scores.flesch_reading_ease)} (${ease(scores.flesch_reading_ease)})`],
      ["Grade level", num(scores.flesch_kincaid_grade)],
      ["Sentences", String(scores.sentences ?? "–")],
      ["Words", String(scores.words ?? "–")],
      ["Words per sentence", num(scores.words_per_sentence)],
      ["Long sentences", `${num(scores.long_sentence_share)} %`],
      ["Passive voice", `${num(scores.passive_share)} %`],
    ].flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })])));
}

/** The FAQ: each question answered or not, in the JSON-LD or not, and schema-only ones. */
export function renderFaq(box, faq) {
  clear(box);
  const questions = (faq && faq.questions) || [];
  const schemaOnly = (faq && faq.schema_only) || [];
  if (!questions.length && !schemaOnly.length) {
    box.append(el("p", { text: faq && faq.has_schema ? "FAQPage markup with no questions." : "No FAQ in this draft." }));
    return;
  }
  if (faq.has_schema !== undefined) {
    box.append(el("p", { class: "faq-schema", text: faq.has_schema ? "The page has FAQPage markup (JSON-LD)." : "No FAQPage markup (JSON-LD) on the page." }));
  }
  const list = el("ul", { class: "faq-list" });
  for (const q of questions) {
    const text = Number.isInteger(q.block)
      ? el("button", { type: "button", class: "faq-jump", "data-block": String(q.block), text: q.text })
      : el("span", { text: q.text });
    list.append(el("li", {}, text, el("span", { class: "faq-tags" },
      el("span", { class: q.answered ? "tag ok" : "tag bad" }, el("span", { "aria-hidden": "true", text: q.answered ? "✓ " : "✖ " }), q.answered ? "answered" : "no answer"),
      faq.has_schema ? el("span", { class: q.in_schema ? "tag ok" : "tag warn" }, el("span", { "aria-hidden": "true", text: q.in_schema ? "✓ " : "▲ " }), q.in_schema ? "in JSON-LD" : "not in JSON-LD") : null)));
  }
  box.append(list);
  if (schemaOnly.length) {
    box.append(el("p", { class: "faq-schema", text: "Only in the JSON-LD, not on the page:" }),
      el("ul", { class: "faq-list schema-only" }, schemaOnly.map((q) => el("li", { text: q }))));
  }
}
