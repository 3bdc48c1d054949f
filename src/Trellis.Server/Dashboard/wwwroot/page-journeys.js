// "/": every journey with its status (and why it is paused), entrants, running, conversions and lift.
import { getJson } from './api.js';
import { h, fmtInt, fmtPct, fmtPoints, kpi, statusBadge, put } from './dom.js';

export function countersNote(counters) {
  if (counters?.problem) return h('p', { class: 'note warn' }, counters.problem);
  if (counters?.recounting) {
    return h('p', { class: 'note warn', 'data-role': 'recounting' },
      `Counting the stored history (${fmtInt(counters.peopleRecounted)} people so far): numbers are still growing.`);
  }
  return null;
}

function liftCell(journey) {
  const lift = journey.lift;
  if (!lift) return h('td', { class: 'num' }, h('span', { class: 'lift flat' }, journey.holdoutPercent > 0 ? 'no data yet' : 'no holdout'));
  const tone = !lift.significant ? 'flat' : lift.absolute > 0 ? 'good' : 'bad';
  return h('td', { class: 'num', title: lift.verdict },
    h('span', { class: 'lift ' + tone }, fmtPoints(lift.absolute)),
    h('span', { class: 'status-reason' }, lift.significant ? 'significant' : 'not significant'));
}

export async function render(main) {
  document.title = 'Journeys · Trellis';
  const data = await getJson('/dashboard/api/journeys');
  const list = data.journeys;
  const live = list.filter(j => j.status === 'live').length;
  const guarded = list.filter(j => j.status === 'paused_by_guardrail').length;
  const rows = list.map(j => h('tr', { 'data-journey': j.id },
    h('td', null,
      h('a', { href: '/journeys/' + encodeURIComponent(j.id), class: 'journey-link' }, j.name ?? j.id),
      h('span', { class: 'status-reason mono' }, j.id + (j.owner ? ' · ' + j.owner : ''))),
    h('td', null, statusBadge(j.status),
      j.statusReason && j.status !== 'live'
        ? h('span', { class: 'status-reason' + (j.status === 'paused_by_guardrail' ? ' bad' : ''), 'data-role': 'status-reason' }, j.statusReason)
        : null,
      j.problems ? h('span', { class: 'status-reason bad' }, `${j.problems} validation problem${j.problems === 1 ? '' : 's'}`) : null),
    h('td', { class: 'num' }, j.priority),
    h('td', { class: 'num', 'data-role': 'entrants' }, fmtInt(j.entrants)),
    h('td', { class: 'num' }, fmtInt(j.active)),
    h('td', { class: 'num', 'data-role': 'conversions' }, fmtInt(j.conversions), h('span', { class: 'status-reason' }, fmtPct(j.conversionRate))),
    h('td', { class: 'num' }, fmtInt(j.sends)),
    liftCell(j)));

  put(main, 
    h('div', { class: 'page-head' }, h('div', { class: 'titles' }, h('h1', null, 'Journeys'),
      h('div', { class: 'sub' }, `Workspace ${data.workspace}`))),
    h('div', { class: 'kpis' },
      kpi('People', fmtInt(data.people)),
      kpi('Journeys live', fmtInt(live), `${list.length} in all`),
      kpi('Paused by guardrail', fmtInt(guarded)),
      kpi('Entrants', fmtInt(list.reduce((a, j) => a + j.entrants, 0))),
      kpi('Conversions', fmtInt(list.reduce((a, j) => a + j.conversions, 0)))),
    countersNote(data.counters),
    h('div', { class: 'panel table-wrap' }, h('table', { class: 'journeys' },
      h('thead', null, h('tr', null,
        h('th', null, 'Journey'), h('th', null, 'Status'), h('th', { class: 'num' }, 'Priority'), h('th', { class: 'num' }, 'Entrants'),
        h('th', { class: 'num' }, 'Running'), h('th', { class: 'num' }, 'Conversions'), h('th', { class: 'num' }, 'Sends'),
        h('th', { class: 'num' }, 'Lift vs holdout'))),
      h('tbody', null, rows.length ? rows : h('tr', null, h('td', { colspan: 8, class: 'note' }, 'No journeys yet: add *.journey.yaml files to the content folder or PUT /api/journeys/{id}.'))))));
}
