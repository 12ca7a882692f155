// The anonymous tally for the educator: counts of care levels, top causes and quiz scores of the
// people who used this device (only when the educator turned it on), as a chart and tables, a CSV
// download (made in the page: nothing is sent anywhere) and a clear with confirmation.
import { h, s } from '../dom.js';
import { t } from '../i18n.js';
import { backLink } from '../components/back-link.js';
import { confirmDialog } from '../components/confirm-dialog.js';
import * as w from '../tally.js';
import { render as settingsPage } from './settings.js';

function table(id, caption, rows) {
  return h(
    'table',
    { class: 'table', 'data-tally-table': id },
    h('caption', { class: 'table__caption', text: caption }),
    h('thead', null, h('tr', null, h('th', { scope: 'col', text: caption }), h('th', { scope: 'col', class: 'table__number', text: t('tally.count') }))),
    h('tbody', null, rows.map(([key, label, n]) => h('tr', { 'data-tally-row': `${id}:${key}` }, h('th', { scope: 'row', text: label }), h('td', { class: 'table__number', text: String(n) })))),
  );
}

// A bar chart of the care levels and top causes (decorative: the tables say the same).
function chart(rows) {
  const max = Math.max(1, ...rows.map((r) => r[2]));
  const rowH = 30;
  const svg = s('svg', { class: 'tally-chart', viewBox: `0 0 640 ${rows.length * rowH + 10}`, 'aria-hidden': 'true', focusable: 'false', 'data-tally-chart': true });
  rows.forEach(([, label, n], i) => {
    const y = 5 + i * rowH;
    svg.append(
      s('text', { class: 'tally-chart__label', x: 0, y: y + 19, text: label }),
      s('rect', { class: 'tally-chart__bar', x: 260, y: y + 4, width: Math.max(n ? 4 : 0, (n / max) * 330), height: 20, rx: 2 }),
      s('text', { class: 'tally-chart__value', x: 260 + Math.max(n ? 4 : 0, (n / max) * 330) + 8, y: y + 19, text: String(n) }),
    );
  });
  return svg;
}

export function render(ctx, params = {}) {
  if (!ctx.workshop.isUnlocked()) return settingsPage(ctx, params);
  const data = w.tally();
  const careLabels = Object.fromEntries(w.LEVELS.map((x) => [x, t(`care.${x}`)]));
  const causeLabels = Object.fromEntries((ctx.content('causes')?.causes ?? []).map((c) => [c.id, c.label]));
  const careRows = w.LEVELS.map((x) => [x, careLabels[x], data.care[x]]);
  const causeRows = w.CAUSES.map((x) => [x, causeLabels[x] ?? x, data.causes[x]]);
  const quizKeys = Object.keys(data.quiz).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  const status = h('p', { role: 'status', 'data-tally-status': true });

  const download = () => {
    const csv = w.tallyCsv(data, { care: careLabels, causes: causeLabels });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: t('tally.csvName'), hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const clear = async () => {
    const sure = await confirmDialog({ name: 'tally-clear', title: t('tally.clearTitle'), body: [t('tally.clearBody', { n: data.people })], confirm: t('tally.clearConfirm') });
    if (!sure) return;
    w.clearTally();
    ctx.open('tally', { cleared: true }, 'replace');
  };

  const node = h(
    'div',
    { class: 'page page--tally', 'data-tally': true },
    backLink(() => ctx.open('settings', {}, 'replace')),
    h('h1', { class: 'heading-l', tabindex: '-1', text: t('tally.title') }),
    h('p', { class: 'lead', text: t('tally.lead') }),
    ctx.workshop.settings().tally ? null : h('p', { class: 'inset', 'data-tally-off': true, text: t('tally.off') }),
    params.cleared ? h('p', { class: 'inset', role: 'status', text: t('tally.cleared') }) : null,
    h('p', { class: 'heading-m', 'data-tally-people': data.people, text: t('tally.peopleCount', { n: data.people }) }),
    h('figure', { class: 'tally-figure' }, h('figcaption', { class: 'heading-s', text: t('tally.chartTitle') }), chart([...careRows, ...causeRows])),
    h(
      'div',
      { class: 'tally-tables' },
      table('care', t('tally.careTitle'), careRows),
      table('causes', t('tally.causesTitle'), causeRows),
      quizKeys.length ? table('quiz', t('tally.quizTitle'), quizKeys.map((k) => [k, k, data.quiz[k]])) : h('p', { 'data-tally-table': 'quiz', text: t('tally.none') }),
    ),
    h(
      'div',
      { class: 'button-group' },
      h('button', { type: 'button', class: 'button', 'data-tally-csv': true, onclick: download, text: t('tally.csv') }),
      h('button', { type: 'button', class: 'button button--warning', 'data-tally-clear': true, onclick: clear, text: t('tally.clear') }),
    ),
    status,
  );
  return { title: t('tally.title'), node };
}
