// Turns the assembled site (build/site) into dist/: one self-contained static folder.
//   1. applies the clinic configuration (clinic.json, clinic.css — merged into app.css — logo,
//      icons, manifest);
//   2. takes screenshots of the page for the install dialog (when Chromium is there);
//   3. gives every asset a content-hashed name (app.3f2a9c81d0.js) and rewrites each reference to
//      it (HTML attributes, ES module imports, fetch() paths, among them the wasm's in engine.js,
//      CSS url(), the manifest); only the entry points keep their names;
//   4. writes the service worker's precache list (every file with its SRI hash; the cache version
//      is a hash of them all);
//   5. writes .gz (gzip -9) and .br (brotli) copies beside every compressible file;
//   6. checks that every reference resolves.
//
//   node scripts/dist/make-dist.mjs [--from build/site] [--out dist] [--clinic file] [--no-screenshots]
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, posix, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { clinicFile, contentSecurityPolicy, requireClinic, root } from './clinic.mjs';
import { applyClinic } from './site.mjs';

const run = promisify(execFile);

// Files that keep their names: what people and other sites link to, and what must be no-cache.
export const STABLE = new Set(['index.html', 'sw.js', 'manifest.webmanifest', 'embed.js', 'clinic.json', 'robots.txt', 'DEPLOY.md']);
// Files whose text is searched for references to other files.
const SCANNED = new Set(['.html', '.js', '.mjs', '.css', '.webmanifest']);
const SCANNED_NAMES = new Set(['clinic.json']);
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.wasm', '.txt', '.md']);
// Not part of the offline copy: only the install dialog shows the screenshots.
const NOT_PRECACHED = [/^sw\.js$/, /^DEPLOY\.md$/, /^img\/screenshot-/, /\.(gz|br)$/];
export const HASHED_NAME = /\.[0-9a-f]{10}\.[a-z0-9]+$/;

function listFiles(folder, base = folder) {
  const out = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else if (entry.isFile()) out.push(relative(base, full).split(sep).join('/'));
  }
  return out.sort();
}

const sha = (algorithm, data) => createHash(algorithm).update(data).digest();

// ---- references ------------------------------------------------------------------------------------

// A quoted site path ("/js/app.js", './dom.js', `/content/en.json`). Only path characters may sit
// between the quotes, so a quote elsewhere in minified code cannot throw the pairing off.
const LITERAL = /(["'`])((?:\/|\.\.?\/)?[\w.-]+(?:\/[\w.-]+)*)\1/g;
const CSS_URL = /url\(\s*([^'")\s]+)\s*\)/g;
const PATHLIKE = /^(?:\/|\.\.?\/)?[\w.-]+(?:\/[\w.-]+)*$/;

/** Where `spec`, written in `from`, points inside the site (a site-relative path), or null. */
function target(spec, from, files) {
  if (!PATHLIKE.test(spec) || !/\.[a-z0-9]+$/i.test(spec)) return null;
  const path = spec.startsWith('/') ? posix.normalize(spec.slice(1)) : posix.normalize(posix.join(posix.dirname(from), spec));
  return !path.startsWith('..') && files.has(path) ? path : null;
}

/** Every reference to a site file in `file`'s text: [{ start, end, spec, path }]. */
export function references(file, text, files) {
  const found = [];
  for (const m of text.matchAll(LITERAL)) {
    const spec = m[2];
    const path = target(spec, file, files);
    if (path && path !== file) found.push({ start: m.index + 1, end: m.index + 1 + spec.length, spec, path });
  }
  if (file.endsWith('.css')) {
    for (const m of text.matchAll(CSS_URL)) {
      const path = target(m[1], file, files);
      if (path) found.push({ start: m.index + m[0].indexOf(m[1]), end: m.index + m[0].indexOf(m[1]) + m[1].length, spec: m[1], path });
    }
  }
  return found;
}

function scanned(file) {
  return SCANNED.has(extname(file)) || SCANNED_NAMES.has(file);
}

/** Renames every non-stable file to name.<hash>.ext and rewrites the references. Returns the rename map. */
export function hashAssets(out) {
  const files = new Set(listFiles(out));
  const text = new Map();
  const refs = new Map();
  for (const file of files) {
    if (!scanned(file)) continue;
    const body = readFileSync(join(out, file), 'utf8');
    text.set(file, body);
    refs.set(file, references(file, body, files));
  }
  // A file's name hashes its own bytes and those of every file it reaches (imports of imports…),
  // so a change anywhere below gives every file above it a new name too (cycles included).
  const own = new Map([...files].map((f) => [f, sha('sha256', readFileSync(join(out, f))).toString('hex')]));
  const reach = (start) => {
    const seen = new Set([start]);
    const stack = [start];
    // A reference to an entry point (index.html, sw.js…) does not change with it: not followed.
    while (stack.length) for (const r of refs.get(stack.pop()) ?? []) if (!seen.has(r.path) && !STABLE.has(r.path)) seen.add(r.path) && stack.push(r.path);
    return [...seen].sort();
  };
  const renamed = new Map();
  for (const file of files) {
    if (STABLE.has(file)) continue;
    const digest = sha('sha256', reach(file).map((f) => `${f}\0${own.get(f)}\n`).join('')).toString('hex').slice(0, 10);
    const ext = extname(file);
    renamed.set(file, `${file.slice(0, -ext.length)}.${digest}${ext}`);
  }
  for (const [file, body] of text) {
    let next = '';
    let at = 0;
    for (const r of refs.get(file).sort((a, b) => a.start - b.start)) {
      if (!renamed.has(r.path)) continue;
      const newName = posix.basename(renamed.get(r.path));
      const spec = r.spec.slice(0, r.spec.length - posix.basename(r.spec).length) + newName;
      next += body.slice(at, r.start) + spec;
      at = r.end;
    }
    writeFileSync(join(out, file), next + body.slice(at));
  }
  for (const [from, to] of renamed) renameSync(join(out, from), join(out, to));
  return renamed;
}

// ---- index.html: the tags a deployment needs in <head> -------------------------------------------------

/** Adds what index.html lacks (manifest, theme colour, clinic colours, touch icon); returns what was added. */
export function completeHead(out, config) {
  const file = join(out, 'index.html');
  let html = readFileSync(file, 'utf8');
  const added = [];
  const add = (test, tag, after) => {
    if (test.test(html)) return;
    const anchor = after && after.exec(html);
    html = anchor ? html.replace(anchor[0], `${anchor[0]}\n  ${tag}`) : html.replace(/\s*<\/head>/, `\n  ${tag}\n</head>`);
    added.push(tag);
  };
  html = html.replace(/(<meta name="theme-color" content=")[^"]*(")/, `$1${config.colours.brand}$2`);
  add(/<meta name="theme-color"/, `<meta name="theme-color" content="${config.colours.brand}">`, /<meta name="viewport"[^>]*>/);
  add(/<link rel="stylesheet" href="\/css\/clinic\.css">/, '<link rel="stylesheet" href="/css/clinic.css">', /<link rel="stylesheet" href="\/css\/app\.css">/);
  add(/<link rel="manifest"/, '<link rel="manifest" href="/manifest.webmanifest">');
  add(/<link rel="apple-touch-icon"/, '<link rel="apple-touch-icon" href="/img/icon-192.png">');
  writeFileSync(file, html);
  return added;
}

/**
 * One render-blocking stylesheet instead of two: the clinic's custom properties go at the end of
 * css/app.css (so they win, as the separate file after it would) and index.html drops its link.
 */
export function mergeClinicCss(out) {
  const file = join(out, 'index.html');
  const html = readFileSync(file, 'utf8');
  const link = /\n?\s*<link rel="stylesheet" href="\/css\/clinic\.css">/;
  if (!link.test(html) || !/<link rel="stylesheet" href="\/css\/app\.css">/.test(html)) return false;
  writeFileSync(join(out, 'css/app.css'), `${readFileSync(join(out, 'css/app.css'), 'utf8').trimEnd()}\n\n${readFileSync(join(out, 'css/clinic.css'), 'utf8')}`);
  writeFileSync(file, html.replace(link, ''));
  rmSync(join(out, 'css/clinic.css'));
  return true;
}

// ---- screenshots for the install dialog ----------------------------------------------------------------

async function screenshots(out) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return 'playwright-core is not installed';
  }
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return `no Chromium at ${executablePath}`;
  const { serve } = await import('../serve.mjs');
  const server = await serve(out, 0);
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const shots = [];
  try {
    for (const [name, viewport, formFactor] of [['narrow', { width: 412, height: 823 }, 'narrow'], ['wide', { width: 1280, height: 800 }, 'wide']]) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.waitForSelector('html.is-ready', { timeout: 15000 });
      const src = `img/screenshot-${name}.png`;
      await page.screenshot({ path: join(out, src), animations: 'disabled', caret: 'hide' });
      shots.push({ src: `/${src}`, sizes: `${viewport.width}x${viewport.height}`, type: 'image/png', form_factor: formFactor, label: 'The start page of Hip Check' });
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
  const manifestFile = join(out, 'manifest.webmanifest');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.screenshots = shots;
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return null;
}

// ---- service worker precache list ------------------------------------------------------------------------

export function writePrecache(out) {
  const files = listFiles(out)
    .filter((f) => !NOT_PRECACHED.some((re) => re.test(f)))
    .map((f) => ({ url: `/${f}`, integrity: `sha384-${sha('sha384', readFileSync(join(out, f))).toString('base64')}` }));
  const version = sha('sha256', files.map((f) => `${f.url} ${f.integrity}\n`).join('')).toString('hex').slice(0, 12);
  const swFile = join(out, 'sw.js');
  const sw = readFileSync(swFile, 'utf8');
  const marker = /\/\* precache:start \*\/[\s\S]*?\/\* precache:end \*\//;
  if (!marker.test(sw)) throw new Error('sw.js has no /* precache:start */ … /* precache:end */ marker');
  writeFileSync(swFile, sw.replace(marker, () => `/* precache:start */ ${JSON.stringify({ version, files })} /* precache:end */`));
  return { version, count: files.length };
}

// ---- compression ---------------------------------------------------------------------------------------------

async function hasCommand(name) {
  try {
    await run('sh', ['-c', `command -v ${name}`]);
    return true;
  } catch {
    return false;
  }
}

export async function compress(out) {
  const targets = listFiles(out).filter((f) => COMPRESSIBLE.has(extname(f)));
  const brotli = await hasCommand('brotli');
  await Promise.all(
    targets.map(async (f) => {
      const full = join(out, f);
      await run('gzip', ['-9', '-n', '-k', '-f', full]);
      if (brotli) await run('brotli', ['-q', '11', '-k', '-f', full]);
      else writeFileSync(`${full}.br`, brotliCompressSync(readFileSync(full), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }));
    }),
  );
  return { count: targets.length, brotli: brotli ? 'brotli' : 'node:zlib' };
}

// ---- checking the result -----------------------------------------------------------------------------------------

/** Every reference in the dist's scanned files that does not resolve (should be empty). */
export function brokenReferences(out) {
  const files = new Set(listFiles(out));
  const broken = [];
  for (const file of files) {
    if (!scanned(file) || /\.(gz|br)$/.test(file)) continue;
    const body = readFileSync(join(out, file), 'utf8');
    // Anything that looks like a reference to an asset of ours must exist.
    for (const m of body.matchAll(LITERAL)) {
      const spec = m[2];
      if (!/^\/(?:js|css|img|engine|content)\/[\w./-]+\.[a-z0-9]+$/.test(spec) && !/^\.\.?\/[\w./-]+\.m?js$/.test(spec)) continue;
      if (!target(spec, file, files)) broken.push(`${file}: ${spec}`);
    }
  }
  return broken;
}

export async function makeDist({ from = join(root, 'build/site'), out = join(root, 'dist'), clinic = clinicFile(), screenshots: wantShots = true, log = console.log } = {}) {
  from = resolve(from);
  out = resolve(out);
  const { config } = requireClinic(clinic); // fails early, with every problem listed
  if (!existsSync(join(from, 'index.html'))) throw new Error(`${from} has no index.html: run scripts/build first`);
  rmSync(out, { recursive: true, force: true });
  cpSync(from, out, { recursive: true });
  for (const f of listFiles(out)) if (/\.(gz|br)$/.test(f)) rmSync(join(out, f));
  applyClinic(out, clinic);
  const added = completeHead(out, config);
  for (const tag of added) log(`dist: index.html lacked ${tag} (added; better to add it to web/index.html)`);
  mergeClinicCss(out);
  if (wantShots) {
    const skipped = await screenshots(out);
    if (skipped) log(`dist: no screenshots (${skipped})`);
  }
  const deploy = join(root, 'DEPLOY.md');
  if (existsSync(deploy)) cpSync(deploy, join(out, 'DEPLOY.md'));
  const renamed = hashAssets(out);
  const precache = writePrecache(out);
  const broken = brokenReferences(out);
  if (broken.length) throw new Error(`dist: references that do not resolve:\n${broken.map((b) => `  - ${b}`).join('\n')}`);
  const compressed = await compress(out);
  log(`dist: ${config.name}: ${renamed.size} files hashed, ${precache.count} precached (version ${precache.version}), ${compressed.count} compressed (gzip, ${compressed.brotli})`);
  return { config, out, version: precache.version, renamed, csp: contentSecurityPolicy(config) };
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--from') opts.from = argv[++i];
    else if (arg === '--out') opts.out = argv[++i];
    else if (arg === '--clinic') opts.clinic = resolve(argv[++i]);
    else if (arg === '--no-screenshots') opts.screenshots = false;
    else throw new Error(`unknown option ${arg}`);
  }
  return opts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { out, csp } = await makeDist(parseArgs(process.argv.slice(2)));
    console.log(`dist: ${out} is ready. Serve it with the headers in DEPLOY.md; its Content-Security-Policy:\n  ${csp}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
