// "About this tool": what it is and is not, what it is based on (every source), who checked the
// content and when (meta.reviewed), who offers this copy, the privacy statement and the
// accessibility statement. Linked from the footer and from the result.
import { h, safeUrl } from '../dom.js';
import { t } from '../i18n.js';
import { backLink } from '../components/back-link.js';
import { clinic, countryWords, fillCountry, formatDate } from '../clinic.js';

function section(id, title, ...children) {
  return h('section', { class: 'about-section', 'aria-labelledby': id, 'data-about': id }, h('h2', { class: 'heading-m', id, text: title }), children);
}

export function render(ctx) {
  const meta = ctx.meta ?? {};
  const reviewed = meta.reviewed ?? {};
  const words = countryWords();
  const name = clinic().name;
  const sources = ctx.sources ?? [];
  const node = h(
    'div',
    { class: 'page page--about', 'data-about-page': true },
    backLink(ctx.back),
    h('h1', { class: 'heading-xl', tabindex: '-1', text: t('about.title') }),
    h('p', { class: 'lead', text: t('about.lead') }),
    section('about-is', t('about.isTitle'), h('p', { text: t('about.is') })),
    section('about-is-not', t('about.isNotTitle'), h('p', { class: 'inset', text: fillCountry(t('about.isNot')) })),
    section(
      'about-based',
      t('about.basedTitle'),
      h('p', { text: t('about.based') }),
      h('details', { class: 'fold', 'data-about-sources': true }, h('summary', { class: 'fold__summary' }, h('span', { class: 'fold__label', text: t('about.sourcesFold', { n: sources.length }) })), h(
        'ul',
        { class: 'list list--bullet about-sources' },
        sources.map((src) => {
          const url = src.url ? safeUrl(src.url) : null;
          const details = [src.publisher, src.year].filter((x) => x != null && x !== '').join(', ');
          return h('li', { 'data-source': src.id }, url ? h('a', { href: url, rel: 'noopener noreferrer', text: src.title }) : src.title, details ? ` (${details})` : null);
        }),
      )),
    ),
    section(
      'about-review',
      t('about.reviewTitle'),
      h('p', { 'data-reviewed': true, text: t(reviewed.date ? 'about.reviewedOn' : 'about.reviewed', { ...reviewed, date: reviewed.date ? formatDate(reviewed.date) : undefined }) }),
      reviewed.next ? h('p', { 'data-review-next': true, text: t('about.nextReview', { date: formatDate(reviewed.next) }) }) : null,
      ctx.contentVersion ? h('p', { class: 'hint', text: t('about.version', { version: ctx.contentVersion }) }) : null,
    ),
    section('about-clinic', t('about.clinicTitle'), h('p', { text: t('about.clinic', { name, ...words }) })),
    section('about-privacy', t('about.privacyTitle'), h('p', { text: t('about.privacy1') }), h('p', { text: t('about.privacy2') }), h('p', { text: t('about.privacy3') })),
    section(
      'about-accessibility',
      t('about.a11yTitle'),
      h('p', { text: t('about.a11y1') }),
      h('p', { text: t('about.a11y2') }),
      h('p', { text: t('about.a11y3', { name }) }),
    ),
  );
  return { title: t('about.title'), node };
}
