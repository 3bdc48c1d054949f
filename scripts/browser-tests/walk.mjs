// Walks the Trellis dashboard in a real headless Chromium, as a person would: log in, open the journeys list,
// click into a journey, click a step, click a person, open a template preview, open a simulation report, log
// out. Takes a PNG screenshot of each page and prints ONE line of JSON with what each page showed; the C#
// tests (tests/Trellis.Dashboard.Tests) assert on it.
//
// node walk.mjs --base http://127.0.0.1:5080 --key SECRET --out DIR [--journey welcome-series] [--step welcome]
//               [--also-journey ID] [--also-person ID] [--simulation report.json] [--chromium /usr/bin/chromium]
import { launchBrowser } from './browser.mjs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

function options(argv) {
  const o = { journey: 'welcome-series', step: 'welcome', chromium: '/usr/bin/chromium' };
  for (let i = 2; i < argv.length; i += 2) o[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const required of ['base', 'key', 'out']) {
    if (!o[required]) throw new Error(`missing --${required}`);
  }
  return o;
}

const o = options(process.argv);
mkdirSync(o.out, { recursive: true });
const seen = { pages: {}, consoleErrors: [], timings: {} };

const { context, close } = await launchBrowser(o.chromium);

try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(30000);
  page.on('console', m => { if (m.type() === 'error') seen.consoleErrors.push(m.text()); });
  page.on('pageerror', e => seen.consoleErrors.push(String(e)));

  const ready = async name => {
    await page.waitForSelector('body[data-ready="1"]');
    const info = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        renderMs: Number(document.body.dataset.renderMs),
        loadMs: nav ? Math.round(nav.loadEventEnd || nav.domContentLoadedEventEnd) : null,
        error: document.body.dataset.error ?? null,
        url: location.pathname + location.search,
        title: document.title,
      };
    });
    seen.timings[name] = info.renderMs;
    if (info.error) throw new Error(`${name}: the page shows an error: ${info.error}`);
    return info;
  };
  const shot = async (name, fullPage = true) => {
    const file = path.join(o.out, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    return file;
  };
  const texts = (selector, root = page) => root.locator(selector).allInnerTexts();

  // 1. Login: anonymous → login page → the secret key → the journeys list.
  await page.goto(o.base + '/');
  seen.pages.login = { url: new URL(page.url()).pathname + new URL(page.url()).search };
  await page.fill('#key', o.key);
  await Promise.all([page.waitForURL(u => new URL(u).pathname === '/'), page.click('#login-submit')]);
  const list = await ready('journeys');
  seen.pages.journeys = {
    ...list,
    screenshot: await shot('01-journeys'),
    rows: await page.$$eval('table.journeys tbody tr[data-journey]', rows => rows.map(r => ({
      id: r.dataset.journey,
      name: r.querySelector('a.journey-link')?.textContent,
      status: r.querySelector('[data-status]')?.dataset.status,
      statusText: r.querySelector('[data-status]')?.textContent,
      statusReason: r.querySelector('[data-role="status-reason"]')?.textContent ?? null,
      entrants: r.querySelector('[data-role="entrants"]')?.textContent,
      conversions: r.querySelector('[data-role="conversions"]')?.firstChild?.textContent,
    }))),
    kpis: await texts('.kpi'),
  };

  // 2. Click into the journey.
  await Promise.all([page.waitForURL(`**/journeys/${o.journey}`), page.click(`tr[data-journey="${o.journey}"] a.journey-link`)]);
  const journey = await ready('journey');
  seen.pages.journey = {
    ...journey,
    screenshot: await shot('02-journey'),
    name: await page.locator('#journey-name').innerText(),
    nodes: await page.$$eval('svg.graph g.node', nodes => nodes.map(n => ({
      id: n.dataset.node,
      step: n.dataset.step ?? null,
      counts: n.querySelector('[data-role="counts"]')?.textContent ?? null,
      left: n.querySelector('[data-role="left"]')?.textContent ?? null,
    }))),
    edges: await page.$$eval('svg.graph g.edges g.edge', edges => edges.map(e => ({ from: e.dataset.from, to: e.dataset.to, count: Number(e.dataset.count) }))),
    dropOffs: await texts('svg.graph [data-role="drop"]'),
    kpis: await texts('.kpi'),
    verdicts: await texts('[data-role="verdict"]'),
    valid: await page.locator('[data-role="valid"]').count() === 1,
    publishDisabled: await page.locator('#publish').isDisabled(),
    pauseDisabled: await page.locator('#pause').isDisabled(),
  };

  // Another journey (e.g. one with a holdout and a split), straight from its URL.
  if (o['also-journey']) {
    await page.goto(`${o.base}/journeys/${o['also-journey']}`);
    await ready('journey-also');
    seen.pages.otherJourney = {
      screenshot: await shot('02b-journey-experiments'),
      name: await page.locator('#journey-name').innerText(),
      experiments: await page.$$eval('.experiment', panels => panels.map(p => p.dataset.experiment)),
      verdicts: await texts('[data-role="verdict"]'),
      nodes: await page.$$eval('svg.graph g.node', nodes => nodes.map(n => ({ id: n.dataset.node, counts: n.querySelector('[data-role="counts"]')?.textContent ?? null }))),
    };
    await page.goBack();
    await ready('journey-again');
  }

  // 3. Click a step in the graph: its panel lists the people who reached it.
  await page.click(`svg.graph g.node[data-step="${o.step}"]`);
  await page.waitForSelector('[data-role="recent-people"] li');
  seen.pages.step = {
    screenshot: await shot('03-step', false),
    title: await page.locator('[data-role="step-title"]').innerText(),
    reached: await page.locator('[data-role="reached"]').innerText(),
    people: await page.$$eval('[data-role="recent-people"] li', items => items.map(li => ({
      person: li.dataset.person, text: li.textContent,
    }))),
    url: new URL(page.url()).pathname + new URL(page.url()).search,
  };

  // 4. Click the newest person there.
  const person = seen.pages.step.people[0].person;
  await Promise.all([page.waitForURL(u => new URL(u).pathname === `/people/${person}`), page.click(`[data-role="recent-people"] li[data-person="${person}"] a.person-link`)]);
  const personPage = await ready('person');
  seen.pages.person = {
    ...personPage,
    screenshot: await shot('04-person'),
    id: await page.locator('#person-id').innerText(),
    timeline: await page.$$eval('#timeline li[data-kind]', items => items.map(li => ({
      kind: li.dataset.kind, journey: li.dataset.journey || null, text: li.querySelector('.text')?.textContent ?? li.textContent,
    }))),
    consent: await texts('#consent tr'),
    suppression: await texts('#suppression tr'),
    journeys: await texts('#person-journeys tbody tr'),
    traits: await texts('#traits tr'),
  };

  // Another person, opened through the search box (e.g. one whose sends were skipped).
  if (o['also-person']) {
    await page.fill('#person-search input', o['also-person']);
    await Promise.all([page.waitForURL(`**/people/${o['also-person']}`), page.press('#person-search input', 'Enter')]);
    await ready('person-searched');
    seen.pages.searchedPerson = {
      screenshot: await shot('04b-person-searched'),
      id: await page.locator('#person-id').innerText(),
      timeline: await page.$$eval('#timeline li[data-kind]', items => items.map(li => ({
        kind: li.dataset.kind, journey: li.dataset.journey || null, text: li.querySelector('.text')?.textContent ?? li.textContent,
      }))),
      consent: await texts('#consent tr'),
    };
    await page.goBack();
    await ready('person-again');
  }

  // 5. From a send in the timeline, the template preview with this person's data.
  // The send of the journey walked through (the step panel's link opened the timeline filtered to it).
  await Promise.all([page.waitForURL('**/templates/**/preview?person=*'),
    page.locator(`#timeline li[data-journey="${o.journey}"] a.preview-link`).first().click()]);
  const preview = await ready('template');
  const frame = page.frameLocator('iframe[data-part="html"]');
  let html = null;
  if (await page.locator('iframe[data-part="html"]').count()) {
    html = await frame.locator('body').innerText();
  }
  seen.pages.template = {
    ...preview,
    screenshot: await shot('05-template'),
    heading: await page.locator('#template-id').innerText(),
    channels: await page.$$eval('.preview-card[data-channel]', cards => cards.map(c => ({
      channel: c.dataset.channel,
      parts: Object.fromEntries([...c.querySelectorAll('[data-part]')].filter(p => p.tagName !== 'IFRAME').map(p => [p.dataset.part, p.textContent])),
    }))),
    html,
    iframeSandbox: await page.locator('iframe[data-part="html"]').first().getAttribute('sandbox').catch(() => null),
  };

  // A template with several channels (push and email), with the same person.
  await page.goto(`${o.base}/templates/getting-started/preview?person=${encodeURIComponent(person)}`);
  await ready('template-channels');
  seen.pages.templateChannels = {
    screenshot: await shot('05b-template-channels'),
    channels: await page.$$eval('.preview-card[data-channel]', cards => cards.map(c => c.dataset.channel)),
    pushTitle: await page.locator('.preview-card[data-channel="push"] [data-part="title"]').innerText().catch(() => null),
  };

  // The people and templates lists.
  await page.goto(o.base + '/people');
  await ready('people');
  seen.pages.people = { screenshot: await shot('07-people'), ids: await page.$$eval('#people tr[data-person]', rows => rows.map(r => r.dataset.person)) };
  await page.goto(o.base + '/templates');
  await ready('templates');
  seen.pages.templates = { screenshot: await shot('08-templates'), ids: await page.$$eval('#templates tr[data-template]', rows => rows.map(r => r.dataset.template)) };

  // 6. A simulation report, drawn in the same style.
  if (o.simulation) {
    await page.goto(`${o.base}/simulations?report=${encodeURIComponent(o.simulation)}`);
    const simulation = await ready('simulation');
    await page.waitForSelector('section.simulated-journey');
    seen.pages.simulation = {
      ...simulation,
      screenshot: await shot('06-simulation'),
      title: await page.locator('#simulation-title').innerText(),
      journeys: await page.$$eval('section.simulated-journey', s => s.map(x => x.dataset.journey)),
      graphs: await page.locator('section.simulated-journey svg.graph').count(),
      kpis: await texts('#simulation > .kpis .kpi'),
    };
  }

  // 7. Log out: the pages need a login again.
  await page.goto(o.base + '/');
  await ready('journeys-again');
  await Promise.all([page.waitForURL('**/login**'), page.click('#logout')]);
  await page.goto(o.base + '/people');
  seen.pages.afterLogout = { url: new URL(page.url()).pathname + new URL(page.url()).search };

  process.stdout.write(JSON.stringify(seen) + '\n');
} catch (error) {
  process.stderr.write(`walk failed: ${error.stack ?? error}\n${JSON.stringify(seen)}\n`);
  process.exitCode = 1;
} finally {
  await close();
}
