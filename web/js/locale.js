// The page's language: which content bundle is shown (content/<locale>.json, built by scripts/build)
// and how it is chosen. On a first visit the browser's languages decide (the first of them we
// have), else the clinic's default (clinic.json `locale`), else English; a choice made with the
// language switch is remembered on this device (not in kiosk mode: see app.js).
//
// Each bundle's address is written out in full so the build (scripts/dist/make-dist.mjs) finds and
// renames it with its hash, and the service worker precaches both. Only the chosen bundle is
// fetched on a first load: this module starts that fetch as soon as it runs (index.html loads it
// before the app), unless the choice has to wait for the clinic's default.
//
// The switch's own words live here, not in the bundles: each language's name is written in that
// language, and the label and the failure message must be there in whichever language is shown.
export const LOCALES = Object.freeze({
  en: { url: '/content/en.json', name: 'English', label: 'Language', failed: 'Sorry, the page could not change language. Check your internet connection and try again.' },
  es: { url: '/content/es.json', name: 'Español', label: 'Idioma', failed: 'No se pudo cambiar el idioma de la página. Revisa tu conexión a internet y vuelve a intentarlo.' },
});
export const DEFAULT = 'en';
export const KEY = 'hipcheck.locale.v1';

/** The locale we have for a language tag ("es-MX" → "es"), or null. */
export function supported(tag) {
  if (typeof tag !== 'string') return null;
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return Object.hasOwn(LOCALES, language) ? language : null;
}

/** The first of the browser's languages that we have, or null. */
export function fromBrowser(languages = navigator.languages ?? [navigator.language]) {
  for (const tag of languages ?? []) {
    const locale = supported(tag);
    if (locale) return locale;
  }
  return null;
}

/** The language chosen with the switch on this device, or null. */
export function remembered() {
  try {
    return supported(localStorage.getItem(KEY));
  } catch {
    return null;
  }
}

export function remember(locale) {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    /* storage may be blocked: the choice lasts for this page load */
  }
}

export function forget() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* nothing stored */
  }
}

/** The bundle of a locale, as text (the engine parses it). */
export function fetchBundle(locale) {
  return fetch(LOCALES[locale].url).then((response) => {
    if (!response.ok) throw new Error(`content ${locale}: HTTP ${response.status}`);
    return response.text();
  });
}

/**
 * The language to show when nothing else decides: the browser's, else the clinic's default
 * (config.locale, e.g. "es" or "es-MX"), else English. `remembered` comes first where a person's
 * choice is kept.
 */
export function choose(config, { useRemembered = true } = {}) {
  return (useRemembered && remembered()) || fromBrowser() || supported(config?.locale) || DEFAULT;
}

// Started at once when the choice needs no clinic file (a remembered choice, or a browser language
// we have): the bundle downloads while the rest of the app does.
const quick = remembered() || fromBrowser();
const early = quick ? { locale: quick, text: fetchBundle(quick) } : null;
early?.text.catch(() => {}); // reported by whoever awaits it

/**
 * The first bundle: {locale, text: Promise<string>}. `clinicLoaded` resolves to the clinic file;
 * it is awaited only when neither a remembered choice nor the browser's languages decide.
 */
export async function firstBundle(clinicLoaded) {
  if (early) return early;
  const locale = choose(await clinicLoaded);
  return { locale, text: fetchBundle(locale) };
}
