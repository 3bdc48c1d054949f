// "/templates/{id}/preview?person=…": each channel section rendered with that person's data. An email's HTML
// is shown in a sandboxed frame (no scripts, its own origin, a strict content policy from the server).
import { getJson, enc } from './api.js';
import { h, fmtTime, put } from './dom.js';

function part(name, text, cls) {
  return [h('div', { class: 'part-name' }, name), h(cls === 'subject' ? 'div' : 'pre', { class: cls ?? 'text', 'data-part': name }, text)];
}

function channelCard(c) {
  const card = h('div', { class: 'preview-card', 'data-channel': c.channel }, h('h2', null, c.channel));
  if (c.error) {
    put(card, h('div', { class: 'error-box' }, c.error));
    return card;
  }
  const p = c.parts ?? {};
  switch (c.channel) {
    case 'email':
      put(card, ...part('subject', p.subject ?? '', 'subject'));
      if (c.htmlUrl) {
        put(card, h('div', { class: 'part-name' }, 'html'),
          h('iframe', { src: c.htmlUrl, sandbox: '', title: 'email HTML preview', referrerpolicy: 'no-referrer', loading: 'lazy', 'data-part': 'html' }));
      }
      if (p.text !== undefined) put(card, ...part('text', p.text));
      break;
    case 'sms':
      put(card, h('div', { class: 'part-name' }, 'body'), h('div', { class: 'bubble', 'data-part': 'body' }, p.body ?? ''),
        h('p', { class: 'note' }, `${(p.body ?? '').length} characters`));
      break;
    case 'push':
    case 'in_app':
      put(card, h('div', { class: 'notification' },
        h('div', { class: 'title', 'data-part': 'title' }, p.title ?? ''), h('div', { 'data-part': 'body' }, p.body ?? '')));
      break;
    default:
      for (const [name, text] of Object.entries(p)) put(card, ...part(name, text));
  }
  return card;
}

export async function render(main, [id], query) {
  document.title = `Preview ${id} · Trellis`;
  const person = query.get('person') ?? '';
  const data = await getJson(`/dashboard/api/templates/${enc(id)}/preview` + (person ? `?person=${enc(person)}` : ''));
  const input = h('input', { name: 'person', id: 'preview-person', placeholder: 'person id', value: person });
  const form = h('form', { class: 'toolbar', method: 'get', action: location.pathname },
    h('label', { for: 'preview-person' }, 'Person'), input, h('button', { type: 'submit' }, 'Preview'));
  put(main, 
    h('a', { class: 'crumb', href: '/templates' }, '← Templates'),
    h('div', { class: 'page-head' }, h('div', { class: 'titles' },
      h('h1', { id: 'template-id' }, 'Template ', h('span', { class: 'mono' }, id)),
      h('div', { class: 'sub' }, data.person
        ? [`With the data of `, h('a', { href: '/people/' + enc(data.person) }, data.person),
          data.event
            ? (data.event.entering ? ` and the ${data.event.name} event of ${fmtTime(data.event.timestamp)} that entered them` : ` and their latest event (${data.event.name}, ${fmtTime(data.event.timestamp)})`)
            : ' (no event of theirs to use)',
          data.journey ? `, as journey ${data.journey} sends it.` : '.']
        : 'Without a person: missing values render as empty text. Choose a person to see their version.'))),
    form,
    h('div', { class: 'grid two', id: 'channels' }, data.channels.map(channelCard)));
}
