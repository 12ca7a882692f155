// Printable handouts from the content: a one-page summary of the four causes with the top
// prevention tips (causes.json and tips.json), and the quiz sheet with its answer key on a second
// page (quiz.json). A4 or Letter: the choice sets the printed page size.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { backLink } from '../components/back-link.js';

const TIPS_PER_CAUSE = 2;
const LETTERS = 'ABCDEFGHIJ';

/** The top tips of a cause: the highest priority ones whose text needs no answers (no {{…}}). */
function topTips(ctx, cause) {
  return (ctx.content('tips')?.tips ?? [])
    .filter((tip) => tip.group === cause && !/\{\{/.test(tip.text))
    .sort((a, b) => b.priority - a.priority)
    .slice(0, TIPS_PER_CAUSE);
}

function causesHandout(ctx) {
  const causes = ctx.content('causes')?.causes ?? [];
  return h(
    'article',
    { class: 'handout handout--causes', 'data-handout': 'causes', 'aria-labelledby': 'handout-causes-title' },
    h('h2', { class: 'heading-l', id: 'handout-causes-title', text: t('handout.causesTitle') }),
    h('p', { text: t('handout.causesIntro') }),
    h('div', { class: 'handout__causes' }, causes.map((cause) =>
      h(
        'section',
        { class: 'handout__cause', 'data-handout-cause': cause.id },
        h('h3', { class: 'heading-s', text: cause.label }),
        h('p', { text: cause.summary }),
        h('p', null, h('strong', { text: t('handout.tipsTitle') })),
        h('ul', { class: 'list list--bullet' }, topTips(ctx, cause.id).map((tip) => h('li', { text: tip.text }))),
      ),
    )),
    h('p', { class: 'handout__footer', text: t('handout.disclaimer') }),
  );
}

function quizHandout(ctx) {
  const quiz = ctx.content('quiz') ?? { questions: [] };
  return h(
    'article',
    { class: 'handout handout--quiz', 'data-handout': 'quiz', 'aria-labelledby': 'handout-quiz-title' },
    h('h2', { class: 'heading-l', id: 'handout-quiz-title', text: t('handout.quizTitle') }),
    h('p', { text: t('handout.name') }),
    h('p', { text: t('handout.quizIntro') }),
    h(
      'ol',
      { class: 'handout__questions' },
      quiz.questions.map((question) => h('li', { class: 'handout__question' }, question.text, h('ul', { class: 'handout__options' }, question.options.map((option, i) => h('li', { text: `${LETTERS[i]}. ${option.label}` }))))),
    ),
    h(
      'section',
      { class: 'handout__key', 'data-handout-key': true, 'aria-labelledby': 'handout-key-title' },
      h('h2', { class: 'heading-m', id: 'handout-key-title', text: t('handout.keyTitle') }),
      h(
        'ol',
        null,
        quiz.questions.map((question) => {
          const i = question.options.findIndex((o) => o.correct);
          const option = question.options[i];
          return h('li', null, h('strong', { text: `${LETTERS[i]}. ${option.label}` }), ' ', option.feedback);
        }),
      ),
    ),
  );
}

// The printed page size, as a constructed style sheet (the Content-Security-Policy allows no
// inline <style>); the page's data-paper attribute says which one is chosen.
let sizeSheet = null;
function setPaper(size) {
  const paper = size === 'letter' ? 'letter' : 'A4';
  try {
    if (!sizeSheet) {
      sizeSheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sizeSheet];
    }
    sizeSheet.replaceSync(`@page { size: ${paper}; margin: 12mm; }`);
  } catch {
    /* an older browser prints on its own default paper */
  }
  document.documentElement.dataset.paper = paper;
}

export function render(ctx) {
  const causes = causesHandout(ctx);
  const quiz = quizHandout(ctx);
  const choice = (value, label, checked) =>
    h(
      'div',
      { class: 'choice' },
      h('input', { class: 'choice__input', type: 'radio', id: `paper-${value}`, name: 'paper', value, checked: checked || null, onchange: () => setPaper(value) }),
      h('label', { class: 'choice__label', for: `paper-${value}`, text: label }),
    );
  const print = (which) => {
    for (const el of [causes, quiz]) el.classList.toggle('is-printing', el === which);
    window.print();
  };
  setPaper('a4');
  causes.classList.add('is-printing');
  const node = h(
    'div',
    { class: 'page page--handout' },
    backLink(ctx.back),
    h(
      'div',
      { 'data-handout-controls': true },
      h('h1', { class: 'heading-l', tabindex: '-1', text: t('handout.title') }),
      h('p', { class: 'lead', text: t('handout.lead') }),
      h('fieldset', { class: 'fieldset' }, h('legend', { class: 'legend legend--s', text: t('handout.paper') }), h('div', { class: 'radios radios--inline' }, choice('a4', t('handout.a4'), true), choice('letter', t('handout.letter'), false))),
      h(
        'div',
        { class: 'button-group' },
        h('button', { type: 'button', class: 'button', 'data-print-handout': 'causes', onclick: () => print(causes), text: t('handout.printCauses') }),
        h('button', { type: 'button', class: 'button button--secondary', 'data-print-handout': 'quiz', onclick: () => print(quiz), text: t('handout.printQuiz') }),
      ),
    ),
    h('div', { class: 'handout-preview' }, causes),
    h('div', { class: 'handout-preview' }, quiz),
  );
  return { title: t('handout.title'), node };
}
