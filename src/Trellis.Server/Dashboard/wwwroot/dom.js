// Building the page. Every piece of data goes in as text (textContent / attributes), never as HTML, so a
// trait or an event property can never inject markup into the dashboard.

const SVG = 'http://www.w3.org/2000/svg';

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function setAttributes(node, attrs) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'style') {
      // Through the CSSOM: the page's content policy forbids style attributes in markup.
      node.style.cssText = String(value);
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

/** An HTML element: h('a', {href: '/x'}, 'text', child, …). */
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  return append(node, children);
}

/** An SVG element, same shape as h(). */
export function s(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAttributes(node, attrs);
  return append(node, children);
}

/** Appends children to an existing node, skipping null/false like h() does. */
export function put(node, ...children) {
  return append(node, children);
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function fmtInt(value) {
  return value === null || value === undefined ? '—' : integer.format(value);
}

/** A share 0..1 as a percentage. */
export function fmtPct(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return (value * 100).toFixed(digits) + '%';
}

/** A difference of two shares, in percentage points with a sign. */
export function fmtPoints(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const points = value * 100;
  return (points > 0 ? '+' : points < 0 ? '−' : '±') + Math.abs(points).toFixed(digits) + ' pts';
}

export function fmtMoney(value) {
  if (value === null || value === undefined) return '—';
  return Number(value).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** An ISO instant as "2026-03-02 09:00:05 UTC" (the dashboard shows UTC, like the trace). */
export function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}

export function fmtDuration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  if (seconds < 60) return Math.round(seconds) + ' s';
  if (seconds < 3600) return Math.round(seconds / 60) + ' min';
  if (seconds < 86400 * 2) return (seconds / 3600).toFixed(1).replace(/\.0$/, '') + ' h';
  return (seconds / 86400).toFixed(1).replace(/\.0$/, '') + ' d';
}

export const statusWords = {
  live: 'live',
  paused: 'paused',
  paused_by_guardrail: 'paused by guardrail',
  draft: 'draft',
};

export function statusBadge(status) {
  return h('span', { class: `badge ${status}`, 'data-status': status }, statusWords[status] ?? status);
}

export function kpi(label, value, extra) {
  return h('div', { class: 'kpi' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value), extra ? h('div', { class: 'extra' }, extra) : null);
}

export function errorBox(error) {
  return h('div', { class: 'error-box', role: 'alert' }, error?.message ?? String(error));
}

/** A two-column table of a flat object (traits, details). Nested values are shown as JSON. */
export function keyValueTable(object) {
  const rows = Object.entries(object ?? {}).map(([key, value]) =>
    h('tr', null, h('th', { scope: 'row' }, key), h('td', { class: 'mono' }, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value))));
  return h('table', { class: 'compact' }, h('tbody', null, rows));
}

export function link(href, text, attrs) {
  return h('a', { href, ...attrs }, text);
}
