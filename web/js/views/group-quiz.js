// The quiz for a group on a projector: one question at a time in large type; the educator
// reveals the answer and its explanation, then moves on. Nothing is recorded.
import { h } from '../dom.js';
import { t } from '../i18n.js';

const LETTERS = 'ABCDEFGHIJ';

export function render(ctx) {
  const quiz = ctx.content('quiz') ?? { questions: [] };
  const questions = quiz.questions ?? [];
  let index = 0;
  let revealed = false;
  const area = h('div', { class: 'group-quiz__area', 'data-group-quiz-area': true });

  function draw(focus = true) {
    if (index >= questions.length) {
      area.replaceChildren(
        h('h1', { class: 'group-quiz__question', tabindex: '-1', text: t('groupQuiz.doneTitle') }),
        h('p', { text: t('groupQuiz.doneBody') }),
        h(
          'div',
          { class: 'button-group' },
          h('button', { type: 'button', class: 'button', 'data-group-restart': true, onclick: () => ((index = 0), (revealed = false), draw()), text: t('groupQuiz.restart') }),
          h('button', { type: 'button', class: 'button button--secondary', 'data-group-end': true, onclick: () => ctx.open('start'), text: t('groupQuiz.finish') }),
        ),
      );
      if (focus) area.querySelector('h1').focus();
      return;
    }
    const question = questions[index];
    const correct = question.options.find((o) => o.correct);
    area.replaceChildren(
      h('p', { class: 'group-quiz__count', 'data-group-count': true, text: t('groupQuiz.questionOf', { n: index + 1, total: questions.length }) }),
      h('h1', { class: 'group-quiz__question', tabindex: '-1', 'data-group-question': question.id, text: question.text }),
      h(
        'ol',
        { class: 'group-quiz__options' },
        question.options.map((option, i) =>
          h(
            'li',
            { class: `group-quiz__option${revealed && option.correct ? ' is-correct' : ''}`, 'data-group-option': option.value, 'data-correct': revealed && option.correct ? 'true' : null },
            h('span', { class: 'group-quiz__letter', text: t('groupQuiz.letter', { letter: LETTERS[i] }) }),
            option.label,
          ),
        ),
      ),
      revealed
        ? h(
            'div',
            { class: 'group-quiz__answer', role: 'status', 'data-group-answer': true },
            h('p', null, h('strong', { text: t('groupQuiz.answer', { answer: `${LETTERS[question.options.indexOf(correct)]}. ${correct.label}` }) })),
            h('p', { text: correct.feedback }),
          )
        : null,
      h(
        'div',
        { class: 'button-group' },
        index > 0 ? h('button', { type: 'button', class: 'button button--secondary', 'data-group-prev': true, onclick: () => ((index -= 1), (revealed = false), draw()), text: t('groupQuiz.prev') }) : null,
        revealed
          ? h('button', { type: 'button', class: 'button', 'data-group-next': true, onclick: () => ((index += 1), (revealed = false), draw()), text: t('groupQuiz.next') })
          : h('button', { type: 'button', class: 'button', 'data-group-reveal': true, onclick: () => ((revealed = true), draw(false), area.querySelector('[data-group-next]')?.focus()), text: t('groupQuiz.reveal') }),
        h('button', { type: 'button', class: 'button button--secondary', 'data-group-end': true, onclick: () => ctx.open('start'), text: t('groupQuiz.finish') }),
      ),
    );
    if (focus) area.querySelector('h1').focus();
  }

  const node = h('div', { class: 'group-quiz', 'data-group-quiz': true }, area);
  draw(false);
  return { title: t('groupQuiz.title'), node, focus: '.group-quiz__question' };
}
