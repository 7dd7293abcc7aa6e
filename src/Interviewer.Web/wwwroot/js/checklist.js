// A grade's key-point checklist for reviewers: status, the key point's text and the evidence quoted from the answer.
import { t } from './i18n.js';

const icons = { covered: '✓', partial: '◐', missing: '✗' };

function node(tag, className, ...children) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/** The status a key point is shown with (anything unknown reads as missing). */
export const statusOf = (status) => (icons[status] ? status : 'missing');

/** The list of key points; keyPoints are the grade's { id, text, status, evidence: [{ text }] }. */
export function renderChecklist(keyPoints) {
  return node('ul', 'checklist', ...(keyPoints ?? []).map((keyPoint) => {
    const status = statusOf(keyPoint.status);
    const quotes = (keyPoint.evidence ?? []).map((span) => (typeof span === 'string' ? span : span.text)).filter(Boolean);
    const item = node('li', `key-point key-point-${status}`,
      node('span', 'key-point-icon', icons[status]),
      node('span', 'key-point-body',
        node('span', 'key-point-status', `${t(`checklist.${status}`)}: `),
        node('span', 'key-point-text', keyPoint.text ?? keyPoint.id ?? ''),
        quotes.length > 0
          ? node('span', 'key-point-evidence', t('checklist.evidence'), ...quotes.flatMap((quote, i) => [i > 0 ? ', ' : '', node('q', null, quote)]))
          : null));
    item.firstChild.setAttribute('aria-hidden', 'true');
    item.dataset.keyPoint = keyPoint.id ?? '';
    item.dataset.status = status;
    return item;
  }));
}

/** A grade flag in a few words (the flag's own name when it has no words yet). */
export function flagLabel(flag) {
  const key = `flag.${flag}`;
  const text = t(key);
  return text === key ? flag : text;
}
