// The reviewer key field every reviewer page shares: entered once per tab, then shown as set with a way to change it.
import { applyStrings } from './i18n.js';
import { reviewerKey } from './api.js';
import { node } from './dom.js';

/**
 * Renders the key panel into container. A key typed but not yet confirmed is taken by takeTypedKey(),
 * so that pressing a page's main button right after pasting the key works.
 */
export function mountReviewerKey(container) {
  let refused = false;
  const render = (editing) => {
    if (!editing) {
      container.replaceChildren(node('div', { class: 'reviewer-key-set' },
        node('p', { id: 'reviewer-key-status', 'data-i18n': 'reviewer.saved' }),
        node('button', { type: 'button', id: 'reviewer-key-change', class: 'button subtle', 'data-i18n': 'reviewer.change' })));
      container.querySelector('#reviewer-key-change').addEventListener('click', () => {
        render(true);
        container.querySelector('#reviewer-key').focus();
      });
    } else {
      const input = node('input', {
        id: 'reviewer-key', type: 'password', autocomplete: 'off', spellcheck: 'false',
        'aria-describedby': 'reviewer-key-hint', 'data-i18n-placeholder': 'reviewer.placeholder',
      });
      const save = node('button', { type: 'button', id: 'reviewer-key-save', class: 'button', 'data-i18n': 'reviewer.save' });
      container.replaceChildren(node('div', { class: 'field' },
        node('label', { for: 'reviewer-key', 'data-i18n': 'reviewer.label' }),
        node('div', { class: 'inline-field' }, input, save),
        refused ? node('p', { class: 'error', role: 'alert', 'data-i18n': 'reviewer.refused' }) : '',
        node('p', { id: 'reviewer-key-hint', class: 'hint', 'data-i18n': 'reviewer.hint' })));
      const commit = () => { if (input.value.trim()) reviewerKey.set(input.value); };
      save.addEventListener('click', commit);
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        }
      });
    }
    applyStrings(container);
  };
  reviewerKey.onChange((key) => {
    refused = !key;
    render(!key);
    if (!key) container.querySelector('#reviewer-key')?.focus();
  });
  render(!reviewerKey.get());
}

/** Stores a key typed into the field but not confirmed yet; returns whether a key is set. */
export function takeTypedKey() {
  const typed = document.querySelector('#reviewer-key')?.value.trim();
  if (typed && typed !== reviewerKey.get()) reviewerKey.set(typed);
  return Boolean(reviewerKey.get());
}
