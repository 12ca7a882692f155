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
  brand: { css: '--brand', fallback: '#005eb8', dark: '#0b4f91', what: 'the header background and the borders of notices' },
  brandText: { css: '--brand-text', fallback: '#ffffff', dark: '#ffffff', what: 'the text in the header' },
  link: { css: '--link', fallback: '#005eb8', dark: '#8cc8ff', what: 'links' },
  button: { css: '--button', fallback: '#007f3b', dark: '#00843d', what: 'the main buttons' },
  buttonText: { css: '--button-text', fallback: '#ffffff', dark: '#ffffff', what: 'the text on the main buttons' },
  background: { css: '--bg', fallback: '#f0f4f5', dark: '#12171b', what: 'the page background' },
  surface: { css: '--surface', fallback: '#ffffff', dark: '#1c2328', what: 'cards and panels' },
  text: { css: '--text', fallback: '#212b32', dark: '#eef1f3', what: 'body text' },
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

export function contrastProblems(colours, scheme = 'light') {
  const c = { ...Object.fromEntries(Object.entries(COLOURS).map(([k, v]) => [k, scheme === 'dark' ? v.dark : v.fallback])), ...colours };
  const prefix = scheme === 'dark' ? 'coloursDark' : 'colours';
  const problems = [];
  for (const [fg, bg, min, why] of PAIRS) {
    // In dark mode the brand colour is only the header's background (borders use the link colour).
    if (scheme === 'dark' && fg === 'brand') continue;
    const ratio = contrast(c[fg], c[bg]);
    if (ratio + 1e-9 < min) {
      problems.push(
        `${prefix}.${fg} ${c[fg]} on ${prefix}.${bg} ${c[bg]} has contrast ${ratio.toFixed(2)}:1, ` +
          `below the ${min}:1 WCAG AA needs for ${why}`,
      );
    }
  }
  return problems;
}

// ---- checking the configuration ----------------------------------------------------------------

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const UNITS = new Set(['km', 'mi']);
// The languages Hip Check is written in: a content bundle each (build/site/content/<language>.json),
// the same list as web/js/locale.js (tests/deploy/dist.test.mjs checks the three agree).
export const LANGUAGES = ['en', 'es'];
const KEYS = new Set(['$schema', 'name', 'shortName', 'logo', 'colours', 'coloursDark', 'booking', 'emergency', 'urgentCare', 'locale', 'units', 'embed', 'workshop']);
const LEVELS = ['urgent', 'soon', 'selfcare'];

// Sensible defaults per country, used when the clinic file leaves a value out: the emergency
// number, and the service to contact for urgent care that is not an emergency (its name as the
// page writes it in a sentence, in each language, and its phone and web address). The page itself
// holds no list.
export const COUNTRIES = {
  GB: { emergency: '999', urgent: { name: { en: 'NHS 111', es: 'NHS 111' }, phone: '111', url: 'https://111.nhs.uk' } },
  IE: { emergency: '112', urgent: { name: { en: 'your GP out-of-hours service', es: 'el servicio de guardia de tu médico de cabecera' }, phone: null, url: null } },
  AU: { emergency: '000', urgent: { name: { en: 'healthdirect', es: 'healthdirect' }, phone: '1800 022 222', url: 'https://www.healthdirect.gov.au' } },
  NZ: { emergency: '111', urgent: { name: { en: 'Healthline', es: 'Healthline' }, phone: '0800 611 116', url: 'https://www.healthline.govt.nz' } },
  US: { emergency: '911', urgent: { name: { en: 'an urgent care center', es: 'un centro de atención urgente (urgent care)' }, phone: null, url: null } },
  CA: { emergency: '911', urgent: { name: { en: 'your provincial health line (811)', es: 'la línea de salud de tu provincia (811)' }, phone: '811', url: null } },
  DE: { emergency: '112', urgent: { name: { en: 'the on-call medical service (116117)', es: 'el servicio médico de guardia (116117)' }, phone: '116117', url: 'https://www.116117.de' } },
  FR: { emergency: '15', urgent: { name: { en: 'the on-call doctor service (116117)', es: 'el servicio de médicos de guardia (116117)' }, phone: '116117', url: null } },
  NL: { emergency: '112', urgent: { name: { en: 'the GP out-of-hours service (huisartsenpost)', es: 'el servicio de médicos de cabecera fuera de horario (huisartsenpost)' }, phone: null, url: null } },
  ES: { emergency: '112', urgent: { name: { en: 'an urgent care centre', es: 'tu centro de salud o un servicio de urgencias' }, phone: null, url: null } },
  IT: { emergency: '112', urgent: { name: { en: 'the out-of-hours medical service (guardia medica)', es: 'el servicio médico fuera de horario (guardia medica)' }, phone: null, url: null } },
  ZA: { emergency: '112', urgent: { name: { en: 'an urgent care clinic', es: 'una clínica de atención urgente' }, phone: null, url: null } },
};
const GENERIC_URGENT = { name: { en: 'an urgent care service', es: 'un servicio de atención urgente' }, phone: null, url: null };

/**
 * The urgent-care service's name in every language: the clinic's (one text for every language,
 * or {"en": "…", "es": "…"} giving each), else the country's. Problems go into `problems`.
 */
function urgentNames(given, fallback, problems) {
  const what = 'as it reads in a sentence ("NHS 111", "an urgent care center")';
  const check = (key, text) => {
    if (typeof text !== 'string' || !text.trim() || text.length > 80) problems.push(`${key}: must be a text of at most 80 characters, ${what}`);
  };
  if (given === undefined) return fallback;
  if (given && typeof given === 'object' && !Array.isArray(given)) {
    for (const key of Object.keys(given)) if (!LANGUAGES.includes(key)) problems.push(`urgentCare.name.${key}: unknown language (known: ${LANGUAGES.join(', ')})`);
    for (const language of LANGUAGES) {
      if (given[language] === undefined) problems.push(`urgentCare.name.${language}: missing: give the name in every language (${LANGUAGES.join(', ')}), or one text for all`);
      else check(`urgentCare.name.${language}`, given[language]);
    }
    return Object.fromEntries(LANGUAGES.map((language) => [language, given[language]]));
  }
  check('urgentCare.name', given);
  return Object.fromEntries(LANGUAGES.map((language) => [language, given]));
}

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

  const coloursDark = {};
  if (raw.coloursDark !== undefined) {
    if (typeof raw.coloursDark !== 'object' || raw.coloursDark === null || Array.isArray(raw.coloursDark)) problems.push('coloursDark: must be an object of #rrggbb colours');
    else {
      for (const [key, value] of Object.entries(raw.coloursDark)) {
        if (!COLOURS[key]) problems.push(`coloursDark.${key}: unknown colour (known: ${Object.keys(COLOURS).join(', ')})`);
        else if (typeof value !== 'string' || !HEX.test(value)) problems.push(`coloursDark.${key}: must be a colour written #rrggbb, not ${JSON.stringify(value)}`);
        else coloursDark[key] = value.toLowerCase();
      }
      if (!problems.some((p) => p.startsWith('coloursDark.'))) problems.push(...contrastProblems(coloursDark, 'dark'));
    }
  }

  let booking = null;
  if (raw.booking != null) {
    if (typeof raw.booking !== 'object') problems.push('booking: must be an object with url and/or phone, or null');
    else {
      const { url, phone, show } = raw.booking;
      for (const key of Object.keys(raw.booking)) if (!['url', 'phone', 'show'].includes(key)) problems.push(`booking.${key}: unknown setting (known: url, phone, show)`);
      if (url == null && phone == null) problems.push('booking: give url, phone or both (or set booking to null)');
      if (show !== undefined && !(Array.isArray(show) && show.every((level) => LEVELS.includes(level)))) {
        problems.push(`booking.show: must list the care levels that show the booking button, some of ${JSON.stringify(LEVELS)}, not ${JSON.stringify(show)}`);
      }
      if (url != null && !isHttpsUrl(url)) problems.push(`booking.url: must be an https:// address, not ${JSON.stringify(url)}`);
      if (phone != null && !(typeof phone === 'string' && PHONE.test(phone))) problems.push(`booking.phone: must be a phone number such as "+44 20 7946 0000", not ${JSON.stringify(phone)}`);
      booking = { url: url ?? null, phone: phone ?? null, phoneHref: typeof phone === 'string' ? telHref(phone) : null, show: Array.isArray(show) ? show : LEVELS };
    }
  }

  let emergency = null;
  let urgentCare = null;
  if (!raw.emergency || typeof raw.emergency !== 'object') problems.push('emergency: required, e.g. {"country": "GB"} (the number defaults to the country\'s)');
  else {
    const { country } = raw.emergency;
    if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) problems.push(`emergency.country: must be a two-letter country code such as "GB", not ${JSON.stringify(country)}`);
    const defaults = COUNTRIES[country] ?? {};
    const number = raw.emergency.number ?? defaults.emergency;
    if (number === undefined) problems.push(`emergency.number: required for country ${JSON.stringify(country)}, which has no default (known: ${Object.keys(COUNTRIES).join(', ')})`);
    else if (typeof number !== 'string' || !/^[0-9]{2,6}$/.test(number)) problems.push(`emergency.number: must be the country's emergency number (2 to 6 digits), not ${JSON.stringify(number)}`);
    emergency = { number, country, href: typeof number === 'string' ? `tel:${number}` : null };
    const given = raw.urgentCare;
    if (given !== undefined && (given === null || typeof given !== 'object' || Array.isArray(given))) problems.push('urgentCare: must be {"name": "…", "phone": "…", "url": "https://…"}');
    const base = defaults.urgent ?? GENERIC_URGENT;
    // A clinic that names its own service does not inherit the country's phone or address.
    const own = given && typeof given === 'object' && given.name !== undefined;
    urgentCare = {
      name: urgentNames(given?.name, base.name, problems),
      phone: given?.phone ?? (own ? null : base.phone),
      url: given?.url ?? (own ? null : base.url),
    };
    if (urgentCare.phone != null && !(typeof urgentCare.phone === 'string' && PHONE.test(urgentCare.phone))) problems.push(`urgentCare.phone: must be a phone number, not ${JSON.stringify(urgentCare.phone)}`);
    if (urgentCare.url != null && !isHttpsUrl(urgentCare.url)) problems.push(`urgentCare.url: must be an https:// address, not ${JSON.stringify(urgentCare.url)}`);
    urgentCare.phoneHref = typeof urgentCare.phone === 'string' ? telHref(urgentCare.phone) : null;
  }

  // The default language: the page starts in it when none of the browser's languages is one of
  // ours. A region ("es-MX") also sets how dates and numbers are written in that language.
  const locale = raw.locale ?? 'en';
  if (typeof locale !== 'string' || !/^[a-z]{2,3}(-[A-Z]{2})?$/.test(locale)) problems.push(`locale: must be a language tag such as "en", "es" or "es-MX", not ${JSON.stringify(locale)}`);
  else if (!LANGUAGES.includes(locale.split('-')[0])) problems.push(`locale: the default language must be one Hip Check is written in (${LANGUAGES.join(', ')}), not ${JSON.stringify(locale)}`);
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

  // Workshop mode (issue 10): {"kiosk": bool, "idleSeconds": 30–3600, "tally": bool, "pin": "4–8 digits"}.
  const workshop = { kiosk: false, idleSeconds: 120, tally: false, pin: null };
  if (raw.workshop !== undefined) {
    const w = raw.workshop;
    if (!w || typeof w !== 'object' || Array.isArray(w)) problems.push('workshop: must be {"kiosk": true|false, "idleSeconds": n, "tally": true|false, "pin": "1234"}');
    else {
      for (const key of Object.keys(w)) if (!['kiosk', 'idleSeconds', 'tally', 'pin'].includes(key)) problems.push(`workshop.${key}: unknown setting (known: kiosk, idleSeconds, tally, pin)`);
      for (const key of ['kiosk', 'tally']) {
        if (w[key] !== undefined && typeof w[key] !== 'boolean') problems.push(`workshop.${key}: must be true or false`);
        else if (w[key] !== undefined) workshop[key] = w[key];
      }
      if (w.idleSeconds !== undefined && (!Number.isInteger(w.idleSeconds) || w.idleSeconds < 30 || w.idleSeconds > 3600)) problems.push('workshop.idleSeconds: must be a whole number of seconds from 30 to 3600');
      else if (w.idleSeconds !== undefined) workshop.idleSeconds = w.idleSeconds;
      if (w.pin !== undefined && w.pin !== null && (typeof w.pin !== 'string' || !/^[0-9]{4,8}$/.test(w.pin))) problems.push('workshop.pin: must be 4 to 8 digits, as a text');
      else if (w.pin) workshop.pin = w.pin;
    }
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
    coloursDark,
    booking,
    emergency,
    urgentCare,
    locale,
    units,
    embed: { allowedOrigins },
    workshop,
  };
  return { config, logoSvg, problems };
}

function hex(n) {
  return `#${n.map((x) => Math.round(Math.max(0, Math.min(255, x))).toString(16).padStart(2, '0')).join('')}`;
}

/** `colour` mixed with black (amount > 0) or white (amount < 0). */
export function shade(colour, amount) {
  const n = parseInt(colour.slice(1), 16);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return hex(rgb.map((c) => (amount > 0 ? c * (1 - amount) : c + (255 - c) * -amount)));
}

/** The hover shade of a button: further from its text colour, so hovering never lowers the contrast. */
export function hoverShade(button, text) {
  return luminance(text) > luminance(button) ? shade(button, 0.2) : shade(button, -0.2);
}

/** Every custom property a palette sets: the colours, and the parts of the page drawn with them. */
function properties(c) {
  const lines = Object.entries(COLOURS).map(([key, { css }]) => `${css}: ${c[key]};`);
  lines.push(
    `--secondary-text: ${c.link};`,
    `--link-hover: ${c.link};`,
    `--button-hover: ${hoverShade(c.button, c.buttonText)};`,
    `--button-dark: ${shade(c.button, 0.5)};`,
    `--bar: ${c.link};`,
    `--care-soon: ${c.brand};`,
    `--care-soon-text: ${c.brandText};`,
    `--care-selfcare: ${c.button};`,
    `--care-selfcare-text: ${c.buttonText};`,
  );
  return lines;
}

/** The dark palette: the clinic's dark colours; else its header and button colours when they read on the dark page. */
export function darkPalette(config) {
  const base = Object.fromEntries(Object.entries(COLOURS).map(([k, v]) => [k, v.dark]));
  const given = config.coloursDark ?? {};
  const palette = { ...base };
  for (const group of [['brand', 'brandText'], ['button', 'buttonText']]) {
    // The page's own light colours have their own dark versions.
    if (group.every((k) => config.colours[k] === COLOURS[k].fallback)) continue;
    const trial = { ...palette, ...Object.fromEntries(group.map((k) => [k, config.colours[k]])) };
    if (!contrastProblems(trial, 'dark').length) Object.assign(palette, Object.fromEntries(group.map((k) => [k, config.colours[k]])));
  }
  return { ...palette, ...given };
}

/** The brand colours as CSS custom properties, light and dark (checked for contrast by loadClinic). */
export function clinicCss(config) {
  const light = properties(config.colours).map((l) => `    ${l}`);
  const dark = darkPalette(config);
  const darkLines = properties(dark).map((l) => `    ${l}`);
  return (
    `/* Generated by scripts/dist from the clinic configuration (${config.name}). Do not edit. */\n` +
    `@media (prefers-color-scheme: light) {\n  :root {\n${light.join('\n')}\n    --inset: ${config.colours.brand};\n  }\n}\n` +
    `@media (prefers-color-scheme: dark) {\n  :root {\n${darkLines.join('\n')}\n    --inset: ${dark.link};\n  }\n}\n` +
    `@media print {\n  :root {\n    --care-soon: ${config.colours.brand};\n    --care-soon-text: ${config.colours.brandText};\n    --care-selfcare: ${config.colours.button};\n    --care-selfcare-text: ${config.colours.buttonText};\n  }\n}\n`
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
