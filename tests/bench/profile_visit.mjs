// Where the main thread's time goes until the `thidua-ready` mark (a development aid for issue #13, not a test):
// the V8 CPU profile of a first and a repeat visit, self time summed per function. Build the web app with
// --profiling-funcs into THIDUA_WEB for wasm function names.
//   THIDUA_WEB=build/web-prof node tests/bench/profile_visit.mjs [first|repeat] [TOP]
import path from 'node:path';
import { launchBrowser, root, sizes, startServer } from '../browser/harness.mjs';

const which = process.argv[2] || 'first';
const TOP = Number(process.argv[3] || 40);

async function profiled(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let navTicks = null; // the document request, in the profile's clock (µs)
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => { if (e.type === 'Document' && navTicks === null) navTicks = e.timestamp * 1e6; });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('thidua-ready').length > 0, null, { timeout: 60000, polling: 50 });
  const { profile } = await cdp.send('Profiler.stop');
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
  await page.close();
  return { profile, marks, navTicks };
}

const server = await startServer(process.env.BARE ? { web: path.join(root, 'build', 'bench') } : {});
const browser = await launchBrowser();
try {
  const context = await browser.newContext(sizes.tablet);
  if (which === 'repeat' && process.env.BARE) {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForTimeout(500);
    await page.close();
  } else if (which === 'repeat') {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.thidua && ['synced', 'local'].includes(window.thidua.state().sync.status), null, { timeout: 60000 });
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.endsWith('-stored')), null, { timeout: 30000 });
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 30000 }).catch(() => {});
    await page.waitForTimeout(Number(process.env.SETTLE || 0)); // the person uses the app a while before leaving
    await page.close();
    await new Promise((r) => setTimeout(r, Number(process.env.PAUSE || 0)));
  }
  const { profile, marks, navTicks } = await profiled(context, server.url);
  const ready = marks.find((m) => m[0] === 'thidua-ready')[1];
  const phases = marks.filter((m) => m[1] <= ready).sort((a, b) => a[1] - b[1]);
  console.log(phases.map((m) => `${m[0]} ${Math.round(m[1])}`).join('\n'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  const perPhase = new Map();
  const phaseFns = new Map(); // busy (not idle) µs between one mark and the next
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const d = profile.timeDeltas[i + 1] || 0;
    t += profile.timeDeltas[i];
    const since = (t - navTicks) / 1000; // ms since the navigation started
    if (since < 0 || since > ready) continue;
    dt.set(id, (dt.get(id) || 0) + d);
    const name = byId.get(id).callFrame.functionName;
    if (name === '(idle)') continue;
    const phase = ['start'].concat(phases.filter((m) => m[1] <= since).map((m) => m[0])).pop();
    perPhase.set(phase, (perPhase.get(phase) || 0) + d);
    const f = byId.get(id).callFrame;
    const key = phase + '\t' + `${f.functionName || '(anon)'} ${f.url.split('/').pop()}`.slice(0, 110);
    phaseFns.set(key, (phaseFns.get(key) || 0) + d);
  }
  for (const [p, us] of perPhase) {
    console.log(`busy after ${p}: ${(us / 1000).toFixed(0)} ms`);
    const top = [...phaseFns].filter(([k]) => k.startsWith(p + '\t')).sort((a, b) => b[1] - a[1]).slice(0, 8);
    for (const [k, v] of top) console.log(`    ${(v / 1000).toFixed(1).padStart(6)} ms  ${k.split('\t')[1]}`);
  }
  const self = new Map();
  let total = 0;
  for (const [id, us] of dt) {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}`;
    self.set(key, (self.get(key) || 0) + us);
    total += us;
  }
  console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
} finally {
  await browser.close();
  await server.stop();
}
