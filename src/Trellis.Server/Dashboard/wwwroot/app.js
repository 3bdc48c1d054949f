// The dashboard's one script: picks the page for the URL, draws it from the JSON API, and marks the body
// ready (data-ready, data-render-ms) so tests and people can tell when the page is complete.
import { session, post } from './api.js';
import { clear, errorBox } from './dom.js';
import * as journeys from './page-journeys.js';
import * as journey from './page-journey.js';
import * as people from './page-people.js';
import * as person from './page-person.js';
import * as templates from './page-templates.js';
import * as template from './page-template.js';
import * as simulations from './page-simulations.js';

const routes = [
  [/^\/$/, journeys, 'journeys'],
  [/^\/journeys\/([^/]+)$/, journey, 'journeys'],
  [/^\/people$/, people, 'people'],
  [/^\/people\/([^/]+)$/, person, 'people'],
  [/^\/templates$/, templates, 'templates'],
  [/^\/templates\/([^/]+)\/preview$/, template, 'templates'],
  [/^\/simulations$/, simulations, 'simulations'],
];

function chrome(section) {
  for (const a of document.querySelectorAll('header.top nav a')) {
    a.classList.toggle('current', a.dataset.nav === section);
  }
  document.getElementById('person-search').addEventListener('submit', e => {
    e.preventDefault();
    const id = new FormData(e.target).get('q')?.toString().trim();
    if (id) location.assign('/people/' + encodeURIComponent(id));
  });
  document.getElementById('logout').addEventListener('click', async () => {
    try {
      await post('/logout');
    } finally {
      location.assign('/login');
    }
  });
  session().then(s => {
    document.getElementById('who').textContent = `${s.workspace} · ${s.subject}`;
  }).catch(() => {});
}

async function start() {
  const main = document.getElementById('app');
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const route = routes.find(([pattern]) => pattern.test(path));
  chrome(route?.[2]);
  try {
    if (!route) throw new Error('No such page.');
    const params = path.match(route[0]).slice(1).map(decodeURIComponent);
    clear(main);
    await route[1].render(main, params, new URLSearchParams(location.search));
  } catch (error) {
    console.error(error);
    clear(main).append(errorBox(error));
    document.body.dataset.error = error?.message ?? String(error);
  } finally {
    document.body.dataset.renderMs = String(Math.round(performance.now()));
    document.body.dataset.ready = '1';
  }
}

start();
