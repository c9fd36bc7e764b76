// A meeting day without a network, rehearsed in Chromium at tablet size: first visit online; the network is cut
// (Playwright offline and the server stopped); the page is reloaded and shows the data; a score and a ballot
// tally are entered; the presentation runs through the reveal; the network comes back and every edit reaches
// the server, checked in the files on disk. Also: a new build deployed while a tab is open, or while the app is
// closed, is offered and picked up cleanly.
// Prints the offline cold-start time as a ratio to the online one.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  issueToken, launchBrowser, root, screenshot, scrollTo, settle, sizes, startServer, state, tap, tapAt, waitReady, webDir,
} from './harness.mjs';
import { countWorkerAnswers, dataWithYearOpen, typeInto, waitServiceWorker, waitSync } from './flows.mjs';

// What a "deploy" appends to thidua.js: a mark the page can read. `self`, not `window`: the sync worker runs the
// same script, and a new build must still sync.
const BUILD_2 = "\nself.thiduaBuildMark = 'build-2';\n";

// A deploy into a web folder of the test's own: a changed script and a service worker stamped for the new build.
function deployBuild2(web) {
  appendFileSync(path.join(web, 'thidua.js'), BUILD_2);
  execFileSync('cmake', [`-DWEB=${web}`, `-DIN=${path.join(root, 'web', 'sw.js.in')}`, '-P', path.join(root, 'scripts', 'stamp_sw.cmake')]);
}

// Milliseconds from navigation start to the first frame that shows data.
async function coldStart(page) {
  await page.reload();
  await waitReady(page);
  return page.evaluate(() => performance.getEntriesByName('thidua-ready')[0].startTime);
}

async function median(page, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await coldStart(page));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function yearFiles(dataDir, year) {
  const dir = path.join(dataDir, 'years', String(year));
  const files = ['results.json', ...readdirSync(path.join(dir, 'self')).map((f) => path.join('self', f))];
  return files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
}

describe('meeting day without a network', () => {
  let browser, server, token, tokensFile;
  before(async () => {
    browser = await launchBrowser();
    tokensFile = path.join(mkdtempSync(path.join(tmpdir(), 'thidua-tok-')), 'tokens.json');
    token = issueToken(tokensFile, 'secretariat', 'Văn phòng Cụm');
    // The year-end conference of 2025 while that year is still open (closed years are read-only).
    server = await startServer({ dataDir: dataWithYearOpen(2025), args: ['--tokens', tokensFile] });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('rehearsal: offline reload, scores, tally, the reveal, then every edit reaches the server', async () => {
    const context = await browser.newContext(sizes.tablet);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The rehearsal runs on the last year with scores and a ballot (2026, the year in progress, has neither yet).
    await page.goto(`${server.url}?token=${token}#/overview?year=2025`);
    await waitReady(page);
    await waitServiceWorker(page);
    let s = await waitSync(page, () => window.thidua.state().sync.status === 'synced');
    const year = s.year;
    assert.equal(year, 2025);
    const online = await median(page, 3);

    // The network goes: the server stops and the tablet is offline.
    await server.stop({ keepData: true });
    await context.setOffline(true);
    const offline = await median(page, 3);
    s = await waitSync(page, () => window.thidua.state().sync.status === 'offline');
    assert.equal(s.load, 'ready');
    assert.ok(s.counts.organizations >= 10 && s.counts.years >= 1, 'the last synced data is shown');
    assert.ok(s.sync.offline_since.length > 0 && s.sync.last_synced.length > 0,
      `it says offline since when: ${JSON.stringify(s.sync)}`); // the state, should this ever fail again
    await screenshot(page, 'rehearsal-offline-tablet');

    // The secretariat enters a score and a ballot tally.
    await tap(page, 'Chỉnh sửa');
    await tap(page, 'Kết quả');
    await tap(page, 'Bảng điểm');
    await tap(page, 'Chi tiết tiêu chí');
    const cells = (await page.evaluate(() => window.thidua.items()))
      .filter((i) => i.visible && /^\d+(,\d+)?$/.test(i.label));
    let scoreField = null;
    for (const cell of cells) {
      await tapAt(page, cell.x + cell.w / 2, cell.y + cell.h / 2);
      await settle(page);
      scoreField = (await page.evaluate(() => window.thidua.items())).find((i) => i.visible && i.inputable && i.label.startsWith('Điểm do'));
      if (scoreField) break;
    }
    assert.ok(scoreField, 'a criterion cell opens its score inputs');
    await typeInto(page, scoreField.label, '7,77');
    await tap(page, 'Bỏ phiếu');
    // A recount: the one vote for Sở NN&MT Hà Nội was a blank ballot. (5 present would be refused: 6 were issued.)
    await typeInto(page, 'Số phiếu Sở NN&MT Hà Nội', '0');
    // The tally is checked as a whole when it is saved (a recount may pass through wrong states field by field).
    // The save button sits below the counts: scroll it well into view, as a person would, then tap it.
    await page.mouse.move(760, 500);
    await page.mouse.wheel(0, 400);
    await settle(page);
    assert.ok(await scrollTo(page, 'Lưu kết quả kiểm phiếu', 760, 500), 'the save button is reached');
    await tap(page, 'Lưu kết quả kiểm phiếu');
    s = await waitSync(page, () => window.thidua.state().sync.pending >= 2 && !window.thidua.state().sync.saving);
    assert.equal(s.edit.error, '', 'the edits were accepted by the checker');

    // The presentation runs through the whole reveal, never waiting on the network.
    await tap(page, 'Chỉnh sửa');
    await tap(page, 'Trình chiếu');
    s = await state(page);
    assert.equal(s.presentation.active, true);
    // The show ends on the reveal's last step, the award proposals (no later slide repeats them).
    const done = (p) => p.slide === 5 && p.reveal_step === p.reveal_steps;
    for (let i = 0; i < 40 && !done((await state(page)).presentation); i++) {
      await page.keyboard.press('PageDown');
      await settle(page);
    }
    await screenshot(page, 'rehearsal-reveal-done');
    s = await state(page);
    assert.ok(done(s.presentation), 'reached the award proposals at the end of the reveal');
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal((await state(page)).presentation.active, false);

    // The network comes back: every edit arrives, checked in the files on disk.
    server = await startServer({ dataDir: server.dataDir, port: server.port, args: ['--tokens', tokensFile] });
    await context.setOffline(false);
    await waitSync(page, () => {
      const sync = window.thidua.state().sync;
      return sync.status === 'synced' && sync.pending === 0;
    }, null, 60000);
    const files = yearFiles(server.dataDir, year);
    assert.match(files, /"value": 7\.77/, 'the score typed offline is on the server');
    const results = JSON.parse(readFileSync(path.join(server.dataDir, 'years', String(year), 'results.json'), 'utf8'));
    const count = results.ballots[0].counts.find((c) => c.option === 'org.sonnmt.01');
    assert.equal(count.votes, 0, 'the tally typed offline is on the server');
    assert.deepEqual(errors, []);
    console.log(`offline cold start ${offline.toFixed(0)} ms vs online ${online.toFixed(0)} ms: ratio ${(offline / online).toFixed(2)} (goal <= 1.1)`);
    await context.close();
  });

  test('a new build deployed while a tab is open is picked up, never a mismatched pair', async () => {
    // A web folder of our own, so a "deploy" can change it under the running server.
    const web = mkdtempSync(path.join(tmpdir(), 'thidua-web-'));
    cpSync(webDir, web, { recursive: true });
    const own = await startServer({ web, args: ['--tokens', tokensFile] });
    try {
      const context = await browser.newContext(sizes.tablet);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(`${own.url}?token=${token}`);
      await waitReady(page);
      await waitServiceWorker(page);
      assert.equal(await page.evaluate(() => window.thiduaBuildMark || ''), '');

      deployBuild2(web);
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await waitSync(page, () => window.thidua.state().sync.update_ready === true);
      assert.equal(await page.evaluate(() => window.thiduaBuildMark || ''), '', 'the open tab keeps its own build until asked');

      const navigation = page.waitForEvent('load');
      await tap(page, 'Có phiên bản mới — cập nhật', { settle: false });
      await navigation;
      await waitReady(page);
      assert.equal(await page.evaluate(() => window.thiduaBuildMark), 'build-2');
      assert.equal((await state(page)).load, 'ready');
      assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
      await context.close();
    } finally {
      await own.stop();
    }
  });

  test('a build deployed while the app is closed is offered at the next visit, and taken only when asked', async () => {
    const web = mkdtempSync(path.join(tmpdir(), 'thidua-web-'));
    cpSync(webDir, web, { recursive: true });
    const own = await startServer({ web, args: ['--tokens', tokensFile] });
    try {
      const context = await browser.newContext(sizes.tablet);
      await countWorkerAnswers(context); // the sync worker's answers
      const page = await context.newPage();
      await page.goto(`${own.url}?token=${token}`);
      await waitReady(page);
      await waitServiceWorker(page);
      // The tab is closed; a new build is deployed; the official opens the app again the next morning.
      await page.close();
      deployBuild2(web);
      const again = await context.newPage();
      await again.goto(`${own.url}?token=${token}`);
      await waitReady(again);
      assert.equal(await again.evaluate(() => window.thiduaBuildMark || ''), '', 'the visit opens on the build it has');
      // The new worker is found and offered; the visit stays on its own build until the official taps the offer.
      await waitSync(again, () => window.thidua.state().sync.update_ready === true);
      assert.equal(await again.evaluate(() => window.thiduaBuildMark || ''), '');
      const navigation = again.waitForEvent('load');
      await tap(again, 'Có phiên bản mới — cập nhật', { settle: false });
      await navigation;
      await waitReady(again);
      assert.equal(await again.evaluate(() => window.thiduaBuildMark), 'build-2');
      // The new build syncs: its sync worker answers and the status says synced.
      await waitSync(again, () => window.__workerAnswers > 0 && window.thidua.state().sync.status === 'synced');
      await context.close();
    } finally {
      await own.stop();
    }
  });
});
