// The anonymous tally of a workshop (issue 10), kept only when the educator turned it on:
// hipcheck.tally.v1 (localStorage) holds counts only (people, care levels, top causes, quiz
// scores). No answers, no times, nothing that identifies anyone.
import { t } from './i18n.js';
import { readJson, settings, writeJson } from './workshop.js';

const TALLY_KEY = 'hipcheck.tally.v1';
export const CAUSES = ['overuse', 'footwear', 'form', 'imbalance'];
export const LEVELS = ['emergency', 'urgent', 'soon', 'selfcare'];

function emptyTally() {
  return {
    people: 0,
    care: Object.fromEntries(LEVELS.map((x) => [x, 0])),
    causes: Object.fromEntries(CAUSES.map((x) => [x, 0])),
    quiz: {},
  };
}

/** The counts so far (empty when nothing is stored). */
export function tally() {
  const stored = readJson(TALLY_KEY);
  const out = emptyTally();
  if (!stored) return out;
  out.people = Number.isInteger(stored.people) ? stored.people : 0;
  for (const x of LEVELS) out.care[x] = Number.isInteger(stored.care?.[x]) ? stored.care[x] : 0;
  for (const x of CAUSES) out.causes[x] = Number.isInteger(stored.causes?.[x]) ? stored.causes[x] : 0;
  for (const [score, n] of Object.entries(stored.quiz ?? {})) if (/^\d+\/\d+$/.test(score) && Number.isInteger(n)) out.quiz[score] = n;
  return out;
}

export function clearTally() {
  try {
    localStorage.removeItem(TALLY_KEY);
  } catch {
    /* nothing stored */
  }
}

/**
 * Adds one person to the tally (when the educator turned it on): the care level of a finished
 * check, its top cause(s) (the highest score, when above 0) and a quiz score "n/total". Only
 * these counts are kept: no answers, no time, nothing that could identify the person.
 */
export function count({ level, causes, quiz }) {
  if (!settings().tally) return false;
  if (!level && !quiz) return false;
  const next = tally();
  next.people += 1;
  if (LEVELS.includes(level)) next.care[level] += 1;
  const top = Math.max(0, ...(causes ?? []).map((c) => c.score ?? 0));
  if (top > 0) for (const c of causes) if (c.score === top && CAUSES.includes(c.id)) next.causes[c.id] += 1;
  if (quiz && Number.isInteger(quiz.score) && Number.isInteger(quiz.total)) {
    const key = `${quiz.score}/${quiz.total}`;
    next.quiz[key] = (next.quiz[key] ?? 0) + 1;
  }
  return writeJson(TALLY_KEY, next);
}

/** The tally as CSV rows: measure, value, count. */
export function tallyCsv(data = tally(), labels = {}) {
  const esc = (x) => (/[",\n]/.test(String(x)) ? `"${String(x).replace(/"/g, '""')}"` : String(x));
  const rows = [[t('tally.csvMeasure'), t('tally.csvValue'), t('tally.csvCount')]];
  rows.push([t('tally.people'), '', data.people]);
  for (const x of LEVELS) rows.push([t('tally.careTitle'), labels.care?.[x] ?? x, data.care[x]]);
  for (const x of CAUSES) rows.push([t('tally.causesTitle'), labels.causes?.[x] ?? x, data.causes[x]]);
  for (const key of Object.keys(data.quiz).sort((a, b) => parseInt(a, 10) - parseInt(b, 10))) rows.push([t('tally.quizTitle'), key, data.quiz[key]]);
  return `${rows.map((r) => r.map(esc).join(',')).join('\r\n')}\r\n`;
}
