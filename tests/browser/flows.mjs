// Things a person does in several browser tests (edit a meeting, wait for sync), built on harness.mjs.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPage, root, settle, sizes, state, tap, tapAt, waitReady } from './harness.mjs';

// The signing conference of the year in progress (meetings of a closed year are read-only).
export const SIGNING_MEETING = 'Hội nghị ký kết giao ước thi đua năm 2026 của Cụm thi đua số I (minh họa)';
export const MEETING_FILE = 'meetings/mtg.cum1.2026-03-19.giao-uoc.json';

// Waits until `predicate` (run in the page) holds; on timeout the error shows the app's state then.
export async function waitSync(page, predicate, arg = null, timeout = 30000) {
  try {
    await page.waitForFunction(predicate, arg, { timeout, polling: 200 });
  } catch (e) {
    const s = await state(page).catch(() => null);
    throw new Error(`${e.message}\nstate: ${JSON.stringify(s && { sync: s.sync, edit: s.edit, route: s.route })}`);
  }
  return state(page);
}

// Edit mode -> Meetings -> the 2026 signing -> a text field; appends `suffix` to it and leaves the field.
export async function appendToMeetingField(page, field, suffix) {
  const s = await state(page);
  if (!s.edit.enabled) await tap(page, 'Chỉnh sửa');
  // After a reload the address still names the meeting, so the meeting book may already be open.
  if (!(await page.evaluate((label) => window.thidua.item(label), field))) await openSigningMeeting(page);
  const undo = (await state(page)).edit.undo;
  await tap(page, field);
  await page.keyboard.press('End');
  await page.keyboard.type(suffix);
  await page.keyboard.press('Enter');
  // Frames run on demand: wait until the edit is applied, so a later "synced" is not read from before it.
  await waitSync(page, (n) => window.thidua.state().edit.undo > n, undo);
  await settle(page);
}

// Meetings -> the 2026 signing conference (found by the start of its name: other tests may have edited it).
export async function openSigningMeeting(page) {
  await tap(page, 'Hội nghị');
  const link = await page.evaluate((name) => window.thidua.items().find((i) => i.visible && i.label.startsWith(name)),
    SIGNING_MEETING);
  if (!link) throw new Error('the 2026 signing meeting is not in the timeline');
  await tapAt(page, link.x + link.w / 2, link.y + link.h / 2);
  await settle(page);
}

export function readMeeting(dataDir) {
  return JSON.parse(readFileSync(path.join(dataDir, MEETING_FILE), 'utf8')).meeting;
}

// Counts, in window.__workerAnswers, the messages the context's pages get from their workers (the sync worker's
// answers): a test waits for one to know a sync ran there.
export function countWorkerAnswers(context) {
  return context.addInitScript(() => {
    window.__workerAnswers = 0;
    const Native = window.Worker;
    window.Worker = function (...args) {
      const worker = new Native(...args);
      worker.addEventListener('message', () => { window.__workerAnswers++; });
      return worker;
    };
  });
}

// The page controls no service worker on its first load; wait until one is active and controlling.
export async function waitServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
}


// A copy of the sample data in which `year` is still being run (its year.json "active", the year-end phases open):
// closed years are read-only, so a rehearsal of that year's conference needs it open, as the secretariat would
// have it before closing it. Pass the folder to startServer({dataDir}).
export function dataWithYearOpen(year) {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-data-'));
  cpSync(path.join(root, 'assets', 'data', 'cum1'), dir, { recursive: true });
  const file = path.join(dir, 'years', String(year), 'year.json');
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  doc.year.status = 'voting';
  for (const phase of doc.year.phases ?? [])
    if (['final_scoring', 'voting', 'submission'].includes(phase.kind)) phase.status = 'open';
  writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  return dir;
}

export const readJson = (dataDir, rel) => JSON.parse(readFileSync(path.join(dataDir, rel), 'utf8'));

// Polls the server's file until `check` holds (sync pushes a moment after the edit).
export async function waitFile(dataDir, rel, check, timeout = 30000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = readJson(dataDir, rel);
      if (check(last)) return last;
    } catch { /* not written yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${rel} never reached the expected state: ${JSON.stringify(last)?.slice(0, 4000)}`);
}

// Scrolls like a person until the `index`-th widget labelled `label` (or starting with it, when `prefix`) is on
// screen, with the mouse wheel (a synthetic one-finger swipe does not scroll yet; MEET_SWIPE=1 tries it). Items off screen are drawn clipped
// to their window's edge, so their y tells which way to go.
export async function reveal(page, label, { index = 0, prefix = false } = {}) {
  const find = () => page.evaluate(([l, p]) => window.thidua.items()
    .filter((i) => (p ? i.label.startsWith(l) : i.label === l)), [label, prefix]);
  const viewport = page.viewportSize();
  const touch = await page.evaluate(() => navigator.maxTouchPoints > 0);
  const cdp = touch ? await page.context().newCDPSession(page) : null;
  for (let n = 0; n < 50; n++) {
    const all = (await find()).sort((a, b) => a.y - b.y);
    const visible = all.filter((i) => i.visible);
    if (visible.length > index) {
      const it = visible[index];
      if (it.y + it.h <= viewport.height - 8 && it.h >= 10) return; // wholly on screen
    }
    // Not drawn (ImGui names only what it draws): look further down first, then back up.
    const target = all[index]; // fewer drawn than wanted: the rest are further down (or, after 25 turns, up)
    const down = target ? target.y > viewport.height / 3 : n < 25; // below the screen: move the content up
    const x = viewport.width * 0.6, from = viewport.height * 0.6;
    const step = (down ? -1 : 1) * viewport.height * 0.05;
    if (touch && process.env.MEET_SWIPE) { // a CDP one-finger swipe does not scroll the app yet: see the report
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: from }] });
      for (let k = 1; k <= 5; k++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: from + step * k }] });
        await page.waitForTimeout(30);
      }
      await page.waitForTimeout(200); // the finger rests before it lifts: no coasting past the field
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } else {
      await page.mouse.move(x, from);
      await page.mouse.wheel(0, -step * (target ? 5 : 10));
    }
    await settle(page);
  }
  // Not found anywhere: the caller's assertion says what is missing.
}

// Taps the field with this label, replaces its text and leaves it with Enter; `index` picks among equal labels
// (top to bottom).
export async function typeInto(page, label, text, index = 0) {
  await reveal(page, label, { index });
  const items = await page.evaluate((l) => window.thidua.items().filter((i) => i.visible && i.label === l), label);
  assert.ok(items.length > index, `no field "${label}" (#${index}) on screen`);
  const it = items.sort((a, b) => a.y - b.y)[index];
  await tapAt(page, it.x + it.w / 2, it.y + it.h / 2);
  await settle(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await settle(page);
}

// Scrolls the widget into view like a person, then taps it.
export async function tapSeen(page, label) {
  await reveal(page, label);
  await tap(page, label);
}

export async function tapStartingWith(page, prefix) {
  await reveal(page, prefix, { prefix: true });
  const it = await page.evaluate((p) => window.thidua.items().find((i) => i.visible && i.label.startsWith(p)), prefix);
  assert.ok(it, `nothing labelled "${prefix}…" on screen`);
  await tapAt(page, it.x + it.w / 2, it.y + it.h / 2);
  await settle(page);
}

export async function signIn(browser, url, token, size = sizes.tablet) {
  const page = await openPage(browser, `${url}?token=${token}`, size);
  await waitReady(page);
  await waitSync(page, () => window.thidua.state().sync.status === 'synced');
  return page;
}

export const synced = (page) => waitSync(page, () => {
  const s = window.thidua.state().sync;
  return s.status === 'synced' && s.pending === 0;
});
