// The clinic this copy of Hip Check is set up for (clinic/clinic.json, checked by the build and
// served as /clinic.json): its name and logo, booking link and phone and the care levels that show
// them, the country's emergency number and urgent-care service (with the build's per-country
// defaults already filled in), the default locale and units, and which sites may embed it.
// The views read the values from here; nothing in this module draws anything.
import { t } from './i18n.js';
import { safeUrl } from './dom.js';

// Used when /clinic.json is missing (a development site built before the clinic step) or
// unreadable: no number and no service is named, so the page says "your local emergency number".
export const DEFAULTS = Object.freeze({
  name: 'Hip Check',
  shortName: 'Hip Check',
  logo: null,
  colours: {},
  booking: null,
  emergency: { number: null, country: null, href: null },
  urgentCare: { name: null, phone: null, url: null, phoneHref: null },
  locale: 'en',
  units: 'km',
  embed: { allowedOrigins: [] },
});

let current = DEFAULTS;
let loading = null;

function freeze(value) {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) freeze(inner);
    Object.freeze(value);
  }
  return value;
}

// The configuration's links go into href as they are, so they pass the check source links pass
// (safeUrl: http or https only) when the page reads them, whatever the build checked: clinic.json
// can be edited after the build. A phone link must be tel: and a number. Anything else is dropped.
function checkedLinks(config) {
  const tel = (href) => (typeof href === 'string' && /^tel:\+?[0-9][0-9 ()-]*$/.test(href) ? href : null);
  const web = (url) => (typeof url === 'string' ? safeUrl(url) : null);
  const fix = (part, keys) => {
    if (!part || typeof part !== 'object') return part;
    const out = { ...part };
    for (const [key, check] of keys) if (key in out) out[key] = check(out[key]);
    return out;
  };
  return {
    ...config,
    booking: fix(config.booking, [['url', web], ['phoneHref', tel]]),
    emergency: fix(config.emergency, [['href', tel]]),
    urgentCare: fix(config.urgentCare, [['url', web], ['phoneHref', tel]]),
  };
}

/** Loads /clinic.json once; resolves to the configuration (the defaults if it cannot be read). */
export function loadClinic(url = '/clinic.json') {
  loading ??= fetch(url)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`clinic: HTTP ${response.status}`))))
    .then((config) => {
      current = freeze(checkedLinks({ ...DEFAULTS, ...config }));
      return current;
    })
    .catch(() => current);
  return loading;
}

/** The configuration loaded by loadClinic() (the defaults before it resolves). */
export function clinic() {
  return current;
}

/** Booking details to show with a result of this care level: {url, phone, phoneHref} or null. */
export function bookingFor(level) {
  const booking = current.booking;
  if (!booking || level === 'emergency') return null;
  const show = Array.isArray(booking.show) ? booking.show : ['urgent', 'soon', 'selfcare'];
  return show.includes(level) ? booking : null;
}

/** The local emergency number: {number, country, href: 'tel:…'} (number null when unknown). */
export function emergency() {
  return current.emergency ?? DEFAULTS.emergency;
}

/**
 * The service for urgent care that is not an emergency: {name, phone, url, phoneHref}, its name in
 * the page's language (clinic.json gives it by language: {"en": "…", "es": "…"}).
 */
export function urgentCare() {
  const service = current.urgentCare ?? DEFAULTS.urgentCare;
  const { name } = service;
  if (!name || typeof name !== 'object') return service;
  const language = (document.documentElement.lang || 'en').split('-')[0];
  return { ...service, name: name[language] ?? name.en ?? Object.values(name)[0] ?? null };
}

/**
 * The locale for dates and numbers: the page's language, with the clinic's region when the clinic's
 * default is that language with a region ("es-MX": dates and numbers as written in Mexico).
 */
export function locale() {
  const page = document.documentElement.lang;
  if (!page) return current.locale || undefined;
  return current.locale?.split('-')[0] === page ? current.locale : page;
}

/** A date written for the locale (Intl), e.g. "26 November 2026". */
export function formatDate(date) {
  const value = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(value.getTime())) return String(date);
  // The country refines the language: en + AU writes 26/11/2026 as "26 November 2026".
  const country = emergency().country;
  const tag = country && !locale()?.includes('-') ? `${locale()}-${country}` : locale();
  try {
    return new Intl.DateTimeFormat(tag, { dateStyle: 'long' }).format(value);
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(value);
  }
}

// One Intl.NumberFormat per locale and options: making one is slow (the first, for a locale, about
// 140 ms at 4x CPU slowdown, when its data is loaded), formatting with it is quick.
const numberFormats = new Map();

/** A number written for the locale (Intl). */
export function formatNumber(value, options) {
  try {
    const tag = locale();
    const key = `${tag}|${options ? JSON.stringify(options) : ''}`;
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(tag, options);
      numberFormats.set(key, format);
    }
    return format.format(value);
  } catch {
    return String(value);
  }
}

/**
 * The country's words for the placeholders the content leaves to the page:
 * {emergencyNumber} and {urgentService}.
 */
export function countryWords() {
  return {
    emergencyNumber: emergency().number ?? t('clinic.localEmergency'),
    urgentService: urgentCare().name ?? t('clinic.localUrgent'),
  };
}

/** Fills {emergencyNumber} and {urgentService} in a content text (other braces are left alone). */
export function fillCountry(text) {
  if (typeof text !== 'string') return text;
  const words = countryWords();
  return text.replace(/\{(emergencyNumber|urgentService)\}/g, (all, name) => words[name]);
}

/** The origins allowed to embed the tool (used by embed-child.js). */
export function embedOrigins() {
  return current.embed?.allowedOrigins ?? [];
}
