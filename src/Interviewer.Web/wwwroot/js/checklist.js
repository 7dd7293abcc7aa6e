// A grade's key-point checklist for reviewers: status, the key point's text and the evidence quoted from the answer.
import { t } from './i18n.js';
import { node } from './dom.js';

const icons = { covered: '✓', partial: '◐', missing: '✗' };

/** The status a key point is shown with (anything unknown reads as missing). */
export const statusOf = (status) => (icons[status] ? status : 'missing');

/** The list of key points; keyPoints are the grade's { id, text, status, evidence: [{ text }] }. */
export function renderChecklist(keyPoints) {
  return node('ul', { class: 'checklist' }, ...(keyPoints ?? []).map((keyPoint) => {
    const status = statusOf(keyPoint.status);
    const quotes = (keyPoint.evidence ?? []).map((span) => (typeof span === 'string' ? span : span.text)).filter(Boolean);
    return node('li', { class: `key-point key-point-${status}`, 'data-key-point': keyPoint.id ?? '', 'data-status': status },
      node('span', { class: 'key-point-icon', 'aria-hidden': 'true' }, icons[status]),
      node('span', { class: 'key-point-body' },
        node('span', { class: 'key-point-status' }, `${t(`checklist.${status}`)}: `),
        node('span', { class: 'key-point-text' }, keyPoint.text ?? keyPoint.id ?? ''),
        quotes.length > 0
          ? node('span', { class: 'key-point-evidence' }, t('checklist.evidence'), ...quotes.flatMap((quote, i) => [i > 0 ? ', ' : '', node('q', {}, quote)]))
          : null));
  }));
}

/** A grade flag in a few words (the flag's own name when it has no words yet). */
export function flagLabel(flag) {
  const key = `flag.${flag}`;
  const text = t(key);
  return text === key ? flag : text;
}
