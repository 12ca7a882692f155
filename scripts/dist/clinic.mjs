// The clinic configuration (clinic/clinic.json, or the file in $HIPCHECK_CLINIC): read it, check
// every field and the colours' contrast (WCAG 2.2 AA), and derive what the site needs from it:
// the public clinic.json, the brand colours as CSS custom properties, and the CSP.
//
//   node scripts/dist/clinic.mjs check [file]   checks a configuration (exit 1 with every problem)
//   node scripts/dist/clinic.mjs csp [file]     prints the Content-Security-Policy for it
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultClinicFile = join(root, 'clinic/clinic.json');

function join(...parts) {
  return resolve(...parts);
}

/** The configuration file to use: $HIPCHECK_CLINIC (relative to the repository) or clinic/clinic.json. */
export function clinicFile(given = process.env.HIPCHECK_CLINIC) {
  return given ? resolve(root, given) : defaultClinicFile;
}

// ---- colour contrast (WCAG 2.2, 1.4.3 and 1.4.11) ---------------------------------------------

const HEX = /^#[0-9a-f]{6}$/i;

function channel(c) {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance(hex) {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// The colours a clinic can set, the page's own values when it sets none (web/css/app.css, light
// scheme), and the CSS custom property each one sets.
export const COLOURS = {
  brand: { css: '--brand', fallback: '#005eb8', what: 'the header background and the borders of notices' },
  brandText: { css: '--brand-text', fallback: '#ffffff', what: 'the text in the header' },
  link: { css: '--link', fallback: '#005eb8', what: 'links' },
  button: { css: '--button', fallback: '#007f3b', what: 'the main buttons' },
  buttonText: { css: '--button-text', fallback: '#ffffff', what: 'the text on the main buttons' },
  background: { css: '--bg', fallback: '#f0f4f5', what: 'the page background' },
  surface: { css: '--surface', fallback: '#ffffff', what: 'cards and panels' },
  text: { css: '--text', fallback: '#212b32', what: 'body text' },
};

// Each pair that must be readable: [foreground, background, minimum ratio, why].
const PAIRS = [
  ['text', 'background', 4.5, 'text on the page background'],
  ['text', 'surface', 4.5, 'text on cards and panels'],
  ['brandText', 'brand', 4.5, 'header text on the brand colour'],
  ['link', 'background', 4.5, 'links on the page background'],
  ['link', 'surface', 4.5, 'links on cards and panels'],
  ['buttonText', 'button', 4.5, 'button text on the button colour'],
  ['button', 'background', 3, 'buttons against the page background (a UI component)'],
  ['button', 'surface', 3, 'buttons against cards and panels (a UI component)'],
  ['brand', 'background', 3, 'brand borders against the page background (a UI component)'],
  ['brand', 'surface', 3, 'brand borders against cards and panels (a UI component)'],
];

export function contrastProblems(colours) {
  const c = { ...Object.fromEntries(Object.entries(COLOURS).map(([k, v]) => [k, v.fallback])), ...colours };
  const problems = [];
  for (const [fg, bg, min, why] of PAIRS) {
    const ratio = contrast(c[fg], c[bg]);
    if (ratio + 1e-9 < min) {
      problems.push(
        `colours.${fg} ${c[fg]} on colours.${bg} ${c[bg]} has contrast ${ratio.toFixed(2)}:1, ` +
          `below the ${min}:1 WCAG AA needs for ${why}`,
      );
    }
  }
  return problems;
}

// ---- checking the configuration ----------------------------------------------------------------

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const UNITS = new Set(['km', 'mi']);
const KEYS = new Set(['$schema', 'name', 'shortName', 'logo', 'colours', 'booking', 'emergency', 'locale', 'units', 'embed']);

function isHttpsUrl(text, allowLocalHttp = false) {
  try {
    const u = new URL(text);
    if (u.username || u.password) return false;
    return u.protocol === 'https:' || (allowLocalHttp && u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname));
  } catch {
    return false;
  }
}

const PHONE = /^\+?[0-9][0-9 ()-]{1,22}[0-9]$/;

export function telHref(phone) {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

function checkLogo(file, problems) {
  if (!existsSync(file)) {
    problems.push(`logo: the file ${file} does not exist`);
    return null;
  }
  const text = readFileSync(file, 'utf8');
  if (text.length > 100_000) problems.push('logo: the SVG is larger than 100 kB');
  const body = text.replace(/^\uFEFF/, '').replace(/<\?xml[\s\S]*?\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trim();
  if (!/^<svg[\s>]/.test(body)) problems.push('logo: the file is not an SVG image (it must start with <svg>)');
  if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:|<!ENTITY/i.test(text)) {
    problems.push('logo: the SVG contains scripts, event handlers, foreignObject or entities, which are not allowed');
  }
  if (/(?:href|src)\s*=\s*["'](?!#|data:image\/)/i.test(text)) {
    problems.push('logo: the SVG refers to other files; it must be self-contained');
  }
  return text;
}

/**
 * Reads and checks a configuration. Returns { config, logoSvg, problems } where config is the
 * public form the page reads (clinic.json in the site) and problems lists every mistake found.
 */
export function loadClinic(file = clinicFile()) {
  const problems = [];
  let raw;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { problems: [`cannot read ${file}: ${error.message}`] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { problems: [`${file}: the configuration must be a JSON object`] };
  for (const key of Object.keys(raw)) if (!KEYS.has(key)) problems.push(`${key}: unknown setting (known: ${[...KEYS].filter((k) => k !== '$schema').join(', ')})`);

  const text = (key, value, max) => {
    if (typeof value !== 'string' || !value.trim()) problems.push(`${key}: must be a non-empty text`);
    else if (value.length > max) problems.push(`${key}: must be at most ${max} characters`);
  };
  text('name', raw.name, 60);
  const shortName = raw.shortName ?? raw.name;
  text('shortName', shortName, 12);

  const colours = {};
  if (raw.colours !== undefined && (typeof raw.colours !== 'object' || raw.colours === null || Array.isArray(raw.colours))) {
    problems.push('colours: must be an object of #rrggbb colours');
  } else {
    for (const [key, value] of Object.entries(raw.colours ?? {})) {
      if (!COLOURS[key]) problems.push(`colours.${key}: unknown colour (known: ${Object.keys(COLOURS).join(', ')})`);
      else if (typeof value !== 'string' || !HEX.test(value)) problems.push(`colours.${key}: must be a colour written #rrggbb, not ${JSON.stringify(value)}`);
      else colours[key] = value.toLowerCase();
    }
    if (!problems.some((p) => p.startsWith('colours.'))) problems.push(...contrastProblems(colours));
  }

  let booking = null;
  if (raw.booking != null) {
    if (typeof raw.booking !== 'object') problems.push('booking: must be an object with url and/or phone, or null');
    else {
      const { url, phone } = raw.booking;
      if (url == null && phone == null) problems.push('booking: give url, phone or both (or set booking to null)');
      if (url != null && !isHttpsUrl(url)) problems.push(`booking.url: must be an https:// address, not ${JSON.stringify(url)}`);
      if (phone != null && !(typeof phone === 'string' && PHONE.test(phone))) problems.push(`booking.phone: must be a phone number such as "+44 20 7946 0000", not ${JSON.stringify(phone)}`);
      booking = { url: url ?? null, phone: phone ?? null, phoneHref: typeof phone === 'string' ? telHref(phone) : null };
    }
  }

  let emergency = null;
  if (!raw.emergency || typeof raw.emergency !== 'object') problems.push('emergency: required, e.g. {"number": "999", "country": "GB"}');
  else {
    const { number, country } = raw.emergency;
    if (typeof number !== 'string' || !/^[0-9]{2,6}$/.test(number)) problems.push(`emergency.number: must be the country's emergency number (2 to 6 digits), not ${JSON.stringify(number)}`);
    if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) problems.push(`emergency.country: must be a two-letter country code such as "GB", not ${JSON.stringify(country)}`);
    emergency = { number, country, href: typeof number === 'string' ? `tel:${number}` : null };
  }

  const locale = raw.locale ?? 'en';
  if (typeof locale !== 'string' || !/^[a-z]{2,3}(-[A-Z]{2})?$/.test(locale)) problems.push(`locale: must be a language tag such as "en" or "en-GB", not ${JSON.stringify(locale)}`);
  const units = raw.units ?? 'km';
  if (!UNITS.has(units)) problems.push(`units: must be "km" or "mi", not ${JSON.stringify(units)}`);

  const origins = raw.embed?.allowedOrigins ?? [];
  if (raw.embed !== undefined && (typeof raw.embed !== 'object' || !Array.isArray(origins))) problems.push('embed: must be {"allowedOrigins": ["https://…"]}');
  const allowedOrigins = [];
  for (const [i, origin] of (Array.isArray(origins) ? origins : []).entries()) {
    if (typeof origin !== 'string' || !isHttpsUrl(origin, true) || new URL(origin).origin !== origin) {
      problems.push(`embed.allowedOrigins[${i}]: must be an origin such as "https://www.clinic.example" (https, no path or trailing slash), not ${JSON.stringify(origin)}`);
    } else allowedOrigins.push(origin);
  }

  let logoSvg = null;
  if (raw.logo != null) {
    if (typeof raw.logo !== 'string') problems.push('logo: must be the path of an SVG file, relative to the configuration');
    else logoSvg = checkLogo(resolve(dirname(file), raw.logo), problems);
  }

  const config = {
    name: raw.name,
    shortName,
    logo: logoSvg ? '/img/clinic-logo.svg' : null,
    colours: Object.fromEntries(Object.entries(COLOURS).map(([k, v]) => [k, colours[k] ?? v.fallback])),
    booking,
    emergency,
    locale,
    units,
    embed: { allowedOrigins },
  };
  return { config, logoSvg, problems };
}

/** The brand colours as CSS custom properties (light scheme only: the dark scheme keeps the page's own). */
export function clinicCss(config) {
  const lines = Object.entries(COLOURS).map(([key, { css }]) => `    ${css}: ${config.colours[key]};`);
  lines.push(`    --secondary-text: ${config.colours.link};`, `    --inset: ${config.colours.brand};`, `    --soon: ${config.colours.brand};`);
  return (
    `/* Generated by scripts/dist from the clinic configuration (${config.name}). Do not edit. */\n` +
    `@media (prefers-color-scheme: light) {\n  :root {\n${lines.join('\n')}\n  }\n}\n`
  );
}

export function frameAncestors(config) {
  return ["'self'", ...(config?.embed?.allowedOrigins ?? [])].join(' ');
}

export function contentSecurityPolicy(config) {
  return (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
    `frame-ancestors ${frameAncestors(config)}`
  );
}

/** Loads a configuration or throws one error that lists every problem. */
export function requireClinic(file = clinicFile()) {
  const loaded = loadClinic(file);
  if (loaded.problems.length) {
    const error = new Error(`clinic configuration ${file} is not valid:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`);
    error.problems = loaded.problems;
    throw error;
  }
  return loaded;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, given] = process.argv.slice(2);
  const file = clinicFile(given ?? process.env.HIPCHECK_CLINIC);
  try {
    const { config } = requireClinic(file);
    if (command === 'csp') console.log(contentSecurityPolicy(config));
    else if (command === 'check') console.log(`clinic: ${file} is valid (${config.name})`);
    else {
      console.error('usage: node scripts/dist/clinic.mjs check|csp [file]');
      process.exit(2);
    }
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
