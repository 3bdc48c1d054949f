// "/simulations": a `trellis simulate` JSON report shown like the live journeys — from the configured reports
// folder (?report=name) or opened from the user's computer (read in the browser, never uploaded).
import { getJson, enc } from './api.js';
import { h, clear, fmtInt, fmtPct, kpi, errorBox, put } from './dom.js';
import { barChart, columnChart, palette } from './charts.js';
import { renderGraph } from './graph.js';
import { reportKpis, reportCharts, stepsTable, experiments } from './report-view.js';

function counts(object) {
  return Object.entries(object ?? {}).map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value);
}

async function graphFor(journeyId) {
  try {
    return (await getJson('/dashboard/api/journeys/' + enc(journeyId))).graph;
  } catch {
    return null; // not a journey of this workspace: the report is shown without its drawing
  }
}

export async function showReport(target, report, name) {
  clear(target);
  const settings = report.settings ?? {};
  const weekly = report.messagesPerPersonPerWeek;
  put(target, 
    h('h2', { id: 'simulation-title' }, name),
    h('p', { class: 'note' }, `${fmtInt(settings.people)} simulated people over ${settings.days} days from ${settings.start} (seed ${settings.seed}, behaviour ${settings.behavior}).`),
    (report.warnings ?? []).length ? h('ul', { class: 'problems' }, report.warnings.map(w => h('li', null, w))) : null,
    h('div', { class: 'kpis' },
      kpi('People', fmtInt(report.population?.people)),
      kpi('Journeys', fmtInt(report.journeys?.length ?? 0)),
      kpi('Entrants', fmtInt((report.journeys ?? []).reduce((a, j) => a + j.entrants, 0))),
      kpi('Conversions', fmtInt((report.journeys ?? []).reduce((a, j) => a + (j.conversions?.total ?? 0), 0))),
      kpi('Messages / person / week', weekly ? weekly.all.mean.toFixed(2) : '—', weekly ? `p90 ${weekly.all.p90}, max ${weekly.all.max}` : null),
      kpi('In 2+ journeys at once', fmtPct(report.collisions?.share))),
    h('div', { class: 'grid two' },
      h('div', { class: 'panel' }, barChart(counts(report.population?.personas), { title: 'Personas' }),
        h('div', { class: 'section' }, barChart(counts(report.population?.reachable), { title: 'Reachable by channel', color: palette[1] }))),
      h('div', { class: 'panel' }, barChart(counts(report.events).slice(0, 12), { title: 'Events (top 12)', color: palette[3] })),
      weekly ? h('div', { class: 'panel' }, columnChart(weekly.all.counts.map(c => ({ label: String(c.messages), value: c.personWeeks })),
        { title: 'Messages per person per week (all)', xLabel: 'messages in a week' })) : null,
      h('div', { class: 'panel' }, h('div', { class: 'chart-title' }, 'Collisions between journeys'),
        (report.collisions?.overlaps ?? []).length
          ? h('table', { class: 'compact' }, h('thead', null, h('tr', null, h('th', null, 'Entered'), h('th', null, 'While in'), h('th', { class: 'num' }, 'Times'))),
            h('tbody', null, report.collisions.overlaps.slice(0, 15).map(o => h('tr', null, h('td', null, o.entered), h('td', null, o.whileIn), h('td', { class: 'num' }, fmtInt(o.count))))))
          : h('p', { class: 'note' }, 'No overlaps.'))));

  for (const journey of report.journeys ?? []) {
    const section = h('section', { class: 'section simulated-journey', 'data-journey': journey.journey },
      h('h3', null, `${journey.name ?? journey.journey} (${journey.journey})`),
      reportKpis(journey));
    const graphBox = h('div', { class: 'panel graph-panel' });
    put(section, graphBox, h('div', { class: 'section' }, reportCharts(journey)),
      h('div', { class: 'panel section' }, stepsTable(journey)), h('div', { class: 'section' }, experiments(journey)));
    put(target, section);
    const graph = await graphFor(journey.journey);
    if (graph) graphBox.append(renderGraph(graph, journey, null));
    else graphBox.remove();
  }
}

export async function render(main, _params, query) {
  document.title = 'Simulations · Trellis';
  const list = await getJson('/dashboard/api/simulations');
  const target = h('div', { id: 'simulation' });
  const file = h('input', { type: 'file', accept: '.json,application/json', id: 'simulation-file' });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    try {
      await showReport(target, JSON.parse(await chosen.text()), chosen.name);
    } catch (error) {
      put(clear(target), errorBox(new Error(`${chosen.name} is not a trellis simulate JSON report: ${error.message}`)));
    }
  });
  put(main, 
    h('div', { class: 'page-head' }, h('div', { class: 'titles' }, h('h1', null, 'Simulations'),
      h('div', { class: 'sub' }, 'Reports of trellis simulate … --report FILE.json, drawn like the live journeys.'))),
    h('div', { class: 'toolbar' }, h('label', { for: 'simulation-file' }, 'Open a report file:'), file),
    h('div', { class: 'panel' },
      h('h2', null, list.configured ? `Reports in ${list.folder}` : 'Reports folder'),
      list.configured
        ? (list.reports.length
          ? h('ul', { id: 'simulation-list' }, list.reports.map(r => h('li', null,
            h('a', { href: '/simulations?report=' + enc(r.name) }, r.name), h('span', { class: 'note' }, ` ${fmtInt(Math.round(r.bytes / 1024))} KB`))))
          : h('p', { class: 'note' }, 'No *.json reports there yet.'))
        : h('p', { class: 'note' }, 'Set Trellis:Dashboard:SimulationsPath to list a folder of reports here, or open a file above.')),
    h('div', { class: 'section' }, target));

  const name = query.get('report');
  if (name) {
    const response = await fetch('/dashboard/api/simulations/' + enc(name), { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`Could not open ${name}: ${response.status}`);
    await showReport(target, await response.json(), name);
  }
}
