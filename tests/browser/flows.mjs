// Things a person does in several browser tests (edit a meeting, wait for sync), built on harness.mjs.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root, settle, state, tap, tapAt } from './harness.mjs';

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
  cpSync(path.join(root, 'assets', 'data'), dir, { recursive: true });
  const file = path.join(dir, 'years', String(year), 'year.json');
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  doc.year.status = 'voting';
  for (const phase of doc.year.phases ?? [])
    if (['final_scoring', 'voting', 'submission'].includes(phase.kind)) phase.status = 'open';
  writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  return dir;
}
