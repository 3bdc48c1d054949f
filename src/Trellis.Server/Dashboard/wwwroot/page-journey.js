// "/journeys/{id}": the journey as a graph with live numbers, a step panel (click a step: its numbers and
// the people who reached it last), the report and experiments as charts, the definition with its validation
// messages, and publish/pause.
import { getJson, post, enc } from './api.js';
import { h, clear, fmtInt, fmtTime, fmtDuration, statusBadge, errorBox, put } from './dom.js';
import { renderGraph } from './graph.js';
import { reportKpis, reportCharts, stepsTable, experiments } from './report-view.js';
import { countersNote } from './page-journeys.js';

const stepUrl = (journeyId, step) => `/dashboard/api/journeys/${enc(journeyId)}/steps/${enc(step)}`;

export async function render(main, [id], query) {
  // A step named in the URL is fetched alongside the journey, not after it.
  const early = query.get('step') ? getJson(stepUrl(id, query.get('step'))) : null;
  early?.catch(() => {});
  const data = await getJson('/dashboard/api/journeys/' + enc(id));
  document.title = `${data.name ?? id} · Trellis`;
  const report = data.report;
  const stepPanel = h('aside', { class: 'panel step-panel', id: 'step-panel', 'aria-live': 'polite' },
    h('p', { class: 'empty' }, 'Click a step in the graph to see its numbers and the people who reached it.'));
  const graphPanel = h('div', { class: 'panel graph-panel', id: 'graph' });

  let selected = query.get('step');
  const drawGraph = () => {
    clear(graphPanel);
    if (data.graph) {
      put(graphPanel, renderGraph(data.graph, report, data.fromEntry, { onStep: select, selected, waitingToStart: data.waitingToStart }));
    } else {
      put(graphPanel, h('p', { class: 'note warn' }, 'The definition does not validate, so it cannot be drawn: see the messages below.'));
    }
  };
  async function select(step) {
    selected = step;
    const url = new URL(location.href);
    url.searchParams.set('step', step);
    history.replaceState(null, '', url);
    drawGraph();
    await showStep(stepPanel, id, step);
  }

  put(main, 
    h('a', { class: 'crumb', href: '/' }, '← Journeys'),
    header(data),
    data.description ? h('p', { class: 'sub' }, data.description) : null,
    h('p', { class: 'note' }, [
      data.entry ? `Entry: ${data.entry}.` : null,
      data.goal ? ` Goal: ${data.goal}.` : null,
      data.exits?.length ? ` Exits on: ${data.exits.join(', ')}.` : null,
      data.holdoutPercent ? ` Holdout ${data.holdoutPercent}%.` : null,
    ].filter(Boolean).join('')),
    countersNote(data.counters),
    reportKpis(report),
    h('div', { class: 'journey-layout' }, graphPanel, stepPanel),
    h('section', { class: 'section' }, h('h3', null, 'Report'), reportCharts(report),
      h('div', { class: 'panel section' }, stepsTable(report, select))),
    h('section', { class: 'section' }, h('h3', null, 'Experiments'), experiments(report)),
    h('section', { class: 'section' }, h('h3', null, 'Definition'), definition(data)));
  drawGraph();
  if (selected) await showStep(stepPanel, id, selected, early);
}

function header(data) {
  const live = data.status === 'live';
  const message = h('span', { class: 'note', id: 'status-message' });
  const act = async (action, button) => {
    button.disabled = true;
    message.textContent = action === 'publish' ? 'Publishing…' : 'Pausing…';
    try {
      await post(`/dashboard/api/journeys/${enc(data.id)}/${action}`);
      location.reload();
    } catch (error) {
      message.textContent = '';
      put(message, errorBox(error));
      if (error.body?.errors) put(message, h('ul', { class: 'problems' }, error.body.errors.map(e => h('li', null, e))));
      button.disabled = false;
    }
  };
  const publish = h('button', { type: 'button', class: 'primary', id: 'publish', disabled: live || !data.graph }, 'Publish');
  const pause = h('button', { type: 'button', class: 'danger', id: 'pause', disabled: !live }, 'Pause');
  publish.addEventListener('click', () => act('publish', publish));
  pause.addEventListener('click', () => act('pause', pause));
  return h('div', { class: 'page-head' },
    h('div', { class: 'titles' },
      h('h1', { id: 'journey-name' }, data.name ?? data.id, ' ', statusBadge(data.status)),
      h('div', { class: 'sub mono' }, [data.id, `v${data.version}`, data.owner && `owner ${data.owner}`, `priority ${data.priority ?? '—'}`,
        data.topic && `topic ${data.topic}`, data.transactional && 'transactional'].filter(Boolean).join(' · ')),
      data.statusReason ? h('div', { class: 'status-reason' + (data.status === 'paused_by_guardrail' ? ' bad' : ''), 'data-role': 'status-reason' },
        `${data.status === 'live' ? 'Live' : 'Paused'}: ${data.statusReason} (${fmtTime(data.updatedAt)})`) : null),
    h('div', { class: 'actions' }, message, publish, pause));
}

async function showStep(panel, journeyId, step, pending) {
  put(clear(panel), h('p', { class: 'loading' }, 'Loading step…'));
  try {
    const data = await (pending ?? getJson(stepUrl(journeyId, step)));
    const r = data.report;
    const lines = (counts) => Object.entries(counts ?? {}).map(([k, v]) => `${k} ${fmtInt(v)}`).join(', ') || '0';
    const people = data.recent.length
      ? h('ul', { class: 'people', 'data-role': 'recent-people' }, data.recent.map(p => h('li', { 'data-person': p.person },
        h('span', null, h('a', { href: `/people/${enc(p.person)}?journey=${enc(journeyId)}`, class: 'person-link' }, p.person),
          p.outcome ? h('span', { class: 'status-reason' }, p.outcome) : null),
        h('span', { class: 'when' }, fmtTime(p.at)))))
      : h('p', { class: 'empty' }, 'Nobody has reached this step since the server started counting.');
    put(clear(panel), 
      h('h2', { 'data-role': 'step-title' }, step, ' ', h('span', { class: 'badge neutral' }, r.kind)),
      data.detail ? h('p', { class: 'note' }, data.detail) : null,
      h('dl', null,
        h('dt', null, 'Reached'), h('dd', { 'data-role': 'reached' }, fmtInt(r.entries)),
        h('dt', null, 'Here now'), h('dd', null, fmtInt(r.ended?.active ?? 0)),
        h('dt', null, 'Sent'), h('dd', null, lines(r.sendsByChannel)),
        h('dt', null, 'Skipped'), h('dd', null, lines(r.skips)),
        h('dt', null, 'Deferred'), h('dd', null, lines(r.defers)),
        h('dt', null, 'Exited here'), h('dd', null, fmtInt(r.dropOff)),
        h('dt', null, 'Converted here'), h('dd', null, fmtInt(r.ended?.converted ?? 0)),
        h('dt', null, 'Median to next'), h('dd', null, fmtDuration(r.timeToNextStep?.medianSeconds))),
      data.template ? h('p', null, h('a', { href: `/templates/${enc(data.template)}/preview` + (data.recent[0] ? `?person=${enc(data.recent[0].person)}` : '') },
        `Preview template ${data.template}`)) : null,
      h('h3', null, 'Recent people at this step'),
      people);
  } catch (error) {
    put(clear(panel), errorBox(error));
  }
}

function definition(data) {
  const problems = data.problems ?? [];
  const badLines = new Set(problems.map(p => p.line).filter(Boolean));
  const source = h('div', { class: 'source', id: 'source' });
  (data.source ?? '').replace(/\n$/, '').split('\n').forEach((line, i) => {
    const bad = badLines.has(i + 1);
    source.append(h('div', { class: 'ln' + (bad ? ' bad' : '') }, String(i + 1)), h('div', { class: 'code' + (bad ? ' bad' : '') }, line || ' '));
  });
  return h('div', { class: 'panel' },
    problems.length
      ? h('ul', { class: 'problems', 'data-role': 'problems' }, problems.map(p => h('li', null, p.line ? `line ${p.line}: ${p.message}` : p.message)))
      : h('p', { class: 'ok-line', 'data-role': 'valid' }, '✓ The definition is valid.'),
    source);
}
