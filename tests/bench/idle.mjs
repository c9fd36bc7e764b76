// Idle CPU benchmark: renderer main-thread busy time per second (Chromium's TaskDuration over 5 s) for the app
// after it has settled, and for a bare ImGui page (continuous loop) in the same run. Prints figures and ratio.
import path from 'node:path';
import { launchBrowser, root, sizes, startServer, waitReady } from '../browser/harness.mjs';

const SECONDS = 5;

async function idleTaskSeconds(browser, url, ready) {
  const context = await browser.newContext(sizes.tablet);
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  await page.waitForTimeout(1500); // let startup work and the last redraws finish
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const frames = async () => page.evaluate(() => (window.thidua ? window.thidua.frames() : -1));
  const t0 = await metric(), f0 = await frames();
  await page.waitForTimeout(SECONDS * 1000);
  const t1 = await metric(), f1 = await frames();
  await context.close();
  return { busyPerSecond: (t1 - t0) / SECONDS, frames: f1 - f0 };
}

const app = await startServer();
const bare = await startServer({ web: path.join(root, 'build', 'bench') });
const browser = await launchBrowser();
try {
  // Idle means settled: data shown and the first background sync done (it polls again only after 30 s).
  const a = await idleTaskSeconds(browser, app.url, async (page) => {
    await waitReady(page);
    await page.waitForFunction(() => ['synced', 'local'].includes(window.thidua.state().sync.status), null, { timeout: 30000 });
  });
  const b = await idleTaskSeconds(browser, bare.url, (page) => page.waitForTimeout(2000));
  console.log(`idle renderer CPU over ${SECONDS} s (TaskDuration per second of wall time):`);
  console.log(`  thidua app     : ${(a.busyPerSecond * 1000).toFixed(1)} ms/s  (${a.frames} frames drawn while idle)`);
  console.log(`  bare ImGui page: ${(b.busyPerSecond * 1000).toFixed(1)} ms/s`);
  console.log(`  ratio app/bare : 1/${(b.busyPerSecond / Math.max(a.busyPerSecond, 1e-6)).toFixed(0)}  (goal: under 1/40)`);
} finally {
  await browser.close();
  await app.stop();
  await bare.stop();
}
