// Building page elements. Everything from a document or the server goes in as text:
// strings become text nodes, never markup, and no attribute is built from document text
// except data-* and title, which browsers never run.

/** Create an element; `props` sets class, text, data-* and plain attributes. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key === "hidden") node.hidden = true;
    else if (/^on|^style$|^href$|^src$/i.test(key)) throw new Error(`el(): ${key} is not allowed`);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Append strings (as text) and nodes, skipping null/false. */
export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export const SEVERITIES = ["error", "warning", "info"];
export const ICON = { error: "✖", warning: "▲", info: "●" };
export const SEVERITY_WORD = { error: "Error", warning: "Warning", info: "Info" };

/** n with its noun in the right number: plural(2, "error") -> "2 errors". */
export function plural(n, noun, many = `${noun}s`) {
  return `${n} ${n === 1 ? noun : many}`;
}

/** A severity badge: icon and word, so colour is never the only sign. */
export function badge(severity) {
  return el("span", { class: `badge sev-${severity}` },
    el("span", { class: "icon", "aria-hidden": "true", text: ICON[severity] || "•" }),
    SEVERITY_WORD[severity] || severity);
}

/** Restart a one-shot CSS animation class on a node. */
export function flash(node) {
  node.classList.remove("flash");
  void node.offsetWidth;
  node.classList.add("flash");
}
