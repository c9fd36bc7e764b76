// The first visit (issue #13): on `thidua serve` the whole dataset comes in one request (api/snapshot, started by
// the page while the wasm compiles); on Apache (no snapshot, and none asked for) the app fetches datapackage.json
// and each file, a few at a time. Both end with the same data in the tablet's store, compared file by file, and
// each file's ETag is the one the server gives for that file. Few frames are drawn before ready; a retry after a
// failed load shows the loading box again.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findItem, issueToken, launchBrowser, root, sizes, startServer, state, tapAt, waitReady, webDir } from './harness.mjs';

const APACHE = '/usr/sbin/apache2';

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

// Apache as in tests/apache (httpd.conf.in + web.conf.in): the web build at the root, a copy of the sample data
// at data/, served on a free loopback port. Children run as www-data when started as root.
async function startApache() {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-apache-'));
  const run = path.join(dir, 'run');
  mkdirSync(run);
  cpSync(webDir, dir, { recursive: true, filter: (src) => !src.startsWith(path.join(webDir, 'data')) });
  cpSync(path.join(root, 'assets', 'data', 'cum1'), path.join(dir, 'data'), { recursive: true });
  let user = execFileSync('id', ['-un']).toString().trim();
  if (process.getuid() === 0) {
    user = 'www-data';
    const uid = Number(execFileSync('id', ['-u', user]).toString()), gid = Number(execFileSync('id', ['-g', user]).toString());
    execFileSync('chown', ['-R', `${uid}:${gid}`, path.join(dir, 'data'), run]);
    chownSync(dir, 0, 0);
  }
  execFileSync('chmod', ['755', dir]);
  const port = await freePort();
  const conf = (readFileSync(path.join(root, 'tests', 'apache', 'httpd.conf.in'), 'utf8') +
    readFileSync(path.join(root, 'tests', 'apache', 'web.conf.in'), 'utf8'))
    .replaceAll('@PORT@', String(port)).replaceAll('@ROOT@', dir).replaceAll('@RUN@', run)
    .replaceAll('@USER@', user).replaceAll('@GROUP@', user);
  const confFile = path.join(dir, 'httpd.conf');
  writeFileSync(confFile, conf);
  const started = spawnSync(APACHE, ['-f', confFile, '-k', 'start'], { encoding: 'utf8' });
  assert.equal(started.status, 0, started.stderr);
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url + 'data/datapackage.json')).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url, dataDir: path.join(dir, 'data'),
    async stop() {
      spawnSync(APACHE, ['-f', confFile, '-k', 'stop']);
      for (let i = 0; i < 100 && existsSync(path.join(run, 'httpd.pid')); i++) await new Promise((r) => setTimeout(r, 100));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Counts frames drawn (one clear of the WebGL canvas each) until the ready mark.
const COUNT_FRAMES = () => {
  window.__frames = 0;
  const clear = WebGL2RenderingContext.prototype.clear;
  WebGL2RenderingContext.prototype.clear = function (mask) { window.__frames++; return clear.call(this, mask); };
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    if (name === 'thidua-ready' && window.__framesAtReady === undefined) {
      window.__framesAtReady = window.__frames;
      window.__imguiFramesAtReady = window.thidua.frames(); // counted at the mark: the frames after it are not "before"
    }
    return mark(name, options);
  };
};

// Whether the page's loading box covers the canvas.
const overlayShown = (page) => page.evaluate(() => getComputedStyle(document.getElementById('overlay')).display !== 'none');

// A first visit in an empty profile: the data requests made before ready (and how many ran at once), the frames
// drawn before ready, and what the app stored (IndexedDB 'client', read back as {path: {etag, bytes}}).
async function firstVisit(browser, url) {
  const context = await browser.newContext(sizes.tablet);
  await context.addInitScript(COUNT_FRAMES);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  await page.goto(url);
  await waitReady(page);
  const loading = await page.evaluate(() => {
    const ready = performance.getEntriesByName('thidua-ready')[0].startTime;
    const data = performance.getEntriesByType('resource')
      .filter((e) => e.startTime < ready && /\/data\/|\/api\/snapshot/.test(e.name))
      .map((e) => ({ url: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
    let most = 0;
    for (const a of data) most = Math.max(most, data.filter((b) => b.start <= a.start && b.end > a.start).length);
    return { data, most, frames: window.__framesAtReady, thiduaFrames: window.__imguiFramesAtReady };
  });
  const stored = await page.waitForFunction(() => new Promise((resolve) => {
    const open = indexedDB.open('thidua', 1);
    open.onsuccess = () => {
      const get = open.result.transaction('kv', 'readonly').objectStore('kv').get('client');
      // The record (datasync::ClientToRecord): "thidua.client.2", a JSON line with the files' ETags and sizes, then
      // the files' bytes one after another.
      const synced = (v) => {
        const nl = v.indexOf(10), end = v.indexOf(10, nl + 1), text = new TextDecoder();
        if (text.decode(v.subarray(0, nl)) !== 'thidua.client.2') return null;
        const head = JSON.parse(text.decode(v.subarray(nl + 1, end)));
        const files = {};
        let at = end + 1;
        Object.keys(head.client.synced).forEach((p, i) => {
          files[p] = { etag: head.client.synced[p].etag, bytes: text.decode(v.subarray(at, at + head.sizes[i])) };
          at += head.sizes[i];
        });
        return at === v.length ? files : null;
      };
      get.onsuccess = () => resolve(get.result instanceof Uint8Array ? synced(get.result) : null);
      get.onerror = () => resolve(null);
    };
    open.onerror = () => resolve(null);
  }), null, { timeout: 20000 }).then((h) => h.jsonValue());
  const s = await page.evaluate(() => window.thidua.state());
  await context.close();
  return { ...loading, stored, state: s, errors: page.errors };
}

// What GET data/<path> gives (identity transfer), with the same token.
async function fetchFile(base, p, token = '') {
  const r = await fetch(base + 'data/' + p, { headers: token ? { Authorization: 'Bearer ' + token } : {} });
  return { etag: r.headers.get('ETag'), bytes: await r.text() };
}

// Leaves in this origin's IndexedDB what the previous version stored (one JSON string): every file as the server
// gives it to `token`, and one edit of an organisation's short name not yet sent (device `device`); with the page's
// "stored" flag set or not. The page must be on the origin already.
async function storeOldState(page, { token, paths, device, org, was, edited, flag }) {
  await page.evaluate(async ({ token, paths, device, org, was, edited, flag }) => {
    const synced = {};
    for (const p of paths) {
      const r = await fetch('data/' + p, { headers: { Authorization: 'Bearer ' + token } });
      synced[p] = { etag: r.headers.get('ETag'), bytes: await r.text() };
    }
    const op = { op_id: device + '-1', path: 'registry/organizations.json', kind: 'set', record_id: org, base_rev: 1,
      value: { short_name: edited }, old: { short_name: was }, parent: '', in_doubt: false };
    const record = JSON.stringify({ client: { device_id: device, next_op: 2, synced, rejected_etag: {}, outbox: [op],
      conflicts: [], epoch: '', generation: -1, manifest_etag: '' }, last_synced_ms: 0 });
    await new Promise((resolve, reject) => {
      const open = indexedDB.open('thidua', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('kv');
      open.onsuccess = () => {
        const tx = open.result.transaction('kv', 'readwrite');
        tx.objectStore('kv').put(record, 'client');
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });
    if (flag) localStorage.setItem('thidua-stored', '1');
    else localStorage.removeItem('thidua-stored');
  }, { token, paths, device, org, was, edited, flag });
}

describe('first visit', () => {
  // thidua serve with tokens: the secretariat sees every byte (as Apache serves it), a viewer not the private contacts.
  let server, apache, browser, tokensDir, secretariat, viewer;
  let fromServer, fromApache;
  const listed = JSON.parse(readFileSync(path.join(root, 'assets', 'data', 'cum1', 'datapackage.json'), 'utf8'))
    .resources.map((r) => r.path);
  before(async () => {
    browser = await launchBrowser();
    tokensDir = mkdtempSync(path.join(tmpdir(), 'thidua-tok-'));
    const tokens = path.join(tokensDir, 'tokens.json');
    secretariat = issueToken(tokens, 'secretariat', 'Văn phòng Cụm');
    viewer = issueToken(tokens, 'viewer', 'Màn chiếu');
    server = await startServer({ args: ['--tokens', tokens] });
    apache = await startApache();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await apache?.stop();
    if (tokensDir) rmSync(tokensDir, { recursive: true, force: true });
  });

  test('on thidua serve: one data request (the snapshot), few frames, every file stored with its own ETag', async () => {
    fromServer = await firstVisit(browser, `${server.url}?token=${secretariat}`);
    assert.deepEqual(fromServer.data.map((d) => d.url), ['/api/snapshot'], 'one data request before ready');
    assert.ok(fromServer.frames <= 5, `${fromServer.frames} frames drawn before ready`);
    assert.ok(fromServer.thiduaFrames <= 5, `${fromServer.thiduaFrames} ImGui frames before ready`);
    assert.equal(fromServer.state.load, 'ready');
    assert.equal(fromServer.state.counts.issues, 0);
    assert.deepEqual(fromServer.errors, []);
    assert.deepEqual(Object.keys(fromServer.stored).sort(), ['datapackage.json', ...listed].sort());
    for (const p of Object.keys(fromServer.stored)) {
      const got = await fetchFile(server.url, p, secretariat);
      assert.equal(fromServer.stored[p].bytes, got.bytes, p);
      assert.equal(fromServer.stored[p].etag, got.etag, p);
      assert.equal(got.bytes, readFileSync(path.join(server.dataDir, p), 'utf8'), p);
    }
  });

  test('on Apache: per-file requests, at most 6 at once; the same data as from thidua serve, file by file', async () => {
    fromApache = await firstVisit(browser, apache.url);
    const urls = fromApache.data.map((d) => d.url);
    assert.ok(!urls.includes('/api/snapshot'), 'no snapshot request: Apache\'s shell responses do not offer one');
    assert.deepEqual(urls.sort(), ['datapackage.json', ...listed].map((p) => '/data/' + p).sort());
    assert.ok(fromApache.most <= 6, `${fromApache.most} data requests at once`);
    assert.ok(fromApache.frames <= 5, `${fromApache.frames} frames drawn before ready`);
    assert.equal(fromApache.state.load, 'ready');
    assert.equal(fromApache.state.counts.issues, 0);
    for (const p of Object.keys(fromApache.stored)) {
      const got = await fetchFile(apache.url, p);
      assert.equal(fromApache.stored[p].etag, got.etag, p);
      assert.equal(fromApache.stored[p].bytes, got.bytes, p);
    }
    assert.ok(fromServer, 'the thidua serve visit ran first');
    assert.deepEqual(Object.keys(fromApache.stored).sort(), Object.keys(fromServer.stored).sort());
    for (const p of Object.keys(fromServer.stored)) assert.equal(fromApache.stored[p].bytes, fromServer.stored[p].bytes, p);
    assert.deepEqual(fromApache.state.counts, fromServer.state.counts);
  });

  test('a tablet whose data the previous version stored (one JSON string) opens it offline-first and sends its edit', async () => {
    // What the previous version left in IndexedDB: {"client": {...synced files, an edit in the outbox}, ...} as one
    // string, and the "stored" flag. The app must read it (no download), keep the edit, and send it.
    const context = await browser.newContext(sizes.tablet);
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (err) => page.errors.push(String(err)));
    await page.goto(server.url + 'manifest.webmanifest'); // this origin, without the app
    const edited = 'Bộ TN&MT (sửa trên bản cũ)';
    await storeOldState(page, { token: secretariat, paths: ['datapackage.json', ...listed], device: 'dold', org: 'org.monre',
      was: 'Bộ TN&MT', edited, flag: true });

    await page.goto(`${server.url}?token=${secretariat}`);
    await waitReady(page);
    const before = await page.evaluate(() => {
      const ready = performance.getEntriesByName('thidua-ready')[0].startTime;
      return performance.getEntriesByType('resource')
        .filter((e) => e.startTime < ready && /\/data\/|\/api\/snapshot/.test(e.name)).map((e) => e.name);
    });
    assert.deepEqual(before, [], 'the stored data is shown: nothing downloaded before ready');
    await page.waitForFunction(() => window.thidua.state().sync.status === 'synced' && window.thidua.state().sync.pending === 0,
      null, { timeout: 30000 });
    const onServer = await fetchFile(server.url, 'registry/organizations.json', secretariat);
    assert.ok(onServer.bytes.includes(edited), 'the edit the previous version kept reached the server');
    // The record is now written in this version's form (bytes), and still holds the edit's result.
    const kind = await page.waitForFunction(() => new Promise((resolve) => {
      const open = indexedDB.open('thidua', 1);
      open.onsuccess = () => {
        const get = open.result.transaction('kv', 'readonly').objectStore('kv').get('client');
        get.onsuccess = () => {
          const v = get.result;
          const text = v instanceof Uint8Array ? new TextDecoder().decode(v) : '';
          resolve(text.startsWith('thidua.client.2\n') && text.includes('(sửa trên bản cũ)') ? 'bytes' : null);
        };
      };
    }), null, { timeout: 20000 }).then((h) => h.jsonValue());
    assert.equal(kind, 'bytes');
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('a state stored without the page knowing (no "stored" flag) replaces the snapshot shown while the store opened; edits wait for it', async () => {
    // The rare case of the first visit's read-ahead: the page has no "stored" flag (cleared with the site's other
    // local data, say), so it asks for the snapshot, but IndexedDB still holds this tablet's state with an edit not yet
    // sent. The store is made slow here (its open answers 3 s late: an instrument of this test, the store itself is
    // the browser's) so that the snapshot is in first, as on a real first visit: the app shows it at once but held
    // (read-only: no "Chỉnh sửa"), then the stored state with its edit, which is sent.
    const context = await browser.newContext(sizes.tablet);
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (err) => page.errors.push(String(err)));
    await page.goto(server.url + 'manifest.webmanifest'); // this origin, without the app
    const edited = 'Sở NN&MT Phú Thọ (sửa, chưa gửi)';
    await storeOldState(page, { token: secretariat, paths: ['datapackage.json', ...listed], device: 'dheld', org: 'org.sonnmt.25',
      was: 'Sở NN&MT Phú Thọ', edited, flag: false });
    await page.addInitScript(() => {
      const open = IDBFactory.prototype.open;
      let first = true;
      IDBFactory.prototype.open = function (...args) {
        const request = open.apply(this, args);
        if (!first) return request;
        first = false; // the page's own open (web/index.html): its success is handed on 3 s late
        request.addEventListener('success', (event) => {
          event.stopImmediatePropagation();
          setTimeout(() => request.onsuccess && request.onsuccess(event), 3000);
        });
        return request;
      };
    });
    const visible = (label) => page.evaluate((l) => window.thidua.items().some((i) => i.visible && i.label === l), label);

    await page.goto(`${server.url}?token=${secretariat}`);
    await waitReady(page);
    const held = await state(page);
    assert.equal(held.load, 'ready');
    assert.equal(held.load_held, true, 'shown before the store answered');
    assert.equal(held.who.may_edit, false, 'no edit while held');
    assert.equal(await visible('Sở NN&MT Phú Thọ'), true, "the snapshot's data is on screen");
    assert.equal(await visible('Chỉnh sửa'), false, 'edit mode is not offered while held');
    const before = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /\/data\/|\/api\/snapshot/.test(e.name)).map((e) => new URL(e.name).pathname));
    assert.deepEqual(before, ['/api/snapshot'], 'the page asked for the snapshot (no flag)');

    await page.waitForFunction(() => !window.thidua.state().load_held, null, { timeout: 20000 });
    await page.waitForFunction((l) => window.thidua.items().some((i) => i.visible && i.label === l), edited, { timeout: 10000 });
    assert.equal(await visible('Sở NN&MT Phú Thọ'), false, "the stored state replaced the snapshot's");
    await findItem(page, 'Chỉnh sửa');
    await page.waitForFunction(() => window.thidua.state().sync.status === 'synced' && window.thidua.state().sync.pending === 0,
      null, { timeout: 30000 });
    const onServer = await fetchFile(server.url, 'registry/organizations.json', secretariat);
    assert.ok(onServer.bytes.includes(edited), 'the stored edit reached the server');
    // Committed again after the sync (the outbox is empty now), which sets the flag back: the next visit skips the snapshot.
    await page.waitForFunction(() => localStorage.getItem('thidua-stored') === '1', null, { timeout: 20000 });
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('a retry after a failed load shows the loading box again until the data is drawn', async () => {
    const context = await browser.newContext(sizes.tablet);
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (err) => page.errors.push(String(err)));
    // The first load fails (no snapshot, datapackage.json answers 503); the retry's datapackage.json is held until
    // the test has looked at the page, then goes to the server.
    let failing = true, release, held;
    const heldRequest = new Promise((resolve) => { held = resolve; });
    await page.route('**/api/snapshot', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.route('**/data/datapackage.json', async (route) => {
      if (failing) return route.fulfill({ status: 503, body: 'down' });
      held();
      await new Promise((resolve) => { release = resolve; });
      return route.continue();
    });
    await page.goto(`${server.url}?token=${secretariat}`);
    const retry = await findItem(page, 'Thử lại', 30000);
    assert.equal((await state(page)).load, 'failed');
    assert.equal(await overlayShown(page), false, 'the failed load is drawn by the app, with its retry button');
    failing = false;
    await tapAt(page, retry.x + retry.w / 2, retry.y + retry.h / 2);
    await heldRequest;
    assert.equal((await state(page)).load, 'loading');
    assert.equal(await overlayShown(page), true, 'the loading box covers the stale failed screen while the retry loads');
    release();
    await waitReady(page);
    assert.equal((await state(page)).load, 'ready');
    assert.equal(await overlayShown(page), false, 'the box is gone once the data is drawn');
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('a repeat visit restores the font atlas the first one kept; a damaged one is built again and replaced', async () => {
    const context = await browser.newContext(sizes.tablet);
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (err) => page.errors.push(String(err)));
    const marks = () => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    // The labels of the first screen with their places: the same fonts measure them the same. Taken once the screen
    // shows the sync settled, so that the status line says the same on every visit ("Đã đồng bộ lúc" and the time,
    // not "Dữ liệu trên máy" or "Đang đồng bộ…" on one visit and the synced line on another); its minute is left out.
    const layout = async () => {
      await page.waitForFunction(() => window.thidua.items().some((i) => i.visible && i.label.startsWith('Đã đồng bộ lúc')),
        null, { timeout: 30000 });
      return page.evaluate(() => window.thidua.items().filter((i) => i.visible)
        .map((i) => `${i.label.replace(/\b\d{1,2}:\d{2}\b/g, 'hh:mm')} ${i.x} ${i.y} ${i.w} ${i.h}`).sort());
    };
    const kept = () => page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('thidua', 1);
      open.onsuccess = () => {
        const get = open.result.transaction('kv', 'readonly').objectStore('kv').get('fonts');
        get.onsuccess = () => {
          const v = get.result;
          resolve(v instanceof Uint8Array ? { head: new TextDecoder().decode(v.subarray(0, v.indexOf(10))), size: v.length } : null);
        };
        get.onerror = () => resolve(null);
      };
      open.onerror = () => resolve(null);
    }));

    await page.goto(`${server.url}?token=${secretariat}`);
    await waitReady(page);
    assert.ok(!(await marks()).includes('thidua-fonts-kept'), 'a first visit builds its fonts');
    const first = await layout();
    // The data is committed to the store (else the next visit is a first one again, downloading and building).
    await page.waitForFunction(() => localStorage.getItem('thidua-stored') === '1', null, { timeout: 20000 });
    const record = await kept();
    assert.ok(record && /^thidua\.fonts\.1 imgui=\d+ .* scale=2\.0000 projector=0$/.test(record.head), JSON.stringify(record));
    assert.ok(record.size > 100000, `the atlas kept: ${record?.size} bytes`);

    await page.reload();
    await waitReady(page);
    assert.ok((await marks()).includes('thidua-fonts-kept'), 'the repeat visit restores the kept atlas');
    assert.deepEqual(await layout(), first, 'the first screen is laid out as with the fonts built');

    // A damaged record (cut short): the fonts are built as on a first visit, and a whole atlas is kept again.
    await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('thidua', 1);
      open.onsuccess = () => {
        const store = open.result.transaction('kv', 'readwrite').objectStore('kv');
        const get = store.get('fonts');
        get.onsuccess = () => { store.put(get.result.subarray(0, get.result.length - 1000).slice(), 'fonts').onsuccess = resolve; };
      };
    }));
    await page.reload();
    await waitReady(page);
    assert.ok(!(await marks()).includes('thidua-fonts-kept'), 'a damaged atlas is not used');
    assert.deepEqual(await layout(), first);
    const again = await page.waitForFunction(async (size) => {
      const v = await new Promise((resolve) => {
        const open = indexedDB.open('thidua', 1);
        open.onsuccess = () => {
          const get = open.result.transaction('kv', 'readonly').objectStore('kv').get('fonts');
          get.onsuccess = () => resolve(get.result);
        };
      });
      return v && v.length === size;
    }, record.size, { timeout: 20000 });
    assert.ok(await again.jsonValue());
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('with a viewer token: the snapshot carries what the viewer may see, stored with the viewer\'s ETags', async () => {
    const visit = await firstVisit(browser, `${server.url}?token=${viewer}`);
    assert.deepEqual(visit.data.map((d) => d.url), ['/api/snapshot']);
    const people = visit.stored['registry/people.json'];
    assert.ok(!people.bytes.includes('"private": true'), 'private contacts are left out for a viewer');
    assert.ok(fromServer.stored['registry/people.json'].bytes.includes('"private": true'), 'kept for the secretariat');
    for (const p of Object.keys(visit.stored)) {
      const got = await fetchFile(server.url, p, viewer);
      assert.equal(visit.stored[p].bytes, got.bytes, p);
      assert.equal(visit.stored[p].etag, got.etag, p);
    }
  });
});
