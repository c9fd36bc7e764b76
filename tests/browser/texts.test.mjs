// What a Vietnamese official reads: every screen and slide (through the whole reveal) of four years, every member
// and meeting, at tablet size, and the screens again on a tall page that draws them to their end, checked through
// window.thidua.texts() (every text drawn in the last frame): no id from the data, no snake_case code, no English
// word, no number written the English way. Screenshots of a few screens go to build/screenshots/texts-*.png.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  launchBrowser, openPage, root, screenshot, settle, sizes, startServer, state, tap, waitReady,
} from './harness.mjs';

const dataDir = path.join(root, 'assets', 'data', 'cum1');
const YEARS = [2021, 2024, 2025, 2026];
// Whole English words that have no business on a Vietnamese screen.
const ENGLISH = ['self', 'cross', 'final', 'review', 'draft', 'agreed', 'approved', 'rejected', 'refused', 'server',
  'the', 'not found', 'pass', 'fail', 'tie', 'quorum', 'member', 'meeting', 'ballot', 'score', 'total', 'rank',
  'year', 'error', 'missing', 'unknown', 'none', 'true', 'false', 'null', 'debug'];

function jsonFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? jsonFiles(p) : e.name.endsWith('.json') ? [p] : [];
  });
}

function collectIds(value, out) {
  if (Array.isArray(value)) value.forEach((v) => collectIds(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' && typeof v === 'string') out.add(v);
      collectIds(v, out);
    }
  return out;
}

const files = jsonFiles(dataDir);
const ids = [...files.reduce((set, f) => collectIds(JSON.parse(readFileSync(f, 'utf8')), set), new Set())];
const organizations = JSON.parse(readFileSync(path.join(dataDir, 'registry', 'organizations.json'), 'utf8'))
  .organizations.map((o) => o.id);
const meetings = readdirSync(path.join(dataDir, 'meetings')).map((f) => f.replace(/\.json$/, ''));

// What is wrong with one drawn text, or null. Web addresses are left out (a source's link may hold
// "option=com_content").
export function problem(drawn) {
  const text = drawn.split(' ').filter((w) => !w.includes('://')).join(' ');
  const id = ids.find((i) => text.includes(i));
  if (id) return `id ${id}`;
  const code = text.match(/\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b/);
  if (code) return `code ${code[0]}`;
  const word = ENGLISH.find((w) => new RegExp(`\\b${w}\\b`, 'i').test(text));
  if (word) return `English "${word}"`;
  if (/\d%/.test(text)) return 'a percentage written the English way';
  if (/\d\.\d(?!\d\d(?!\d))/.test(text)) return 'a decimal point';
  return null;
}

const SCREENS = ['/overview', '/members', '/meetings', '/covenant', '/results', '/results/ballots', '/results/awards',
  '/history', '/scoring', '/year'];

// Waits until the app has drawn two more frames than `before`: the texts are then those of the new state (a
// full settle per screen would make this walk take ten minutes in software-rendered WebGL).
async function drawn(page, before) {
  await page.waitForFunction((f) => window.thidua.frames() >= f + 2, before, { timeout: 10000 });
}

// Opens a route through the address, as a bookmark does; the app's hashchange listener runs before this one.
// The app writes its own route into the address too (a clicker key that moves to the next slide): when the
// address already is `route`, the screen is already shown.
async function open(page, route) {
  const before = await page.evaluate((r) => new Promise((resolve, reject) => {
    if (decodeURIComponent(location.hash.slice(1)) === r) return resolve(window.thidua.frames() - 2);
    window.addEventListener('hashchange', () => resolve(window.thidua.frames()), { once: true });
    setTimeout(() => reject(new Error(`no hashchange for ${r}`)), 10000);
    location.hash = r;
  }), route);
  await drawn(page, before);
}

// Walks the screens of YEARS on `page`, and with `details` also every slide through the whole reveal, every
// organisation of the registry (in 2025, the year of the mergers) and every meeting (in its own year).
// Returns {problems: Map(text -> where), count}.
async function walk(page, details) {
  const problems = new Map();
  let count = 0;
  const look = async (where) => {
    const texts = await page.evaluate(() => window.thidua.texts());
    count += texts.length;
    for (const t of texts) {
      const p = problem(t);
      if (p && !problems.has(t)) problems.set(t, `${where}: ${p}`);
    }
  };
  const visit = async (route) => { await open(page, route); await look(route); };
  for (const year of YEARS) {
    for (const screen of SCREENS) await visit(`${screen}?year=${year}`);
    if (!details) continue;
    for (let slide = 1; slide <= 6; slide++) {
      await visit(`/present/${slide}?year=${year}`);
      const steps = (await state(page)).presentation.reveal_steps;
      for (let step = 1; step <= steps; step++) {
        const before = await page.evaluate(() => window.thidua.frames());
        await page.keyboard.press('PageDown');
        await drawn(page, before);
        await look(`/present/${slide}?year=${year} step ${step}`);
      }
    }
    await open(page, `/overview?year=${year}`);
  }
  if (details) {
    for (const org of organizations) await visit(`/members/${org}?year=2025`); // the year of the mergers
    for (const m of meetings) await visit(`/meetings/${m}?year=${m.match(/\.(\d{4})-/)[1]}`);
  }
  return { problems, count };
}

describe('texts on Vietnamese screens', () => {
  let server, browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the checker itself: ids, codes, English and English numbers are caught, Vietnamese passes', () => {
    assert.ok(ids.length > 1000, `ids: ${ids.length}`);
    assert.match(problem('Vòng 1: org.sotnmt.30: 9'), /^id /);
    assert.match(problem('Trong chỉ tiêu 2 bang_khen_bo_truong'), /^code /);
    assert.match(problem('Tổng (self)'), /^English/);
    assert.match(problem('the server refused the write (403)'), /^English/);
    assert.match(problem('90.0%'), /percentage/);
    assert.match(problem('14.5'), /decimal/);
    assert.equal(problem('Tổng = 98,39 + thưởng 3 − trừ 0 = 101,39'), null);
    assert.equal(problem('90,0\u00a0%'), null);
    assert.equal(problem('1.500 hồ sơ'), null);
    assert.equal(problem('http://example.vn/index.php?option=com_content'), null);
  });

  for (const [name, size, details] of [['tablet', sizes.tablet, true],
    ['tall page', { viewport: { width: 1280, height: 4000 }, deviceScaleFactor: 1, hasTouch: true }, false]]) {
    test(`${name}: no id, code or English on ${details ? 'any screen, member, meeting or slide' : 'any screen'} of ${YEARS.join(', ')}`, async () => {
      const page = await openPage(browser, server.url, size);
      await waitReady(page);
      assert.equal((await state(page)).language, 'vi');
      const { problems, count } = await walk(page, details);
      assert.ok(count > 1000, `texts drawn: ${count}`);
      assert.deepEqual([...problems].map(([t, where]) => `${where} in "${t}"`), []);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }

  test('screenshots at tablet size: ballots, awards, an explanation with − and →, the final ranking slide', async () => {
    const page = await openPage(browser, server.url, sizes.tablet);
    await waitReady(page);
    await open(page, '/results/ballots?year=2024');
    await screenshot(page, 'texts-ballots-2024');
    await open(page, '/results/awards?year=2021');
    await screenshot(page, 'texts-awards-2021');
    await open(page, '/results?year=2021');
    await settle(page);
    // The leading unit's total, as the grid writes it (hundredths, trailing zeros dropped): its explanation reads
    // "… + thưởng B − trừ P = …".
    const top = (await state(page)).results.ranking[0].total;
    await tap(page, (top / 100).toFixed(2).replace(/\.?0+$/, '').replace('.', ','));
    assert.ok((await page.evaluate(() => window.thidua.texts())).some((t) => t.includes(' − trừ ')));
    await screenshot(page, 'texts-explanation-2021');
    await open(page, '/present/5?year=2024');
    await settle(page);
    const ranks = (await state(page)).presentation.reveal_steps - 2; // then the ballot and the awards
    for (let i = 0; i < ranks; i++) {
      await page.keyboard.press('PageDown');
      await settle(page);
    }
    await screenshot(page, 'texts-present-2024');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
