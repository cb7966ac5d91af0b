// Building the page from values. Every string from the server, a provider or the user becomes a text node or an
// attribute value, never markup: the console never parses HTML from a string.

/** h('a', {href: '/x', class: 'link', onclick: fn}, 'text', child, [more]) */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children: strings and numbers as text, nodes as they are, arrays flattened, null/false skipped. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces everything inside `parent`. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A spinner that screen readers announce as `label`. */
export function spinner(label) {
  return h('span', {class: 'spinner', role: 'status'}, h('span', {class: 'visually-hidden'}, label));
}

/** A coloured status pill. */
export function badge(text, tone) {
  return h('span', {class: ['badge', tone && `badge-${tone}`]}, text);
}

/** An error box naming what went wrong (the API's message, as text). */
export function errorBox(message, title = 'Something went wrong') {
  return h('div', {class: 'notice notice-error', role: 'alert'}, h('strong', {}, title), h('p', {}, message));
}

/** A message in the page's live region, gone after a while. */
export function toast(message, tone = 'ok') {
  const region = document.getElementById('toasts');
  if (!region) return;
  const item = h('div', {class: ['toast', `toast-${tone}`]}, message);
  region.append(item);
  setTimeout(() => item.remove(), 6000);
}

/** Sets the document title and the page heading. */
export function title(text) {
  document.title = `${text} · Patchbay`;
}
