// One year in one test: from nothing for 2027 to the award proposals sent, with the secretariat's tablet, a unit's
// tablet (passed from one member to the next) and the projector open at once, each step by the role that does it,
// through taps and typing, against the real `thidua serve`; it ends with every file passing `thidua check` and the
// projector showing the final ranking that the secretariat's data gives.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { issueToken, launchBrowser, root, screenshot, settle, sizes, startServer, state, tap, tapAt } from './harness.mjs';
import { readJson, reveal, signIn, synced, tapSeen, tapStartingWith, typeInto, waitFile, waitSync } from './flows.mjs';

const Y = 2027;
const BACK = '‹ Danh sách thành viên';
// What each unit types into its self-assessment, field by field (I.3 and II.2 are "Đạt" taps): both reach the
// rating the awards need (Hoàn thành xuất sắc, 90 points), Hà Nội ahead.
const UNITS = {
  'org.sonnmt.01': { 'I.1 Tỷ lệ đạt, %': '99', 'I.2 Điểm tự chấm': '15', 'I.4 Điểm tự chấm': '15', 'I.5 Tỷ lệ đạt, %': '98',
    'II.1 Số lần': '4', 'III.1 Điểm tự chấm': '10' },
  'org.sonnmt.25': { 'I.1 Tỷ lệ đạt, %': '98,8', 'I.2 Điểm tự chấm': '14', 'I.4 Điểm tự chấm': '14', 'I.5 Tỷ lệ đạt, %': '97,8',
    'II.1 Số lần': '4', 'III.1 Điểm tự chấm': '9,5' },
};

// Taps the first (top to bottom) widget with this label that is not the chosen one already.
async function tapUnchecked(page, label) {
  await reveal(page, label);
  const v = page.viewportSize();
  let it;
  for (let n = 0; n < 30 && !it; n++) { // the next one may be above or below: scroll a little at a time, up first
    it = (await page.evaluate((l) => window.thidua.items().filter((i) => i.visible && i.label === l && !i.checked &&
      i.h >= 10 && i.y + i.h <= innerHeight - 60), label)).sort((a, b) => a.y - b.y)[0];
    if (!it) {
      await page.mouse.move(v.width * 0.6, v.height * 0.6);
      await page.mouse.wheel(0, (n < 12 ? -1 : 1) * v.height * 0.2);
      await settle(page);
    }
  }
  if (!it) await screenshot(page, 'one-year-no-unchosen');
  assert.ok(it, `an unchosen "${label}" is on screen: ${JSON.stringify(await page.evaluate((l) => window.thidua.items().filter((i) => i.label === l), label))}`);
  await tapAt(page, it.x + it.w / 2, it.y + it.h / 2);
  await settle(page);
}

// The year selector: the open combo lists every year by the same words.
async function chooseYear(page, year) {
  const current = await page.evaluate(() => window.thidua.items().find((i) => i.visible && /^Năm \d{4}$/.test(i.label)));
  if (current.label === `Năm ${year}`) return;
  await tap(page, current.label);
  await tap(page, `Năm ${year}`);
  assert.equal((await state(page)).year, year);
}

// The status chip's panel -> "Đồng bộ ngay" (rather than waiting for the next poll), then a tap outside closes it.
async function syncNow(page) {
  const chip = await page.evaluate(() => window.thidua.items().find((i) => i.visible && i.label.startsWith('Đã đồng bộ')));
  assert.ok(chip, 'the sync status chip is on screen');
  await tapAt(page, chip.x + chip.w / 2, chip.y + chip.h / 2);
  await settle(page);
  await tap(page, 'Đồng bộ ngay');
  await synced(page);
  const v = page.viewportSize();
  await tapAt(page, v.width - 16, 16);
  await settle(page);
}

describe('one year in one test', () => {
  let server, browser, tokens, secretariat, unitTablet, projector;
  before(async () => {
    browser = await launchBrowser();
    const tokensFile = path.join(mkdtempSync(path.join(tmpdir(), 'thidua-one-year-')), 'tokens.json');
    tokens = { secretariat: issueToken(tokensFile, 'secretariat', 'Văn phòng Cụm'),
      viewer: issueToken(tokensFile, 'viewer', 'Máy chiếu') };
    for (const org of Object.keys(UNITS)) tokens[org] = issueToken(tokensFile, 'unit:' + org, org);
    server = await startServer({ args: ['--tokens', tokensFile] });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test(`${Y}: opened, self-assessed, scored, voted, proposed and sent; the projector shows the final ranking`, async () => {
    // Three screens at once: the secretariat's tablet, a unit's tablet and the meeting room's projector.
    secretariat = await signIn(browser, server.url, tokens.secretariat);
    unitTablet = await signIn(browser, server.url, tokens['org.sonnmt.01']);
    projector = await signIn(browser, server.url, tokens.viewer, sizes.projector);
    await waitSync(secretariat, () => window.thidua.state().who.known);

    // The secretariat opens 2027 from 2026: members and chair proposed, the self-assessment dates typed.
    await tap(secretariat, 'Chỉnh sửa');
    await tap(secretariat, 'Tổng quan');
    await tap(secretariat, 'Điều hành năm');
    await tapSeen(secretariat, `Mở năm ${Y}`);
    await typeInto(secretariat, 'Chủ đề', 'Đoàn kết, đổi mới, chuyển đổi số');
    await typeInto(secretariat, 'Tự chấm điểm · Từ', `01/11/${Y}`);
    await typeInto(secretariat, 'Tự chấm điểm · Đến', `30/11/${Y}`);
    await tapSeen(secretariat, 'Sở NN&MT Bắc Ninh'); // the deputy; the chair comes by rotation (2026's deputy)
    await tapSeen(secretariat, `Mở năm ${Y}`);
    let year = (await waitFile(server.dataDir, `years/${Y}/year.json`, (d) => d.year.year === Y)).year;
    assert.equal(year.status, 'planning');
    assert.equal(year.chair_org_id, 'org.sonnmt.01');
    assert.equal(year.deputy_org_id, 'org.sonnmt.27');
    await synced(secretariat);

    // ... and opens the self-assessment phase: the year becomes active.
    await tapSeen(secretariat, 'Giai đoạn');
    await tapSeen(secretariat, 'Mở: Tự chấm điểm');
    year = (await waitFile(server.dataDir, `years/${Y}/year.json`, (d) =>
      d.year.phases.some((p) => p.kind === 'self_assessment' && p.status === 'open'))).year;
    assert.equal(year.status, 'active');
    await screenshot(secretariat, 'one-year-phases-tablet');

    // The unit's tablet, open all along, receives the new year; each member in turn enters and sends its own.
    for (const [i, [org, fields]] of Object.entries(UNITS).entries()) {
      if (i > 0) { // the tablet is passed on: the next member opens its own link
        await unitTablet.context().close();
        unitTablet = await signIn(browser, server.url, tokens[org]);
      }
      await waitSync(unitTablet, (y) => window.thidua.state().counts.years >= y - 2020, Y, 60000);
      await chooseYear(unitTablet, Y);
      await tapSeen(unitTablet, 'Chấm điểm');
      for (const [label, value] of Object.entries(fields)) await typeInto(unitTablet, label + ' Tự chấm', value);
      await tapUnchecked(unitTablet, 'Đạt'); // II.2 or I.3, whichever is on screen
      await tapUnchecked(unitTablet, 'Đạt'); // the other
      await tapSeen(unitTablet, 'Gửi Văn phòng Cụm');
      await tapSeen(unitTablet, 'Gửi'); // asked once more before the unit can no longer change it
      const self = await waitFile(server.dataDir, `years/${Y}/self/${org}.json`, (d) => d.submitted_date && d.scores.length === 8);
      assert.equal(self.scores.find((s) => s.criterion_id === `crit.cum1.${Y}.I.1`).value,
        Number(fields['I.1 Tỷ lệ đạt, %'].replace(',', '.')));
    }
    await unitTablet.context().close();

    // The secretariat sees who has sent, and agrees their scores as final.
    await syncNow(secretariat);
    await tap(secretariat, 'Chấm điểm');
    await screenshot(secretariat, 'one-year-scoring-tablet');
    for (const name of ['Sở NN&MT Hà Nội', 'Sở NN&MT Phú Thọ']) {
      await tapSeen(secretariat, name);
      await tapSeen(secretariat, 'Đồng ý điểm tự chấm');
      await synced(secretariat);
      await tapSeen(secretariat, BACK);
    }
    let results = await waitFile(server.dataDir, `years/${Y}/results.json`, (d) =>
      ['org.sonnmt.01', 'org.sonnmt.25'].every((o) => d.scores.some((s) => s.stage === 'final' && s.subject_org_id === o)));

    // The year-end conference, then its ballot: Hà Nội elected in round 1 (5 of 6 members).
    await tap(secretariat, 'Hội nghị');
    await tapSeen(secretariat, 'Hội nghị mới');
    await tapSeen(secretariat, 'Tổng kết năm');
    await typeInto(secretariat, 'Ngày (dd/mm/yyyy)', `15/12/${Y}`);
    await typeInto(secretariat, 'Giờ bắt đầu (hh:mm)', '08:30');
    await tapSeen(secretariat, 'Sở NN&MT Hà Nội'); // the host: this year's chair
    await tapSeen(secretariat, 'Tạo hội nghị');
    await synced(secretariat);
    await tap(secretariat, 'Kết quả');
    await tapSeen(secretariat, 'Bỏ phiếu');
    await tapSeen(secretariat, 'Phiếu bầu mới');
    await tapStartingWith(secretariat, `Hội nghị tổng kết công tác thi đua năm ${Y}`);
    await typeInto(secretariat, 'Ban kiểm phiếu (họ tên, cách nhau bởi dấu phẩy)', 'Nguyễn Văn An, Trần Thị Bình');
    await tapSeen(secretariat, 'Tạo phiếu bầu');
    results = await waitFile(server.dataDir, `years/${Y}/results.json`, (d) => d.ballots.length === 1);
    const candidates = results.ballots[0].candidates;
    assert.equal(candidates[0], 'org.sonnmt.01', 'candidates come from the ranking: Hà Nội leads');
    for (const [label, n] of [['Số phiếu phát ra', '6'], ['Số phiếu thu về', '6'], ['Phiếu hợp lệ', '6'], ['Phiếu không hợp lệ', '0']])
      await typeInto(secretariat, label, n);
    const shortName = (id) => readJson(server.dataDir, 'registry/organizations.json').organizations.find((o) => o.id === id).short_name;
    for (const [k, id] of candidates.entries()) await typeInto(secretariat, 'Số phiếu ' + shortName(id), k === 0 ? '5' : k === 1 ? '1' : '0');
    await tapSeen(secretariat, 'Lưu kết quả kiểm phiếu');
    results = await waitFile(server.dataDir, `years/${Y}/results.json`, (d) =>
      d.award_proposals.some((p) => p.award_type === 'co_thi_dua_bo' && !p.ended));
    await synced(secretariat);

    // The proposals are agreed at the meeting, then sent to the ministry, one tap each.
    const live = results.award_proposals.filter((p) => !p.ended);
    assert.ok(live.length >= 2, 'the flag and the certificates are proposed');
    await secretariat.mouse.move(700, 500);
    await secretariat.mouse.wheel(0, -10000); // back to the top of the results, where its views are chosen
    await settle(secretariat);
    await tapSeen(secretariat, 'Đề nghị khen thưởng');
    for (const status of ['Đã thống nhất tại hội nghị', 'Đã trình'])
      for (let k = 0; k < live.length; k++) { // each proposal's row of statuses; the chosen one is drawn pressed
        await tapUnchecked(secretariat, status);
        await synced(secretariat);
      }
    results = await waitFile(server.dataDir, `years/${Y}/results.json`, (d) =>
      d.award_proposals.filter((p) => !p.ended).every((p) => p.status === 'submitted'));
    await screenshot(secretariat, 'one-year-proposals-sent-tablet');

    // Every file on the server passes the checker.
    const check = spawnSync(path.join(root, 'build', 'native', 'thidua'), ['check', server.dataDir], { encoding: 'utf8' });
    assert.equal(check.status, 0, `thidua check: ${check.stdout}${check.stderr}`);

    // The projector, open all along, shows the year's final ranking after the reveal.
    await waitSync(projector, (y) => window.thidua.state().counts.years >= y - 2020, Y, 60000);
    await chooseYear(projector, Y);
    await waitSync(projector, () => window.thidua.state().results.ranking.length === 6 &&
      window.thidua.state().results.ranking.some((r) => r.total > 0), null, 60000);
    await tap(projector, 'Trình chiếu');
    // The reveal's steps: every rank, then the ballot, then the awards; stop when every rank is on the slide.
    for (let i = 0; i < 40; i++) {
      const p = (await state(projector)).presentation;
      if (p.slide === 5 && p.reveal_step === p.reveal_steps - 2) break;
      await projector.keyboard.press('PageDown');
      await settle(projector);
    }
    const s = await state(projector);
    assert.equal(s.presentation.slide, 5);
    assert.equal(s.presentation.reveal_step, s.presentation.reveal_steps - 2);
    assert.equal(s.results.stage, 'final');
    assert.equal(s.results.ranking[0].org, 'org.sonnmt.01');
    assert.equal(s.results.ranking[1].org, 'org.sonnmt.25');
    const drawn = (await projector.evaluate(() => window.thidua.texts())).join('\n');
    for (const name of ['Sở NN&MT Hà Nội', 'Sở NN&MT Phú Thọ', 'Sở NN&MT Ninh Bình'])
      assert.ok(drawn.includes(name), `${name} is on the ranking slide`);
    await screenshot(projector, 'one-year-final-ranking-projector');
  });
});
