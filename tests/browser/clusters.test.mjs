// A deployment of several clusters in a real browser (issue #14): the start page lists the clusters each token
// opens (Vietnamese order, invented ones marked), a cluster opens at /c/<id>/ and switching is a tap, two clusters'
// offline data and outboxes stay apart in the browser (one IndexedDB database each), and the ministry's table
// shows every cluster's leader. Screenshots of the new screens at tablet, phone and projector sizes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  issueToken, launchBrowser, root, screenshot, settle, sizes, startServer, state, tap, thiduaCli, waitReady,
} from './harness.mjs';
import { appendToMeetingField, MEETING_FILE, waitServiceWorker, waitSync } from './flows.mjs';
import { execFileSync } from 'node:child_process';

// Every data file of one cluster folder (without the server's .thidua state): path -> bytes.
function files(dir) {
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      if (name === '.thidua') continue;
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function issue(tokensFile, role, name, clusters = []) {
  const args = ['token', 'issue', '--role', role, '--name', name, '--tokens', tokensFile];
  for (const c of clusters) args.push('--cluster', c);
  return execFileSync(thiduaCli, args).toString().split('\n')[0].trim();
}

// The start page's list as a person sees it: [{id, name, badge}] in the order shown.
async function listed(page) {
  await page.waitForSelector('#list a.cluster, #message:not([hidden])', { timeout: 30000 });
  return page.$$eval('#list a.cluster', (links) => links.map((a) => ({
    id: a.getAttribute('data-cluster'), name: a.querySelector('.name').textContent, badge: !!a.querySelector('.badge'),
  })));
}

describe('a deployment of several clusters', () => {
  let server, browser, tokens;
  before(async () => {
    browser = await launchBrowser();
    const dir = mkdtempSync(path.join(tmpdir(), 'thidua-dep-'));
    const file = path.join(dir, 'tokens.json');
    tokens = {
      ministry: issue(file, 'ministry', 'Vụ Thi đua – Khen thưởng'),
      admin: issue(file, 'admin', 'Quản trị', ['*']),
      secretariat1: issue(file, 'secretariat', 'Văn phòng Cụm I', ['cum1']),
      viewer: issue(file, 'viewer', 'Màn chiếu', ['khoi2', 'cum2']),
    };
    server = await startServer({ data: path.join(root, 'assets', 'data'), args: ['--tokens', file] });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the start page lists the clusters each token opens, in Vietnamese order, invented ones marked', async () => {
    const context = await browser.newContext({ ...sizes.tablet, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${server.url}?token=${tokens.ministry}`);
    const all = await listed(page);
    assert.deepEqual(all.map((c) => c.name), ['Cụm thi đua số I', 'Cụm thi đua số II (minh hoạ)',
      'Cụm thi đua số III (minh hoạ)', 'Khối thi đua số I (minh hoạ)', 'Khối thi đua số II (minh hoạ)']);
    assert.deepEqual(all.map((c) => c.badge), [true, true, true, true, true]); // Cluster I's figures are illustrative too
    assert.ok(await page.$('#open-ministry'), 'the ministry sees the link to its table');
    assert.ok(!page.url().includes('token='), 'the token leaves the address bar');
    await context.close();

    for (const [token, expected] of [[tokens.secretariat1, ['cum1']], [tokens.viewer, ['cum2', 'khoi2']]]) {
      const c = await browser.newContext({ ...sizes.tablet, locale: 'vi-VN' });
      const p = await c.newPage();
      await p.goto(`${server.url}?token=${token}`);
      assert.deepEqual((await listed(p)).map((x) => x.id), expected);
      assert.equal(await p.$('#open-ministry'), null, 'no table across clusters for a token of some clusters');
      await c.close();
    }
    const c = await browser.newContext({ ...sizes.tablet, locale: 'vi-VN' });
    const p = await c.newPage();
    await p.goto(server.url);
    await p.waitForSelector('#message:not([hidden])');
    assert.match(await p.textContent('#message'), /Cần đường dẫn truy cập có mã/);
    await c.close();

    for (const [name, size] of Object.entries({ tablet: sizes.tablet, phone: sizes.phone, projector: sizes.projector })) {
      const sc = await browser.newContext({ ...size, locale: 'vi-VN' });
      const sp = await sc.newPage();
      await sp.goto(`${server.url}?token=${tokens.ministry}`);
      await listed(sp);
      await sp.screenshot({ path: path.join(root, 'build', 'screenshots', `clusters-start-${name}.png`) });
      await sc.close();
    }
  });

  test('a cluster opens at its address, switching is a tap, and two clusters keep their offline data apart', async () => {
    const context = await browser.newContext({ ...sizes.tablet, locale: 'vi-VN' });
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (err) => page.errors.push(String(err)));
    await page.goto(`${server.url}?token=${tokens.admin}`);
    await listed(page);
    await page.click('a[data-cluster="cum1"]');
    await waitReady(page, 90000);
    let s = await state(page);
    assert.equal(new URL(page.url()).pathname, '/c/cum1/');
    assert.equal(s.cluster_address, 'cum1');
    assert.equal(s.cluster_name, 'Cụm thi đua số I – Bộ Tài nguyên và Môi trường');
    await waitSync(page, () => window.thidua.state().sync.status === 'synced', null, 60000);

    // An edit in Cluster I while its server is out of reach: it waits in Cluster I's outbox.
    const cum1Dir = path.join(server.dataDir, 'cum1');
    const cum2Before = files(path.join(server.dataDir, 'cum2'));
    // (on the context: the sync runs in a worker of the page)
    await context.route('**/c/cum1/data/**', (r) => r.abort());
    await context.route('**/c/cum1/api/**', (r) => r.abort());
    await appendToMeetingField(page, 'Địa điểm', ' (thử Cụm I)');
    await waitSync(page, () => window.thidua.state().sync.pending > 0, null, 30000);

    // Switching: "Các cụm, khối" back to the start page, then Cluster II in another tab of the same browser.
    const other = await context.newPage();
    await other.goto(`${server.url}`);
    await listed(other);
    await other.click('a[data-cluster="cum2"]');
    await waitReady(other, 90000);
    s = await waitSync(other, () => window.thidua.state().sync.status === 'synced', null, 60000);
    assert.equal(s.cluster_address, 'cum2');
    assert.equal(s.cluster_name, 'Cụm thi đua số II (minh hoạ)');
    assert.equal(s.sync.pending, 0, "Cluster I's waiting edit is not Cluster II's");
    assert.ok(s.edit !== undefined);
    // One IndexedDB database per cluster; Cluster I's edit is only in Cluster I's.
    const stores = await other.evaluate(async () => {
      const read = (name) => new Promise((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onsuccess = () => {
          const all = open.result.transaction('kv', 'readonly').objectStore('kv').getAll();
          all.onsuccess = () => resolve(all.result.map((v) => typeof v === 'string' ? v : new TextDecoder().decode(v)).join('\n'));
          all.onerror = () => reject(all.error);
        };
        open.onerror = () => reject(open.error);
      });
      const names = (await indexedDB.databases()).map((d) => d.name).sort();
      return { names, cum1: await read('thidua:cum1'), cum2: await read('thidua:cum2') };
    });
    assert.deepEqual(stores.names.filter((n) => n.startsWith('thidua')), ['thidua:cum1', 'thidua:cum2']);
    assert.ok(stores.cum1.includes('(thử Cụm I)'), "the edit is in Cluster I's store");
    assert.ok(!stores.cum2.includes('(thử Cụm I)'), "and not in Cluster II's");
    assert.ok(stores.cum2.includes('Cụm thi đua số II (minh hoạ)') && !stores.cum2.includes('Sở TN&MT Bắc Ninh'),
      "Cluster II's store holds Cluster II's data only");
    await screenshot(other, 'clusters-cum2-tablet');
    // The header's "Các cụm, khối" goes back to the start page.
    await tap(other, 'Các cụm, khối', { settle: false });
    await other.waitForURL((u) => new URL(u).pathname === '/', { timeout: 30000 });
    await listed(other);

    // Cluster I's server is back: its edit lands in Cluster I's folder, and Cluster II's folder never changed.
    await context.unroute('**/c/cum1/data/**');
    await context.unroute('**/c/cum1/api/**');
    await context.setOffline(true);
    await context.setOffline(false); // the 'online' event: sync now
    await waitSync(page, () => {
      const sync = window.thidua.state().sync;
      return sync.status === 'synced' && sync.pending === 0;
    }, null, 60000);
    const meeting = JSON.parse(readFileSync(path.join(cum1Dir, MEETING_FILE), 'utf8')).meeting;
    assert.ok(meeting.venue.name.endsWith(' (thử Cụm I)'), meeting.venue.name);
    assert.deepEqual(files(path.join(server.dataDir, 'cum2')), cum2Before);
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test("a cluster's app reloads offline from its own service worker and store", async () => {
    const context = await browser.newContext({ ...sizes.tablet, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${server.url}c/khoi1/?token=${tokens.admin}`);
    await waitReady(page, 90000);
    await waitServiceWorker(page);
    await waitSync(page, () => window.thidua.state().sync.status === 'synced', null, 60000);
    const worker = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return { scope: new URL(reg.scope).pathname, caches: await caches.keys() };
    });
    assert.equal(worker.scope, '/c/khoi1/');
    assert.ok(worker.caches.some((k) => k.startsWith('thidua-shell-/c/khoi1/-')), worker.caches.join(', '));
    await context.setOffline(true);
    await page.reload();
    await waitReady(page, 90000);
    const s = await state(page);
    assert.equal(s.cluster_address, 'khoi1');
    assert.equal(s.cluster_name, 'Khối thi đua số I (minh hoạ)');
    await context.close();
  });

  test("the ministry's table shows every cluster's leader and the 20 % line", async () => {
    const expected = await (await fetch(`${server.url}api/ministry?year=2024`,
      { headers: { Authorization: `Bearer ${tokens.ministry}` } })).json();
    for (const [name, size] of Object.entries({ tablet: sizes.tablet, phone: sizes.phone, projector: sizes.projector })) {
      const context = await browser.newContext({ ...size, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(`${server.url}?token=${tokens.ministry}`);
      await listed(page);
      await page.click('#open-ministry');
      await waitReady(page, 90000);
      await page.waitForFunction(() => window.thidua.state().ministry.status === 'ready', null, { timeout: 60000 });
      let s = await state(page);
      assert.equal(s.screen, 'ministry');
      assert.equal(s.ministry.year, 2026, 'the latest year first');
      await tap(page, '2024');
      await page.waitForFunction(() => window.thidua.state().ministry.year === 2024 &&
        window.thidua.state().ministry.status === 'ready', null, { timeout: 60000 });
      s = await state(page);
      assert.equal(s.ministry.leaders, 5);
      assert.equal(s.ministry.quota, 1, '20 % of 5 leaders');
      assert.equal(s.ministry.rows[0].cluster, 'Cụm thi đua số I');
      assert.equal(s.ministry.rows[0].leader, 'Sở TN&MT Hải Dương'); // 9 of 10 votes in the honour ballot
      assert.equal(s.ministry.rows[0].forward, true);
      assert.deepEqual(s.ministry.rows.map((r) => r.leader), expected.rows.map((r) => r.leader_name));
      assert.equal(s.ministry.rows.filter((r) => r.forward).length, 1);
      await settle(page);
      await screenshot(page, `clusters-ministry-${name}`);
      if (name === 'tablet') {
        // The council's paper copy: an .xlsx of the same table.
        const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'Tải bảng (Excel)')]);
        assert.equal(download.suggestedFilename(), 'bang-tong-hop-cac-cum-khoi-2024.xlsx');
        const bytes = readFileSync(await download.path());
        assert.equal(bytes.subarray(0, 2).toString(), 'PK');
      }
      await context.close();
    }
  });
});
