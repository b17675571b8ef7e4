// The draft rendered as a document: each block as what it is (title, heading, paragraph,
// list item, quote, table cell, FAQ question or answer), every finding highlighted at its
// words. Overlapping findings are split into segments and nested, so each stays clickable.
import { el, append, clear, badge, ICON, SEVERITY_WORD } from "./dom.js";

/** Where a finding is, in the words an editor uses: ¶ for Word documents, else the line. */
export function where(finding, format) {
  if (finding.line === null || finding.line === undefined) return "whole document";
  const col = finding.column ? `:${finding.column}` : "";
  return format === "docx" ? `¶${finding.line}${col}` : `line ${finding.line}`;
}

function markFor(finding, first, last) {
  const word = SEVERITY_WORD[finding.severity] || finding.severity;
  return el("mark", {
    class: `hl sev-${finding.severity}${first ? " first" : ""}${last ? " last" : ""}`,
    "data-id": finding.id,
    "data-icon": ICON[finding.severity] || "•",
    tabindex: first ? "0" : null,
    role: "button",
    title: `${word} ${finding.code}: ${finding.message}`,
  });
}

/** The block's text with findings' spans as nested <mark>s, as a list of nodes. */
function markedText(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    let node = document.createTextNode(text.slice(a, b));
    // Outermost first: the longest span; ties keep the list's order.
    const covering = spans
      .filter((s) => s.start <= a && s.end >= b)
      .sort((x, y) => y.end - y.start - (x.end - x.start));
    for (const s of covering.reverse()) {
      const mark = markFor(s.finding, a === s.start, b === s.end);
      if (!text.slice(a, b).trim()) mark.classList.add("ws"); // keep "  " visible as two spaces
      mark.append(node);
      node = mark;
    }
    nodes.push(node);
  }
  return nodes;
}

function blockMarker(finding) {
  return el("button", {
    type: "button",
    class: `block-marker sev-${finding.severity}`,
    "data-id": finding.id,
    title: `${SEVERITY_WORD[finding.severity]} ${finding.code}: ${finding.message}`,
  }, el("span", { "aria-hidden": "true", text: ICON[finding.severity] || "•" }), ` ${finding.code}`);
}

function elementFor(block) {
  const level = Number(block.level) || 2;
  switch (block.kind) {
    case "title": return el("h2", { class: "doc-title" });
    case "heading": return el(`h${Math.min(6, Math.max(3, level + 1))}`, { class: `doc-h lvl-${Math.min(6, level)}` });
    case "list_item": return el("li");
    case "table_cell": return el("div", { class: "cell", role: "cell" });
    case "quote": return el("blockquote");
    case "meta": return el("p", { class: "meta", "data-label": "Meta description" });
    case "faq_question": return el("p", { class: "faq-q", "data-label": "Q" });
    case "faq_answer": return el("p", { class: "faq-a", "data-label": "A" });
    default: return el("p");
  }
}

/** A container for runs of list items and table cells, so they render as lists and tables. */
function containerFor(kind) {
  if (kind === "list_item") return el("ul", { class: "doc-list" });
  if (kind === "table_cell") return el("div", { class: "cells", role: "table" });
  return null;
}

/**
 * Render `review` into `doc` and its whole-document findings into `wholeList`; returns the
 * findings shown as whole-document ones (no block, or a block the document lacks).
 */
export function renderDocument(doc, wholeList, review) {
  const document_ = review.document || { blocks: [] };
  const blocks = document_.blocks || [];
  const spans = new Map();
  const markers = new Map();
  const whole = [];
  for (const f of review.findings || []) {
    const block = Number.isInteger(f.block) ? blocks.find((b) => b.index === f.block) : null;
    if (!block) { whole.push(f); continue; }
    const len = (block.text || "").length;
    const start = Math.max(0, Math.min(len, Number(f.start)));
    const end = Math.max(start, Math.min(len, Number(f.end)));
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end) || end <= start) {
      (markers.get(block.index) || markers.set(block.index, []).get(block.index)).push(f);
    } else {
      (spans.get(block.index) || spans.set(block.index, []).get(block.index)).push({ finding: f, start, end });
    }
  }
  clear(doc);
  let open = null; // the current <ul> or table while a run of list items or cells lasts
  for (const block of blocks) {
    const node = elementFor(block);
    node.id = `block-${block.index}`;
    node.dataset.block = String(block.index);
    if (block.line !== null && block.line !== undefined) {
      node.dataset.where = document_.format === "docx" ? `¶${block.line}` : String(block.line);
    }
    if (block.region === "chrome") node.classList.add("chrome");
    if (block.part) append(node, [el("span", { class: "part", text: block.part })]);
    append(node, markedText(block.text || "", spans.get(block.index) || []));
    for (const f of markers.get(block.index) || []) node.append(" ", blockMarker(f));
    if (block.kind === "list_item" || block.kind === "table_cell") {
      if (!open || open.dataset.kind !== block.kind) {
        open = containerFor(block.kind);
        open.dataset.kind = block.kind;
        doc.append(open);
      }
      open.append(node);
    } else {
      open = null;
      doc.append(node);
    }
  }
  clear(wholeList);
  for (const f of whole) {
    wholeList.append(el("li", {},
      el("button", { type: "button", class: "whole-item", "data-id": f.id },
        badge(f.severity), " ", el("code", { text: f.code }), " ", f.message,
        " ", el("span", { class: "whole-where", text: `(${where(f, document_.format)})` }))));
  }
  return whole;
}

/** Every node that shows finding `id` in the document: marks, block markers, whole items. */
export function showing(root, id) {
  return [...root.querySelectorAll(`[data-id="${CSS.escape(id)}"]`)];
}

/** The finding a click on the document picked: the innermost mark, or the next one out
 * when the innermost is already the active one (so nested findings are all reachable). */
export function pickedId(target, activeId) {
  let node = target.closest("[data-id]");
  if (!node) return null;
  if (node.dataset.id === activeId) {
    const outer = node.parentElement && node.parentElement.closest("mark.hl");
    if (outer) node = outer;
  }
  return node.dataset.id;
}
