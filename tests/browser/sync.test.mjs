// Sync in a real browser against the real server: an edit reaches the file on disk; edits made offline survive
// a reload (IndexedDB + service worker) and all arrive when the network is back; a second tab only reads.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { issueToken, launchBrowser, sizes, startServer, state, tap, waitReady } from './harness.mjs';
import {
  appendToMeetingField, countWorkerAnswers, SIGNING_MEETING, openSigningMeeting, readMeeting, waitServiceWorker, waitSync,
} from './flows.mjs';

describe('sync in the browser', () => {
  let server, browser, token, tokensFile;
  before(async () => {
    browser = await launchBrowser();
    const dir = mkdtempSync(path.join(tmpdir(), 'thidua-tok-'));
    tokensFile = path.join(dir, 'tokens.json');
    token = issueToken(tokensFile, 'secretariat', 'Văn phòng Cụm');
    server = await startServer({ args: ['--tokens', tokensFile] });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('an edit made on a tablet reaches the file on the server', async () => {
    const context = await browser.newContext(sizes.tablet);
    const page = await context.newPage();
    await page.goto(`${server.url}?token=${token}`);
    await waitReady(page);
    // The token leaves the address bar at once.
    assert.ok(!page.url().includes('token='), page.url());
    await waitSync(page, () => window.thidua.state().sync.status === 'synced');
    const venue = readMeeting(server.dataDir).venue.name;
    await appendToMeetingField(page, 'Địa điểm', ' (phòng họp tầng 3)');
    const s = await waitSync(page, () => {
      const sync = window.thidua.state().sync;
      return sync.status === 'synced' && sync.pending === 0;
    });
    assert.equal(s.sync.conflicts, 0);
    const meeting = readMeeting(server.dataDir);
    assert.equal(meeting.venue.name, venue + ' (phòng họp tầng 3)');
    assert.ok(meeting.rev >= 2, 'the record revision went up');
    await context.close();
  });

  test('the sync worker runs on the wasm the page compiled: thidua.wasm is downloaded once', async () => {
    const context = await browser.newContext(sizes.tablet);
    const wasm = [];
    context.on('request', (r) => { // the page's and its workers' (the service worker's install downloads the shell too)
      if (new URL(r.url()).pathname.endsWith('/thidua.wasm') && !r.serviceWorker()) wasm.push(r.url());
    });
    await countWorkerAnswers(context);
    const page = await context.newPage();
    await page.goto(`${server.url}?token=${token}`);
    await waitReady(page);
    await waitSync(page, () => window.__workerAnswers > 0 && window.thidua.state().sync.status === 'synced'); // a sync ran there
    assert.ok(page.workers().length >= 1, 'the sync worker runs');
    assert.equal(wasm.length, 1, `thidua.wasm requests: ${JSON.stringify(wasm)}`);
    await context.close();
  });

  test('a sync worker that cannot start: the status says so in Vietnamese, the app goes on, and the sync retries', async () => {
    const context = await browser.newContext(sizes.tablet);
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    await context.route('**/sync-worker.js', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(`${server.url}?token=${token}`);
    await waitReady(page);
    const failed = await waitSync(page, () => window.thidua.state().sync.error !== '');
    assert.equal(failed.sync.error, 'Chưa đồng bộ được: phần đồng bộ của ứng dụng không chạy được trên trình duyệt này lúc này. ' +
      'Ứng dụng sẽ tự thử lại; dữ liệu trên máy vẫn được giữ.');
    assert.notEqual(failed.sync.status, 'synced');
    await tap(page, 'Hội nghị'); // the app is usable meanwhile
    assert.equal((await state(page)).route, '/meetings');
    await context.unroute('**/sync-worker.js');
    const s = await waitSync(page, () => window.thidua.state().sync.status === 'synced', null, 40000);
    assert.equal(s.sync.error, '');
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('edits made offline survive a reload and all reach the server when the network is back', async () => {
    const context = await browser.newContext(sizes.tablet);
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (err) => page.errors.push(String(err)));
    await page.goto(`${server.url}?token=${token}`);
    await waitReady(page);
    await waitServiceWorker(page);
    await waitSync(page, () => window.thidua.state().sync.status === 'synced');

    await context.setOffline(true);
    await appendToMeetingField(page, 'Tên hội nghị', ' — bản sửa khi mất mạng');
    let s = await waitSync(page, () => {
      const sync = window.thidua.state().sync;
      return sync.pending >= 1 && !sync.saving && sync.status === 'offline';
    });
    assert.ok(s.sync.offline_since.length > 0);
    // Reload with no network: the service worker serves the app, IndexedDB the data and the pending edit.
    await page.reload();
    await waitReady(page);
    s = await state(page);
    assert.equal(s.load, 'ready');
    assert.ok(s.sync.pending >= 1, 'the pending edit survived the reload');
    await appendToMeetingField(page, 'Địa điểm', ' — tầng 2');
    await waitSync(page, () => window.thidua.state().sync.pending >= 2 && !window.thidua.state().sync.saving);
    assert.equal(readMeeting(server.dataDir).name, SIGNING_MEETING, 'nothing reached the server while offline');

    await context.setOffline(false);
    await waitSync(page, () => {
      const sync = window.thidua.state().sync;
      return sync.status === 'synced' && sync.pending === 0;
    });
    const meeting = readMeeting(server.dataDir);
    assert.equal(meeting.name, SIGNING_MEETING + ' — bản sửa khi mất mạng');
    assert.match(meeting.venue.name, / — tầng 2$/);
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('Vietnamese from an input method (composition) and NFD text arrive as NFC on the server', async () => {
    const context = await browser.newContext(sizes.tablet);
    const page = await context.newPage();
    await page.goto(`${server.url}?token=${token}`);
    await waitReady(page);
    await waitSync(page, () => window.thidua.state().sync.status === 'synced');
    const before = readMeeting(server.dataDir).venue.name;
    const s = await state(page);
    if (!s.edit.enabled) await tap(page, 'Chỉnh sửa');
    if (!(await page.evaluate(() => window.thidua.item('Địa điểm')))) await openSigningMeeting(page);
    const undoBefore = (await state(page)).edit.undo;
    await tap(page, 'Địa điểm');
    await page.keyboard.press('End');
    // A Telex-style composition: the syllable shows while it is being composed, then is committed.
    const cdp = await context.newCDPSession(page);
    for (const step of ['N', 'Nô', 'Nội']) await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
    await cdp.send('Input.insertText', { text: ' Nội' });
    // Decomposed text (as some keyboards and pasted documents produce it) is stored composed.
    await page.keyboard.insertText(' – phòng Hội đồng'.normalize('NFD'));
    await page.keyboard.press('Enter');
    // Frames run on demand: first see the edit applied, or a stale "synced" could be read before it.
    await waitSync(page, (n) => window.thidua.state().edit.undo > n, undoBefore);
    await waitSync(page, () => {
      const sync = window.thidua.state().sync;
      return sync.status === 'synced' && sync.pending === 0;
    });
    const venue = readMeeting(server.dataDir).venue.name;
    assert.equal(venue, before + ' Nội – phòng Hội đồng');
    assert.equal(venue, venue.normalize('NFC'));
    await context.close();
  });

  test('a second tab of the app reads but does not write', async () => {
    const context = await browser.newContext(sizes.tablet);
    const first = await context.newPage();
    await first.goto(`${server.url}?token=${token}`);
    await waitReady(first);
    const second = await context.newPage();
    await second.goto(server.url);
    await waitReady(second);
    await waitSync(second, () => window.thidua.state().sync.status === 'read_only');
    assert.notEqual((await state(first)).sync.status, 'read_only');
    await context.close();
  });
});
