// Export and import of JSON files in a real browser against the real server: the whole dataset downloads as one
// data package, one file downloads as it is on this tablet; an edited meeting file imported through the picker is
// previewed, applied as an ordinary edit and reaches the file on the server; a malformed file is refused with its
// line and column and nothing changes; a file dropped on the page goes through the same path.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { issueToken, launchBrowser, screenshot, settle, sizes, startServer, scrollTo, state, tap, tapAt, waitReady } from './harness.mjs';
import { MEETING_FILE, readMeeting, waitSync } from './flows.mjs';

const MEETING_NAME = path.basename(MEETING_FILE);

// Opens the sync panel (a tap on the status chip) unless its export button is already on screen.
async function openSyncPanel(page) {
  if (await page.evaluate(() => window.thidua.item('Xuất toàn bộ dữ liệu (JSON)'))) return;
  const chip = await page.evaluate(() => window.thidua.items().find((i) => i.visible &&
    /^(Đã đồng bộ lúc|Đang đồng bộ|\d+ thay đổi|Lỗi đồng bộ)/.test(i.label)));
  assert.ok(chip, 'the sync status chip is on screen');
  await tapAt(page, chip.x + chip.w / 2, chip.y + chip.h / 2);
  await settle(page);
}

// Picks `file` through the browser's file chooser after a tap on "Nhập tệp JSON…"; waits for the import status
// to change and the dialog to open (proof that the app handled the file).
async function importThroughPicker(page, file) {
  const previous = (await state(page)).sync.import;
  await openSyncPanel(page);
  const chooser = page.waitForEvent('filechooser');
  await tap(page, 'Nhập tệp JSON…');
  await (await chooser).setFiles(file);
  await page.waitForFunction((p) => {
    const imp = window.thidua.state().sync.import;
    return imp.shown && JSON.stringify(imp) !== p;
  }, JSON.stringify(previous), { timeout: 15000, polling: 200 });
  return (await state(page)).sync.import;
}

// Drops a file with this name and text on the page, as a person dragging it from the desktop.
async function dropFile(page, name, text) {
  await page.evaluate(([n, t]) => {
    const data = new DataTransfer();
    data.items.add(new File([t], n, { type: 'application/json' }));
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [name, text]);
}

describe('export and import of JSON files', () => {
  let server, browser, token, dir, page;
  before(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(path.join(tmpdir(), 'thidua-io-'));
    const tokensFile = path.join(dir, 'tokens.json');
    token = issueToken(tokensFile, 'secretariat', 'Văn phòng Cụm');
    server = await startServer({ args: ['--tokens', tokensFile] });
    const context = await browser.newContext({ ...sizes.tablet, acceptDownloads: true, locale: 'vi-VN' });
    page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (err) => page.errors.push(String(err)));
    await page.goto(`${server.url}?token=${token}`);
    await waitReady(page);
    await waitSync(page, () => window.thidua.state().sync.status === 'synced');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the whole dataset downloads as one data package with every file inline', async () => {
    await openSyncPanel(page);
    const download = page.waitForEvent('download');
    await tap(page, 'Xuất toàn bộ dữ liệu (JSON)');
    const file = await download;
    assert.match(file.suggestedFilename(), /^thidua-cum1-\d{4}-\d{2}-\d{2}\.datapackage\.json$/);
    const pkg = JSON.parse(readFileSync(await file.path(), 'utf8'));
    const descriptor = JSON.parse(readFileSync(path.join(server.dataDir, 'datapackage.json'), 'utf8'));
    assert.equal(pkg.name, 'cum1');
    assert.equal(pkg.format, 'thidua.datapackage');
    assert.match(pkg.created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.deepEqual(pkg.resources.map((r) => r.path), descriptor.resources.map((r) => r.path));
    for (const res of pkg.resources) {
      assert.equal(res.mediatype, 'application/json');
      assert.equal(res.encoding, 'utf-8');
      assert.ok(res.bytes > 0 && res.name && res.format && res.schema_version, JSON.stringify({ ...res, data: 0 }));
      const onDisk = JSON.parse(readFileSync(path.join(server.dataDir, res.path), 'utf8'));
      assert.deepEqual(res.data, onDisk, `${res.path} as the server has it`);
    }
  });

  test('one data file downloads as it is on this tablet, named by its path', async () => {
    await openSyncPanel(page);
    const list = await tap(page, 'Tải một tệp dữ liệu (JSON)');
    // The list of files is longer than the panel: scroll down to the meeting.
    assert.ok(await scrollTo(page, MEETING_FILE, list.x + list.w / 2, list.y + list.h / 2), 'the meeting file is in the list');
    const download = page.waitForEvent('download');
    await tap(page, MEETING_FILE);
    const file = await download;
    assert.equal(file.suggestedFilename(), MEETING_NAME);
    const doc = JSON.parse(readFileSync(await file.path(), 'utf8'));
    assert.deepEqual(doc, JSON.parse(readFileSync(path.join(server.dataDir, MEETING_FILE), 'utf8')));
    writeFileSync(path.join(dir, 'exported.json'), JSON.stringify(doc, null, 2));
  });

  test('an edited meeting file is previewed, then imported as an edit that reaches the server', async () => {
    const doc = JSON.parse(readFileSync(path.join(dir, 'exported.json'), 'utf8'));
    const oldVenue = doc.meeting.venue.name;
    doc.meeting.venue.name = oldVenue + ' (Hội trường lớn)';
    const edited = path.join(dir, MEETING_NAME);
    writeFileSync(edited, JSON.stringify(doc, null, 2));

    // Edit mode is off: import is not available, and a dropped file says why.
    assert.equal((await state(page)).edit.enabled, false);
    await dropFile(page, MEETING_NAME, JSON.stringify(doc));
    let s = await waitSync(page, () => window.thidua.state().sync.import.status === 'unavailable');
    assert.equal(s.sync.import.file, MEETING_NAME);
    await tap(page, 'Đóng');
    await waitSync(page, () => !window.thidua.state().sync.import.shown);

    await tap(page, 'Chỉnh sửa');
    const imp = await importThroughPicker(page, edited);
    assert.equal(imp.status, 'preview', JSON.stringify(imp));
    assert.equal(imp.file, MEETING_NAME);
    assert.equal(imp.path, MEETING_FILE);
    assert.deepEqual([imp.added, imp.changed, imp.conflicts], [0, 1, 0]);
    assert.ok(imp.lines[0].startsWith(doc.meeting.name.slice(0, 40)), imp.lines[0]);
    assert.ok(imp.lines[0].endsWith(`: Địa điểm: ${oldVenue} » ${doc.meeting.venue.name}`), imp.lines[0]);
    // Nothing changed yet: the preview only shows.
    s = await state(page);
    assert.equal(s.sync.pending, 0);
    assert.equal(readMeeting(server.dataDir).venue.name, oldVenue);
    await screenshot(page, 'import-preview-tablet');
    const apply = await page.evaluate(() => window.thidua.item('Nhập'));
    assert.ok(apply.h >= 44 && apply.w >= 44, `touch target ${apply.w}×${apply.h}`);

    await tap(page, 'Nhập');
    s = await waitSync(page, () => window.thidua.state().sync.import.status === 'applied');
    assert.deepEqual([s.sync.import.changed, s.sync.import.conflicts], [1, 0]);
    s = await waitSync(page, () => {
      const sync = window.thidua.state().sync;
      return sync.status === 'synced' && sync.pending === 0;
    });
    const meeting = readMeeting(server.dataDir);
    assert.equal(meeting.venue.name, oldVenue + ' (Hội trường lớn)');
    assert.ok(meeting.rev > doc.meeting.rev, 'the record revision went up');
    await tap(page, 'Đóng');

    // The same file again, dropped on the page: nothing left to import.
    await dropFile(page, MEETING_NAME, JSON.stringify(doc));
    s = await waitSync(page, () => window.thidua.state().sync.import.status === 'nothing');
    assert.equal(s.sync.pending, 0);
    await tap(page, 'Đóng');

    // "Huỷ" on a preview changes nothing.
    doc.meeting.venue.name = oldVenue + ' (phòng 5)';
    writeFileSync(edited, JSON.stringify(doc));
    assert.equal((await importThroughPicker(page, edited)).status, 'preview');
    await tap(page, 'Huỷ');
    s = await waitSync(page, () => window.thidua.state().sync.import.status === 'none');
    assert.equal(s.sync.pending, 0);
    assert.equal(readMeeting(server.dataDir).venue.name, oldVenue + ' (Hội trường lớn)');
    assert.deepEqual(page.errors, []);
  });

  test('a malformed file is refused with its line and column, and nothing changes', async () => {
    const before = readFileSync(path.join(server.dataDir, MEETING_FILE), 'utf8');
    const bad = path.join(dir, 'hong.json');
    writeFileSync(bad, '{\n  "format": "thidua.meeting",\n  "meeting": {\n    "id": "x",,\n  }\n}\n');
    const imp = await importThroughPicker(page, bad);
    assert.equal(imp.status, 'refused', JSON.stringify(imp));
    assert.equal(imp.file, 'hong.json');
    assert.ok(imp.lines.length >= 1);
    assert.match(imp.lines[0], /^hong\.json: dòng 4, cột \d+: /); // the checker speaks Vietnamese, keeping the place
    await screenshot(page, 'import-refused-tablet');
    await tap(page, 'Đóng');

    // A meeting file whose venue is a number: the checker's line names the JSON pointer.
    const doc = JSON.parse(before);
    doc.meeting.venue.name = 42;
    const wrong = path.join(dir, MEETING_NAME);
    writeFileSync(wrong, JSON.stringify(doc));
    const typed = await importThroughPicker(page, wrong);
    assert.equal(typed.status, 'refused', JSON.stringify(typed));
    assert.ok(typed.lines.some((l) => l.startsWith(`${MEETING_NAME}:/meeting/venue/name: `)), typed.lines.join('\n'));
    await tap(page, 'Đóng');

    const s = await state(page);
    assert.equal(s.sync.pending, 0);
    assert.equal(s.sync.conflicts, 0);
    assert.equal(readFileSync(path.join(server.dataDir, MEETING_FILE), 'utf8'), before);
    assert.deepEqual(page.errors, []);
  });
});
