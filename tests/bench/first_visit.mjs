// First-visit benchmark (issue #13): the app from `thidua serve` with the sample data, side by side with the bare
// ImGui page (tests/bench/bare_imgui.cpp) in the same Chromium run, 1280×800 at 2×. Each first visit uses a new
// browser context (an empty profile: no HTTP cache, no service worker, no IndexedDB).
// Printed: bytes over the wire until ready (the browser's own count: Resource Timing transferSize of the page and
// of every request that ended before the `thidua-ready` mark), time to ready (first and repeat visit), frames
// drawn before ready (WebGL clears of the canvas, counted in the page), data requests before ready, and the
// first-visit time under CDP Network.emulateNetworkConditions for venue Wi-Fi and a weak mobile link; and the app's
// own marks (thidua-main: the wasm runs, thidua-fonts: the atlas built, thidua-idb-read: the page's early read of
// IndexedDB ended (a repeat visit), thidua-store-read: the app has the stored state,
// and the parse + check of the dataset between thidua-load-start and thidua-loaded).
// Two more rows explain, without changing the goal's baseline: the repeat visit in a browser with a profile on disk
// (Playwright's contexts are off the record, with the profile in memory), and the bare page made crisp
// for the tablet (build/bench-crisp: drawn at the device pixel ratio with the app's Noto Sans; the baseline draws
// 1280×800 stretched to the 2× screen, with '?' for every Vietnamese letter), and the baseline with only its drawing
// buffer at the device pixel ratio (build/bench-2x: the pixels' own cost, a floor for any page sharp on the tablet).
// The ratios are the medians' ratio and, in brackets, the median of each interleaved pair's own ratio (less moved
// by a busy moment of the machine). THIDUA_BEFORE=<web dir of an earlier build> adds that build's times, run
// interleaved with the others: a before/after comparison in the same run.
//   node tests/bench/first_visit.mjs [RUNS]        (scripts/bench-first-visit builds first)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launchArgs, launchBrowser, root, sizes, startServer } from '../browser/harness.mjs';

const RUNS = Number(process.argv[2] || 3);
const NETWORKS = [
  { name: 'venue Wi-Fi 10 Mbit/s, 40 ms', latency: 40, bits: 10e6, goal: 2000 },
  { name: 'weak mobile 1.6 Mbit/s, 150 ms', latency: 150, bits: 1.6e6, goal: 4000 },
];

// Counts the frames drawn (one clear of the WebGL canvas per frame, in the app and in the bare page) until the
// ready mark, and notes the count when the mark is set.
const COUNT_FRAMES = () => {
  window.__frames = 0;
  const clear = WebGL2RenderingContext.prototype.clear;
  WebGL2RenderingContext.prototype.clear = function (mask) { window.__frames++; return clear.call(this, mask); };
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    if (name === 'thidua-ready' && window.__framesAtReady === undefined) window.__framesAtReady = window.__frames;
    return mark(name, options);
  };
};

async function visit(context, url, { network = null, timeout = 120000 } = {}) {
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: network.latency,
      downloadThroughput: network.bits / 8, uploadThroughput: network.bits / 8,
    });
  }
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('thidua-ready').length > 0, null, { timeout, polling: 50 });
  const m = await page.evaluate(() => {
    const ready = performance.getEntriesByName('thidua-ready')[0].startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    let bytes = nav ? nav.transferSize : 0;
    let dataRequests = 0, requests = 1;
    for (const e of performance.getEntriesByType('resource')) {
      if (e.startTime > ready) continue;
      if (/\/data\/|\/api\/snapshot/.test(e.name)) dataRequests++;
      if (e.responseEnd <= ready) { bytes += e.transferSize; requests++; }
    }
    // Where the app's time went (its own marks; the bare page has none): ms since navigation start.
    const at = (name) => { const e = performance.getEntriesByName(name)[0]; return e && e.startTime <= ready ? e.startTime : NaN; };
    const loadStart = performance.getEntriesByName('thidua-load-start').filter((e) => e.startTime <= ready).pop();
    const loaded = performance.getEntriesByName('thidua-loaded').filter((e) => e.startTime <= ready).pop();
    const marks = { main: at('thidua-main'), idb: at('thidua-idb-read'), fonts: at('thidua-fonts'),
      store: at('thidua-store-read'), load: loadStart && loaded ? loaded.startTime - loadStart.startTime : NaN };
    return { ready, bytes, dataRequests, requests, frames: window.__framesAtReady, marks };
  });
  await page.close();
  return m;
}

async function firstVisit(browser, url, opts) {
  const context = await browser.newContext(sizes.tablet);
  await context.addInitScript(COUNT_FRAMES);
  try {
    return await visit(context, url, opts);
  } finally {
    await context.close();
  }
}

// A first visit, then (same profile, once the app has settled: shell cached by the service worker, data in
// IndexedDB) a second one. Playwright's contexts are off the record (the profile in memory); `persistent` runs both
// visits in a browser with a profile directory of its own, as a tablet's browser is. Neither keeps compiled wasm
// here: a trace shows the same lazy compilations on every visit (v8.wasm events: 1,689 functions of the app, 343 of
// the bare page).
async function repeatVisit(browser, url, settle, { persistent = false } = {}) {
  const dir = persistent ? mkdtempSync(path.join(tmpdir(), 'thidua-profile-')) : null;
  const context = persistent
    ? await chromium.launchPersistentContext(dir, { ...sizes.tablet, executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: launchArgs })
    : await browser.newContext(sizes.tablet);
  await context.addInitScript(COUNT_FRAMES);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('thidua-ready').length > 0, null, { timeout: 120000 });
    await settle(page);
    await page.close();
    return await visit(context, url);
  } finally {
    await context.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const range = (xs, f) => xs.length > 1 ? ` (${f(Math.min(...xs))}–${f(Math.max(...xs))})` : '';
const ms = (x) => (x / 1000).toFixed(2) + ' s';
const kib = (x) => `${Math.round(x).toLocaleString('en-US')} B (${(x / 1024).toFixed(0)} KiB)`;

const app = await startServer();
const bare = await startServer({ web: path.join(root, 'build', 'bench') });
const crisp = await startServer({ web: path.join(root, 'build', 'bench-crisp') });
const hidpi = await startServer({ web: path.join(root, 'build', 'bench-2x') });
const before = process.env.THIDUA_BEFORE ? await startServer({ web: path.resolve(process.env.THIDUA_BEFORE) }) : null;
const browser = await launchBrowser();
const rows = [];
const row = (name, a, b, note = '') => rows.push([name, a, b, note]);
try {
  const appSettle = async (page) => {
    await page.waitForFunction(() => ['synced', 'local'].includes(window.thidua.state().sync.status), null, { timeout: 60000 });
    // The data committed to the store: a visit before that is a first visit again.
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.endsWith('-stored')), null, { timeout: 30000 });
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 30000 })
      .catch(() => {});
  };
  const bareSettle = (page) => page.waitForTimeout(500);
  const A = [], B = [], C = [], K = [], H = [];
  for (let i = 0; i < RUNS; i++) { // interleaved, so a busy moment of the machine hits both
    A.push(await firstVisit(browser, app.url));
    B.push(await firstVisit(browser, bare.url));
    K.push(await firstVisit(browser, crisp.url));
    H.push(await firstVisit(browser, hidpi.url));
    if (before) C.push(await firstVisit(browser, before.url));
  }
  const AR = [], BR = [], CR = [], KR = [], HR = [], AP = [], BP = [];
  for (let i = 0; i < RUNS; i++) {
    AR.push(await repeatVisit(browser, app.url, appSettle));
    BR.push(await repeatVisit(browser, bare.url, bareSettle));
    KR.push(await repeatVisit(browser, crisp.url, bareSettle));
    HR.push(await repeatVisit(browser, hidpi.url, bareSettle));
    if (before) CR.push(await repeatVisit(browser, before.url, appSettle));
  }
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    AP.push(await repeatVisit(browser, app.url, appSettle, { persistent: true }));
    BP.push(await repeatVisit(browser, bare.url, bareSettle, { persistent: true }));
  }
  const pick = (xs, k) => xs.map((x) => x[k]);
  const paired = (xs, ys) => median(xs.map((x, i) => x.ready / ys[i].ready)).toFixed(2) + '×';
  const ratio = (a, b, xs, ys) => (a / b).toFixed(2) + '×' + (xs ? ` (paired ${paired(xs, ys)})` : '');
  row('bytes over the wire until ready (first visit)', kib(median(pick(A, 'bytes'))), kib(median(pick(B, 'bytes'))),
    'goal ≤ 400 KiB');
  const a1 = median(pick(A, 'ready')), b1 = median(pick(B, 'ready'));
  row('time to ready, first visit', ms(a1) + range(pick(A, 'ready'), ms), ms(b1) + range(pick(B, 'ready'), ms),
    `${ratio(a1, b1, A, B)} (goal ≤ 1.5×)`);
  const a2 = median(pick(AR, 'ready')), b2 = median(pick(BR, 'ready'));
  row('time to ready, repeat visit', ms(a2) + range(pick(AR, 'ready'), ms), ms(b2) + range(pick(BR, 'ready'), ms),
    `${ratio(a2, b2, AR, BR)} (goal ≤ 1.2×)`);
  const ap = median(pick(AP, 'ready')), bp = median(pick(BP, 'ready'));
  row('time to ready, repeat visit, a profile on disk', ms(ap) + range(pick(AP, 'ready'), ms), ms(bp) + range(pick(BP, 'ready'), ms),
    `${ratio(ap, bp, AP, BP)} (as a tablet's browser keeps it)`);
  // Not the baseline: how much of the ratio is only drawing crisp Vietnamese text on a 2× screen.
  const k1 = median(pick(K, 'ready')), k2 = median(pick(KR, 'ready'));
  row('  bare page made crisp (2×, Noto Sans), first visit', ms(a1), ms(k1) + range(pick(K, 'ready'), ms), ratio(a1, k1, A, K));
  row('  bare page made crisp (2×, Noto Sans), repeat visit', ms(a2), ms(k2) + range(pick(KR, 'ready'), ms), ratio(a2, k2, AR, KR));
  // The floor of any page that is sharp on the tablet: the baseline itself, with only its drawing buffer at 2×.
  const h1 = median(pick(H, 'ready')), h2 = median(pick(HR, 'ready'));
  row('  bare page, only its drawing buffer at 2×, first visit', ms(h1) + range(pick(H, 'ready'), ms), ms(b1),
    `${ratio(h1, b1, H, B)} of the baseline`);
  row('  bare page, only its drawing buffer at 2×, repeat visit', ms(h2) + range(pick(HR, 'ready'), ms), ms(b2),
    `${ratio(h2, b2, HR, BR)} of the baseline`);
  for (const [name, runs, bares] of before ? [['first', C, B], ['repeat', CR, BR]] : []) {
    const c = median(pick(runs, 'ready')), b = median(pick(bares, 'ready'));
    row(`  the THIDUA_BEFORE build, ${name} visit`, ms(c) + range(pick(runs, 'ready'), ms), ms(b),
      `${ratio(c, b, runs, bares)}; this build / it: paired ${paired(name === 'first' ? A : AR, runs)}`);
  }
  const when = (xs) => { const v = xs.filter((x) => !Number.isNaN(x)); return v.length ? Math.round(median(v)) + ' ms' : '—'; };
  for (const [name, runs] of [['first', A], ['repeat', AR]]) {
    const m = (k) => when(runs.map((r) => r.marks[k]));
    row(`app's marks, ${name} visit`, `main ${m('main')}, fonts ${m('fonts')}, ` +
      (name === 'repeat' ? `IndexedDB read ${m('idb')}, ` : '') + `store ${m('store')}`,
      `parse + check ${m('load')}`, '(medians; ms since navigation)');
  }
  row('frames drawn before ready (first visit)', String(median(pick(A, 'frames'))), String(median(pick(B, 'frames'))),
    'goal ≤ 5');
  row('data requests before ready (first visit)', String(median(pick(A, 'dataRequests'))), '—', '');
  row('requests until ready (first visit)', String(median(pick(A, 'requests'))), String(median(pick(B, 'requests'))), '');
  for (const net of NETWORKS) {
    const an = [], bn = [];
    for (let i = 0; i < Math.min(RUNS, 2); i++) {
      an.push((await firstVisit(browser, app.url, { network: net })).ready);
      bn.push((await firstVisit(browser, bare.url, { network: net })).ready);
    }
    row(`first visit, ${net.name}`, ms(median(an)) + range(an, ms), ms(median(bn)) + range(bn, ms),
      `goal < ${net.goal / 1000} s`);
  }
} finally {
  await browser.close();
  await app.stop();
  await bare.stop();
  await crisp.stop();
  await hidpi.stop();
  await before?.stop();
}
const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), ['figure', 'thidua app', 'bare ImGui page'][c].length));
const line = (r) => r.slice(0, 3).map((x, c) => x.padEnd(widths[c])).join('  ') + '  ' + (r[3] || '');
console.log(`first visit, headless Chromium 1280×800 at 2×, thidua serve with the sample data, median of ${RUNS} runs (min–max)`);
console.log(line(['figure', 'thidua app', 'bare ImGui page', '']));
for (const r of rows) console.log(line(r));
