// The language switch: one button per language, each named in its own language (with `lang`, so a
// screen reader says "Español" in Spanish), the shown one marked aria-current. It is drawn once
// and never redrawn, so the focus stays on the button pressed while the page changes language.
import { h } from '../dom.js';
import { LOCALES } from '../locale.js';

/** Draws the switch; onChoose(locale) is called when another language is chosen. */
export function languageSwitch(current, onChoose) {
  const buttons = Object.entries(LOCALES).map(([locale, { name }]) =>
    h('button', {
      type: 'button',
      class: 'language-switch__button',
      lang: locale,
      'data-locale': locale,
      onclick: (event) => {
        if (event.currentTarget.getAttribute('aria-current') !== 'true') onChoose(locale);
      },
      text: name,
    }),
  );
  const nav = h('nav', { class: 'language-switch no-print', 'data-language-switch': true }, h('ul', { class: 'language-switch__list' }, buttons.map((b) => h('li', null, b))));
  /** Marks the language shown (after a switch, or a failed one). */
  const show = (locale) => {
    nav.setAttribute('aria-label', LOCALES[locale].label);
    for (const b of buttons) {
      if (b.dataset.locale === locale) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
  };
  /** While the other bundle loads (the app ignores more presses meanwhile): aria-busy on the switch. */
  const busy = (on) => {
    nav.toggleAttribute('aria-busy', on);
    for (const b of buttons) b.toggleAttribute('data-busy', on);
  };
  show(current);
  return { node: nav, show, busy };
}
