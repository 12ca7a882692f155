// Serving dist/ with scripts/serve.mjs behaves like production: every response carries the
// security headers, hashed files are cached for a year and the entry points are revalidated, the
// right MIME types, and the precompressed copies for browsers that take them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDist, listFiles, startServer } from './helpers.mjs';
import { securityHeaders } from '../../scripts/serve.mjs';

const BASE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
// The shipped configuration lets the example host page (examples/embed-host.html, served on
// 127.0.0.1:8081) embed the tool: its origins follow 'self'.
const shipped = JSON.parse(readFileSync(new URL('../../clinic/clinic.json', import.meta.url), 'utf8'));
const CSP = [BASE_CSP, ...shipped.embed.allowedOrigins].join(' ');

let dist;
let srv;
before(async () => {
  dist = await buildDist();
  srv = await startServer(dist.out);
});
after(() => srv?.close());

function get(origin, path, { method = 'GET', headers = {} } = {}) {
  return new Promise((done, fail) => {
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

function assertSecurity(res, what, csp = CSP) {
  assert.equal(res.headers['content-security-policy'], csp, `${what}: CSP`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(res.headers['referrer-policy'], 'no-referrer', `${what}: Referrer-Policy`);
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'accelerometer', 'gyroscope']) {
    assert.match(res.headers['permissions-policy'], new RegExp(`(^|, )${feature}=\\(\\)`), `${what}: Permissions-Policy ${feature}`);
  }
}

test('every response of the server carries the security headers (files, the root, 404, 405, dotfiles)', async () => {
  const paths = ['/', ...listFiles(dist.out).map((f) => `/${f}`), '/missing.js', '/.git/config', '/%E0%A4%A'];
  assert.ok(paths.length > 60);
  for (const path of paths) {
    for (const encoding of ['', 'gzip', 'br, gzip']) {
      const res = await get(srv.origin, path, { headers: encoding ? { 'Accept-Encoding': encoding } : {} });
      assertSecurity(res, `${path} (${encoding || 'identity'})`);
    }
  }
  const post = await get(srv.origin, '/index.html', { method: 'POST' });
  assert.equal(post.status, 405);
  assertSecurity(post, 'POST');
  assert.equal((await get(srv.origin, '/.git/config')).status, 404);
  assert.equal(securityHeaders['X-Content-Type-Options'], 'nosniff');
});

test('hashed files are cached for a year; index.html, sw.js and the other entry points are revalidated', async () => {
  for (const f of listFiles(dist.out).filter((x) => !/\.(gz|br)$/.test(x))) {
    const res = await get(srv.origin, `/${f}`);
    assert.equal(res.status, 200, f);
    const hashed = /\.[0-9a-f]{10}\.[a-z0-9]+$/.test(f);
    assert.equal(res.headers['cache-control'], hashed ? 'public, max-age=31536000, immutable' : 'no-cache', f);
  }
  for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/clinic.json', '/embed.js']) {
    assert.equal((await get(srv.origin, path)).headers['cache-control'], 'no-cache', path);
  }
});

test('MIME types: wasm, JavaScript modules, the manifest', async () => {
  const files = listFiles(dist.out);
  const type = async (re) => (await get(srv.origin, `/${files.find((f) => re.test(f))}`)).headers['content-type'];
  assert.equal(await type(/\.wasm$/), 'application/wasm');
  assert.equal(await type(/^engine\/.*\.mjs$/), 'text/javascript; charset=utf-8');
  assert.equal(await type(/^js\/app\..*\.js$/), 'text/javascript; charset=utf-8');
  assert.equal(await type(/^manifest\.webmanifest$/), 'application/manifest+json');
  assert.equal(await type(/^css\/app\./), 'text/css; charset=utf-8');
});

test('the precompressed copy is sent to a browser that accepts it, the original otherwise', async () => {
  const wasm = listFiles(dist.out).find((f) => f.endsWith('.wasm'));
  const original = readFileSync(join(dist.out, wasm));
  const br = await get(srv.origin, `/${wasm}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.ok(br.body.equals(readFileSync(join(dist.out, `${wasm}.br`))));
  assert.ok(br.body.length < original.length / 1.5);
  const gz = await get(srv.origin, `/${wasm}`, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  const plain = await get(srv.origin, `/${wasm}`);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.ok(plain.body.equals(original));
});

test('frame-ancestors comes from the clinic configuration', async () => {
  const harbour = await buildDist({ clinic: 'clinic/samples/harbour-physio.json' });
  const other = await startServer(harbour.out);
  try {
    const res = await get(other.origin, '/');
    assertSecurity(res, 'harbour', BASE_CSP.replace("frame-ancestors 'self'", "frame-ancestors 'self' https://www.harbour-physio.example https://harbour-physio.example"));
    assert.equal(res.headers['content-security-policy'], harbour.csp);
  } finally {
    await other.close();
  }
});
