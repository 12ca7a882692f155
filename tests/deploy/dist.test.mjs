// npm run build writes one self-contained static folder: hashed names, compressed copies, every
// reference resolving, the service worker's precache list, DEPLOY.md, and the clinic's branding.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, writeFileSync, existsSync, statSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { buildDist, listFiles, root, site, tempDir } from './helpers.mjs';
import { brokenReferences, HASHED_NAME, STABLE } from '../../scripts/dist/make-dist.mjs';
import { contrast, LANGUAGES, loadClinic } from '../../scripts/dist/clinic.mjs';

const run = promisify(execFile);

let dist;
let files;
before(async () => {
  dist = await buildDist({ screenshots: true });
  files = listFiles(dist.out);
});

const originals = () => files.filter((f) => !/\.(gz|br)$/.test(f));
const read = (f) => readFileSync(join(dist.out, f), 'utf8');

describe('dist/', () => {
  test('every asset but the entry points has a content-hashed name', () => {
    for (const f of originals()) {
      if (STABLE.has(f)) assert.doesNotMatch(f, HASHED_NAME, f);
      else assert.match(f, HASHED_NAME, `${f} should have a hashed name`);
    }
    for (const kind of [/^js\/app\.[0-9a-f]{10}\.js$/, /^css\/app\.[0-9a-f]{10}\.css$/, /^engine\/hipcheck\.[0-9a-f]{10}\.wasm$/, /^engine\/hipcheck\.[0-9a-f]{10}\.mjs$/, /^content\/en\.[0-9a-f]{10}\.json$/]) {
      assert.equal(originals().filter((f) => kind.test(f)).length, 1, String(kind));
    }
    for (const f of ['index.html', 'sw.js', 'manifest.webmanifest', 'embed.js', 'clinic.json', 'DEPLOY.md']) assert.ok(files.includes(f), f);
  });

  test('a hashed name is the hash of the file and of everything it imports', () => {
    const app = originals().find((f) => /^js\/app\./.test(f));
    const wasm = originals().find((f) => /\.wasm$/.test(f));
    const engineJs = originals().find((f) => /^js\/engine\./.test(f));
    assert.ok(read(engineJs).includes(wasm.split('/').pop()), 'engine.js fetches the hashed wasm');
    // The site is minified, so imports may use either quote and no space.
    assert.match(read(app), /from\s*["']\.\/engine\.[0-9a-f]+\.js["']/, 'app.js imports the hashed engine.js');
    assert.doesNotMatch(read(app), /from\s*["']\.\/[\w-]+\.js["']/, 'no import of an unhashed module is left');
    assert.ok(read('index.html').includes(`/${app}`));
  });

  test('every reference in HTML, JS, CSS, the manifest and the service worker resolves', () => {
    assert.deepEqual(brokenReferences(dist.out), []);
    const html = read('index.html');
    for (const [, url] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
      if (url === '/' || url.startsWith('#')) continue;
      assert.ok(files.includes(url.replace(/^\//, '')), `index.html refers to ${url}`);
    }
    const manifest = JSON.parse(read('manifest.webmanifest'));
    for (const icon of [...manifest.icons, ...(manifest.screenshots ?? [])]) assert.ok(files.includes(icon.src.slice(1)), icon.src);
    const clinic = JSON.parse(read('clinic.json'));
    assert.ok(files.includes(clinic.logo.slice(1)), clinic.logo);
  });

  test('the service worker precaches every file of the site with its hash, under a version made from them', () => {
    const sw = read('sw.js');
    const list = JSON.parse(/\/\* precache:start \*\/ (.*) \/\* precache:end \*\//.exec(sw)[1]);
    const urls = list.files.map((f) => f.url.slice(1)).sort();
    const expected = originals().filter((f) => !['sw.js', 'DEPLOY.md'].includes(f) && !f.startsWith('img/screenshot-')).sort();
    assert.deepEqual(urls, expected);
    for (const must of [/\.wasm$/, /^content\//, /^index\.html$/, /^css\//, /^img\/icon-512\./, /^manifest\.webmanifest$/]) assert.ok(urls.some((u) => must.test(u)), String(must));
    for (const { url, integrity } of list.files) {
      const digest = createHash('sha384').update(readFileSync(join(dist.out, url))).digest('base64');
      assert.equal(integrity, `sha384-${digest}`, url);
    }
    assert.match(list.version, /^[0-9a-f]{12}$/);
  });

  test('every language has its bundle, in the precache list, under the name the page asks for', () => {
    const listed = [...readFileSync(join(root, 'web/js/locale.js'), 'utf8').matchAll(/^ {2}([a-z]+): \{ url: '\/content\/\1\.json'/gm)].map((m) => m[1]);
    assert.deepEqual(listed, LANGUAGES, 'web/js/locale.js and scripts/dist/clinic.mjs list the same languages');
    const sw = read('sw.js');
    const precached = JSON.parse(/\/\* precache:start \*\/ (.*) \/\* precache:end \*\//.exec(sw)[1]).files.map((f) => f.url);
    const localeJs = read(originals().find((f) => /^js\/locale\.[0-9a-f]{10}\.js$/.test(f)));
    for (const language of LANGUAGES) {
      const bundle = originals().find((f) => new RegExp(`^content/${language}\\.[0-9a-f]{10}\\.json$`).test(f));
      assert.ok(bundle, `content/${language}.json is in dist`);
      assert.ok(precached.includes(`/${bundle}`), `${bundle} is precached`);
      assert.ok(localeJs.includes(`/${bundle}`), `locale.js asks for ${bundle}`);
      assert.equal(JSON.parse(read(bundle)).meta.locale, language);
    }
  });

  test('every compressible file has .gz and .br copies that unpack to it', () => {
    const compressible = originals().filter((f) => /\.(html|m?js|css|json|webmanifest|svg|wasm|md)$/.test(f));
    assert.ok(compressible.length > 20);
    for (const f of compressible) {
      const original = readFileSync(join(dist.out, f));
      assert.ok(gunzipSync(readFileSync(join(dist.out, `${f}.gz`))).equals(original), `${f}.gz`);
      assert.ok(brotliDecompressSync(readFileSync(join(dist.out, `${f}.br`))).equals(original), `${f}.br`);
    }
    assert.ok(!files.some((f) => /\.png\.(gz|br)$/.test(f)), 'PNGs are not compressed again');
  });

  test('the manifest makes the app installable: name, start_url, scope, colours, 192 and 512 px icons (any and maskable), screenshots', () => {
    const m = JSON.parse(read('manifest.webmanifest'));
    assert.equal(m.name, 'Hip Check');
    assert.equal(m.start_url, '/');
    assert.equal(m.scope, '/');
    assert.equal(m.display, 'standalone');
    assert.equal(m.theme_color, '#005eb8');
    assert.ok(m.description.length > 20);
    for (const purpose of ['any', 'maskable']) {
      for (const size of ['192x192', '512x512']) {
        const icon = m.icons.find((i) => i.purpose === purpose && i.sizes === size && i.type === 'image/png');
        assert.ok(icon, `${purpose} ${size}`);
        const png = readFileSync(join(dist.out, icon.src));
        assert.equal(png.subarray(1, 4).toString(), 'PNG');
        assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, size);
      }
    }
    assert.deepEqual(m.screenshots.map((s) => s.form_factor).sort(), ['narrow', 'wide']);
  });

  test('DEPLOY.md is in the folder, with nginx and Apache configurations', () => {
    const md = read('DEPLOY.md');
    assert.equal(md, readFileSync(join(root, 'DEPLOY.md'), 'utf8'));
    for (const must of ['application/wasm', 'immutable', 'no-cache', 'Content-Security-Policy', 'server {', '<VirtualHost', 'brotli_static', 'frame-ancestors']) {
      assert.ok(md.includes(must), must);
    }
  });

  test('index.html links the manifest, the clinic colours, the theme colour, and has no inline script or style', () => {
    const html = read('index.html');
    assert.match(html, /<link rel="manifest" href="\/manifest\.webmanifest">/);
    // The clinic's colours are at the end of the one stylesheet (no second render-blocking request).
    const css = read(/href="\/(css\/app\.[0-9a-f]{10}\.css)"/.exec(html)[1]);
    assert.match(css, /@media \(prefers-color-scheme: light\) \{\n  :root \{\n    --brand: #005eb8;[\s\S]*\}\n\}\n$/);
    assert.doesNotMatch(html, /clinic\.css/);
    assert.match(html, /<meta name="theme-color" content="#005eb8">/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
    assert.doesNotMatch(html, /<style|\sstyle=/);
  });

  test('building the same site twice gives the same names and the same service worker version', async () => {
    const again = await buildDist();
    assert.equal(again.version, (await buildDist()).version);
    assert.deepEqual([...again.renamed.values()].filter((f) => !f.startsWith('img/screenshot-')).sort(),
      [...dist.renamed.values()].filter((f) => !f.startsWith('img/screenshot-')).sort());
  });
});

describe('clinic configuration', () => {
  test('the second sample builds, with its name, colours, booking, emergency number and embedding origins', async () => {
    const built = await buildDist({ clinic: 'clinic/samples/harbour-physio.json' });
    const out = built.out;
    const clinic = JSON.parse(readFileSync(join(out, 'clinic.json'), 'utf8'));
    assert.equal(clinic.name, 'Harbour Physio');
    assert.deepEqual(clinic.booking, { url: 'https://booking.harbour-physio.example/hip', phone: '+61 2 5550 1234', phoneHref: 'tel:+61255501234', show: ['urgent', 'soon', 'selfcare'] });
    assert.deepEqual(clinic.emergency, { number: '000', country: 'AU', href: 'tel:000' });
    // The country's urgent-care service, from the build's defaults for AU.
    assert.deepEqual(clinic.urgentCare, { name: { en: 'healthdirect', es: 'healthdirect' }, phone: '1800 022 222', url: 'https://www.healthdirect.gov.au', phoneHref: 'tel:1800022222' });
    assert.deepEqual(clinic.embed.allowedOrigins, ['https://www.harbour-physio.example', 'https://harbour-physio.example']);
    const css = readFileSync(join(out, listFiles(out).find((f) => /^css\/app\.[0-9a-f]+\.css$/.test(f))), 'utf8');
    assert.match(css, /--brand: #0b5563;/);
    assert.match(css, /--button: #9c3d10;/);
    // Hover, progress and care cards in the clinic's colours; dark mode with its dark colours.
    assert.match(css, /--button-hover: #7d310d;/);
    assert.match(css, /--care-selfcare: #9c3d10;/);
    const dark = css.slice(css.lastIndexOf('@media (prefers-color-scheme: dark)'));
    assert.match(dark, /--button: #c4531a;/);
    assert.match(dark, /--link: #7fd1de;/);
    assert.match(dark, /--brand: #0b5563;/);
    assert.doesNotMatch(css.slice(css.indexOf('Generated by scripts/dist')), /url\(|@import/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.webmanifest'), 'utf8'));
    assert.equal(manifest.name, 'Hip Check · Harbour Physio');
    assert.equal(manifest.short_name, 'Harbour');
    assert.equal(manifest.theme_color, '#0b5563');
    assert.match(built.csp, /frame-ancestors 'self' https:\/\/www\.harbour-physio\.example https:\/\/harbour-physio\.example$/);
    const logo = readFileSync(join(out, clinic.logo), 'utf8');
    assert.equal(logo, readFileSync(join(root, 'clinic/samples/harbour-physio.svg'), 'utf8'));
    assert.notEqual(built.version, dist.version, 'another clinic is another version');
  });

  test('a configuration whose colours fail WCAG AA contrast is rejected with a clear message and exit 1', async () => {
    const dir = tempDir();
    const bad = JSON.parse(readFileSync(join(root, 'clinic/samples/harbour-physio.json'), 'utf8'));
    bad.colours.brand = '#7fc8f8'; // white header text on light blue: 1.9:1
    bad.colours.link = '#9a9a9a'; // grey links: 2.8:1 on white
    copyFileSync(join(root, 'clinic/samples/harbour-physio.svg'), join(dir, 'harbour-physio.svg'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const out = join(dir, 'dist');
    const failed = await run('node', [join(root, 'scripts/dist/make-dist.mjs'), '--from', site, '--out', out, '--clinic', join(dir, 'bad.json'), '--no-screenshots']).then(
      () => null,
      (error) => error,
    );
    assert.ok(failed, 'the build must fail');
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /clinic configuration .*bad\.json is not valid:/);
    assert.match(failed.stderr, /colours\.brandText #ffffff on colours\.brand #7fc8f8 has contrast 1\.\d\d:1, below the 4\.5:1 WCAG AA needs for header text on the brand colour/);
    assert.match(failed.stderr, /colours\.link #9a9a9a on colours\.surface #ffffff has contrast 2\.\d\d:1, below the 4\.5:1/);
    assert.match(failed.stderr, /colours\.brand #7fc8f8 on colours\.background #f4f7f6 has contrast 1\.\d\d:1, below the 3:1 WCAG AA needs for brand borders/);
    assert.equal(existsSync(out), false, 'nothing is written');
    // The shell entry point checks the configuration before building anything.
    const viaNpm = await run(join(root, 'scripts/build-dist'), { env: { ...process.env, HIPCHECK_CLINIC: join(dir, 'bad.json'), HIPCHECK_DIST: out } }).then(() => null, (e) => e);
    assert.equal(viaNpm?.code, 1);
    assert.match(viaNpm.stderr, /below the 4\.5:1 WCAG AA/);
  });

  test('other mistakes are named with the setting they concern', () => {
    const dir = tempDir();
    const write = (config) => {
      const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, JSON.stringify(config));
      return file;
    };
    const base = { name: 'A clinic', emergency: { number: '112', country: 'DE' } };
    assert.deepEqual(loadClinic(write(base)).problems, []);
    const problems = loadClinic(write({
      ...base,
      colour: {},
      shortName: 'A name that is far too long',
      colours: { brand: 'blue' },
      booking: { url: 'http://clinic.example/book', phone: 'call us' },
      emergency: { number: '9-1-1', country: 'usa' },
      units: 'furlongs',
      locale: 'fr-FR',
      embed: { allowedOrigins: ['https://clinic.example/page', 'javascript:alert(1)'] },
      logo: 'missing.svg',
    })).problems;
    for (const must of [
      /^colour: unknown setting/,
      /^shortName: must be at most 12 characters/,
      /^colours\.brand: must be a colour written #rrggbb, not "blue"/,
      /^booking\.url: must be an https:\/\/ address/,
      /^booking\.phone: must be a phone number/,
      /^emergency\.number: /,
      /^emergency\.country: /,
      /^units: must be "km" or "mi"/,
      /^locale: the default language must be one Hip Check is written in \(en, es\), not "fr-FR"/,
      /^embed\.allowedOrigins\[0\]: must be an origin/,
      /^embed\.allowedOrigins\[1\]: must be an origin/,
      /^logo: the file .*missing\.svg does not exist/,
    ]) assert.ok(problems.some((p) => must.test(p)), `${must} in\n${problems.join('\n')}`);
    writeFileSync(join(dir, 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');
    assert.ok(loadClinic(write({ ...base, logo: 'evil.svg' })).problems.some((p) => /^logo: the SVG contains scripts/.test(p)));
  });

  test('country defaults: the emergency number and urgent-care service follow the country unless the clinic names its own', () => {
    const dir = tempDir();
    const write = (config) => {
      const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, JSON.stringify(config));
      return file;
    };
    const nz = loadClinic(write({ name: 'A clinic', emergency: { country: 'NZ' } }));
    assert.deepEqual(nz.problems, []);
    assert.equal(nz.config.emergency.number, '111');
    assert.deepEqual(nz.config.urgentCare.name, { en: 'Healthline', es: 'Healthline' });
    // The country's service is named in each language the page is written in.
    const es = loadClinic(write({ name: 'Una clínica', emergency: { country: 'ES' }, locale: 'es-ES' }));
    assert.deepEqual(es.problems, []);
    assert.deepEqual(es.config.urgentCare.name, { en: 'an urgent care centre', es: 'tu centro de salud o un servicio de urgencias' });
    // A clinic names its own in every language, or gives one text for all.
    const both = loadClinic(write({ name: 'A clinic', emergency: { country: 'US' }, urgentCare: { name: { en: 'our nurse line', es: 'nuestra línea de enfermería' } } }));
    assert.deepEqual(both.problems, []);
    assert.deepEqual(both.config.urgentCare.name, { en: 'our nurse line', es: 'nuestra línea de enfermería' });
    const half = loadClinic(write({ name: 'A clinic', emergency: { country: 'US' }, urgentCare: { name: { en: 'our nurse line', fr: 'notre ligne' } } })).problems;
    assert.ok(half.some((p) => /^urgentCare\.name\.es: missing/.test(p)), half.join('\n'));
    assert.ok(half.some((p) => /^urgentCare\.name\.fr: unknown language/.test(p)), half.join('\n'));
    const us = loadClinic(write({ name: 'A clinic', emergency: { country: 'US' }, urgentCare: { name: 'the Riverside nurse line', phone: '+1 555 010 0000' } }));
    assert.deepEqual(us.problems, []);
    assert.equal(us.config.emergency.number, '911');
    assert.deepEqual(us.config.urgentCare, { name: { en: 'the Riverside nurse line', es: 'the Riverside nurse line' }, phone: '+1 555 010 0000', url: null, phoneHref: 'tel:+15550100000' });
    // A country without defaults must give its number.
    assert.ok(loadClinic(write({ name: 'A clinic', emergency: { country: 'JP' } })).problems.some((p) => /^emergency\.number: required for country "JP"/.test(p)));
    // Dark colours are checked against the dark page, and booking.show names care levels.
    const bad = loadClinic(write({ name: 'A clinic', emergency: { country: 'GB' }, coloursDark: { text: '#333333' }, booking: { url: 'https://clinic.example/book', show: ['emergency'] } })).problems;
    assert.ok(bad.some((p) => /^coloursDark\.text #333333 on coloursDark\.background #12171b has contrast 1\.\d\d:1, below the 4\.5:1/.test(p)), bad.join('\n'));
    assert.ok(bad.some((p) => /^booking\.show: must list the care levels/.test(p)), bad.join('\n'));
  });

  test('contrast is computed as WCAG 2.2 defines it', () => {
    assert.equal(contrast('#000000', '#ffffff').toFixed(2), '21.00');
    assert.equal(contrast('#005eb8', '#ffffff').toFixed(1), '6.4');
    assert.equal(contrast('#767676', '#ffffff').toFixed(2), '4.54');
  });
});

test('npm run build (scripts/build-dist) builds and writes the folder named by $HIPCHECK_DIST', async () => {
  const out = join(tempDir(), 'dist');
  const { stdout } = await run(join(root, 'scripts/build-dist'), {
    env: { ...process.env, HIPCHECK_DIST: out, HIPCHECK_CLINIC: 'clinic/samples/harbour-physio.json' },
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.match(stdout, /is ready to deploy/);
  assert.ok(statSync(join(out, 'index.html')).isFile());
  assert.equal(JSON.parse(readFileSync(join(out, 'clinic.json'), 'utf8')).name, 'Harbour Physio');
  assert.deepEqual(brokenReferences(out), []);
});
