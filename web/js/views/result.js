// The result (engine result()), summary first: the care level, what to do now, the booking button
// or the emergency number and the three things to do first fill the first phone screen. Below, a
// short contents list, then why, the four causes, the tips (grouped, folded), the plan, and the
// answers and sources (folded). Every level, score and number here is the engine's; this module
// only lays them out. Print unfolds everything and adds the clinic's name, logo and booking link.
import { h, s, safeUrl } from '../dom.js';
import { t } from '../i18n.js';
import { backLink } from '../components/back-link.js';
import { summaryList } from '../components/summary-list.js';
import { clinic, fillCountry, formatDate, formatNumber } from '../clinic.js';
import { careContact, printedBooking } from '../components/care-contact.js';

function sourceNote(ids, sources) {
  const names = (ids ?? []).map((id) => sources.get(id)).filter(Boolean).map((src) => src.title);
  return names.length ? h('p', { class: 'source-note' }, h('span', { class: 'source-note__label', text: t('result.source') }), ' ', names.join('; ')) : null;
}

function flagList(flags, sources) {
  return h('ul', { class: 'list list--bullet' }, flags.map((flag) => h('li', { 'data-flag': flag.id }, fillCountry(flag.reason), sourceNote(flag.sources, sources))));
}

// The summary card: the care level, what to do now and how (the first phone screen). An emergency
// keeps its reasons in the card (there is nothing else on its page); the others list them below.
function careCard(care, sources) {
  const level = care.level;
  return h(
    'section',
    { class: `care care--${level}`, 'aria-labelledby': 'care-title', 'data-care': level },
    h(
      'div',
      { class: 'care__heading' },
      h('p', { class: 'care__level', text: t(`care.${level}`) }),
      h('h2', { class: 'care__title', id: 'care-title', text: fillCountry(care.title) }),
    ),
    h(
      'div',
      { class: 'care__body' },
      h('p', { class: 'care__action', 'data-care-action': true, text: fillCountry(care.action) }),
      careContact(level),
      level === 'emergency' && care.where ? h('p', { class: 'care__where' }, h('strong', { text: t('result.where') }), ' ', fillCountry(care.where)) : null,
      level === 'emergency' && care.flags?.length ? [h('h3', { class: 'heading-s', text: t('result.reasons') }), flagList(care.flags, sources)] : null,
    ),
  );
}

// The three things to do first: the best-scored tips across every cause.
function topTips(tips) {
  const best = [...tips].map((tip, i) => ({ tip, i })).sort((a, b) => (b.tip.score ?? 0) - (a.tip.score ?? 0) || a.i - b.i).slice(0, 3);
  if (!best.length) return null;
  return h(
    'section',
    { class: 'top-tips', 'aria-labelledby': 'top-tips-title', 'data-top-tips': true },
    h('h2', { class: 'heading-m top-tips__title', id: 'top-tips-title', text: t('result.firstTitle') }),
    h('ol', { class: 'top-tips__list' }, best.map(({ tip }) => h('li', { 'data-top-tip': tip.id, text: tip.text }))),
  );
}

function reasonsSection(care, sources) {
  return h(
    'section',
    { class: 'result-section', 'aria-labelledby': 'reasons-title', 'data-reasons': true },
    h('h2', { class: 'heading-l', id: 'reasons-title', text: t('result.reasonsTitle') }),
    care.where ? h('p', { class: 'care__where' }, h('strong', { text: t('result.where') }), ' ', fillCountry(care.where)) : null,
    care.flags?.length ? flagList(care.flags, sources) : h('p', { text: t('result.noFlags') }),
  );
}

// Links to each part of the page. They scroll and move the focus without touching the history
// (the page's own history entries are the app's).
function contentsList(parts) {
  const shown = parts.filter(Boolean);
  if (shown.length < 2) return null;
  return h(
    'nav',
    { class: 'contents no-print', 'aria-labelledby': 'contents-title', 'data-contents': true },
    h('h2', { class: 'contents__title', id: 'contents-title', text: t('result.contents') }),
    h(
      'ul',
      { class: 'contents__list' },
      shown.map(([id, label]) =>
        h('li', null, h('a', {
          href: `#${id}`,
          'data-contents-link': id,
          text: label,
          onclick: (event) => {
            event.preventDefault();
            const target = document.getElementById(id);
            if (!target) return;
            const details = target.closest('details');
            if (details) details.open = true;
            target.setAttribute('tabindex', '-1');
            target.scrollIntoView({ block: 'start' });
            target.focus({ preventScroll: true });
          },
        })),
      ),
    ),
  );
}

function folded(id, label, content, attrs = {}) {
  return h('details', { class: 'fold', ...attrs }, h('summary', { class: 'fold__summary' }, h('span', { id, class: 'fold__label', text: label })), h('div', { class: 'fold__body' }, content));
}

function bar(score, className) {
  // A decorative bar: the number beside it says the same thing in text.
  return s(
    'svg',
    { class: `bar ${className ?? ''}`, viewBox: '0 0 100 6', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
    s('rect', { class: 'bar__track', x: 0, y: 0, width: 100, height: 6, rx: 1 }),
    s('rect', { class: 'bar__fill', x: 0, y: 0, width: Math.max(0, Math.min(100, score)), height: 6, rx: 1 }),
  );
}

function causesSection(causes) {
  const rows = causes.map((cause) =>
    h(
      'tr',
      { 'data-cause': cause.id },
      h('th', { scope: 'row', text: cause.label }),
      h('td', { class: 'table__score' }, h('span', { class: 'score-number', text: t('result.score', { score: formatNumber(cause.score) }) }), bar(cause.score, `bar--${cause.level}`)),
      h('td', null, h('strong', { class: `tag tag--level-${cause.level}`, text: t(`level.${cause.level}`) })),
    ),
  );
  const table = h(
    'table',
    { class: 'table table--causes' },
    h('caption', { class: 'table__caption', text: t('result.causesCaption') }),
    h('thead', null, h('tr', null, h('th', { scope: 'col', text: t('result.cause') }), h('th', { scope: 'col', text: t('result.scoreHeading') }), h('th', { scope: 'col', text: t('result.level') }))),
    h('tbody', null, rows),
  );
  const details = h('div', { class: 'causes__details' }, causes.map((cause) =>
    h(
      'details',
      { class: 'cause fold', 'data-cause-detail': cause.id },
      h('summary', { class: 'fold__summary' }, h('span', { class: 'fold__label' }, cause.label, ' ', h('span', { class: 'cause__score', text: t('result.causeScore', { score: cause.score, level: t(`level.${cause.level}`) }) }))),
      h('p', { class: 'cause__summary', text: cause.summary }),
      cause.factors?.length
        ? h(
            'ul',
            { class: 'list list--bullet cause__factors' },
            cause.factors.map((factor) =>
              h(
                'li',
                { 'data-factor': factor.id },
                factor.reason,
                factor.answers?.length
                  ? h('span', { class: 'cause__answers' }, ' ', t('result.youSaid'), ' ', factor.answers.map((a) => t('result.answerPair', { question: a.question, answer: a.display })).join('; '))
                  : null,
              ),
            ),
          )
        : h('p', { class: 'cause__none', text: t('result.noFactors') }),
    ),
  ));
  return h(
    'section',
    { class: 'result-section', 'aria-labelledby': 'causes-title', 'data-causes': true },
    h('h2', { class: 'heading-l', id: 'causes-title', text: t('result.causesTitle') }),
    h('p', { class: 'result-intro', text: t('result.causesIntro') }),
    table,
    details,
  );
}

// The printout is a one-to-two page summary: it keeps the best few tips of each group.
const PRINTED_TIPS = 2;

function tipsSection(tips, sources) {
  const groups = new Map();
  for (const tip of tips) {
    if (!groups.has(tip.group)) groups.set(tip.group, { label: tip.groupLabel, tips: [] });
    groups.get(tip.group).tips.push(tip);
  }
  return h(
    'section',
    { class: 'result-section', 'aria-labelledby': 'tips-title', 'data-tips': true },
    h('h2', { class: 'heading-l', id: 'tips-title', text: t('result.tipsTitle') }),
    h('p', { class: 'result-intro', text: t('result.tipsIntro') }),
    tips.length ? null : h('p', { text: t('result.noTips') }),
    groups.size && tips.length > groups.size * PRINTED_TIPS ? h('p', { class: 'print-only', text: t('print.tips', { n: PRINTED_TIPS }) }) : null,
    [...groups.entries()].map(([id, group]) =>
      h(
        'details',
        { class: 'tip-group fold', 'data-tip-group': id },
        h('summary', { class: 'fold__summary' }, h('span', { class: 'fold__label', text: t('result.tipGroup', { group: group.label, n: group.tips.length }) })),
        h(
          'ol',
          { class: 'tips' },
          group.tips.map((tip, rank) =>
            h(
              'li',
              { class: rank < PRINTED_TIPS ? 'tip' : 'tip tip--extra', 'data-tip': tip.id },
              h('p', { class: 'tip__text', text: fillCountry(tip.text) }),
              tip.because ? h('p', { class: 'tip__because' }, h('span', { class: 'tip__label', text: t('result.because') }), ' ', tip.because) : null,
              sourceNote(tip.sources, sources),
            ),
          ),
        ),
      ),
    ),
  );
}

function planChart(plan) {
  const weeks = plan.weeks;
  const max = Math.max(...weeks.map((w) => w.distance ?? 0), plan.target ?? 0, 1);
  const width = 320;
  const height = 120;
  const gap = 6;
  const barWidth = (width - gap * (weeks.length + 1)) / weeks.length;
  const svg = s('svg', { class: 'plan-chart', viewBox: `0 0 ${width} ${height + 18}`, 'aria-hidden': 'true', focusable: 'false' });
  weeks.forEach((week, i) => {
    const x = gap + i * (barWidth + gap);
    const hgt = ((week.distance ?? 0) / max) * height;
    svg.append(s('rect', { class: 'plan-chart__bar', x, y: height - hgt, width: barWidth, height: hgt, rx: 2 }));
    if (week.longestRun != null) {
      const ly = height - (week.longestRun / max) * height;
      svg.append(s('rect', { class: 'plan-chart__long', x, y: ly, width: barWidth, height: height - ly, rx: 2 }));
    }
    svg.append(s('text', { class: 'plan-chart__label', x: x + barWidth / 2, y: height + 14, 'text-anchor': 'middle', text: formatNumber(week.week) }));
  });
  return h(
    'figure',
    { class: 'plan-figure' },
    svg,
    h(
      'figcaption',
      { class: 'plan-legend' },
      h('span', { class: 'plan-legend__item' }, h('span', { class: 'plan-legend__key plan-legend__key--total', 'aria-hidden': 'true' }), t('plan.legendTotal')),
      h('span', { class: 'plan-legend__item' }, h('span', { class: 'plan-legend__key plan-legend__key--long', 'aria-hidden': 'true' }), t('plan.legendLong')),
    ),
  );
}

function planSection(plan, unitLabel, sources) {
  const unit = unitLabel(plan.unit);
  // Distances as the language writes them (12,5 in Spanish); a week with none shows a dash.
  const number = (value) => (value == null ? t('plan.none') : formatNumber(value));
  const table = h(
    'table',
    { class: 'table table--plan' },
    h('caption', { class: 'table__caption', text: t('plan.caption') }),
    h('thead', null, h('tr', null, h('th', { scope: 'col', text: t('plan.week') }), h('th', { scope: 'col', text: t('plan.total', { unit }) }), h('th', { scope: 'col', text: t('plan.longest', { unit }) }))),
    h(
      'tbody',
      null,
      plan.weeks.map((week) =>
        h('tr', { 'data-plan-week': week.week }, h('th', { scope: 'row', text: formatNumber(week.week) }), h('td', { class: 'table__number', text: number(week.distance) }), h('td', { class: 'table__number', text: number(week.longestRun) })),
      ),
    ),
  );
  return h(
    'section',
    { class: 'result-section plan', 'aria-labelledby': 'plan-title', 'data-plan': true },
    h('h2', { class: 'heading-l', id: 'plan-title', text: plan.title }),
    h('p', { text: plan.intro }),
    h('p', { class: 'plan__numbers', text: plan.target != null ? t('plan.startTarget', { start: formatNumber(plan.start), target: formatNumber(plan.target), unit }) : t('plan.start', { start: formatNumber(plan.start), unit }) }),
    h('div', { class: 'plan__layout' }, planChart(plan), h('details', { class: 'fold plan__table', 'data-plan-table': true }, h('summary', { class: 'fold__summary' }, h('span', { class: 'fold__label', text: t('plan.tableTitle') })), table)),
    plan.stopRule ? h('div', { class: 'inset inset--warning' }, h('p', null, h('strong', { text: t('plan.stopTitle') }), ' ', plan.stopRule)) : null,
    plan.caveat || plan.sources?.length
      ? h('details', { class: 'fold plan__more', 'data-plan-more': true }, h('summary', { class: 'fold__summary' }, h('span', { class: 'fold__label', text: t('plan.moreTitle') })), h('div', { class: 'fold__body' }, plan.caveat ? h('p', { class: 'plan__caveat', text: plan.caveat }) : null, sourceNote(plan.sources, sources)))
      : null,
  );
}

function sourcesSection(list) {
  return h(
    'section',
    { class: 'result-section sources', 'aria-labelledby': 'sources-title', 'data-sources': true },
    folded(
      'sources-title',
      t('result.sourcesFold', { n: formatNumber(list.length) }),
      h(
        'ol',
        { class: 'sources__list' },
        list.map((src) => {
          const url = src.url ? safeUrl(src.url) : null;
          const details = [src.authors, src.publisher, src.year].filter((x) => x != null && x !== '').join(', ');
          return h(
            'li',
            { 'data-source': src.id },
            url ? h('a', { href: url, rel: 'noopener noreferrer', class: 'sources__title', text: src.title }) : h('span', { class: 'sources__title', text: src.title }),
            details ? `. ${details}.` : null,
          );
        }),
      ),
    ),
  );
}

function sharePanel(panel, url) {
  const input = h('input', { class: 'input share__input', id: 'share-link', type: 'text', readonly: true, value: url, 'aria-describedby': 'share-hint', 'data-share-link': true });
  const status = h('p', { class: 'share__status', role: 'status' });
  const copy = h('button', { type: 'button', class: 'button button--secondary', 'data-copy': true, text: t('share.copy') });
  copy.addEventListener('click', async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = t('share.copied');
    } catch {
      status.textContent = t('share.copyFailed');
    }
  });
  panel.replaceChildren(
    h('label', { class: 'label', for: input.id, text: t('share.label') }),
    h('p', { class: 'hint', id: 'share-hint', text: t('share.hint') }),
    input,
    copy,
    status,
  );
  panel.hidden = false;
  input.focus();
  input.select();
}

// Print shows everything: folded parts open for the printout and close again after it.
let printHooked = false;
function hookPrint() {
  if (printHooked) return;
  printHooked = true;
  let opened = [];
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll('.page--result details:not([open])')];
    for (const d of opened) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

function printHeader() {
  const { name, logo } = clinic();
  return h(
    'div',
    { class: 'print-only print-header', 'data-print-header': true },
    logo ? h('img', { class: 'print-header__logo', src: logo, alt: '' }) : null,
    h('p', { class: 'print-header__name', text: name }),
    h('p', { class: 'print-header__date', text: t('print.header', { date: formatDate(new Date()) }) }),
  );
}

export function render(ctx) {
  hookPrint();
  const result = ctx.engine.result();
  const sources = new Map((result.sources ?? []).map((src) => [src.id, src]));
  const level = result.care.level;
  // A check the engine ended at an emergency stop shows what to do now and nothing else to act on:
  // no causes, tips, plan or share link. Any stop (the emergency, or "see your result now" on a
  // notice) means no plan and no cause scores.
  const stopped = !!result.stop;
  const emergencyStop = result.stop?.level === 'emergency';
  const panel = h('div', { class: 'share', 'data-share-panel': true, hidden: true });
  const actions = emergencyStop
    ? null
    : h(
        'div',
        { class: 'result-actions no-print', 'data-result-actions': true },
        h('h2', { class: 'heading-m', id: 'keep-title', text: t('result.keepTitle') }),
        h(
          'div',
          { class: 'button-group' },
          h('button', { type: 'button', class: 'button button--secondary', 'data-print': true, onclick: () => window.print(), text: t('result.print') }),
          h('button', { type: 'button', class: 'button button--secondary', 'data-share': true, onclick: () => sharePanel(panel, ctx.shareUrl()), text: t('result.share') }),
        ),
        panel,
      );
  const linkButton = (attrs, text, onclick) => h('li', null, h('button', { type: 'button', class: 'link-button', ...attrs, onclick, text }));
  const learnMore = h(
    'div',
    { class: 'result-section result-next no-print' },
    h('h2', { class: 'heading-m', text: t(emergencyStop ? 'result.againTitle' : 'result.nextTitle') }),
    h(
      'ul',
      { class: 'result-next__list' },
      emergencyStop ? null : linkButton({ 'data-open-quiz': true }, t('result.quiz'), () => ctx.open('quiz')),
      emergencyStop ? null : linkButton({ 'data-open-anatomy': true }, t('result.learn'), () => ctx.open('anatomy')),
      linkButton({ 'data-start-again': true }, t('result.startAgain'), () => ctx.startAgain()),
    ),
    h('button', { type: 'button', class: 'button button--warning button--small', 'data-clear-answers': true, onclick: ctx.clear, text: t('result.clear') }),
  );

  const severity =
    result.severity && !emergencyStop
      ? h(
          'p',
          { class: 'severity', 'data-severity': true },
          t('result.severity', { score: formatNumber(result.severity.score) }),
          ' ',
          result.severity.substantial ? t('result.severitySubstantial') : t('result.severityMinor'),
        )
      : null;

  let plan = null;
  if (result.plan && !stopped) plan = planSection(result.plan, ctx.unitLabel, sources);
  else if (!stopped) plan = h('section', { class: 'result-section', 'data-plan': 'none' }, h('h2', { class: 'heading-m', id: 'plan-title', text: t('plan.noneTitle') }), h('p', { text: t('plan.noneBody') }));

  const review = ctx.engine.review();
  const causes = stopped
    ? emergencyStop
      ? null
      : h('section', { class: 'result-section', 'data-causes': 'skipped' }, h('h2', { class: 'heading-m', id: 'causes-title', text: t('result.causesTitle') }), h('p', { text: t('result.causesSkipped') }))
    : causesSection(result.causes ?? []);
  const hasSources = (result.sources ?? []).length > 0;

  const node = h(
    'div',
    { class: `page page--result result--${level}${emergencyStop ? ' result--stopped' : ''}`, 'data-result-stop': result.stop?.id },
    h('div', { class: 'no-print' }, backLink(ctx.back)),
    printHeader(),
    h('h1', { class: 'heading-l result__title', tabindex: '-1', text: t('result.title') }),
    careCard(result.care, sources),
    emergencyStop ? null : topTips(result.tips ?? []),
    printedBooking(level),
    h('p', { class: 'result__notice', text: t(emergencyStop ? 'result.stoppedNotice' : 'result.notDiagnosis') }),
    contentsList([
      emergencyStop ? null : ['reasons-title', t('result.reasonsTitle')],
      causes ? ['causes-title', t('result.causesTitle')] : null,
      emergencyStop ? null : ['tips-title', t('result.tipsTitle')],
      plan ? ['plan-title', plan.dataset.plan === 'none' ? t('plan.noneTitle') : result.plan.title] : null,
      ['answers-title', t('result.answersTitle')],
      hasSources ? ['sources-title', t('result.sourcesTitle')] : null,
      ['about-title', t('result.aboutTitle')],
    ]),
    actions,
    emergencyStop ? null : reasonsSection(result.care, sources),
    severity,
    causes,
    emergencyStop ? null : tipsSection(result.tips ?? [], sources),
    plan,
    h(
      'section',
      { class: 'result-section answers', 'aria-labelledby': 'answers-title', 'data-answers': true },
      folded('answers-title', t('result.answersFold', { n: formatNumber((review.sections ?? []).reduce((n, section) => n + (section.answers?.length ?? 0), 0)) }), summaryList(review, { headingLevel: 'h3' })),
    ),
    hasSources ? sourcesSection(result.sources) : null,
    h(
      'section',
      { class: 'result-section about', 'aria-labelledby': 'about-title' },
      h('h2', { class: 'heading-m', id: 'about-title', text: t('result.aboutTitle') }),
      h('p', { class: 'disclaimer', 'data-disclaimer': true, text: fillCountry(result.disclaimer) }),
      result.reviewed
        ? h('p', { class: 'reviewed', 'data-reviewed': true, text: t(result.reviewed.date ? 'result.reviewedOn' : 'result.reviewed', { ...result.reviewed, date: result.reviewed.date ? formatDate(result.reviewed.date) : undefined }) })
        : null,
      h('p', { class: 'no-print' }, h('a', { href: '/', 'data-open-about': true, onclick: (event) => { event.preventDefault(); ctx.open('about'); }, text: t('about.link') })),
    ),
    learnMore,
  );
  const careName = t(`care.${level}`);
  return { title: t('result.pageTitle', { level: careName, title: fillCountry(result.care.title) }), node };
}
