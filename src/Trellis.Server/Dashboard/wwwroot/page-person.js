// "/people/{id}": profile, consent, suppression, journeys, and one timeline of what the person did (events)
// and what every journey decided for them (the trace): entered, reached a step, sent on which channel (and
// whether it was delivered), skipped or deferred and why, converted, left.
import { getJson, enc } from './api.js';
import { h, clear, fmtTime, keyValueTable, fmtMoney, put } from './dom.js';

const reasons = {
  consent: 'no consent for this topic or channel',
  suppressed: 'the address is suppressed (bounce or complaint)',
  frequency_cap: 'a frequency cap is full',
  quiet_hours: 'quiet hours in the person’s time zone',
  arbitration: 'a journey with higher priority messaged them recently',
  holdout: 'in the holdout (control) group, which gets no messages',
  unreachable: 'no address for any of the step’s channels',
};

export function explain(reason) {
  return reasons[reason] ? `${reason} — ${reasons[reason]}` : reason ?? 'no reason recorded';
}

/** One trace line in words: [kind, sentence, extra nodes]. */
export function describe(line, sends, personId) {
  const d = line.details ?? {};
  const step = line.step;
  switch (line.type) {
    case 'enter':
      return ['enter', `Entered the journey${d.key ? ` (key ${d.key})` : ''}${d.holdout ? ' — in the holdout group: no messages' : ''}`];
    case 'step':
      return ['step', `Reached step ${step}${d.variant ? ` → variant ${d.variant}` : ''}`];
    case 'send': {
      const send = takeSend(sends, line);
      const status = send ? ` · ${send.status}${send.lastError ? ': ' + send.lastError : ''}` : '';
      return ['send', `Sent on ${d.channel} at step ${step} — template ${d.template}${status}`,
        d.template ? h('a', { href: `/templates/${enc(d.template)}/preview?person=${enc(personId)}`, class: 'preview-link' }, ' preview') : null];
    }
    case 'skip':
      return ['skip', `Skipped step ${step}: ${explain(d.reason)}`];
    case 'defer':
      return ['defer', `Deferred step ${step} until ${fmtTime(d.until)}: ${explain(d.reason)}`];
    case 'goal':
      return ['goal', `Reached the goal${d.value !== undefined && d.value !== null ? ` (value ${fmtMoney(d.value)})` : ''}`];
    case 'exit':
      return ['exit', `Left the journey: ${d.outcome ?? 'ended'}${d.reason ? ` (${d.reason})` : ''}`];
    default:
      return [line.type, `${line.type}${step ? ' at ' + step : ''}`];
  }
}

// Outbox entries in order; each send line takes the first unused one of its journey, step and channel.
function takeSend(sends, line) {
  const i = sends.findIndex(s => !s.used && s.journey === line.journey && s.step === line.step && s.channel === line.details?.channel);
  if (i < 0) return null;
  sends[i].used = true;
  return sends[i];
}

function eventLine(e) {
  const name = e.type === 'track' ? e.event : e.type;
  return {
    at: e.timestamp, order: 0, seq: e.sequence, kind: 'event', journey: null,
    text: e.type === 'identify' ? 'Profile update (identify)' : `Event ${name}`,
    extra: e.properties && Object.keys(e.properties).length
      ? h('details', null, h('summary', null, 'properties'), h('pre', null, JSON.stringify(e.properties, null, 2)))
      : null,
  };
}

export async function render(main, [id], query) {
  const data = await getJson('/dashboard/api/people/' + enc(id));
  document.title = `${data.id} · Trellis`;
  const sends = data.sends.map(s => ({ ...s }));
  const items = [
    ...data.events.map(eventLine),
    ...data.trace.map(line => {
      const [kind, text, extra] = describe(line, sends, data.id);
      return { at: line.at, order: 1, seq: line.sequence, kind, journey: line.journey, text, extra };
    }),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order || a.seq - b.seq));

  const journeys = [...new Set(data.trace.map(t => t.journey).filter(Boolean))].sort();
  const filter = h('select', { id: 'journey-filter', 'aria-label': 'Journey' },
    h('option', { value: '' }, 'All journeys and events'),
    journeys.map(j => h('option', { value: j, selected: j === query.get('journey') }, j)));
  const showSteps = h('input', { type: 'checkbox', id: 'show-steps', checked: true });
  const showEvents = h('input', { type: 'checkbox', id: 'show-events', checked: true });
  const timeline = h('ol', { class: 'timeline', id: 'timeline' });
  const draw = () => {
    const journey = filter.value;
    put(clear(timeline), ...items
      // Events stay when one journey is picked: they are what its decisions answered to.
      .filter(i => (!journey || i.journey === journey || (i.kind === 'event' && showEvents.checked))
        && (showSteps.checked || i.kind !== 'step') && (showEvents.checked || i.kind !== 'event'))
      .map(i => h('li', { 'data-kind': i.kind, 'data-journey': i.journey ?? '' },
        h('span', { class: 'at' }, fmtTime(i.at)),
        h('span', { class: 'kind ' + i.kind }, i.kind),
        h('span', { class: 'what' }, i.journey ? h('span', { class: 'journey' }, i.journey + ' · ') : null, h('span', { class: 'text' }, i.text), i.extra ?? null))));
    if (!timeline.children.length) timeline.append(h('li', null, h('span', { class: 'note' }, 'Nothing yet.')));
  };
  filter.addEventListener('change', draw);
  showSteps.addEventListener('change', draw);
  showEvents.addEventListener('change', draw);
  draw();

  const consent = data.consent.length
    ? h('table', { class: 'compact', id: 'consent' }, h('tbody', null, data.consent.map(c => h('tr', null,
      h('th', null, c.topic), h('td', null, h('span', { class: 'badge ' + (c.granted === null ? 'neutral' : c.granted ? 'yes' : 'no') }, c.granted === null ? 'unclear' : c.granted ? 'yes' : 'no')),
      h('td', { class: 'note' }, c.at ? `${c.source}, ${fmtTime(c.at)}` : c.source)))))
    : h('p', { class: 'note' }, 'No consent statements: the workspace default applies.');
  const suppression = data.suppressions.length
    ? h('table', { class: 'compact', id: 'suppression' }, h('tbody', null, data.suppressions.map(s => h('tr', null,
      h('th', null, s.channel), h('td', { class: 'mono' }, s.address),
      h('td', null, h('span', { class: 'badge ' + (s.suppressed ? 'no' : 'yes') }, s.suppressed ? 'suppressed' : 'deliverable'))))))
    : h('p', { class: 'note' }, 'No contact addresses on the profile.');
  const journeyTable = data.journeys.length
    ? h('table', { class: 'compact', id: 'person-journeys' }, h('thead', null, h('tr', null, ['Journey', 'Status', 'Step', 'Outcome'].map(t => h('th', null, t)))),
      h('tbody', null, data.journeys.map(j => h('tr', null,
        h('td', null, h('a', { href: '/journeys/' + enc(j.journey) }, j.journey)),
        h('td', null, j.status), h('td', { class: 'mono' }, j.currentStep ?? '—'),
        h('td', null, j.outcome ? `${j.outcome}${j.reason ? ' (' + j.reason + ')' : ''}` : '—')))))
    : h('p', { class: 'note' }, 'Not in any journey yet.');

  put(main, 
    h('a', { class: 'crumb', href: '/people' }, '← People'),
    h('div', { class: 'page-head' }, h('div', { class: 'titles' },
      h('h1', { id: 'person-id' }, data.id),
      h('div', { class: 'sub' }, [data.name, data.traits?.email, `since ${fmtTime(data.createdAt)}`].filter(Boolean).join(' · ')))),
    h('div', { class: 'grid three' },
      h('div', { class: 'panel' }, h('h2', null, 'Profile'), h('div', { id: 'traits' }, keyValueTable(data.traits))),
      h('div', { class: 'panel' }, h('h2', null, 'Consent'), consent, h('h2', { class: 'section' }, 'Suppression'), suppression),
      h('div', { class: 'panel' }, h('h2', null, 'Journeys'), journeyTable)),
    h('div', { class: 'panel section' },
      h('h2', null, 'Timeline: events and decisions'),
      h('div', { class: 'filters' }, filter, h('label', null, showSteps, ' show step moves'), h('label', null, showEvents, ' show events')),
      data.traceTruncated ? h('p', { class: 'note warn' }, 'Only the first lines of a very long trace are shown.') : null,
      timeline));
}
