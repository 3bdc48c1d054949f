// The journey drawn as SVG from the server's layout (boxes and arrow paths), with the live numbers on it:
// on each step how many reached it, are there now, were sent or skipped, and how many left there; on each
// arrow how many went that way and what share of the step's entries that is, with the drop-off in red.
import { s, fmtInt, fmtPct } from './dom.js';

const kindColors = {
  entry: '#2f6fdf', end: '#5d6678', send: '#1f8a4c', wait: '#b26a00', wait_for: '#b26a00',
  branch: '#8e44ad', split: '#8e44ad', update: '#16a2b8', exit: '#c0392b', removed: '#7f8c8d',
};

/** Numbers per node id and per edge, from the report (the same shape for live and simulated reports). */
export function flowOf(graph, report, fromEntry, waitingToStart = 0) {
  const steps = new Map((report?.steps ?? []).map(st => [st.step, st]));
  const entries = new Map();
  entries.set('entry', report?.entrants ?? 0);
  for (const st of steps.values()) entries.set('step:' + st.step, st.entries);
  entries.set('end', (report?.outcomes?.converted ?? 0) + (report?.outcomes?.exited ?? 0) + (report?.outcomes?.completed ?? 0));

  const edgeCount = edge => {
    if (edge.from === 'entry') {
      const step = edge.to.startsWith('step:') ? edge.to.slice(5) : null;
      if (step === null) return 0;
      // A simulation report has no entry transitions: those who reached the first step came from the entry.
      return fromEntry ? (fromEntry[step] ?? 0) : (steps.get(step)?.entries ?? 0);
    }
    const source = steps.get(edge.from.slice(5));
    if (!source) return 0;
    if (edge.to === 'end') return source.ended?.completed ?? 0;
    const target = edge.to.slice(5);
    return (source.next ?? []).filter(n => n.to === target).reduce((sum, n) => sum + n.count, 0);
  };
  const counts = new Map(graph.edges.map(e => [e, edgeCount(e)]));
  // Still on their way: not dropped off, not gone on yet.
  const active = new Map([['entry', waitingToStart]]);
  for (const st of steps.values()) active.set('step:' + st.step, st.ended?.active ?? 0);
  return { steps, entries, counts, active };
}

export function renderGraph(graph, report, fromEntry, { onStep, selected, waitingToStart = 0 } = {}) {
  const flow = flowOf(graph, report, fromEntry, waitingToStart);
  const width = Math.max(graph.width, 400);
  const svg = s('svg', {
    class: 'graph', width, height: graph.height, viewBox: `0 0 ${width} ${graph.height}`,
    role: 'img', 'aria-label': 'journey graph',
  });
  svg.append(s('defs', null,
    s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      s('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#8e98aa' }))));

  const outgoing = new Map();
  for (const edge of graph.edges) outgoing.set(edge.from, (outgoing.get(edge.from) ?? 0) + 1);

  const edgeLayer = s('g', { class: 'edges' });
  const labelLayer = s('g', { class: 'edge-labels' });
  for (const edge of graph.edges) {
    const count = flow.counts.get(edge);
    const sourceEntries = flow.entries.get(edge.from) ?? 0;
    const share = sourceEntries > 0 ? count / sourceEntries : null;
    const g = s('g', {
      class: 'edge' + (edge.back ? ' back' : '') + (count === 0 ? ' unused' : ''),
      'data-from': edge.from, 'data-to': edge.to, 'data-count': count,
    });
    g.append(s('path', { d: pathOf(edge), 'marker-end': 'url(#arrow)' }, s('title', null, `${edge.label ? edge.label + ': ' : ''}${fmtInt(count)} went this way`)));
    edgeLayer.append(g);

    const label = s('g', { class: 'edge', 'data-from': edge.from, 'data-to': edge.to });
    const x = edge.labelAt.x + 6;
    let y = edge.labelAt.y - 2;
    if (edge.label) {
      label.append(s('text', { x, y, class: 'cond halo' }, clip(edge.label, 30)));
      y += 14;
    }
    if (sourceEntries > 0 || count > 0) {
      const flowText = `${fmtInt(count)}${share !== null ? ' · ' + fmtPct(share, 0) : ''}`;
      label.append(s('text', { x, y, class: 'flow halo' }, flowText));
      // With one way out, those who neither went on nor are still there dropped off between the two steps.
      const dropped = sourceEntries - (flow.active.get(edge.from) ?? 0) - count;
      if (outgoing.get(edge.from) === 1 && dropped > 0 && !edge.back) {
        label.append(s('text', { x: x + flowText.length * 7 + 6, y, class: 'drop halo', 'data-role': 'drop' },
          `−${fmtInt(dropped)} (${fmtPct(dropped / sourceEntries, 0)}) left`));
      }
    }
    labelLayer.append(label);
  }
  svg.append(edgeLayer);

  for (const node of graph.nodes) {
    svg.append(nodeOf(node, flow, report, { onStep, selected }));
  }
  svg.append(labelLayer);
  return svg;
}

function nodeOf(node, flow, report, { onStep, selected }) {
  const step = node.step ? flow.steps.get(node.step) : null;
  const clickable = !!node.step && !!onStep;
  const g = s('g', {
    class: 'node' + (clickable ? ' clickable' : '') + (selected && node.step === selected ? ' selected' : ''),
    transform: `translate(${node.x},${node.y})`,
    'data-node': node.id,
    'data-step': node.step ?? null,
    tabindex: clickable ? 0 : null,
    role: clickable ? 'button' : null,
    'aria-label': clickable ? `step ${node.step}` : null,
  });
  g.append(
    s('rect', { class: 'box', width: node.width, height: node.height, rx: 8 }),
    s('rect', { width: 6, height: node.height, rx: 3, fill: kindColors[node.kind] ?? '#7f8c8d' }),
    s('text', { x: 16, y: 20, class: 'title' }, clip(node.title, 28), s('tspan', { class: 'detail', dx: 6 }, node.kind === 'entry' || node.kind === 'end' ? '' : node.kind)),
    s('text', { x: 16, y: 38, class: 'detail' }, clip(node.detail, 36), s('title', null, node.detail)),
    s('text', { x: 16, y: 58, class: 'counts', 'data-role': 'counts' }, countsLine(node, step, report)));
  const left = leftLine(node, step);
  if (left) g.append(s('text', { x: 16, y: 75, class: 'left', 'data-role': 'left' }, left));
  if (clickable) {
    g.addEventListener('click', () => onStep(node.step));
    g.addEventListener('keydown', e => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onStep(node.step);
      }
    });
  }
  return g;
}

function countsLine(node, step, report) {
  if (node.kind === 'entry') return `entered ${fmtInt(report?.entrants ?? 0)}`;
  if (node.kind === 'end') {
    const o = report?.outcomes ?? {};
    return `converted ${fmtInt(o.converted ?? 0)} · completed ${fmtInt(o.completed ?? 0)}`;
  }
  if (!step) return 'reached 0';
  const parts = [`reached ${fmtInt(step.entries)}`];
  if ((step.ended?.active ?? 0) > 0) parts.push(`here ${fmtInt(step.ended.active)}`);
  if (step.sends > 0) parts.push(`sent ${fmtInt(step.sends)}`);
  const skipped = Object.values(step.skips ?? {}).reduce((a, b) => a + b, 0);
  if (skipped > 0) parts.push(`skipped ${fmtInt(skipped)}`);
  return parts.join(' · ');
}

function leftLine(node, step) {
  if (node.kind === 'end' && node.kind !== 'entry') return null;
  if (!step) return null;
  const exited = step.ended?.exited ?? 0;
  const converted = step.ended?.converted ?? 0;
  if (exited + converted === 0) return null;
  const parts = [];
  if (exited) parts.push(`${fmtInt(exited)} exited here`);
  if (converted) parts.push(`${fmtInt(converted)} converted here`);
  return '↘ ' + parts.join(' · ');
}

function pathOf(edge) {
  const p = edge.points;
  if (edge.back || p.length < 2) {
    return 'M ' + p.map(q => `${q.x} ${q.y}`).join(' L ');
  }
  let d = `M ${p[0].x} ${p[0].y}`;
  for (let i = 1; i < p.length; i++) {
    const a = p[i - 1];
    const b = p[i];
    const dy = (b.y - a.y) / 2;
    d += ` C ${a.x} ${a.y + dy}, ${b.x} ${b.y - dy}, ${b.x} ${b.y}`;
  }
  return d;
}

function clip(text, length) {
  const t = String(text ?? '');
  return t.length > length ? t.slice(0, length - 1) + '…' : t;
}
