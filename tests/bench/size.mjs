// What a first visit really transfers (scripts/size): headless Chromium, an empty profile, `thidua serve` with the
// sample data; every request until the `thidua-ready` mark with its content coding and the bytes the browser
// counted (Resource Timing transferSize: headers + body as sent), and the total against the 400 KiB budget.
import { launchBrowser, sizes, startServer } from '../browser/harness.mjs';

const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext(sizes.tablet);
  const page = await context.newPage();
  const coding = new Map();
  page.on('response', async (r) => coding.set(r.url(), (await r.allHeaders())['content-encoding'] || 'identity'));
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('thidua-ready').length > 0, null, { timeout: 60000 });
  const rows = await page.evaluate(() => {
    const ready = performance.getEntriesByName('thidua-ready')[0].startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    return [nav, ...performance.getEntriesByType('resource').filter((e) => e.responseEnd <= ready)]
      .map((e) => ({ url: e.name, transfer: e.transferSize, body: e.encodedBodySize, decoded: e.decodedBodySize }));
  });
  await context.close();
  let total = 0;
  console.log('What Chromium transfers on a first visit from thidua serve, until ready:');
  console.log(`${'request'.padEnd(40)} ${'coding'.padEnd(9)} ${'transferred'.padStart(11)} ${'decoded'.padStart(10)}`);
  for (const r of rows) {
    total += r.transfer;
    const name = new URL(r.url).pathname + new URL(r.url).search;
    console.log(`${name.padEnd(40)} ${(coding.get(r.url) || '?').padEnd(9)} ${String(r.transfer).padStart(11)} ${String(r.decoded).padStart(10)}`);
  }
  console.log(`${'TOTAL'.padEnd(40)} ${''.padEnd(9)} ${String(total).padStart(11)}`);
  console.log(`transferred: ${total} bytes = ${(total / 1024).toFixed(1)} KiB of a 400 KiB budget (${Math.round(total * 100 / 409600)}%), ${rows.length} requests`);
} finally {
  await browser.close();
  await server.stop();
}
