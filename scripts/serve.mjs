// A small static server for the built site, with the headers production uses (DEPLOY.md):
// the security headers (frame-ancestors from the folder's clinic.json), a year's cache for
// content-hashed files and no-cache for the rest, and the .br/.gz copies when the browser takes them.
// usage: node scripts/serve.mjs [folder] [port]   (defaults: build/site 8080; 127.0.0.1 only)
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'build/site');
const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export const securityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy':
    'accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), encrypted-media=(), ' +
    'geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), ' +
    'picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), ' +
    'xr-spatial-tracking=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The security headers for a site folder: frame-ancestors lists the origins its clinic.json allows. */
export function securityHeadersFor(folder) {
  let origins = [];
  try {
    const clinic = JSON.parse(readFileSync(join(folder, 'clinic.json'), 'utf8'));
    origins = (clinic.embed?.allowedOrigins ?? []).filter((o) => /^https?:\/\/[\w.:[\]-]+$/.test(o));
  } catch {
    /* no clinic configuration: the page may only be framed by itself */
  }
  const csp = securityHeaders['Content-Security-Policy'].replace(/frame-ancestors [^;]*/, `frame-ancestors ${["'self'", ...origins].join(' ')}`);
  return { ...securityHeaders, 'Content-Security-Policy': csp };
}

// Files named name.<10 hex digits>.ext never change: the build gives changed content a new name.
const HASHED = /\.[0-9a-f]{10}\.[a-z0-9]+$/;

function cacheControl(file) {
  return HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function fileFor(folder, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (path.split('/').some((part) => part.startsWith('.'))) return null; // no dotfiles
  if (path.endsWith('/')) path += 'index.html';
  const full = normalize(join(folder, path));
  if (full !== folder && !full.startsWith(folder + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

export function serve(folder = root, listenPort = port) {
  folder = resolve(folder);
  const server = createServer((req, res) => {
    const file = fileFor(folder, req.url ?? '/');
    const headers = { ...securityHeadersFor(folder), 'Cache-Control': file ? cacheControl(file) : 'no-cache' };
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(file ? 405 : 404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(file ? 'Method not allowed' : 'Not found');
      return;
    }
    headers['Content-Type'] = types[extname(file)] ?? 'application/octet-stream';
    // Precompressed copies (dist/ has them), as nginx's brotli_static/gzip_static serve them.
    let body = file;
    const accepts = String(req.headers['accept-encoding'] ?? '');
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!new RegExp(`\\b${encoding}\\b`).test(accepts) || !existsSync(file + suffix)) continue;
      body = file + suffix;
      headers['Content-Encoding'] = encoding;
      break;
    }
    if (existsSync(`${file}.gz`) || existsSync(`${file}.br`)) headers.Vary = 'Accept-Encoding';
    headers['Content-Length'] = statSync(body).size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    createReadStream(body).pipe(res);
  });
  return new Promise((done) => server.listen(listenPort, '127.0.0.1', () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve(root, port);
  console.log(`Hip Check is running at http://127.0.0.1:${server.address().port}/ (Ctrl+C stops it)`);
}
