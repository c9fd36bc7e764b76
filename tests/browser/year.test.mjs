// Running the year in a real browser against the real server, each step as the role that does it, through taps
// and typing, with the files on the server's disk checked after each: the secretariat opens the next year from the
// latest one (members following successions, the chair by rotation), ends a membership by a merger, closes the
// year (read-only) and reopens it; a unit and the projector's viewer token see no edit controls; a write the server
// refuses says why and is discarded with one tap. Screenshots of each form at tablet, phone and projector sizes.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { issueToken, launchBrowser, screenshot, screenshotDir, settle, sizes, startServer, state, tap, tapAt, waitReady } from './harness.mjs';
import { waitSync } from './flows.mjs';

const readJson = (dir, rel) => JSON.parse(readFileSync(path.join(dir, rel), 'utf8'));
const has = (page, label) => page.evaluate((l) => !!window.thidua.item(l), label);

async function openAs(browser, server, token, size = sizes.tablet, { blockWhoami = false } = {}) {
  const context = await browser.newContext({ ...size, locale: 'vi-VN' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  if (blockWhoami) await page.route('**/api/whoami', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.goto(`${server.url}?token=${token}`);
  await waitReady(page);
  await waitSync(page, () => window.thidua.state().sync.status === 'synced');
  if (!blockWhoami) await waitSync(page, () => window.thidua.state().who.known);
  return page;
}

const synced = (page) => waitSync(page, () => {
  const s = window.thidua.state().sync;
  return s.status === 'synced' && s.pending === 0 && !s.saving;
});

// Edit mode, then the year screen from the overview.
async function openYearScreen(page) {
  if (!(await state(page)).edit.enabled) await tap(page, 'Chỉnh sửa');
  await tap(page, 'Tổng quan');
  await tap(page, 'Điều hành năm');
  assert.equal((await state(page)).screen, 'year');
}

// Scrolls the screen (the wheel over empty space at its right) until the widget is wholly on screen.
async function scrollTo(page, label) {
  const v = page.viewportSize();
  const x = Math.round(v.width * 0.93), y = Math.round(v.height * 0.55);
  // A tap on empty space first leaves any text field, as a person does before swiping.
  await tapAt(page, x, y);
  await settle(page);
  for (let i = 0; i < 12; i++) {
    const item = await page.evaluate((l) => window.thidua.items().find((x) => x.label === l), label);
    if (item && item.visible && item.y > 0 && item.y + item.h < v.height - 60) break;
    const distance = item ? Math.max(-v.height / 2, Math.min(v.height / 2, v.height / 2 - item.y)) : -v.height / 3;
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, -distance);
    await settle(page);
    if (i === 11) {
      await page.screenshot({ path: path.join(screenshotDir, 'year-scroll-failed.png') });
      throw new Error(`${label} never came on screen: ${JSON.stringify(item)}`);
    }
  }
}

async function typeInto(page, label, text) {
  await scrollTo(page, label);
  await tap(page, label);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await settle(page);
}

describe('running the year', () => {
  let server, browser, dir, secretariat, viewer, unit, page, latest, next;
  before(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(path.join(tmpdir(), 'thidua-year-'));
    const tokensFile = path.join(dir, 'tokens.json');
    secretariat = issueToken(tokensFile, 'secretariat', 'Văn phòng Cụm');
    viewer = issueToken(tokensFile, 'viewer', 'Máy chiếu');
    unit = issueToken(tokensFile, 'unit:org.sotnmt.27', 'Sở Bắc Ninh');
    server = await startServer({ args: ['--tokens', tokensFile] });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the secretariat opens the next year with the proposed members and chair', async () => {
    page = await openAs(browser, server, secretariat);
    let s = await state(page);
    assert.equal(s.who.role, 'secretariat');
    assert.equal(s.who.label, 'Văn phòng Cụm · thư ký cụm');
    latest = s.year;
    next = latest + 1;
    const before = readJson(server.dataDir, `years/${latest}/year.json`).year;
    await openYearScreen(page);
    await screenshot(page, 'year-screen-tablet');
    await tap(page, `Mở năm ${next}`);
    await screenshot(page, 'year-open-form-tablet');

    await typeInto(page, 'Chủ đề', 'Đoàn kết, kỷ cương, chuyển đổi số');
    await typeInto(page, 'Tự chấm điểm · Từ', '01/11/' + next);
    await typeInto(page, 'Tự chấm điểm · Đến', '30/11/' + next);
    // The secretariat picks the deputy among the proposed members (Hưng Yên, under whichever name it has then).
    const deputyName = await page.evaluate(() => ['Sở TN&MT Hưng Yên', 'Sở NN&MT Hưng Yên'].find((l) => window.thidua.item(l)));
    assert.ok(deputyName, 'Hưng Yên is among the proposed members');
    await tap(page, deputyName);
    await scrollTo(page, `Mở năm ${next}`);
    await tap(page, `Mở năm ${next}`);
    await synced(page);
    s = await state(page);
    assert.equal(s.year, next, 'the new year is selected');

    const year = readJson(server.dataDir, `years/${next}/year.json`);
    assert.equal(year.format, 'thidua.year');
    assert.equal(year.year.year, next);
    assert.equal(year.year.status, 'planning');
    assert.equal(year.year.theme, 'Đoàn kết, kỷ cương, chuyển đổi số');
    // The chair by rotation: last year's deputy (or the unit that succeeded it).
    const orgs = readJson(server.dataDir, 'registry/organizations.json').organizations;
    const chair = orgs.find((o) => o.id === year.year.chair_org_id);
    assert.ok(year.year.chair_org_id === before.deputy_org_id || (chair.predecessor_ids || []).includes(before.deputy_org_id),
      `chair ${year.year.chair_org_id} follows the deputy ${before.deputy_org_id}`);
    const deputy = orgs.find((o) => o.short_name === deputyName).id;
    assert.equal(year.year.deputy_org_id, deputy);
    const self = year.year.phases.find((p) => p.kind === 'self_assessment');
    assert.deepEqual([self.start_date, self.end_date, self.status], [`${next}-11-01`, `${next}-11-30`, 'not_started']);
    assert.ok(year.criteria.length > 0 && year.criteria.every((c) => c.id.includes(`.${next}.`)), 'criteria renamed to the year');

    const covenant = readJson(server.dataDir, `years/${next}/covenant.json`);
    assert.deepEqual(covenant.covenant.commitments, []);
    assert.equal(readJson(server.dataDir, `years/${next}/results.json`).scores.length, 0);
    const cluster = readJson(server.dataDir, 'cluster.json');
    const rotation = cluster.rotations.find((r) => r.year === next);
    assert.equal(rotation.chair_org_id, year.year.chair_org_id);
    assert.equal(rotation.deputy_org_id, deputy);
    // Every member of the new year has its self-assessment file, listed with its writer.
    const members = cluster.memberships.filter((m) => m.start_year <= next && (!m.end_year || m.end_year >= next));
    const pkg = readJson(server.dataDir, 'datapackage.json');
    for (const m of members) {
      const rel = `years/${next}/self/${m.organization_id}.json`;
      assert.ok(existsSync(path.join(server.dataDir, rel)), rel);
      assert.equal(readJson(server.dataDir, rel).scores.length, 0);
      assert.equal(pkg.resources.find((r) => r.path === rel)?.writer, `member:${m.organization_id}`);
    }
    assert.deepEqual(page.errors, []);
  });

  test('a membership is ended by a merger', async () => {
    // The sample's last merger (2025) is recorded already; here a further (invented) merger of Hưng Yên's unit into
    // Hải Phòng's, with the reason typed because the registry names no successor for it.
    await tap(page, 'Kết thúc Sở NN&MT Hưng Yên');
    await screenshot(page, 'year-end-membership-tablet');
    await typeInto(page, 'Ngày kết thúc (ngày/tháng/năm)', `30/06/${next}`);
    await tap(page, 'Lý do khác');
    await typeInto(page, 'Lý do', 'Hợp nhất vào Sở NN&MT Hải Phòng');
    await tap(page, 'Kết thúc');
    await synced(page);
    const m = readJson(server.dataDir, 'cluster.json').memberships.find((x) => x.organization_id === 'org.sonnmt.33');
    assert.deepEqual(m.ended, { date: `${next}-06-30`, reason: 'Hợp nhất vào Sở NN&MT Hải Phòng' });
    assert.equal(m.end_year, next);
  });

  test('the year is closed, read-only, and reopened', async () => {
    await tap(page, 'Bảng tiêu chí chấm điểm');
    await screenshot(page, 'year-criteria-tablet');
    assert.ok(await has(page, 'Nội dung tiêu chí I'), 'an open year offers its criteria table for editing');
    // Reorder: I.2 moves up, in the file on the server.
    await tap(page, 'Lên I.2');
    await synced(page);
    const crits = readJson(server.dataDir, `years/${next}/year.json`).criteria;
    assert.ok(crits.find((c) => c.code === 'I.2').order < crits.find((c) => c.code === 'I.1').order);
    await tap(page, 'Kết thúc năm');
    await synced(page);
    assert.equal(readJson(server.dataDir, `years/${next}/year.json`).year.status, 'closed');
    assert.ok(await has(page, 'Mở lại năm'));
    assert.ok(!(await has(page, 'Nội dung tiêu chí I')), 'no criteria editing in a closed year');
    assert.ok(!(await has(page, 'Lên I.2')));
    await screenshot(page, 'year-closed-tablet');
    await tap(page, 'Mở lại năm');
    await synced(page);
    assert.equal(readJson(server.dataDir, `years/${next}/year.json`).year.status, 'active');
  });

  test('a unit sees only its own, the viewer nothing to edit and no private contacts', async () => {
    const u = await openAs(browser, server, unit);
    let s = await state(u);
    assert.equal(s.who.label, 'Sở TN&MT Bắc Ninh · đơn vị thành viên');
    // No self-assessment phase is open: a unit may write nothing, so no edit mode is offered.
    assert.equal(s.who.may_edit, false);
    assert.ok(!(await has(u, 'Chỉnh sửa')));
    await u.context().close();

    const v = await openAs(browser, server, viewer, sizes.projector);
    s = await state(v);
    assert.equal(s.who.label, 'Chỉ xem');
    assert.ok(!(await has(v, 'Chỉnh sửa')));
    await v.goto(`${server.url}#/members/org.sotnmt.27`);
    await waitReady(v);
    await settle(v);
    assert.equal((await state(v)).selected.member, 'org.sotnmt.27');
    assert.ok(!(await has(v, 'Hiện liên hệ riêng tư')), 'a viewer is never offered private contacts');
    await v.context().close();
  });

  test('a write the server refuses says why and is discarded with one tap', async () => {
    // A server that does not say who the token is: the app offers editing, the server refuses a unit's write.
    const u = await openAs(browser, server, unit, sizes.tablet, { blockWhoami: true });
    const file = 'meetings/mtg.cum1.2021-03-25.giao-uoc.json';
    const before = readFileSync(path.join(server.dataDir, file), 'utf8');
    await tap(u, 'Chỉnh sửa');
    await tap(u, 'Hội nghị');
    const link = await u.evaluate(() => window.thidua.items().find((i) => i.visible && i.label.startsWith('Hội nghị ký giao ước thi đua Sở TN&MT')));
    await tapAt(u, link.x + link.w / 2, link.y + link.h / 2);
    await settle(u);
    await tap(u, 'Địa điểm');
    await u.keyboard.press('End');
    await u.keyboard.type(' (sửa)');
    await u.keyboard.press('Enter');
    await waitSync(u, () => window.thidua.state().sync.problems > 0);
    const chip = await u.evaluate(() => window.thidua.items().find((i) => i.visible && /^Lỗi đồng bộ/.test(i.label)));
    assert.ok(chip, 'the status chip says there is a problem');
    await tapAt(u, chip.x + chip.w / 2, chip.y + chip.h / 2);
    await settle(u);
    await screenshot(u, 'year-refused-write-tablet');
    await tap(u, 'Bỏ thay đổi này');
    const s = await waitSync(u, () => {
      const sync = window.thidua.state().sync;
      return sync.pending === 0 && sync.problems === 0;
    });
    assert.equal(s.sync.pending, 0);
    assert.equal(readFileSync(path.join(server.dataDir, file), 'utf8'), before, 'the file on the server is unchanged');
    // After a reload the discarded edit is gone for good.
    await u.reload();
    await waitReady(u);
    await settle(u);
    assert.equal((await state(u)).sync.pending, 0);
    await u.context().close();
  });

  test('screenshots of the year forms at phone and projector sizes', async () => {
    for (const [name, size] of [['phone', sizes.phone], ['projector', sizes.projector]]) {
      const p = await openAs(browser, server, secretariat, size);
      await openYearScreen(p);
      await screenshot(p, `year-screen-${name}`);
      const end = await p.evaluate(() => window.thidua.items().find((i) => i.visible && i.label.startsWith('Kết thúc Sở')));
      assert.ok(end, 'a membership to end is on screen');
      await tap(p, end.label);
      await screenshot(p, `year-end-membership-${name}`);
      await scrollTo(p, 'Huỷ');
      await tap(p, 'Huỷ');
      await scrollTo(p, `Mở năm ${next + 1}`);
      await tap(p, `Mở năm ${next + 1}`);
      await screenshot(p, `year-open-form-${name}`);
      await p.mouse.wheel(0, -5000); // back to the top of the form, where "Huỷ" is
      await settle(p);
      await tap(p, 'Huỷ');
      await p.context().close();
    }
  });
});
