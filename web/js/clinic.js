// The clinic this copy of Hip Check is set up for (clinic/clinic.json, checked by the build and
// served as /clinic.json): its name and logo, booking link and phone for "soon" and "urgent"
// results, the local emergency number, the default locale and units, and which sites may embed it.
// The views read the values from here; nothing in this module draws anything.

// Used when /clinic.json is missing (a development site built before the clinic step) or unreadable.
export const DEFAULTS = Object.freeze({
  name: 'Hip Check',
  shortName: 'Hip Check',
  logo: null,
  colours: {},
  booking: null,
  emergency: { number: '999', country: 'GB', href: 'tel:999' },
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

/** Loads /clinic.json once; resolves to the configuration (the defaults if it cannot be read). */
export function loadClinic(url = '/clinic.json') {
  loading ??= fetch(url)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`clinic: HTTP ${response.status}`))))
    .then((config) => {
      current = freeze({ ...DEFAULTS, ...config });
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
  if (level !== 'soon' && level !== 'urgent') return null;
  return current.booking ?? null;
}

/** The local emergency number: {number, country, href: 'tel:…'}. */
export function emergency() {
  return current.emergency;
}

/** The origins allowed to embed the tool (used by embed-child.js). */
export function embedOrigins() {
  return current.embed?.allowedOrigins ?? [];
}
