// Charts drawn as inline SVG: horizontal bars, columns, one stacked bar, and rates with intervals. Small and
// dependency-free; every mark has a <title> so exact numbers show on hover, and the numbers are also printed.
import { h, s, fmtInt, fmtPct } from './dom.js';

export const palette = ['#2f6fdf', '#1f8a4c', '#b26a00', '#8e44ad', '#c0392b', '#16a2b8', '#7f8c8d', '#d35400'];

// Wide enough for digits and most letters at 12px; labels are clipped anyway.
function textWidth(text) {
  return String(text).length * 7.4;
}

/**
 * Horizontal bars: rows [{label, value, note?}], one colour; values printed after the bars.
 * format: how values are printed.
 */
export function barChart(rows, { width = 460, color = palette[0], format = fmtInt, title, empty = 'nothing yet' } = {}) {
  const box = h('div', { class: 'chart-box' }, title ? h('div', { class: 'chart-title' }, title) : null);
  if (!rows.length) {
    box.append(h('p', { class: 'note' }, empty));
    return box;
  }
  const rowHeight = 24;
  const labelWidth = Math.min(190, Math.max(...rows.map(r => textWidth(r.label))) + 10);
  const valueWidth = Math.max(...rows.map(r => textWidth(format(r.value) + (r.note ? ' ' + r.note : '')))) + 14;
  const barSpace = Math.max(60, width - labelWidth - valueWidth);
  const max = Math.max(1, ...rows.map(r => r.value));
  const svg = s('svg', { class: 'chart bars', width, height: rows.length * rowHeight + 4, viewBox: `0 0 ${width} ${rows.length * rowHeight + 4}`, role: 'img' });
  rows.forEach((row, i) => {
    const y = i * rowHeight + 2;
    const w = Math.max(row.value > 0 ? 2 : 0, (row.value / max) * barSpace);
    svg.append(
      s('text', { x: labelWidth - 8, y: y + 16, 'text-anchor': 'end' }, clip(row.label, 28)),
      s('rect', { x: labelWidth, y: y + 4, width: w, height: rowHeight - 8, rx: 3, fill: row.color ?? color },
        s('title', null, `${row.label}: ${format(row.value)}`)),
      s('text', { x: labelWidth + w + 6, y: y + 16 }, format(row.value), row.note ? s('tspan', { class: 'muted' }, ' ' + row.note) : null));
  });
  box.append(svg);
  return box;
}

/** Columns for a distribution: points [{label, value}]. */
export function columnChart(points, { width = 460, height = 160, color = palette[0], title, xLabel } = {}) {
  const box = h('div', { class: 'chart-box' }, title ? h('div', { class: 'chart-title' }, title) : null);
  if (!points.length) {
    box.append(h('p', { class: 'note' }, 'no data'));
    return box;
  }
  const bottom = 34;
  const top = 16;
  const left = 8;
  const max = Math.max(1, ...points.map(p => p.value));
  const step = (width - left * 2) / points.length;
  const svg = s('svg', { class: 'chart columns', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  svg.append(s('line', { class: 'axis', x1: left, x2: width - left, y1: height - bottom, y2: height - bottom }));
  points.forEach((p, i) => {
    const barHeight = (p.value / max) * (height - bottom - top);
    const x = left + i * step;
    svg.append(s('rect', { x: x + step * 0.15, y: height - bottom - barHeight, width: step * 0.7, height: barHeight, rx: 2, fill: color },
      s('title', null, `${p.label}: ${fmtInt(p.value)}`)));
    if (points.length <= 24 || i % Math.ceil(points.length / 24) === 0) {
      svg.append(s('text', { x: x + step / 2, y: height - bottom + 14, 'text-anchor': 'middle', class: 'muted' }, p.label));
    }
  });
  if (xLabel) {
    svg.append(s('text', { x: width / 2, y: height - 4, 'text-anchor': 'middle', class: 'muted' }, xLabel));
  }
  box.append(svg);
  return box;
}

/** One bar split into parts [{label, value, color}], with a legend that prints the numbers. */
export function stackedBar(parts, { width = 460, title } = {}) {
  const box = h('div', { class: 'chart-box' }, title ? h('div', { class: 'chart-title' }, title) : null);
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  const svg = s('svg', { class: 'chart stacked', width, height: 26, viewBox: `0 0 ${width} 26`, role: 'img' });
  let x = 0;
  if (total === 0) {
    svg.append(s('rect', { x: 0, y: 3, width, height: 20, rx: 4, fill: '#eceef2' }));
  }
  for (const part of parts) {
    const w = total === 0 ? 0 : (part.value / total) * width;
    if (w > 0) {
      svg.append(s('rect', { x, y: 3, width: w, height: 20, fill: part.color }, s('title', null, `${part.label}: ${fmtInt(part.value)} (${fmtPct(part.value / total)})`)));
    }
    x += w;
  }
  box.append(svg, h('div', { class: 'legend' },
    parts.map(p => h('span', { style: `--swatch:${p.color}` }, `${p.label} ${fmtInt(p.value)}`))));
  return box;
}

/**
 * Rates with their 95% intervals, one row per arm: [{label, rate, low, high, note}]. The control's rate is a
 * dashed reference line, so a treatment's interval can be read against it.
 */
export function intervalChart(arms, { width = 460, title } = {}) {
  const box = h('div', { class: 'chart-box' }, title ? h('div', { class: 'chart-title' }, title) : null);
  const rowHeight = 30;
  const labelWidth = 120;
  const valueWidth = 150;
  const plot = width - labelWidth - valueWidth;
  const max = Math.min(1, Math.max(0.05, ...arms.map(a => a.high ?? a.rate ?? 0)) * 1.1);
  const x = v => labelWidth + (Math.max(0, Math.min(max, v)) / max) * plot;
  const height = arms.length * rowHeight + 22;
  const svg = s('svg', { class: 'chart interval', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  svg.append(s('line', { class: 'axis', x1: labelWidth, x2: labelWidth + plot, y1: height - 18, y2: height - 18 }));
  for (const tick of [0, max / 2, max]) {
    svg.append(s('text', { x: x(tick), y: height - 4, 'text-anchor': 'middle', class: 'muted' }, fmtPct(tick, 0)));
  }
  if (arms.length && Number.isFinite(arms[0].rate)) {
    svg.append(s('line', { x1: x(arms[0].rate), x2: x(arms[0].rate), y1: 2, y2: height - 18, stroke: '#9aa5b8', 'stroke-dasharray': '3 3' }));
  }
  arms.forEach((arm, i) => {
    const y = i * rowHeight + rowHeight / 2 + 2;
    const color = palette[i % palette.length];
    svg.append(
      s('text', { x: labelWidth - 8, y: y + 4, 'text-anchor': 'end' }, clip(arm.label, 16)),
      s('line', { x1: x(arm.low ?? arm.rate), x2: x(arm.high ?? arm.rate), y1: y, y2: y, stroke: color, 'stroke-width': 3, 'stroke-linecap': 'round' }),
      s('circle', { cx: x(arm.rate ?? 0), cy: y, r: 5, fill: color },
        s('title', null, `${arm.label}: ${fmtPct(arm.rate)} (95% ${fmtPct(arm.low)}–${fmtPct(arm.high)})`)),
      s('text', { x: labelWidth + plot + 10, y: y + 4 }, fmtPct(arm.rate), s('tspan', { class: 'muted' }, arm.note ? ' ' + arm.note : '')));
  });
  box.append(svg);
  return box;
}

function clip(text, length) {
  const t = String(text);
  return t.length > length ? t.slice(0, length - 1) + '…' : t;
}
