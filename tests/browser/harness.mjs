// Shared pieces of the browser tests: the real `thidua serve` on a free loopback port with a temporary copy of
// the sample data, Debian's Chromium through playwright-core, and taps on widgets found through window.thidua.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// THIDUA_WEB / THIDUA_CLI point at another build (the benchmarks' before/after runs on an older build).
export const webDir = process.env.THIDUA_WEB || path.join(root, 'build', 'web');
export const screenshotDir = path.join(root, 'build', 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

export const sizes = {
  tablet: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2, hasTouch: true },
  tabletPortrait: { viewport: { width: 800, height: 1280 }, deviceScaleFactor: 2, hasTouch: true },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true },
  projector: { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, hasTouch: false },
};

export const thiduaCli = process.env.THIDUA_CLI || path.join(root, 'build', 'native', 'thidua');

// Issues a bearer token with `thidua token issue` into `tokensFile`; returns the secret.
export function issueToken(tokensFile, role, name = role) {
  const out = execFileSync(thiduaCli, ['token', 'issue', '--role', role, '--name', name, '--tokens', tokensFile]);
  return out.toString().split('\n')[0].trim();
}

// Starts `thidua serve --port 0` on a copy of assets/data/cum1 (or on `dataDir` as it is, to restart a server on the
// same folder); resolves once it printed its address. `port` reuses a port (a restart after a stop).
export async function startServer({ data = path.join(root, 'assets', 'data', 'cum1'), dataDir = null, web = webDir,
  args = [], port = 0 } = {}) {
  const ownData = !dataDir;
  if (ownData) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'thidua-data-'));
    cpSync(data, dataDir, { recursive: true });
  }
  const proc = spawn(thiduaCli,
    ['serve', '--host', '127.0.0.1', '--port', String(port), '--web', web, '--data', dataDir, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('thidua serve did not start: ' + output)), 15000);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(/serving (http:\/\/[^/\s]+\/)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (c) => { output += c; });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`thidua serve exited (${code}): ${output}`)); });
  });
  return {
    url, dataDir, proc, port: Number(new URL(url).port),
    // Stops the server; keepData leaves the data folder for a restart or for reading the files afterwards.
    async stop({ keepData = false } = {}) {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      if (ownData && !keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Playwright gives every launch a fresh temporary profile (the toolchain notes' --user-data-dir).
export const launchArgs = ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: launchArgs });
}

// A page at one of `sizes`, collecting console errors and page errors into page.errors.
export async function openPage(browser, url, size = sizes.tablet) {
  const context = await browser.newContext({ ...size, locale: 'vi-VN' });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  await page.goto(url);
  return page;
}

// Waits for performance.mark('thidua-ready'): the first frame showing loaded data has been drawn.
export async function waitReady(page, timeout = 30000) {
  await page.waitForFunction(() => performance.getEntriesByName('thidua-ready').length > 0, null, { timeout });
}

export const state = (page) => page.evaluate(() => window.thidua.state());

// Waits until the app has drawn a visible widget with this label; returns its rectangle (CSS px).
export async function findItem(page, label, timeout = 5000) {
  const handle = await page.waitForFunction((l) => window.thidua.item(l), label, { timeout });
  return handle.jsonValue();
}

// Taps the widget's centre with a real touch event (or clicks with the mouse on non-touch pages), then waits
// until the app is idle again (pass { settle: false } when the tap navigates away).
export async function tap(page, label, { settle: wait = true } = {}) {
  const item = await findItem(page, label);
  await tapAt(page, item.x + item.w / 2, item.y + item.h / 2);
  if (wait) await settle(page);
  return item;
}

// Taps (or clicks, without touch) at a point of the page, after checking that the finger would reach the app's
// canvas there: an element left over the canvas (the hidden text input once stayed over the last edited field)
// swallows the tap without a word, which is the defect this guards against on every tap of every test.
export async function tapAt(page, x, y) {
  const hit = await page.evaluate(([px, py]) => {
    const e = document.elementFromPoint(px, py);
    return e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') : 'nothing';
  }, [x, y]);
  assert.equal(hit, 'canvas#canvas', `a tap at (${Math.round(x)}, ${Math.round(y)}) would reach ${hit}, not the app`);
  const touch = await page.evaluate(() => navigator.maxTouchPoints > 0);
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

// Turns the mouse wheel over (x, y) until a widget with this label is drawn (at most `tries` turns), as a person
// scrolls a list to an entry further down. Returns whether it is visible.
export async function scrollTo(page, label, x, y, tries = 30) {
  const shown = () => page.evaluate((l) => window.thidua.item(l) !== null, label);
  for (let i = 0; i < tries && !(await shown()); i++) {
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, 120);
    await settle(page);
  }
  return shown();
}

// Waits until the app stops drawing (the redraw scheduler went idle).
export async function settle(page) {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const frames = await page.evaluate(() => window.thidua.frames());
    if (frames === last) return;
    last = frames;
    await page.waitForTimeout(120);
  }
  throw new Error('the app never stopped drawing');
}

export async function screenshot(page, name) {
  await settle(page);
  const file = path.join(screenshotDir, name + '.png');
  await page.screenshot({ path: file });
  return file;
}
