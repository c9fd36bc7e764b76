// The papers officials sign, from the app: as the secretariat, each "Văn bản" action (covenant, meeting minutes,
// ballot-count minutes of round 2, score table, award proposal) downloads a .docx named for what it is and opens the
// print page (a Blob URL in a new tab with its own @page rules). The .docx bytes are checked to be an Office file.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { issueToken, launchBrowser, root, screenshot, screenshotDir, settle, startServer, state, tapAt } from './harness.mjs';
import { signIn } from './flows.mjs';

// Opens a route through the address, as a bookmark does (see texts.test.mjs).
async function open(page, route) {
  await page.evaluate((r) => new Promise((resolve) => {
    if (decodeURIComponent(location.hash.slice(1)) === r) return resolve();
    window.addEventListener('hashchange', () => resolve(), { once: true });
    location.hash = r;
  }), route);
  await settle(page);
}

// Taps the `index`-th "Văn bản" (top to bottom) after scrolling it into view; returns the download and the print tab.
// The wheel turns over the screen's right edge (its scrollbar), clear of every button, as flows.mjs's reveal() does.
// (A ballot card passes the wheel on to the page: tests/ui/test_ui_touch.cpp.)
async function tapDocument(page, index = 0, expectFile = true) {
  const v = page.viewportSize();
  // From the top: the screen keeps its scroll position from the screen shown before.
  await page.mouse.move(Math.round(v.width * 0.985), Math.round(v.height * 0.5));
  await page.mouse.wheel(0, -5000);
  await settle(page);
  for (let i = 0; i < 20; i++) {
    const shown = (await page.evaluate(() => window.thidua.items().filter((x) => x.visible && x.label === 'Văn bản')))
      .sort((a, b) => a.y - b.y);
    if (shown.length > index && shown[index].y > 0 && shown[index].y + shown[index].h < v.height - 60) break;
    await page.mouse.move(Math.round(v.width * 0.985), Math.round(v.height * 0.5));
    await page.mouse.wheel(0, 240);
    await settle(page);
  }
  const items = (await page.evaluate(() => window.thidua.items().filter((i) => i.visible && i.label === 'Văn bản')))
    .sort((a, b) => a.y - b.y);
  assert.ok(items.length > index, `no "Văn bản" #${index} on screen`);
  const it = items[index];
  if (!expectFile) { // the message shows under the button: scroll the button up to the top, as a person would
    await tapAt(page, it.x + it.w / 2, it.y + it.h / 2);
    await settle(page);
    for (let i = 0; i < 3; i++) {
      const now = (await page.evaluate(() => window.thidua.items().filter((x) => x.visible && x.label === 'Văn bản')))
        .sort((a, b) => a.y - b.y)[index];
      if (!now || now.y < v.height * 0.3) break;
      await page.mouse.move(Math.round(v.width * 0.985), Math.round(v.height * 0.5));
      await page.mouse.wheel(0, 240);
      await settle(page);
    }
    return {};
  }
  const download = page.waitForEvent('download', { timeout: 15000 });
  const popup = page.context().waitForEvent('page', { timeout: 15000 });
  await tapAt(page, it.x + it.w / 2, it.y + it.h / 2);
  const [file, tab] = await Promise.all([download, popup]);
  await tab.waitForLoadState('load');
  await settle(page);
  return { file, tab };
}

// Taps the `index`-th "Bảng tính Excel" (on screen after tapDocument) and returns the download.
async function tapExcel(page, index = 0) {
  const items = (await page.evaluate(() => window.thidua.items().filter((i) => i.visible && i.label === 'Bảng tính Excel')))
    .sort((a, b) => a.y - b.y);
  assert.ok(items.length > index, `no "Bảng tính Excel" #${index} on screen`);
  const download = page.waitForEvent('download', { timeout: 15000 });
  await tapAt(page, items[index].x + items[index].w / 2, items[index].y + items[index].h / 2);
  const file = await download;
  await settle(page);
  return file;
}

describe('the papers from the app', () => {
  let server, browser, page;
  before(async () => {
    browser = await launchBrowser();
    const dir = mkdtempSync(path.join(tmpdir(), 'thidua-docs-'));
    const tokens = path.join(dir, 'tokens.json');
    const secretariat = issueToken(tokens, 'secretariat', 'Văn phòng Cụm');
    server = await startServer({ args: ['--tokens', tokens] });
    page = await signIn(browser, server.url, secretariat);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const cases = [
    { route: '/covenant?year=2021', name: 'giao-uoc-thi-dua-2021.docx', type: 'GIAO ƯỚC THI ĐUA' },
    { route: '/meetings/mtg.cum1.2021-12-15.tong-ket?year=2021', name: 'bien-ban-hoi-nghi-tong-ket-2021-12-15.docx', type: 'BIÊN BẢN' },
    { route: '/results/ballots?year=2021', index: 1, name: 'bien-ban-kiem-phieu-2021-vong-2.docx', type: 'BIÊN BẢN KIỂM PHIẾU',
      excel: 'bien-ban-kiem-phieu-2021-vong-2.xlsx' },
    { route: '/results/grid?year=2021', name: 'bang-tong-hop-diem-2021.docx', type: 'BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM', landscape: true,
      excel: 'bang-tong-hop-diem-2021.xlsx' },
    { route: '/results/awards?year=2021', name: 'to-trinh-khen-thuong-2021.docx', type: 'TỜ TRÌNH' },
  ];
  for (const c of cases) {
    test(`"Văn bản" on ${c.route} downloads ${c.name} and opens the print page${c.excel ? `; Excel gives ${c.excel}` : ''}`, async () => {
      await open(page, c.route);
      const { file, tab } = await tapDocument(page, c.index ?? 0);
      assert.equal(file.suggestedFilename(), c.name);
      const bytes = readFileSync(await file.path());
      assert.equal(bytes.subarray(0, 4).toString('binary'), 'PK\x03\x04', 'a ZIP container');
      assert.ok(bytes.includes('word/document.xml'), 'a WordprocessingML package');
      assert.match(tab.url(), /^blob:/);
      const html = await tab.content();
      assert.match(html, new RegExp(`@page \\{ size: A4 ${c.landscape ? 'landscape' : 'portrait'}; margin: 20mm 15mm 20mm 30mm; \\}`));
      assert.ok(html.includes(c.type), `the print page shows ${c.type}`);
      assert.ok(html.includes('DỮ LIỆU MINH HỌA'), 'the synthetic data is marked');
      if (!c.landscape) assert.ok(html.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
      await tab.screenshot({ path: path.join(screenshotDir, `print-${c.name.replace('.docx', '')}.png`), fullPage: false })
        .catch(() => {});
      await tab.close();
      assert.ok((await page.evaluate(() => window.thidua.texts())).some((t) => t.includes(c.name)),
        'the screen says what was downloaded');
      await screenshot(page, `documents-${c.name.replace('.docx', '')}`);
      if (c.excel) {
        const sheet = await tapExcel(page, c.index ?? 0);
        assert.equal(sheet.suggestedFilename(), c.excel);
        const xlsx = readFileSync(await sheet.path());
        assert.equal(xlsx.subarray(0, 4).toString('binary'), 'PK\x03\x04');
        assert.ok(xlsx.includes('xl/workbook.xml'), 'a SpreadsheetML package');
      }
      assert.deepEqual(page.errors, []);
      assert.equal((await state(page)).load, 'ready');
    });
  }

  test('bad data gives a clear message naming the file and the pointer, and no file', async () => {
    await page.context().close(); // one app at a time: two software-rendered pages slow each other past the timeouts
    // A ballot whose counts were never entered, and a meeting whose chair is not recorded.
    const data = mkdtempSync(path.join(tmpdir(), 'thidua-docs-bad-'));
    cpSync(path.join(root, 'assets', 'data', 'cum1'), data, { recursive: true });
    const results = path.join(data, 'years', '2021', 'results.json');
    const r = JSON.parse(readFileSync(results, 'utf8'));
    r.ballots[1].counts = [];
    writeFileSync(results, JSON.stringify(r, null, 2));
    const meetingFile = path.join(data, 'meetings', 'mtg.cum1.2021-12-15.tong-ket.json');
    const m = JSON.parse(readFileSync(meetingFile, 'utf8'));
    for (const p of m.meeting.participants) if (p.role_at_event === 'chair') p.role_at_event = 'delegate';
    writeFileSync(meetingFile, JSON.stringify(m, null, 2));
    const dir = mkdtempSync(path.join(tmpdir(), 'thidua-docs-'));
    const tokens = path.join(dir, 'tokens.json');
    const bad = await startServer({ data, args: ['--tokens', tokens] });
    let other = null;
    try {
    other = await signIn(browser, bad.url, issueToken(tokens, 'secretariat', 'Văn phòng Cụm'));
    let downloads = 0;
    other.on('download', () => downloads++);
    other.context().on('page', () => downloads++);

    await open(other, '/results/ballots?year=2021');
    await tapDocument(other, 1, false);
    let texts = await other.evaluate(() => window.thidua.texts());
    assert.ok(texts.includes('Chưa lập được văn bản, dữ liệu còn thiếu:'), 'the screen says the paper was not made');
    assert.ok(texts.includes('years/2021/results.json:/ballots/1/counts: chưa ghi số phiếu của từng đơn vị (vòng 2)'),
      texts.filter((t) => t.includes('json')).join(' | '));
    await screenshot(other, 'documents-ballot-without-counts');

    await open(other, '/meetings/mtg.cum1.2021-12-15.tong-ket?year=2021');
    await tapDocument(other, 0, false);
    texts = await other.evaluate(() => window.thidua.texts());
    assert.ok(texts.some((t) => t.startsWith('meetings/mtg.cum1.2021-12-15.tong-ket.json:/meeting/chair_person_id: hội nghị chưa có người chủ trì')),
      texts.filter((t) => t.includes('json')).join(' | '));
    await screenshot(other, 'documents-meeting-without-chair');
    await other.waitForTimeout(500);
    assert.equal(downloads, 0, 'no file and no print page');
    assert.deepEqual(other.errors, []);
    } finally {
      await other?.context().close();
      await bad.stop();
    }
  });
});
