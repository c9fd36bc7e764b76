// The foundation in a real browser: the page loads without console errors, the first frame shows the sample
// data, taps work with touch emulation, the error page is readable, and screenshots are saved under build/.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  findItem, issueToken, launchBrowser, openPage, screenshot, scrollTo, settle, sizes, startServer, state, tap, waitReady,
} from './harness.mjs';

const THEME_2021 = 'Đoàn kết, kỷ cương, đổi mới toàn diện để phát triển';

describe('foundation', () => {
  let server, browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the server sends wasm with its MIME type and the page with UTF-8', async () => {
    const wasm = await fetch(server.url + 'thidua.wasm');
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    const html = await fetch(server.url);
    assert.match(html.headers.get('content-type'), /^text\/html; charset=utf-8/i);
    assert.match(await html.text(), /<canvas id="canvas"/);
  });

  test('turning the tablet: the canvas and the layout follow the new size, sharp at 2x', async () => {
    const page = await openPage(browser, server.url, sizes.tablet);
    await waitReady(page);
    assert.equal((await state(page)).layout, 'landscape');
    const backing = () => page.evaluate(() => {
      const c = document.getElementById('canvas');
      return [c.width, c.height];
    });
    assert.deepEqual(await backing(), [2560, 1600]);
    // The size is kept by a ResizeObserver, not read each frame: the app must still see each turn, idle or not.
    for (const [w, h, layout] of [[800, 1280, 'portrait'], [1280, 800, 'landscape'], [800, 1280, 'portrait']]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForFunction((want) => window.thidua.state().layout === want, layout, { timeout: 10000 });
      await page.waitForFunction(([cw, ch]) => {
        const c = document.getElementById('canvas');
        return c.width === cw && c.height === ch;
      }, [w * 2, h * 2], { timeout: 10000 });
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('at tablet size the first frame shows the sample data, with no console errors', async () => {
    const page = await openPage(browser, server.url, sizes.tablet);
    await waitReady(page);
    const s = await state(page);
    assert.equal(s.load, 'ready');
    assert.ok(s.counts.organizations >= 10, `organizations: ${s.counts.organizations}`);
    assert.ok(s.counts.memberships >= 10, `memberships: ${s.counts.memberships}`);
    assert.ok(s.counts.years >= 1);
    assert.equal(s.counts.issues, 0, 'the sample data has no checker issues');
    // The canvas backing store follows devicePixelRatio: sharp text at 2x.
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, dpr: devicePixelRatio };
    });
    assert.equal(canvas.dpr, 2);
    assert.equal(canvas.w, canvas.cssW * 2);
    // The overlay is gone, the canvas (hidden while it loaded) shows, and nothing went to the console as an error.
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('overlay')).display), 'none');
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).visibility), 'visible');
    assert.deepEqual(page.errors, []);
    await screenshot(page, 'foundation-tablet-landscape');
    await page.context().close();
  });

  test('a tap on a labelled widget works with touch emulation, and no ghost click follows', async () => {
    const page = await openPage(browser, server.url, sizes.tablet);
    await waitReady(page);
    assert.equal((await state(page)).language, 'vi');
    await tap(page, 'English');
    assert.equal((await state(page)).language, 'en');
    // The same spot now holds "Tiếng Việt"; one more tap switches back exactly once.
    await tap(page, 'Tiếng Việt');
    assert.equal((await state(page)).language, 'vi');
    await settle(page);
    assert.equal((await state(page)).language, 'vi', 'a second (ghost) click would have switched again');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('two fingers pinch the text size, without pressing what is under them', async () => {
    const page = await openPage(browser, server.url, sizes.tablet);
    await waitReady(page);
    const before = await state(page);
    assert.equal(before.text_scale, 1);
    // Both fingers start on the Members button, then spread apart and lift (Chromium turns these into pointers).
    const item = await findItem(page, 'Thành viên');
    const x = item.x + item.w / 2, y = item.y + item.h / 2;
    const cdp = await page.context().newCDPSession(page);
    const fingers = (d) => [{ x: x - d, y, id: 1 }, { x: x + d, y, id: 2 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [fingers(20)[0]] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
    for (const d of [30, 40, 50, 60]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await settle(page);
    const after = await state(page);
    assert.equal(after.text_scale, 2, 'three times the spread: the largest text size');
    assert.equal(after.screen, before.screen, 'the button under the fingers was not pressed');
    // A pinch the other way makes the text smaller again.
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(100) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(50) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await settle(page);
    assert.equal((await state(page)).text_scale, 1);
    await screenshot(page, 'pinch-text-size');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('choosing 2021 shows its theme in Vietnamese, at projector size too; each year names its ministry', async () => {
    const page = await openPage(browser, server.url, sizes.projector);
    await waitReady(page);
    const latest = (await state(page)).year;
    // The header names the ministry of the year shown: Bộ NN&MT from its founding (01/3/2025), Bộ TN&MT before.
    const drawn = () => page.evaluate(() => window.thidua.texts());
    assert.ok(latest >= 2025);
    assert.ok((await drawn()).includes('Cụm thi đua số I – Bộ Nông nghiệp và Môi trường'), `the header in ${latest}`);
    assert.ok(!(await drawn()).some((t) => t.includes('Bộ Tài nguyên và Môi trường')));
    await tap(page, `Năm ${latest}`); // the year selector shows the selected year
    // The list is newest first and shows a few years at a time: scroll it down to 2021.
    const entry = (await page.evaluate(() => window.thidua.items())).filter((i) => i.visible && i.label === `Năm ${latest}`).pop();
    assert.ok(await scrollTo(page, 'Năm 2021', entry.x + entry.w / 2, entry.y + entry.h / 2), '2021 is in the year list');
    await tap(page, 'Năm 2021');
    const s = await state(page);
    assert.equal(s.year, 2021);
    assert.equal(s.theme, THEME_2021);
    assert.equal(s.theme, s.theme.normalize('NFC'));
    assert.match(page.url(), /year=2021/, 'the address follows the selected year');
    assert.ok((await drawn()).includes('Cụm thi đua số I – Bộ Tài nguyên và Môi trường'), 'the header in 2021');
    await screenshot(page, 'foundation-projector-2021');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('every screen opens by tapping its label at tablet, portrait and phone sizes; the address and Back follow', async () => {
    const screens = [['Thành viên', 'members'], ['Hội nghị', 'meetings'], ['Giao ước', 'covenant'],
      ['Kết quả', 'results'], ['Lịch sử', 'history'], ['Tổng quan', 'overview']];
    for (const [name, size] of [['tablet', sizes.tablet], ['tablet-portrait', sizes.tabletPortrait], ['phone', sizes.phone]]) {
      const page = await openPage(browser, server.url, size);
      await waitReady(page);
      for (const [label, screen] of screens) {
        await tap(page, label);
        assert.equal((await state(page)).screen, screen, `${label} at ${name}`);
        assert.match(page.url(), new RegExp(`#/${screen}`));
        await screenshot(page, `screen-${screen}-${name}`);
      }
      await page.goBack();
      await settle(page);
      assert.equal((await state(page)).screen, 'history', 'the Back button returns to the previous screen');
      // Screen readers get the status through the live region, and a list of the screen's controls.
      assert.ok((await page.textContent('#live')).length > 0);
      assert.ok((await page.$$eval('#a11y button', (b) => b.map((x) => x.textContent))).includes('Tổng quan'));
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  test('the app\'s address replaces the one it was opened at: Back from the first screen leaves the app', async () => {
    const page = await openPage(browser, server.url, sizes.tablet);
    await waitReady(page);
    await page.waitForFunction(() => location.hash === '#/overview');
    const entries = await page.evaluate(() => history.length);
    await tap(page, 'Thành viên');
    await page.waitForFunction(() => location.hash === '#/members');
    assert.equal(await page.evaluate(() => history.length), entries + 1, 'a screen the person opens adds one entry');
    await page.goBack();
    await settle(page);
    assert.equal((await state(page)).screen, 'overview');
    assert.match(page.url(), /#\/overview$/);
    // The address the page was opened at (no hash) was replaced by the first screen's: one more Back leaves.
    await page.goBack();
    assert.equal(page.url(), 'about:blank');
    // An address without a hash reached by Back or a link is also replaced, not followed by a new entry.
    await page.goto(`${server.url}#/members`);
    await waitReady(page);
    const before = await page.evaluate(() => history.length);
    await page.evaluate(() => { location.hash = ''; });
    await page.waitForFunction(() => location.hash === '#/overview');
    assert.equal(await page.evaluate(() => history.length), before + 1, 'the emptied hash is one entry, not two');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a member page shows contacts; a tap copies one through the browser; private ones stay off the projector', async () => {
    const visible = (page, label) => page.evaluate((l) => window.thidua.item(l) !== null, label);
    // The secretariat's tablet receives private contacts (masked until asked); the projector's viewer token never.
    const tokensFile = path.join(mkdtempSync(path.join(tmpdir(), 'thidua-tok-')), 'tokens.json');
    const secretariat = issueToken(tokensFile, 'secretariat', 'Văn phòng Cụm');
    const viewer = issueToken(tokensFile, 'viewer', 'Máy chiếu');
    const server = await startServer({ args: ['--tokens', tokensFile] });
    // A link to the page opens it; the sample's (invented) Bắc Ninh focal officer has a private mobile.
    const page = await openPage(browser, `${server.url}?token=${secretariat}#/members/org.sotnmt.27`, sizes.tablet);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await waitReady(page);
    await settle(page);
    assert.equal((await state(page)).route, '/members/org.sotnmt.27');
    assert.ok(await visible(page, '0222 3270 103'), 'the office phone is shown');
    assert.ok(await visible(page, 'thidua.sotnmt27@example.org'), 'the e-mail address is shown');
    assert.ok(!(await visible(page, '0912 270 215')), 'the private mobile is masked');
    await screenshot(page, 'member-contacts-tablet');
    await tap(page, '0222 3270 103');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '0222 3270 103');
    await tap(page, 'Hiện liên hệ riêng tư');
    assert.ok(await visible(page, '0912 270 215'), 'shown once a person asked');
    assert.deepEqual(page.errors, []);
    await page.context().close();

    const projector = await openPage(browser, `${server.url}?token=${viewer}`, sizes.projector);
    await waitReady(projector);
    // Not even the bytes reach the viewer: the registry it receives has no private contact at all.
    const people = await projector.evaluate(async (t) =>
      (await fetch('data/registry/people.json', { headers: { Authorization: 'Bearer ' + t } })).text(), viewer);
    assert.ok(people.includes('0222 3271 303') && !people.includes('0913 271 415') && !people.includes('"private": true'));
    await tap(projector, 'Trình chiếu');
    await projector.keyboard.press('PageDown');
    await settle(projector);
    // The projector shows the year in progress (2026): the Bắc Ninh unit after the 2025 merger, its own focal officer.
    await tap(projector, 'Sở NN&MT Bắc Ninh');
    assert.equal((await state(projector)).presentation.member, 'org.sonnmt.27');
    assert.ok(await visible(projector, '0222 3271 303'));
    assert.ok(!(await visible(projector, '0913 271 415')), 'no private contact on the projector');
    await screenshot(projector, 'present-member-card');
    await projector.keyboard.press('Escape');
    await settle(projector);
    assert.equal((await state(projector)).presentation.member, '');
    assert.deepEqual(projector.errors, []);
    await projector.context().close();
    await server.stop();
  });

  test('the results download as a CSV that Excel opens with Vietnamese intact', async () => {
    const page = await openPage(browser, server.url, sizes.tablet);
    await waitReady(page);
    await tap(page, 'Kết quả');
    const download = page.waitForEvent('download');
    await tap(page, 'Tải về CSV (Excel)');
    const file = await download;
    assert.match(file.suggestedFilename(), /^ket-qua-thi-dua-\d{4}\.csv$/);
    const bytes = (await import('node:fs')).readFileSync(await file.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xEF, 0xBB, 0xBF], 'UTF-8 byte-order mark');
    const text = bytes.subarray(3).toString('utf8');
    assert.match(text, /^Hạng,Mã đơn vị,Đơn vị/);
    // The year shown first is the one in progress, 2026: the six units formed by the 2025 mergers.
    assert.equal(text.trim().split('\r\n').length, 7, 'a header and the six members');
    assert.match(text, /Sở Nông nghiệp và Môi trường/);
    await page.context().close();
  });

  test('a file that fails to load gives a readable message, not a blank page', async () => {
    // No service worker here: a request it makes for its cache is not routed, and it could claim the page and
    // fetch the real wasm before the page does (the failure path under test is the first visit's).
    const page = await (await browser.newContext({ ...sizes.tablet, serviceWorkers: 'block' })).newPage();
    await page.route('**/thidua.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(server.url);
    await page.waitForSelector('#overlay.error', { timeout: 15000 });
    const text = await page.textContent('#overlay');
    assert.match(text, /thidua\.wasm/);
    assert.match(text, /Không tải được/);
    assert.ok(await page.isVisible('#retry'));
    await page.context().close();
  });

  test('a broken data file is named with its place, and the app keeps running on the rest', async () => {
    const { writeFileSync, cpSync: copy, mkdtempSync: temp } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = (await import('node:path')).default;
    const data = temp(path.join(tmpdir(), 'thidua-broken-'));
    copy(path.join(server.dataDir), data, { recursive: true });
    writeFileSync(path.join(data, 'meetings', 'mtg.cum1.2021-03-25.giao-uoc.json'), '{"format": "thidua.meeting", "meeting": [1, 2');
    const cluster = JSON.parse((await import('node:fs')).readFileSync(path.join(data, 'cluster.json'), 'utf8'));
    cluster.memberships[0].start_year = 'năm 2018'; // a wrong type
    writeFileSync(path.join(data, 'cluster.json'), JSON.stringify(cluster));
    const broken = await startServer({ data });
    try {
      const page = await openPage(browser, broken.url, sizes.tablet);
      await waitReady(page);
      const s = await state(page);
      assert.equal(s.load, 'ready');
      assert.ok(s.counts.issues >= 1, `issues: ${s.counts.issues}`);
      const lines = [...s.issue_lines, ...s.sync.problem_lines].join('\n');
      assert.match(lines, /^meetings\/mtg\.cum1\.2021-03-25\.giao-uoc\.json: line 1, column \d+: not valid JSON/m);
      assert.match(lines, /^cluster\.json:\/memberships\/0\/start_year: /m);
      assert.ok(s.counts.organizations >= 10, 'the good files are still shown');
      assert.deepEqual(page.errors, []);
      await page.context().close();
    } finally {
      await broken.stop();
    }
  });

  test('without WebGL2 the page says so', async () => {
    const context = await browser.newContext(sizes.tablet);
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
      };
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#overlay.error', { timeout: 15000 });
    assert.match(await page.textContent('#overlay'), /WebGL2/);
    await context.close();
  });
});
