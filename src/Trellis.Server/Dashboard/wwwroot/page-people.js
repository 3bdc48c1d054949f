// "/people": people in id order, a page at a time (keyset paging: the same cost on page 1 and page 20,000).
import { getJson, enc } from './api.js';
import { h, fmtTime, put } from './dom.js';

export async function render(main, _params, query) {
  document.title = 'People · Trellis';
  const after = query.get('after');
  const data = await getJson('/dashboard/api/people' + (after ? '?after=' + enc(after) : ''));
  put(main, 
    h('div', { class: 'page-head' }, h('div', { class: 'titles' }, h('h1', null, 'People'),
      h('div', { class: 'sub' }, after ? `After ${after}` : 'From the first, by id. Use the search box to open anyone by id or alias.'))),
    h('div', { class: 'panel table-wrap' }, h('table', { id: 'people' },
      h('thead', null, h('tr', null, ['Id', 'Name', 'Email', 'Updated'].map(t => h('th', null, t)))),
      h('tbody', null, data.people.length
        ? data.people.map(p => h('tr', { 'data-person': p.id },
          h('td', null, h('a', { href: '/people/' + enc(p.id), class: 'person-link mono' }, p.id)),
          h('td', null, p.name ?? ''), h('td', { class: 'mono' }, p.email ?? ''), h('td', { class: 'note' }, fmtTime(p.updatedAt))))
        : h('tr', null, h('td', { colspan: 4, class: 'note' }, 'Nobody here yet.'))))),
    h('p', null,
      after ? h('a', { href: '/people' }, '← First page') : null,
      data.next ? h('a', { href: '/people?after=' + enc(data.next), style: 'margin-left: 16px' }, 'Next page →') : null));
}
