// Every string the page shows comes from the content bundle's `ui` key (content/<locale>/words.json).
let strings = {};

export function setStrings(map) {
  strings = map && typeof map === 'object' ? map : {};
}

/** t('key', {name: 'x'}) fills {name} placeholders. A missing key shows the key, so it is easy to spot. */
export function t(key, vars) {
  const text = Object.hasOwn(strings, key) ? strings[key] : key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (all, name) => (vars[name] == null ? all : String(vars[name])));
}

export function has(key) {
  return Object.hasOwn(strings, key);
}

/** Replaces the text of every [data-i18n] element under root. */
export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    if (has(el.dataset.i18n)) el.textContent = t(el.dataset.i18n);
  }
}
