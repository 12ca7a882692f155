// Presenter mode for a projector: the anatomy lessons and the four causes as large-type slides
// (content/rules/slides.json, words in content/<locale>/words.json) with the anatomy drawing. Arrow keys, space, Page Up / Page Down (a
// presenter clicker) and swipes move between slides; N shows the speaker notes, W opens them in a
// second window (/#notes), which follows the slides through a BroadcastChannel (same device and
// origin only: nothing leaves the device). Works offline like every other page.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { anatomyDiagram } from '../components/anatomy-diagram.js';

const CHANNEL = 'hipcheck-presenter';

/** Every slide in order: a cover, then each deck's slides (each knowing its deck's title). */
export function slideList(ctx) {
  const content = ctx.content('slides') ?? { decks: [] };
  const list = [{ id: 'cover', cover: true, title: content.title, body: content.intro ? [content.intro] : [], notes: [] }];
  for (const deck of content.decks ?? []) for (const slide of deck.slides ?? []) list.push({ ...slide, deck: deck.title });
  return list;
}

function openChannel() {
  try {
    return new BroadcastChannel(CHANNEL);
  } catch {
    return null;
  }
}

let channel = null;
let keyHandler = null;

export function render(ctx) {
  const slides = slideList(ctx);
  const names = Object.fromEntries(ctx.structures.map((x) => [x.id, x.name]));
  let index = 0;
  const stage = h('div', { class: 'presenter__stage', 'aria-live': 'polite', 'data-slide-stage': true });
  const count = h('p', { class: 'presenter__count', 'data-slide-count': true });
  const notes = h('aside', { class: 'presenter__notes', id: 'presenter-notes', 'aria-labelledby': 'presenter-notes-title', hidden: true, 'data-speaker-notes': true });
  const notesButton = h('button', { type: 'button', class: 'button button--secondary', 'aria-expanded': 'false', 'aria-controls': 'presenter-notes', 'data-toggle-notes': true, text: t('present.notes') });

  channel?.close();
  channel = openChannel();

  function post() {
    const slide = slides[index];
    channel?.postMessage({ type: 'slide', index, total: slides.length, title: slide.title, notes: slide.notes ?? [], next: slides[index + 1]?.title ?? null });
  }

  function draw() {
    const slide = slides[index];
    const structures = (slide.structures ?? []).filter((id) => names[id]);
    const text = h(
      'div',
      { class: 'slide__text' },
      slide.deck ? h('p', { class: 'slide__deck', text: slide.deck }) : null,
      h('h1', { class: 'slide__title', tabindex: '-1', text: slide.title }),
      slide.cover
        ? h('p', { class: 'slide__lead', text: [...slide.body, t('present.coverBody', { n: slides.length - 1 })].join(' ') })
        : h('ul', { class: 'slide__body' }, (slide.body ?? []).map((line) => h('li', { text: line }))),
    );
    const figure = structures.length || slide.cover
      ? h(
          'figure',
          { class: 'slide__figure' },
          anatomyDiagram({ title: structures.length ? t('lesson.diagramTitle', { names: structures.map((id) => names[id]).join(', ') }) : t('anatomy.diagramTitle'), highlight: structures, labels: true, names }).svg,
        )
      : null;
    stage.replaceChildren(h('section', { class: `slide${figure ? '' : ' slide--text'}`, 'data-slide': slide.id, 'aria-roledescription': 'slide' }, text, figure));
    count.textContent = t('present.slideOf', { n: index + 1, total: slides.length });
    notes.replaceChildren(
      h('h2', { class: 'heading-s', id: 'presenter-notes-title', text: t('present.notesTitle') }),
      slide.notes?.length ? h('ul', { class: 'list list--bullet' }, slide.notes.map((line) => h('li', { text: line }))) : h('p', { text: t('present.coverBody', { n: slides.length - 1 }) }),
      h('p', { class: 'hint', text: slides[index + 1] ? t('present.nextUp', { title: slides[index + 1].title }) : t('present.last') }),
    );
    post();
  }

  function go(to) {
    const next = Math.max(0, Math.min(slides.length - 1, to));
    if (next === index) return;
    index = next;
    draw();
  }

  function toggleNotes(force) {
    notes.hidden = force === undefined ? !notes.hidden : !force;
    notesButton.setAttribute('aria-expanded', String(!notes.hidden));
  }

  function notesWindow() {
    window.open('/#notes', 'hipcheck-notes', 'popup,width=720,height=600');
  }

  channel?.addEventListener('message', (event) => {
    const cmd = event.data?.type;
    if (cmd === 'hello') post();
    else if (cmd === 'next') go(index + 1);
    else if (cmd === 'prev') go(index - 1);
  });

  if (keyHandler) document.removeEventListener('keydown', keyHandler);
  keyHandler = (event) => {
    if (!node.isConnected) {
      document.removeEventListener('keydown', keyHandler);
      keyHandler = null;
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest?.('button, a, input, select, textarea') && (event.key === ' ' || event.key === 'Enter')) return;
    const key = event.key;
    if (['ArrowRight', 'ArrowDown', 'PageDown'].includes(key) || (key === ' ' && !event.shiftKey)) go(index + 1);
    else if (['ArrowLeft', 'ArrowUp', 'PageUp'].includes(key) || (key === ' ' && event.shiftKey)) go(index - 1);
    else if (key === 'Home') go(0);
    else if (key === 'End') go(slides.length - 1);
    else if (key === 'n' || key === 'N') toggleNotes();
    else if (key === 'w' || key === 'W') notesWindow();
    else if (key === 'Escape') ctx.open('start');
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', keyHandler);

  // Swipes on a touch screen: a mostly sideways move of 50 px or more.
  let from = null;
  stage.addEventListener('pointerdown', (event) => {
    from = { x: event.clientX, y: event.clientY };
  });
  stage.addEventListener('pointerup', (event) => {
    if (!from) return;
    const dx = event.clientX - from.x;
    const dy = event.clientY - from.y;
    from = null;
    if (Math.abs(dx) >= 50 && Math.abs(dx) > Math.abs(dy) * 1.5) go(index + (dx < 0 ? 1 : -1));
  });

  notesButton.addEventListener('click', () => toggleNotes());
  const node = h(
    'div',
    { class: 'presenter', 'data-presenter': true },
    stage,
    h(
      'div',
      { class: 'presenter__bar', role: 'group', 'aria-label': t('present.title') },
      count,
      h('button', { type: 'button', class: 'button button--secondary', 'data-slide-prev': true, onclick: () => go(index - 1), text: t('present.prev') }),
      h('button', { type: 'button', class: 'button', 'data-slide-next': true, onclick: () => go(index + 1), text: t('present.next') }),
      notesButton,
      h('button', { type: 'button', class: 'button button--secondary', 'data-notes-window': true, onclick: notesWindow, text: t('present.notesWindow') }),
      h('button', { type: 'button', class: 'button button--secondary', 'data-end-presentation': true, onclick: () => ctx.open('start'), text: t('present.exit') }),
    ),
    h('p', { class: 'visually-hidden', text: t('present.help') }),
    notes,
  );
  draw();
  return { title: t('present.title'), node, focus: '.slide__title' };
}

/** The notes window (/#notes): the current slide's notes, following the presenter. */
export function renderNotes() {
  const body = h('div', { class: 'notes-window__body', 'aria-live': 'polite', 'data-notes-body': true }, h('p', { text: t('present.notesWaiting') }));
  channel?.close();
  channel = openChannel();
  channel?.addEventListener('message', (event) => {
    const data = event.data;
    if (data?.type !== 'slide') return;
    body.replaceChildren(
      h('p', { class: 'presenter__count', text: t('present.slideOf', { n: data.index + 1, total: data.total }) }),
      h('h2', { class: 'heading-l', text: data.title }),
      data.notes.length ? h('ul', { class: 'list list--bullet' }, data.notes.map((line) => h('li', { text: line }))) : null,
      h('p', { class: 'hint', text: data.next ? t('present.nextUp', { title: data.next }) : t('present.last') }),
    );
  });
  channel?.postMessage({ type: 'hello' });
  const node = h(
    'div',
    { class: 'page notes-window', 'data-notes-window-page': true },
    h('h1', { class: 'heading-l', tabindex: '-1', text: t('present.notesWindowTitle') }),
    body,
    h(
      'div',
      { class: 'button-group' },
      h('button', { type: 'button', class: 'button button--secondary', 'data-notes-prev': true, onclick: () => channel?.postMessage({ type: 'prev' }), text: t('present.prev') }),
      h('button', { type: 'button', class: 'button', 'data-notes-next': true, onclick: () => channel?.postMessage({ type: 'next' }), text: t('present.next') }),
    ),
  );
  return { title: t('present.notesWindowTitle'), node };
}
