// A journey report drawn as charts and tables. Live reports (/dashboard/api/journeys/{id}) and the journeys of
// a `trellis simulate` report have the same shape, so both pages use this.
import { h, fmtInt, fmtPct, fmtPoints, fmtDuration, fmtMoney, kpi } from './dom.js';
import { barChart, stackedBar, intervalChart, palette } from './charts.js';

const outcomeColors = { converted: '#1f8a4c', exited: '#c0392b', completed: '#7f8c8d', active: '#2f6fdf' };

export function reportKpis(report) {
  const lift = report.holdout?.comparisons?.[0];
  return h('div', { class: 'kpis' },
    kpi('Entrants', fmtInt(report.entrants), `${fmtInt(report.people)} people`),
    kpi('Running now', fmtInt(report.outcomes?.active ?? 0)),
    kpi('Conversions', fmtInt(report.conversions?.total ?? 0), fmtPct(report.conversions?.rate) + ' of entrants'),
    kpi('Revenue', fmtMoney(report.conversions?.revenue ?? 0), report.conversions?.window ? 'goal within ' + report.conversions.window : null),
    kpi('Messages sent', fmtInt(report.sends)),
    kpi('Lift over holdout', lift ? fmtPoints(lift.absoluteLift) : '—', lift ? (lift.significant ? 'significant' : 'not significant') : 'no holdout'));
}

function entriesOf(counts) {
  return Object.entries(counts ?? {}).map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value);
}

export function reportCharts(report) {
  const steps = report.steps ?? [];
  const reach = steps.map(st => ({ label: st.step, value: st.entries, note: report.entrants ? fmtPct(st.reachRate, 0) : null }));
  const o = report.outcomes ?? {};
  return h('div', { class: 'grid two' },
    h('div', { class: 'panel' }, barChart(reach, { title: 'People reaching each step', empty: 'nobody has entered yet' })),
    h('div', { class: 'panel' },
      stackedBar([
        { label: 'converted', value: o.converted ?? 0, color: outcomeColors.converted },
        { label: 'exited', value: o.exited ?? 0, color: outcomeColors.exited },
        { label: 'completed', value: o.completed ?? 0, color: outcomeColors.completed },
        { label: 'running', value: o.active ?? 0, color: outcomeColors.active },
      ], { title: 'How instances ended' }),
      h('div', { class: 'section' }, barChart(entriesOf(report.sendsByChannel), { title: 'Sends by channel', color: palette[1], empty: 'no sends yet' }))),
    h('div', { class: 'panel' }, barChart(entriesOf(report.skips), { title: 'Skipped sends by reason', color: palette[4], empty: 'no skips' })),
    h('div', { class: 'panel' }, barChart(entriesOf(report.defers), { title: 'Deferred sends by reason', color: palette[2], empty: 'no deferrals' })));
}

export function stepsTable(report, onStep) {
  const rows = (report.steps ?? []).map(st => {
    const skipped = Object.values(st.skips ?? {}).reduce((a, b) => a + b, 0);
    const deferred = Object.values(st.defers ?? {}).reduce((a, b) => a + b, 0);
    const name = onStep ? h('button', { class: 'link', type: 'button', onclick: () => onStep(st.step) }, st.step) : st.step;
    return h('tr', { 'data-step': st.step },
      h('td', null, name), h('td', null, st.kind),
      h('td', { class: 'num' }, fmtInt(st.entries)), h('td', { class: 'num' }, fmtPct(st.reachRate, 0)),
      h('td', { class: 'num' }, fmtInt(st.ended?.active ?? 0)),
      h('td', { class: 'num' }, fmtInt(st.sends)), h('td', { class: 'num' }, fmtInt(skipped)), h('td', { class: 'num' }, fmtInt(deferred)),
      h('td', { class: 'num' }, fmtDuration(st.timeToNextStep?.medianSeconds)),
      h('td', { class: 'num' }, fmtInt(st.dropOff)));
  });
  return h('div', { class: 'table-wrap' }, h('table', { class: 'steps' },
    h('thead', null, h('tr', null, ['Step', 'Kind', 'Reached', 'Reach', 'Here now', 'Sent', 'Skipped', 'Deferred', 'Median to next', 'Exited here']
      .map((t, i) => h('th', { class: i >= 2 ? 'num' : null }, t)))),
    h('tbody', null, rows)));
}

function experimentPanel(title, experiment) {
  const arms = experiment.arms ?? [];
  const comparisons = experiment.comparisons ?? [];
  const chart = intervalChart(arms.map(a => ({
    label: a.arm, rate: a.conversionRate, low: a.conversionRateInterval?.low, high: a.conversionRateInterval?.high,
    note: `${fmtInt(a.conversions)}/${fmtInt(a.entrants)}`,
  })), { title });
  const verdicts = comparisons.map(c => h('p', { class: 'verdict' + (c.significant ? ' significant' : ''), 'data-role': 'verdict' },
    h('strong', null, `${c.treatment} vs ${c.control}: `),
    `${fmtPoints(c.absoluteLift)} (95% ${fmtPoints(c.absoluteLiftInterval?.low)} to ${fmtPoints(c.absoluteLiftInterval?.high)})`,
    c.p !== undefined && c.p !== null ? `, p = ${Number(c.p).toPrecision(2)}` : '',
    ' — ', c.verdict));
  return h('div', { class: 'panel experiment', 'data-experiment': experiment.step ?? 'holdout' }, chart, verdicts);
}

export function experiments(report) {
  const panels = [];
  if (report.holdout) panels.push(experimentPanel(`Holdout (${report.holdoutPercent}% kept as control): conversion rate`, report.holdout));
  for (const split of report.splits ?? []) panels.push(experimentPanel(`Split at step ${split.step}: conversion rate by variant`, split));
  if (!panels.length) return h('p', { class: 'note' }, 'This journey has no holdout and no split, so there is no experiment to show.');
  return h('div', { class: 'grid two' }, panels);
}
