// Reviewers' scores on a turn: those already given (beside the grader's) and the form to give or change one's own,
// saved with PUT /api/sessions/{id}/turns/{turn}/review.
import { t, formatScore, formatDate } from './i18n.js';
import { apiFetch } from './api.js';
import { node } from './dom.js';

let formCount = 0;

/** The reviews of one turn, read-only (also what an export shows). */
export function renderReviews(reviews) {
  if (!reviews.length) return null;
  return node('div', { class: 'reviews' },
    node('p', { class: 'reviews-title' }, node('strong', {}, t('rev.reviews'))),
    node('ul', {}, ...reviews.map((review) => node('li', { 'data-reviewer': review.reviewer },
      t('rev.entry', { reviewer: review.reviewer, score: formatScore(review.score), max: formatScore(review.maxScore), percent: formatScore(review.percent) }),
      ` · ${t('rev.when', { date: formatDate(review.reviewedAt) })}`,
      review.note ? node('span', { class: 'block hint' }, review.note) : null))));
}

/**
 * The form for one answered turn; onSaved(review) is called with the stored review.
 * keyPoints are the grade's ({ id, text }); a verdict left at "not judged" is not sent.
 */
export function renderReviewForm(sessionId, entry, onSaved) {
  const id = `review-${++formCount}`;
  const score = node('input', { id: `${id}-score`, name: 'score', type: 'number', inputmode: 'decimal', min: '0', step: 'any', required: '' });
  const max = node('input', { id: `${id}-max`, name: 'maxScore', type: 'number', inputmode: 'decimal', min: '1', step: 'any', value: '100' });
  const note = node('textarea', { id: `${id}-note`, name: 'note', rows: '2', maxlength: '4000' });
  const verdicts = (entry.grade?.keyPoints ?? []).map((keyPoint, i) => {
    const select = node('select', { id: `${id}-kp-${i}`, 'data-key-point': keyPoint.id },
      node('option', { value: '' }, t('rev.notJudged')),
      ...['covered', 'partial', 'missing'].map((status) => node('option', { value: status }, t(`checklist.${status}`))));
    return node('div', { class: 'verdict' }, node('label', { for: select.id }, keyPoint.text ?? keyPoint.id), select);
  });
  const status = node('p', { class: 'status-line', role: 'status' });
  const save = node('button', { type: 'submit', class: 'button primary' }, t('rev.save'));
  const form = node('form', { class: 'review-form', novalidate: '', 'data-turn': String(entry.turn) },
    node('div', { class: 'grid-fields' },
      node('div', { class: 'field' }, node('label', { for: score.id }, t('rev.score')), score),
      node('div', { class: 'field' }, node('label', { for: max.id }, t('rev.max')), max)),
    verdicts.length ? node('fieldset', { class: 'field verdicts' }, node('legend', {}, t('rev.keyPoints')), ...verdicts) : null,
    node('div', { class: 'field' }, node('label', { for: note.id }, t('rev.note')), note),
    node('div', { class: 'actions' }, save),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const maxScore = Number(max.value || 100);
    const value = Number(score.value);
    if (score.value.trim() === '' || !Number.isFinite(value) || value < 0 || value > maxScore) {
      status.textContent = t('rev.badScore', { max: formatScore(maxScore) });
      status.classList.add('error');
      score.focus();
      return;
    }
    const keyPoints = [...form.querySelectorAll('select[data-key-point]')].filter((s) => s.value).map((s) => ({ id: s.dataset.keyPoint, status: s.value }));
    const body = { score: value, maxScore, ...(keyPoints.length ? { keyPoints } : {}), ...(note.value.trim() ? { note: note.value.trim() } : {}) };
    save.disabled = true;
    status.classList.remove('error');
    try {
      const response = await apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/turns/${entry.turn}/review`, {
        reviewer: true, method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      onSaved(await response.json());
    } catch (error) {
      status.textContent = error.message;
      status.classList.add('error');
      save.disabled = false;
    }
  });
  return node('details', { class: 'review' }, node('summary', {}, t('rev.yours')), form);
}
