// The defects a user test found on every screen (issue 10), each tried in Chromium the way a person meets it:
// the same field tapped twice takes typing both times; a one-finger swipe that starts on blank background scrolls;
// the projector shows the whole final ranking at 1920x1080 and 1280x720, blanks to pure black on "." and B, jumps
// with End and Home and hides its control bar when the pointer rests; dates are typed as dd/mm/yyyy.
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  issueToken, launchBrowser, openPage, screenshot, settle, sizes, startServer, state, tap, tapAt, waitReady,
} from './harness.mjs';
import { reveal, signIn, synced, waitFile } from './flows.mjs';

const MEETING = 'mtg.cum1.2026-12-16.tong-ket'; // the year in progress: the secretariat may still edit it
const MEETING_FILE = `meetings/${MEETING}.json`;
const items = (page) => page.evaluate(() => window.thidua.items().filter((i) => i.visible));

// Every pixel of a PNG screenshot (8-bit RGB or RGBA, any row filter) is black. A black row stays all zero
// under every PNG filter, so only the filter bytes and (for RGBA) the alpha channel may be non-zero.
function allBlack(png) {
  let at = 8;
  let width = 0, colorType = 0;
  const idat = [];
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') { width = data.readUInt32BE(0); colorType = data[9]; assert.equal(data[8], 8); }
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const channels = colorType === 6 ? 4 : 3;
  assert.ok(colorType === 2 || colorType === 6, `colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels + 1;
  for (let row = 0; row * stride < raw.length; row++) {
    for (let x = 0; x < width; x++)
      for (let c = 0; c < 3; c++)
        if (raw[row * stride + 1 + x * channels + c] !== 0) return false;
  }
  return true;
}

describe('screens as people use them', () => {
  let browser, server, secretariat, viewer;
  before(async () => {
    const tokensFile = path.join(mkdtempSync(path.join(tmpdir(), 'thidua-tok-')), 'tokens.json');
    secretariat = issueToken(tokensFile, 'secretariat', 'Văn phòng Cụm');
    viewer = issueToken(tokensFile, 'viewer', 'Máy chiếu');
    server = await startServer({ args: ['--tokens', tokensFile] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the same field tapped twice takes typing both times, and dates are typed as dd/mm/yyyy', async () => {
    const page = await signIn(browser, server.url, secretariat);
    await page.evaluate((m) => { location.hash = `#/meetings/${m}`; }, MEETING);
    await settle(page);
    await tap(page, 'Chỉnh sửa');
    const label = 'Ngày bắt đầu (dd/mm/yyyy)';
    await reveal(page, label);
    const field = (await items(page)).find((i) => i.label === label);
    assert.ok(field, 'the start date field is on screen');
    for (const [typed, stored] of [['17/12/2026', '2026-12-17'], ['18/12/2026', '2026-12-18']]) {
      // The same spot both times: the hidden text input must not stay over it and swallow the second tap.
      await tapAt(page, field.x + field.w / 2, field.y + field.h / 2);
      await settle(page);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      await settle(page);
      await waitFile(server.dataDir, MEETING_FILE, (m) => m.meeting.start_date === stored);
    }
    await synced(page);
    // A wrong date is refused with a message, and the file keeps the last good one.
    await tapAt(page, field.x + field.w / 2, field.y + field.h / 2);
    await settle(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31/02/2026');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.ok((await page.evaluate(() => window.thidua.texts())).includes('Ngày không đúng (ngày/tháng/năm)'));
    assert.equal(JSON.parse(readFileSync(path.join(server.dataDir, MEETING_FILE), 'utf8')).meeting.start_date, '2026-12-18');
    await screenshot(page, 'screens-date-refused-tablet');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a one-finger swipe that starts on blank background scrolls the list on a phone', async () => {
    const page = await openPage(browser, `${server.url}?token=${viewer}#/members?year=2024`, sizes.phone);
    await waitReady(page);
    await settle(page);
    const before = await items(page);
    const first = before.find((i) => i.label.startsWith('Sở '));
    assert.ok(first, 'a unit is listed');
    // Blank background: a point right of the names inside the list that no item covers.
    const x = 300; // beside the names, clear of the scrollbar at the right edge
    const y = before.filter((i) => i.label.startsWith('Sở ')).map((i) => i.y + i.h / 2).find((cy) =>
      !before.some((i) => x >= i.x - 4 && x <= i.x + i.w + 4 && cy >= i.y - 4 && cy <= i.y + i.h + 4));
    assert.ok(y, 'a blank point beside a name');
    assert.equal(await page.evaluate(([px, py]) => document.elementFromPoint(px, py).id, [x, y]), 'canvas');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let k = 1; k <= 8; k++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - 25 * k }] });
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(200);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await settle(page);
    const moved = (await items(page)).find((i) => i.label === first.label);
    assert.ok(!moved || moved.y < first.y - 100, `the list followed the finger (${first.y} -> ${moved?.y})`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('printing the page (Ctrl+P) gives a sheet that says how to print the papers, not a blank one', async () => {
    const page = await openPage(browser, `${server.url}?token=${viewer}`, sizes.tablet);
    await waitReady(page);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => ({
      note: getComputedStyle(document.getElementById('print-note')).display,
      canvas: getComputedStyle(document.getElementById('canvas')).display,
      text: document.getElementById('print-note').innerText,
    }));
    assert.equal(shown.canvas, 'none');
    assert.equal(shown.note, 'block');
    assert.match(shown.text, /Văn bản/);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 5000, 'the sheet has text');
    await page.context().close();
  });

  for (const [name, size] of [['1920x1080', sizes.projector],
    ['1280x720', { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, hasTouch: false }]]) {
    test(`the projector at ${name}: the whole final ranking, clicker keys, black blank, the bar hides`, async () => {
      const page = await openPage(browser, `${server.url}?token=${viewer}#/overview?year=2021`, size);
      await waitReady(page);
      await tap(page, 'Trình chiếu');
      await page.keyboard.press('End'); // the last slide, fully revealed
      await settle(page);
      let p = (await state(page)).presentation;
      assert.equal(p.slide, 5);
      assert.equal(p.reveal_step, p.reveal_steps);
      await page.keyboard.press('PageUp'); // the ballot
      await page.keyboard.press('PageUp'); // the full ranking
      await settle(page);
      p = (await state(page)).presentation;
      assert.equal(p.reveal_step, p.reveal_steps - 2);
      const ranks = (await items(page)).filter((i) => /^\d+\. Sở /.test(i.label));
      assert.equal(ranks.length, 10, 'every member has a row');
      for (const r of ranks) assert.ok(r.y + r.h <= size.viewport.height, `${r.label} is on the screen`);
      assert.ok(ranks.some((r) => r.label.startsWith('10. ')), 'the tenth rank is there');
      await page.keyboard.press('PageDown');
      await page.keyboard.press('PageDown');
      await page.keyboard.press('PageDown'); // the end of the show: no slide repeats the awards
      await settle(page);
      p = (await state(page)).presentation;
      assert.equal(p.slide, 5);
      assert.equal(p.reveal_step, p.reveal_steps);
      await page.keyboard.press('Home');
      await settle(page);
      assert.equal((await state(page)).presentation.slide, 1);
      // The bar is there while the pointer moves, gone three seconds after it rests; the badge stays.
      await page.mouse.move(200, 200);
      await page.mouse.move(220, 210);
      await settle(page);
      assert.ok((await items(page)).some((i) => i.label === 'Thoát trình chiếu'));
      await page.waitForTimeout(3400);
      await settle(page);
      assert.ok(!(await items(page)).some((i) => i.label === 'Thoát trình chiếu'), 'the bar hid');
      assert.ok((await page.evaluate(() => window.thidua.texts())).includes('DỮ LIỆU MINH HOẠ'));
      await screenshot(page, `screens-projector-${name}-bar-hidden`);
      for (const key of ['.', 'b']) {
        await page.keyboard.press(key);
        await settle(page);
        assert.equal((await state(page)).presentation.blank, true);
        assert.ok(allBlack(await page.screenshot()), `"${key}" blanks the whole screen to black`);
        await page.keyboard.press(key);
        await settle(page);
        assert.equal((await state(page)).presentation.blank, false);
      }
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
});
