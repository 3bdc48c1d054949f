// Measures how long dashboard pages take to render in a real headless Chromium: from the start of the
// navigation to the moment the page marks itself ready (all its API calls answered and drawn). Logs in, loads
// each path --repeat times (after one warm-up load), and prints ONE line of JSON: per path the median, p95 and
// max in milliseconds.
//
// node timings.mjs --base URL --key SECRET --paths /,/journeys/x,/people/y [--repeat 10] [--chromium /usr/bin/chromium]
import { launchBrowser } from './browser.mjs';

const o = { repeat: '10', chromium: '/usr/bin/chromium' };
for (let i = 2; i < process.argv.length; i += 2) o[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const { context, close } = await launchBrowser(o.chromium);

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(60000);
  await page.goto(o.base + '/login');
  await page.fill('#key', o.key);
  await Promise.all([page.waitForURL(u => new URL(u).pathname === '/'), page.click('#login-submit')]);
  await page.waitForSelector('body[data-ready="1"]');

  const result = {};
  for (const target of o.paths.split(',')) {
    const samples = [];
    for (let i = 0; i <= Number(o.repeat); i++) {
      await page.goto(o.base + target);
      await page.waitForSelector('body[data-ready="1"]');
      const ms = await page.evaluate(() => {
        if (document.body.dataset.error) throw new Error(document.body.dataset.error);
        return Number(document.body.dataset.renderMs);
      });
      if (i > 0) samples.push(ms); // the first load warms caches (assets, compiled views)
    }
    samples.sort((a, b) => a - b);
    result[target] = { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: samples[samples.length - 1], samples: samples.length };
  }
  process.stdout.write(JSON.stringify(result) + '\n');
} catch (error) {
  process.stderr.write(`timings failed: ${error.stack ?? error}\n`);
  process.exitCode = 1;
} finally {
  await close();
}
