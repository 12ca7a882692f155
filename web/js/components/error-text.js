// A specific error message for an engine error on one item (GOV.UK: say what went wrong and how to
// fix it, naming the question). The engine gives the kind of mistake (answer.missing, .range,
// .type, .step, …) and the item's path; the item on the page gives its type, range, step and unit.
// Errors this module does not know keep the engine's own message.
import { t, has } from '../i18n.js';
import { formatNumber } from '../clinic.js';

function unitText(ctx, item) {
  if (!item.unit) return '';
  return ` ${ctx.unitLabel(item.unit)}`;
}

function example(item) {
  const min = Number(item.min ?? 0);
  const max = Number(item.max ?? min + 20);
  const step = Number(item.step ?? 1);
  const mid = Math.min(max, Math.max(min, Math.round((min + (max - min) / 10) / step) * step + (step < 1 ? step : 0)));
  return formatNumber(mid, { maximumFractionDigits: 2 });
}

/** The message for `error` (an engine error) on `item` (the item as the page shows it). */
export function errorText(ctx, item, error) {
  if (!item || !error) return error?.message ?? '';
  const question = item.text ?? '';
  const kind = error.id ?? '';
  const type = item.type;
  const numeric = type === 'number' || type === 'scale';
  const vars = {
    question,
    min: item.min != null ? formatNumber(item.min) : '',
    max: item.max != null ? formatNumber(item.max) : '',
    unit: type === 'number' ? unitText(ctx, item) : '',
    step: item.step != null ? formatNumber(item.step) : '',
    example: example(item),
  };
  if (kind === 'answer.missing' || kind === 'answer.empty') {
    const key = type === 'number' ? 'error.missing.number' : type === 'multiple' ? 'error.missing.multiple' : type === 'yesno' ? 'error.missing.boolean' : 'error.missing.choice';
    return t(key, vars);
  }
  if (kind === 'answer.range' && numeric) {
    if (item.min != null && item.max != null) return t('error.range', vars);
    return t(item.min != null ? 'error.rangeMin' : 'error.rangeMax', vars);
  }
  if (kind === 'answer.type' && type === 'number') return t('error.type.number', vars);
  if (kind === 'answer.step' && numeric) return Number(item.step) === 1 || item.step == null ? t('error.step', vars) : t('error.stepOf', vars);
  const key = `error.${kind.replace(/^answer\./, '')}`;
  return has(key) ? t(key, vars) : error.message;
}
