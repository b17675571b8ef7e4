// contentlint serve: the editor's page. Paste or drop a draft, check it, see each finding
// at its words and in a list, read a rule's explanation, apply safe fixes, download.
// Document text only ever reaches the page as text (see dom.js); the page runs under a
// strict Content-Security-Policy, so there is no inline script or style anywhere.
import { el, clear, plural, flash } from "./dom.js";
import { renderDocument, showing, pickedId } from "./doc.js";
import { renderGroups, renderRule, renderScores, renderFaq } from "./panels.js";

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = "contentlint-token";
const READABLE = ["docx", "md", "markdown", "html", "htm", "txt"];

const state = {
  token: null,
  file: null, // {name, bytes} of a dropped or chosen file, until the text box is edited
  filename: null, // the name that gives pasted or fixed text its format ("draft.md")
  source: null, // what the last check sent, so fixes send the same document
  review: null,
  activeId: null,
  rules: new Map(), // code -> Promise of GET /v1/rules/{code}: each rule is loaded once
  fixed: null, // {text, filename} after a fix, for the download button
};

/** The token from the page URL's #token=..., kept for the tab's session, off the address bar. */
function readToken() {
  const match = /(?:^#|&)token=([^&]*)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Call the API; resolves to the JSON answer or throws an Error with the server's message. */
async function api(path, { json, bytes, query } = {}) {
  const headers = { Accept: "application/json" };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const init = { method: "GET", headers, credentials: "same-origin", cache: "no-store" };
  if (json !== undefined) {
    Object.assign(init, { method: "POST", body: JSON.stringify(json) });
    headers["Content-Type"] = "application/json";
  } else if (bytes !== undefined) {
    Object.assign(init, { method: "POST", body: bytes });
    headers["Content-Type"] = "application/octet-stream";
  }
  const params = new URLSearchParams(Object.entries(query || {}).filter(([, v]) => v !== null && v !== undefined && v !== ""));
  const url = params.toString() ? `${path}?${params}` : path;
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new Error("The contentlint server did not answer. Is “contentlint serve” still running?");
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const message = data && data.error && data.error.message;
    const error = new Error(message || `The server answered ${response.status} ${response.statusText}.`);
    error.status = response.status;
    throw error;
  }
  if (data === null) throw new Error("The server's answer was not JSON.");
  return data;
}

/** POST the current document to /v1/review or /v1/fix, as JSON text or as the file's bytes. */
function sendDocument(path, ids) {
  const keyphrase = $("keyphrase").value.trim() || null;
  const source = state.source;
  if (source.kind === "file") {
    return api(path, { bytes: source.bytes, query: { filename: source.name, keyphrase, ids: ids ? ids.join(",") : null } });
  }
  const body = { text: source.text, format: $("format").value || null, filename: source.filename, keyphrase, select: null };
  if (ids) body.ids = ids;
  return api(path, { json: body });
}

function showError(message) {
  const alert = $("alert");
  alert.textContent = message;
  alert.hidden = false;
}

function announce(message) {
  $("status").textContent = message;
}

/** Run one request with the page marked busy; any failure goes to the alert region. */
async function busy(label, work) {
  $("alert").hidden = true;
  document.body.setAttribute("aria-busy", "true");
  for (const b of document.querySelectorAll("#check, #choose, #fix-all, .apply")) b.disabled = true;
  announce(label);
  try {
    await work();
  } catch (error) {
    announce("");
    showError(error.message || String(error));
    if (error.status === 401) {
      $("token-form").hidden = false;
      $("token").focus();
    }
  } finally {
    document.body.removeAttribute("aria-busy");
    for (const b of document.querySelectorAll("#check, #choose, #fix-all, .apply")) b.disabled = false;
  }
}

function canFix(review) {
  return !!review && !!review.document && review.document.format !== "docx";
}

/** The text box no longer holds what was checked: fixing now would send the old text and
 * overwrite the edits, so the fix buttons wait for the next check. */
function markStale() {
  if (!state.review || $("results").classList.contains("stale")) return;
  $("results").classList.add("stale");
  $("fix-all").hidden = true;
  for (const button of document.querySelectorAll("#groups .apply")) button.hidden = true;
  announce("The draft has changed since this check: check it again to see and fix its problems.");
}

/** Render a review: the document, the whole-document findings, the list and the panels. */
function show(review) {
  state.review = review;
  state.activeId = null;
  $("results").classList.remove("stale");
  const whole = renderDocument($("doc"), $("whole-list"), review);
  $("whole").hidden = whole.length === 0;
  renderGroups($("groups"), $("summary"), review, canFix(review));
  renderScores($("readability"), review.scores);
  renderFaq($("faq"), review.faq);
  const fixAll = $("fix-all");
  fixAll.hidden = !(canFix(review) && review.fixable > 0);
  fixAll.textContent = `Fix all safe problems (${review.fixable || 0})`;
  $("download").hidden = !state.fixed || !canFix(review);
  $("results").hidden = false;
  $("side").hidden = false;
}

function summaryOf(review) {
  const n = (review.findings || []).length;
  return n ? `Checked: ${plural(n, "problem")} found.` : "Checked: no problems found.";
}

async function check() {
  const text = $("draft").value;
  if (!state.file && !text.trim()) {
    showError("Paste a draft into the box, or drop or choose a file, then check it.");
    $("draft").focus();
    return;
  }
  state.source = state.file
    ? { kind: "file", name: state.file.name, bytes: state.file.bytes }
    : { kind: "text", text, filename: state.filename };
  await busy("Checking…", async () => {
    const review = await sendDocument("/v1/review");
    state.fixed = null;
    show(review);
    announce(summaryOf(review));
  });
}

/** Apply the safe fixes `ids` (all of them when null) and show the fixed draft. */
async function fix(ids) {
  if (!state.source) return;
  await busy("Fixing…", async () => {
    const out = await sendDocument("/v1/fix", ids);
    $("draft").value = out.text;
    state.file = null;
    state.filename = out.filename || state.filename;
    state.source = { kind: "text", text: out.text, filename: state.filename };
    state.fixed = { text: out.text, filename: out.filename || "fixed.txt" };
    showSource();
    show(out.review);
    const notes = (out.notes || []).join(" ");
    announce(`${out.applied ? plural(out.applied, "fix", "fixes") : "No fix"} applied.${notes ? ` ${notes}` : ""}`);
  });
}

function download() {
  if (!state.fixed) return;
  const blob = new Blob([state.fixed.text], { type: "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = state.fixed.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function showSource() {
  const line = $("source");
  clear(line);
  line.hidden = !state.file;
  if (state.file) {
    line.append("Checking the file ", el("b", { text: state.file.name }), ". ",
      el("button", { type: "button", id: "forget" }, "Check the text box instead"));
  }
}

async function takeFile(file) {
  const ext = (file.name.toLowerCase().match(/\.([a-z]+)$/) || [])[1];
  if (!READABLE.includes(ext)) {
    showError(`contentlint reads .docx, .md, .html, .htm and .txt files; “${file.name}” is none of them.`);
    return;
  }
  const bytes = await file.arrayBuffer();
  state.file = { name: file.name, bytes };
  state.filename = ext === "docx" ? null : file.name;
  $("draft").value = ext === "docx" ? "" : new TextDecoder().decode(bytes);
  showSource();
  await check();
}

/** Mark finding `id` as the selected one and bring its other side into view. */
function select(id, from) {
  state.activeId = id;
  for (const node of document.querySelectorAll(".active")) node.classList.remove("active");
  for (const node of document.querySelectorAll(".item.selected")) {
    node.classList.remove("selected");
    node.querySelector(".item-main").removeAttribute("aria-current");
  }
  const shown = showing($("results"), id);
  for (const node of shown) node.classList.add("active");
  const item = $("groups").querySelector(`.item[data-id="${CSS.escape(id)}"]`);
  if (item) {
    item.classList.add("selected");
    item.querySelector(".item-main").setAttribute("aria-current", "true");
  }
  if (from === "list" && shown.length) {
    shown[0].scrollIntoView({ block: "center" });
    shown.forEach(flash);
  } else if (from === "doc" && item) {
    item.scrollIntoView({ block: "nearest" });
    flash(item);
  }
}

async function explain(button) {
  const panel = $(button.getAttribute("aria-controls"));
  if (button.getAttribute("aria-expanded") === "true") {
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.textContent = "Explain";
    return;
  }
  const code = button.dataset.code;
  if (!state.rules.has(code)) state.rules.set(code, api(`/v1/rules/${encodeURIComponent(code)}`));
  try {
    renderRule(panel, await state.rules.get(code));
  } catch (error) {
    state.rules.delete(code);
    showError(error.message);
    return;
  }
  panel.hidden = false;
  button.setAttribute("aria-expanded", "true");
  button.textContent = "Hide explanation";
}

function wire() {
  $("check").addEventListener("click", check);
  document.querySelector(".input").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      check();
    }
  });
  $("draft").addEventListener("input", () => {
    markStale();
    if (state.file) {
      state.filename = /\.docx$/i.test(state.file.name) ? null : state.file.name;
      state.file = null;
      showSource();
    }
  });
  $("source").addEventListener("click", (event) => {
    if (event.target.id === "forget") {
      state.file = null;
      showSource();
      $("draft").focus();
    }
  });
  $("choose").addEventListener("click", () => $("file").click());
  $("file").addEventListener("change", () => {
    const file = $("file").files[0];
    $("file").value = "";
    if (file) takeFile(file);
  });
  const drop = $("drop");
  for (const type of ["dragover", "drop"]) window.addEventListener(type, (event) => event.preventDefault());
  drop.addEventListener("dragover", () => drop.classList.add("over"));
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    drop.classList.remove("over");
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (file) takeFile(file);
  });
  $("groups").addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.classList.contains("explain")) explain(button);
    else if (button.classList.contains("apply")) fix([button.dataset.id]);
    else if (button.classList.contains("item-main")) select(button.dataset.id, "list");
  });
  const pick = (event) => {
    const id = pickedId(event.target, state.activeId);
    if (id) select(id, "doc");
  };
  $("results").addEventListener("click", pick);
  $("results").addEventListener("keydown", (event) => {
    if ((event.key === "Enter" || event.key === " ") && event.target.matches("mark.hl")) {
      event.preventDefault();
      pick(event);
    }
  });
  $("faq").addEventListener("click", (event) => {
    const button = event.target.closest(".faq-jump");
    const block = button && $(`block-${button.dataset.block}`);
    if (block) {
      block.scrollIntoView({ block: "center" });
      flash(block);
    }
  });
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault(); // nothing is posted: the token goes with the next API call
    state.token = $("token").value.trim() || null;
    if (state.token) sessionStorage.setItem(TOKEN_KEY, state.token);
    $("token").value = "";
    $("token-form").hidden = true;
    check();
  });
  $("fix-all").addEventListener("click", () => fix(null));
  $("download").addEventListener("click", download);
}

state.token = readToken();
wire();
