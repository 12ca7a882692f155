// A confirmation dialog, shared by "Clear my answers", a share link over a check in progress, the
// quiz sent half answered and the educator's pages.
import { h } from '../dom.js';
import { t } from '../i18n.js';

/**
 * A modal <dialog> asking to confirm: resolves true when confirmed. body is a list of nodes or
 * texts; `danger` styles the confirm button as a warning.
 */
export function confirmDialog({ title, body = [], confirm, cancel, danger = true, name = 'confirm' }) {
  return new Promise((resolve) => {
    const titleId = `dialog-title-${name}`;
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'data-dialog': name });
    const done = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    dialog.append(
      h('h2', { class: 'heading-m', id: titleId, text: title }),
      ...body.map((x) => (x instanceof Node ? x : h('p', { text: x }))),
      h(
        'div',
        { class: 'button-group' },
        h('button', { type: 'button', class: danger ? 'button button--warning' : 'button', 'data-confirm': name, onclick: () => done(true), text: confirm }),
        h('button', { type: 'button', class: 'button button--secondary', 'data-cancel': name, onclick: () => done(false), text: cancel ?? t('dialog.cancel') }),
      ),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('[data-cancel]').focus();
  });
}
