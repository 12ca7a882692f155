// The result (engine result()): care first, then the four causes, tips, the plan, the answers and
// the sources. Every level, score and number here is the engine's; this module only lays them out.
import { h, s, safeUrl } from '../dom.js';
import { t } from '../i18n.js';
import { backLink } from '../components/back-link.js';
import { summaryList } from '../components/summary-list.js';
import { bookingFor, clinic, emergency } from '../clinic.js';

function sourceNote(ids, sources) {
  const names = (ids ?? []).map((id) => sources.get(id)).filter(Boolean).map((src) => src.title);
  return names.length ? h('p', { class: 'source-note' }, h('span', { class: 'source-note__label', text: t('result.source') }), ' ', names.join('; ')) : null;
}

// The clinic's own way to get care: its emergency number, or its booking link and phone.
function clinicContact(level) {
  if (level === 'emergency') {
    const { number, href } = emergency();
    return h('p', { class: 'care__contact' }, h('a', { class: 'care__call', href, 'data-clinic-emergency': true, text: t('care.callEmergency', { number }) }));
  }
  const booking = bookingFor(level);
  if (!booking) return null;
  return h(
    'p',
    { class: 'care__contact', 'data-clinic-booking': true },
    booking.url ? h('a', { href: booking.url, target: '_top', text: t('clinic.book', { name: clinic().name }) }) : null,
    booking.url && booking.phone ? ' ' : null,
    booking.phone ? h('a', { href: booking.phoneHref, text: t('clinic.call', { phone: booking.phone }) }) : null,
  );
}

function careCard(care, sources) {
  const level = care.level;
  return h(
    'section',
    { class: `care care--${level}`, 'aria-labelledby': 'care-title', 'data-care': level },
    h(
      'div',
      { class: 'care__heading' },
      h('p', { class: 'care__level', text: t(`care.${level}`) }),
      h('h2', { class: 'care__title', id: 'care-title', text: care.title }),
    ),
    h(
      'div',
      { class: 'care__body' },
      h('p', { class: 'care__action', text: care.action }),
      care.where ? h('p', { class: 'care__where' }, h('strong', { text: t('result.where') }), ' ', care.where) : null,
      clinicContact(level),
      care.flags?.length
        ? [
            h('h3', { class: 'heading-s', text: t('result.reasons') }),
            h('ul', { class: 'list list--bullet' }, care.flags.map((flag) => h('li', { 'data-flag': flag.id }, flag.reason, sourceNote(flag.sources, sources)))),
          ]
        : h('p', { text: t('result.noFlags') }),
    ),
  );
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
      h('td', { class: 'table__score' }, h('span', { class: 'score-number', text: t('result.score', { score: cause.score }) }), bar(cause.score, `bar--${cause.level}`)),
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
      'div',
      { class: 'cause', 'data-cause-detail': cause.id },
      h('h3', { class: 'heading-s' }, cause.label, ' ', h('span', { class: 'cause__score', text: t('result.causeScore', { score: cause.score, level: t(`level.${cause.level}`) }) })),
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
        'div',
        { class: 'tip-group', 'data-tip-group': id },
        h('h3', { class: 'heading-m', text: group.label }),
        h(
          'ol',
          { class: 'tips' },
          group.tips.map((tip, rank) =>
            h(
              'li',
              { class: rank < PRINTED_TIPS ? 'tip' : 'tip tip--extra', 'data-tip': tip.id },
              h('p', { class: 'tip__text', text: tip.text }),
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
    svg.append(s('text', { class: 'plan-chart__label', x: x + barWidth / 2, y: height + 14, 'text-anchor': 'middle', text: String(week.week) }));
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
  const dash = t('plan.none');
  const table = h(
    'table',
    { class: 'table table--plan' },
    h('caption', { class: 'table__caption', text: t('plan.caption') }),
    h('thead', null, h('tr', null, h('th', { scope: 'col', text: t('plan.week') }), h('th', { scope: 'col', text: t('plan.total', { unit }) }), h('th', { scope: 'col', text: t('plan.longest', { unit }) }))),
    h(
      'tbody',
      null,
      plan.weeks.map((week) =>
        h('tr', { 'data-plan-week': week.week }, h('th', { scope: 'row', text: String(week.week) }), h('td', { class: 'table__number', text: week.distance ?? dash }), h('td', { class: 'table__number', text: week.longestRun ?? dash })),
      ),
    ),
  );
  return h(
    'section',
    { class: 'result-section plan', 'aria-labelledby': 'plan-title', 'data-plan': true },
    h('h2', { class: 'heading-l', id: 'plan-title', text: plan.title }),
    h('p', { text: plan.intro }),
    h('p', { class: 'plan__numbers', text: plan.target != null ? t('plan.startTarget', { start: plan.start, target: plan.target, unit }) : t('plan.start', { start: plan.start, unit }) }),
    h('div', { class: 'plan__layout' }, table, planChart(plan)),
    plan.stopRule ? h('div', { class: 'inset inset--warning' }, h('p', null, h('strong', { text: t('plan.stopTitle') }), ' ', plan.stopRule)) : null,
    plan.caveat ? h('p', { class: 'plan__caveat', text: plan.caveat }) : null,
    sourceNote(plan.sources, sources),
  );
}

function sourcesSection(list) {
  return h(
    'section',
    { class: 'result-section sources', 'aria-labelledby': 'sources-title', 'data-sources': true },
    h('h2', { class: 'heading-m', id: 'sources-title', text: t('result.sourcesTitle') }),
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

export function render(ctx) {
  const result = ctx.engine.result();
  const sources = new Map((result.sources ?? []).map((src) => [src.id, src]));
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
        h('h2', { class: 'heading-m', text: t('result.keepTitle') }),
        h(
          'div',
          { class: 'button-group' },
          h('button', { type: 'button', class: 'button button--secondary', 'data-print': true, onclick: () => window.print(), text: t('result.print') }),
          h('button', { type: 'button', class: 'button button--secondary', 'data-share': true, onclick: () => sharePanel(panel, ctx.shareUrl()), text: t('result.share') }),
        ),
        panel,
      );
  const learnMore = h(
    'div',
    { class: 'result-section no-print' },
    emergencyStop
      ? null
      : [
          h('h2', { class: 'heading-m', text: t('result.learnTitle') }),
          h(
            'div',
            { class: 'button-group' },
            h('button', { type: 'button', class: 'button button--secondary', 'data-open-quiz': true, onclick: () => ctx.open('quiz'), text: t('result.quiz') }),
            h('button', { type: 'button', class: 'button button--secondary', 'data-open-anatomy': true, onclick: () => ctx.open('anatomy'), text: t('result.learn') }),
          ),
        ],
    h('h2', { class: 'heading-m', text: t('result.againTitle') }),
    h(
      'div',
      { class: 'button-group' },
      h('button', { type: 'button', class: 'button button--secondary', 'data-start-again': true, onclick: () => ctx.startAgain(), text: t('result.startAgain') }),
      h('button', { type: 'button', class: 'button button--warning', 'data-clear-answers': true, onclick: ctx.clear, text: t('result.clear') }),
    ),
  );

  const severity =
    result.severity && !emergencyStop
      ? h(
          'p',
          { class: 'severity', 'data-severity': true },
          t('result.severity', { score: result.severity.score }),
          ' ',
          result.severity.substantial ? t('result.severitySubstantial') : t('result.severityMinor'),
        )
      : null;

  let plan = null;
  if (result.plan && !stopped) plan = planSection(result.plan, ctx.unitLabel, sources);
  else if (!stopped) plan = h('section', { class: 'result-section', 'data-plan': 'none' }, h('h2', { class: 'heading-m', text: t('plan.noneTitle') }), h('p', { text: t('plan.noneBody') }));

  const node = h(
    'div',
    { class: `page page--result result--${result.care.level}${emergencyStop ? ' result--stopped' : ''}`, 'data-result-stop': result.stop?.id },
    h('div', { class: 'no-print' }, backLink(ctx.back)),
    h('p', { class: 'print-only print-header', text: t('print.header', { date: new Date().toLocaleDateString(document.documentElement.lang || undefined) }) }),
    h('h1', { class: 'heading-xl', tabindex: '-1', text: t('result.title') }),
    h('p', { class: 'lead result__notice', text: t(emergencyStop ? 'result.stoppedNotice' : 'result.notDiagnosis') }),
    careCard(result.care, sources),
    severity,
    actions,
    // A stop ended the check before the questions about the causes: their scores would all read
    // 0, so the page says why they are missing instead.
    stopped
      ? emergencyStop
        ? null
        : h('section', { class: 'result-section', 'data-causes': 'skipped' }, h('h2', { class: 'heading-m', text: t('result.causesTitle') }), h('p', { text: t('result.causesSkipped') }))
      : causesSection(result.causes ?? []),
    emergencyStop ? null : tipsSection(result.tips ?? [], sources),
    plan,
    h(
      'section',
      { class: 'result-section answers', 'aria-labelledby': 'answers-title', 'data-answers': true },
      h('h2', { class: emergencyStop ? 'heading-m' : 'heading-l', id: 'answers-title', text: t('result.answersTitle') }),
      summaryList(ctx.engine.review(), { headingLevel: 'h3' }),
    ),
    (result.sources ?? []).length ? sourcesSection(result.sources) : null,
    h(
      'section',
      { class: 'result-section about', 'aria-labelledby': 'about-title' },
      h('h2', { class: 'heading-m', id: 'about-title', text: t('result.aboutTitle') }),
      h('p', { class: 'disclaimer', 'data-disclaimer': true, text: result.disclaimer }),
      result.reviewed
        ? h('p', { class: 'reviewed', 'data-reviewed': true, text: t(result.reviewed.date ? 'result.reviewedOn' : 'result.reviewed', result.reviewed) })
        : null,
    ),
    learnMore,
  );
  return { title: t('result.title'), node };
}
