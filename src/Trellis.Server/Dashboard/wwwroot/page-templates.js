// "/templates": every template with its channels and the journeys that send it; each opens a preview.
import { getJson, enc } from './api.js';
import { h, put } from './dom.js';

export async function render(main, _params, query) {
  document.title = 'Templates · Trellis';
  const data = await getJson('/dashboard/api/templates');
  const person = h('input', { name: 'person', id: 'preview-person', placeholder: 'person id (optional)', value: query.get('person') ?? '' });
  const href = id => `/templates/${enc(id)}/preview` + (person.value.trim() ? `?person=${enc(person.value.trim())}` : '');
  const table = h('table', { id: 'templates' },
    h('thead', null, h('tr', null, ['Template', 'Channels', 'Sent by'].map(t => h('th', null, t)))),
    h('tbody', null, data.templates.map(t => h('tr', { 'data-template': t.id },
      h('td', null, h('a', { href: href(t.id), class: 'template-link mono', 'data-id': t.id }, t.id)),
      h('td', null, t.channels.join(', ')),
      h('td', null, t.usedBy.length ? t.usedBy.map((j, i) => [i ? ', ' : '', h('a', { href: '/journeys/' + enc(j) }, j)]) : h('span', { class: 'note' }, 'no live journey'))))));
  person.addEventListener('input', () => {
    for (const a of table.querySelectorAll('a.template-link')) a.href = href(a.dataset.id);
  });
  put(main, 
    h('div', { class: 'page-head' }, h('div', { class: 'titles' }, h('h1', null, 'Templates'),
      h('div', { class: 'sub' }, 'Preview any template, per channel, with a person’s data.'))),
    h('div', { class: 'toolbar' }, h('label', { for: 'preview-person' }, 'Preview with'), person),
    h('div', { class: 'panel table-wrap' }, table));
}
