// The self-check quiz: the engine gives the questions (without the answers) and scores them.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { confirmDialog } from '../components/confirm-dialog.js';
import { backLink } from '../components/back-link.js';
import { errorSummary } from '../components/error-summary.js';

function lessonFor(ctx, topic) {
  const lesson = topic.lesson ? ctx.item(topic.lesson) : null;
  if (!lesson) return null;
  return h(
    'details',
    { class: 'details' },
    h('summary', { class: 'details__summary', text: t('quiz.readLesson', { title: lesson.text }) }),
    h('div', { class: 'details__text' }, (lesson.body ?? []).map((text) => h('p', { text }))),
  );
}

function results(ctx, quiz, scored, chosen) {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const label = (question, value) => question.options.find((o) => o.value === value)?.label;
  const list = h('ol', { class: 'quiz-results' });
  for (const r of scored.questions) {
    const question = byId.get(r.id);
    const yours = r.chosen == null ? t('quiz.notAnswered') : label(question, r.chosen);
    list.append(
      h(
        'li',
        { class: `quiz-result ${r.correct ? 'quiz-result--right' : 'quiz-result--wrong'}`, 'data-quiz-result': r.id },
        h('h3', { class: 'heading-s', text: question.text }),
        h('p', null, h('strong', { class: `tag ${r.correct ? 'tag--green' : 'tag--red'}`, text: r.correct ? t('quiz.right') : t('quiz.wrong') })),
        h('p', { text: t('quiz.yourAnswer', { answer: yours }) }),
        r.correct ? null : h('p', { text: t('quiz.correctAnswer', { answer: label(question, r.correctValue) }) }),
        r.feedback ? h('p', { class: 'quiz-result__feedback', text: r.feedback }) : null,
      ),
    );
  }
  const revisit = scored.revisit?.length
    ? h(
        'div',
        { class: 'revisit' },
        h('h2', { class: 'heading-m', text: t('quiz.revisitTitle') }),
        h('ul', { class: 'list' }, scored.revisit.map((topic) => h('li', null, h('p', { class: 'revisit__topic', text: topic.label }), lessonFor(ctx, topic)))),
      )
    : h('p', { class: 'inset', text: t('quiz.allRight') });
  return h(
    'section',
    { class: 'quiz-score', 'aria-labelledby': 'quiz-score-title', 'data-quiz-score': true },
    h('h2', { class: 'heading-l', id: 'quiz-score-title', tabindex: '-1', text: t('quiz.score', { score: scored.score, total: scored.total }) }),
    revisit,
    h('h2', { class: 'heading-m', text: t('quiz.feedbackTitle') }),
    list,
    h('button', { type: 'button', class: 'button button--secondary', 'data-quiz-again': true, onclick: () => ctx.open('quiz', {}, 'replace'), text: t('quiz.again') }),
  );
}

export function render(ctx, { chosen, scored, error } = {}) {
  const quiz = ctx.engine.quiz();
  const form = h('form', { class: 'form', novalidate: true, 'data-quiz': true });
  quiz.questions.forEach((question, qi) => {
    const name = `quiz-${question.id}`;
    const fieldset = h(
      'fieldset',
      { class: 'fieldset quiz-question', 'data-quiz-question': question.id },
      h('legend', { class: 'legend legend--m', text: t('quiz.questionNumber', { n: qi + 1, text: question.text }) }),
    );
    const radios = h('div', { class: 'radios' });
    question.options.forEach((option, oi) => {
      const id = `${name}-${oi}`;
      radios.append(
        h(
          'div',
          { class: 'choice' },
          h('input', { class: 'choice__input', type: 'radio', id, name, value: String(oi), checked: chosen && chosen[question.id] === option.value ? true : null }),
          h('label', { class: 'choice__label', for: id, text: option.label }),
        ),
      );
    });
    fieldset.append(radios);
    form.append(fieldset);
  });
  if (!scored) form.append(h('button', { type: 'submit', class: 'button', 'data-quiz-submit': true, text: t('quiz.submit') }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const answers = {};
    for (const question of quiz.questions) {
      const input = form.querySelector(`input[name="quiz-${CSS.escape(question.id)}"]:checked`);
      if (input) answers[question.id] = question.options[Number(input.value)].value;
    }
    // An unanswered (or half answered) sheet: ask before scoring it.
    const missing = quiz.questions.length - Object.keys(answers).length;
    if (missing === 0) {
      ctx.scoreQuiz(answers);
      return;
    }
    confirmDialog({
        name: 'quiz-unanswered',
        title: t('quiz.unansweredTitle'),
        body: [Object.keys(answers).length ? t('quiz.unansweredBody', { n: missing, total: quiz.questions.length }) : t('quiz.unansweredNone')],
        confirm: t('quiz.unansweredConfirm'),
        cancel: t('quiz.unansweredCancel'),
        danger: false,
      })
      .then((sure) => {
        if (sure) ctx.scoreQuiz(answers);
        else form.querySelector('[data-quiz-question] input:not(:checked)')?.focus();
      });
  });

  const node = h(
    'div',
    { class: 'page page--quiz' },
    backLink(ctx.back),
    error ? errorSummary([{ message: error.message, target: `quiz-${quiz.questions[0]?.id}-0` }]) : null,
    h('h1', { class: 'heading-l', tabindex: '-1', text: quiz.title ?? t('quiz.title') }),
    h('p', { class: 'lead', text: quiz.intro ?? t('quiz.intro') }),
    scored ? results(ctx, quiz, scored, chosen) : null,
    scored ? null : form,
  );
  return { title: quiz.title ?? t('quiz.title'), node, focus: scored ? '#quiz-score-title' : null };
}
