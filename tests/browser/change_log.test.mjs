// "Lịch sử thay đổi" in a real browser against the real server: the secretariat changes a meeting's venue twice,
// the change log shows both changes with who, when and from -> to, and restoring the first version brings the
// file on the server's disk back.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { issueToken, launchBrowser, openPage, screenshot, settle, sizes, startServer, state, tap, tapAt, waitReady } from './harness.mjs';
import { openSigningMeeting, readMeeting, synced, tapSeen, typeInto, waitFile, waitSync, MEETING_FILE } from './flows.mjs';

const texts = (page) => page.evaluate(() => window.thidua.texts());
const waitText = (page, part, timeout = 60000) =>
  waitSync(page, (p) => window.thidua.texts().some((t) => t.includes(p)), part, timeout);

async function signIn(browser, url, token, size) {
  const page = await openPage(browser, `${url}?token=${token}`, size);
  await waitReady(page, 90000); // the first load is slow on a busy machine
  await waitSync(page, () => window.thidua.state().sync.status === 'synced', null, 90000);
  return page;
}

describe('change log', () => {
  let server, browser, token;
  before(async () => {
    browser = await launchBrowser();
    const tokensFile = path.join(mkdtempSync(path.join(tmpdir(), 'thidua-tok-')), 'tokens.json');
    token = issueToken(tokensFile, 'secretariat', 'Nguyễn Thị Thư');
    server = await startServer({ args: ['--tokens', tokensFile] });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the secretariat sees who changed the venue, when, from what to what, and restores the first version',
    { timeout: 600000 }, async () => {
      const original = readMeeting(server.dataDir).venue.name;
      const page = await signIn(browser, server.url, token, sizes.tablet);
      await tap(page, 'Chỉnh sửa');
      await openSigningMeeting(page);
      for (const venue of ['Hội trường A', 'Hội trường B']) {
        const undo = (await state(page)).edit.undo;
        await typeInto(page, 'Địa điểm', venue);
        await waitSync(page, (n) => window.thidua.state().edit.undo > n, undo);
        await synced(page);
        await waitFile(server.dataDir, MEETING_FILE, (d) => d.meeting.venue.name === venue, 60000);
      }

      await screenshot(page, 'change-log-button-tablet'); // the meeting page with its 'Lịch sử thay đổi'
      await tapSeen(page, 'Lịch sử thay đổi');
      await waitText(page, 'Hội trường A → Hội trường B');
      const shown = await texts(page);
      assert.ok(shown.some((t) => t.includes(`Địa điểm: ${original} → Hội trường A`)), shown.join('\n'));
      // Who and when: the token's name and role, local time dd/mm/yyyy hh:mm; never the token's id.
      const heads = shown.filter((t) => /^\d\d\/\d\d\/\d{4} \d\d:\d\d · Nguyễn Thị Thư · Văn phòng Cụm/.test(t));
      assert.ok(heads.length >= 2, shown.join('\n'));
      assert.ok(!shown.some((t) => /\bt[0-9a-f]{6,}\b/.test(t) || t.includes('mtg.cum1') || t.includes('venue')),
        shown.join('\n'));
      // Newest first.
      const at = (p) => shown.findIndex((t) => t.includes(p));
      assert.ok(at('Hội trường A → Hội trường B') < at(`${original} → Hội trường A`));
      await screenshot(page, 'change-log-tablet');

      // Restore the oldest version: the confirmation says what goes back.
      const restores = (await page.evaluate(() => window.thidua.items()))
        .filter((i) => i.visible && i.label === 'Khôi phục phiên bản này').sort((a, b) => a.y - b.y);
      assert.equal(restores.length, 2);
      const oldest = restores[restores.length - 1];
      await tapAt(page, oldest.x + oldest.w / 2, oldest.y + oldest.h / 2);
      await settle(page);
      await waitText(page, `Địa điểm: Hội trường B → ${original}`);
      await screenshot(page, 'change-log-restore-confirm-tablet');
      await tap(page, 'Khôi phục');
      await waitFile(server.dataDir, MEETING_FILE, (d) => d.meeting.venue.name === original, 60000);
      await waitText(page, 'Đã khôi phục phiên bản cũ');
      // The restore is in the history, and the tablet syncs to it.
      await waitText(page, 'khôi phục phiên bản cũ ·');
      await waitSync(page, (v) => window.thidua.texts().some((t) => t === v) ||
        window.thidua.state().sync.status === 'synced', original, 60000);
      assert.deepEqual(page.errors.filter((e) => !e.includes('favicon')), []);
      await tap(page, 'Đóng');

      // A phone: the same log fits.
      const phone = await signIn(browser, server.url, token, sizes.phone);
      await openSigningMeeting(phone);
      await tapSeen(phone, 'Lịch sử thay đổi');
      await waitText(phone, 'Hội trường A → Hội trường B');
      await screenshot(phone, 'change-log-phone');
    });
});
