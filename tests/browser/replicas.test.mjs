// Two replicas of `thidua serve` on one S3 bucket (a throw-away Ceph RGW, tests/s3/rgw.sh) behind a small failover
// proxy: the app syncs edits through the proxy; one replica is killed with SIGKILL while a write of the app is on
// its way to it; the app keeps syncing through the other, and every edit is in the bucket (read with an S3 client,
// not through the servers) and in the audit.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { issueToken, launchBrowser, root, sizes, startServer, thiduaCli, waitReady } from './harness.mjs';
import { appendToMeetingField, MEETING_FILE, waitSync } from './flows.mjs';

const SAMPLE = path.join(root, 'assets', 'data', 'cum1'); // the sample, named in one place
const haveRgw = spawnSync('sh', ['-c', 'command -v radosgw']).status === 0;

// Forwards every request to the first replica still alive; a replica that refuses or drops a connection is marked
// dead and the request goes to the next one (a repeated PUT is harmless: every write carries If-Match).
// onForward(i, method) runs right after a request was sent to replica i.
function startFailoverProxy(ports, onForward) {
  const alive = ports.map(() => true);
  const served = ports.map(() => 0);
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const attempt = () => {
        const i = alive.findIndex((a) => a);
        if (i < 0) { res.writeHead(502); res.end('no replica is alive\n'); return; }
        const up = http.request({ host: '127.0.0.1', port: ports[i], method: req.method, path: req.url,
          headers: req.headers, agent: false }, (answer) => {
          served[i] += 1;
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        });
        up.on('error', () => { alive[i] = false; attempt(); });
        up.end(body);
        onForward(i, req.method);
      };
      attempt();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}/`, alive, served,
      close: () => { server.close(); server.closeAllConnections(); } })));
}

// A data file as the bucket holds it, read with curl's own SigV4 (any S3 tool can read the bucket).
function readFromBucket(env, bucketPath) {
  return execFileSync('curl', ['-sf', '--aws-sigv4', 'aws:amz:us-east-1:s3', '--user',
    `${env.AWS_ACCESS_KEY_ID}:${env.AWS_SECRET_ACCESS_KEY}`, '-H', 'x-amz-content-sha256: UNSIGNED-PAYLOAD',
    `${env.THIDUA_S3_ENDPOINT}/${bucketPath}`]).toString();
}

describe('two replicas on one bucket', { skip: haveRgw ? false : 'radosgw is not installed (scripts/setup installs it)' }, () => {
  let rgwDir, env, location, tokensFile, token, admin, replicas = [], proxy, browser;
  // The daemons are stopped by their PIDs after the test, and also when this process exits early; a fixed folder
  // under build/ lets the next run's start stop what a killed run left there.
  const stopRgw = () => {
    if (rgwDir) execFileSync(path.join(root, 'tests', 's3', 'rgw.sh'), ['stop', rgwDir]);
    rgwDir = null;
  };
  before(async () => {
    rgwDir = path.join(root, 'build', 'rgw-browser');
    process.on('exit', stopRgw);
    execFileSync(path.join(root, 'tests', 's3', 'rgw.sh'), ['start', rgwDir], { stdio: ['ignore', 'ignore', 'inherit'] });
    env = Object.fromEntries(readFileSync(path.join(rgwDir, 'env'), 'utf8').trim().split('\n').map((l) => l.split('=')));
    Object.assign(process.env, env); // the replicas and thidua migrate take the keys from the environment
    location = `s3://thidua-browser/replicas-${process.pid}`;
    execFileSync(thiduaCli, ['migrate', SAMPLE, location, '--s3-endpoint', env.THIDUA_S3_ENDPOINT]);
    tokensFile = path.join(mkdtempSync(path.join(tmpdir(), 'thidua-tok-')), 'tokens.json');
    token = issueToken(tokensFile, 'secretariat', 'Văn phòng Cụm');
    admin = issueToken(tokensFile, 'admin', 'Quản trị');
    for (let i = 0; i < 2; i++)
      replicas.push(await startServer({ dataDir: location,
        args: ['--s3-endpoint', env.THIDUA_S3_ENDPOINT, '--tokens', tokensFile] }));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close().catch(() => {});
    proxy?.close();
    for (const r of replicas) // the killed one has exited already
      if (r.proc.exitCode === null && r.proc.signalCode === null) await r.stop({ keepData: true });
    stopRgw();
  });

  test('kill -9 of one replica mid-sync: the app keeps syncing through the other and no edit is lost', async () => {
    let armed = false;
    proxy = await startFailoverProxy(replicas.map((r) => r.port), (i, method) => {
      // The app's first write after arming reaches replica 0, which dies at once, before or after it commits it.
      if (armed && method === 'PUT' && i === 0) {
        armed = false;
        replicas[0].proc.kill('SIGKILL');
      }
    });
    const context = await browser.newContext(sizes.tablet);
    const page = await context.newPage();
    await page.goto(`${proxy.url}?token=${token}`);
    await waitReady(page);
    await waitSync(page, () => window.thidua.state().sync.status === 'synced');
    const key = `thidua-browser/replicas-${process.pid}/${MEETING_FILE}`;
    const venue = JSON.parse(readFromBucket(env, key)).meeting.venue.name;
    const synced = () => waitSync(page, () => {
      const s = window.thidua.state().sync;
      return s.status === 'synced' && s.pending === 0;
    }, null, 60000);

    await appendToMeetingField(page, 'Địa điểm', ' · 1');
    await synced();
    assert.equal(proxy.served[1], 0, 'until the kill, replica 0 answers everything');
    armed = true;
    await appendToMeetingField(page, 'Địa điểm', ' · 2');
    await synced();
    assert.equal(proxy.alive[0], false, 'replica 0 was killed during the sync');
    const dead = replicas[0].proc;
    if (dead.exitCode === null && dead.signalCode === null) await new Promise((r) => dead.once('exit', r));
    assert.equal(dead.signalCode, 'SIGKILL');
    await appendToMeetingField(page, 'Địa điểm', ' · 3');
    await appendToMeetingField(page, 'Địa điểm', ' · 4');
    const s = await synced();
    assert.equal(s.sync.conflicts, 0);
    assert.ok(proxy.served[1] > 0, 'replica 1 took over');

    // The bucket holds every edit, in order; the surviving replica serves the same bytes.
    const expected = venue + ' · 1 · 2 · 3 · 4';
    const inBucket = readFromBucket(env, key);
    assert.equal(JSON.parse(inBucket).meeting.venue.name, expected);
    const served = await fetch(`${replicas[1].url}data/${MEETING_FILE}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(await served.text(), inBucket);
    // The audit, read through the survivor, ends with the app's writes of this file (at least one per synced edit
    // batch), each from the secretariat's token, the last one being the file as it is.
    const history = await (await fetch(`${replicas[1].url}api/history?path=${MEETING_FILE}`,
      { headers: { Authorization: `Bearer ${admin}` } })).json();
    const writes = history.versions.filter((v) => v.action === 'update');
    assert.ok(writes.length >= 3, JSON.stringify(history.versions.map((v) => v.action)));
    assert.ok(writes.every((v) => v.role === 'secretariat'));
    assert.equal(history.versions.at(-1).new_etag, served.headers.get('etag'));
    await context.close();
  });
});
