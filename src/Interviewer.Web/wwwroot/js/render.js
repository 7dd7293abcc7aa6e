// DOM builders. Candidate and server text only ever goes into text nodes (textContent), never into HTML.
import { t, formatScore } from './i18n.js';

/** document.createElement with a class, attributes and children (strings become text nodes). */
export function el(tag, { className, attrs, text } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** The key that identifies one asked question in a session (a follow-up is its own question). */
export function questionKey(question) {
  return `${question.index}:${question.questionId}:${question.isFollowUp ? 'follow-up' : 'main'}`;
}

export function renderQuestion(question) {
  const meta = question.isFollowUp
    ? t('interview.followUp')
    : t('interview.question', { index: question.index, total: question.total });
  return el('li', {
    className: `message message-question${question.isFollowUp ? ' message-follow-up' : ''}`,
    attrs: { 'data-question-key': questionKey(question) },
  },
  el('p', { className: 'message-meta' }, el('span', { className: 'message-author', text: t('interview.interviewer') }), ' · ', meta),
  el('p', { className: 'message-text', text: question.text }));
}

export function renderAnswer(answerId, text) {
  return el('li', { className: 'message message-answer', attrs: { 'data-answer-id': answerId } },
    el('p', { className: 'message-meta' }, el('span', { className: 'message-author', text: t('interview.you') })),
    el('p', { className: 'message-text answer-text', text }),
    el('p', { className: 'message-state', attrs: { hidden: true } }));
}

/**
 * Splits the answer at every evidence boundary and wraps the covered pieces in <mark>, so overlapping
 * spans from several key points still read as one highlighted run. Spans outside the text, or whose
 * text does not match the answer at that offset, are ignored.
 */
export function highlightEvidence(answer, keyPoints) {
  const spans = [];
  for (const keyPoint of keyPoints ?? []) {
    for (const span of keyPoint.evidence ?? []) {
      const start = Number(span.start);
      const end = start + Number(span.length);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > answer.length) continue;
      if (typeof span.text === 'string' && span.text !== answer.substring(start, end)) continue;
      spans.push({ start, end, keyPoint: keyPoint.id });
    }
  }
  const fragment = document.createDocumentFragment();
  const cuts = [...new Set([0, answer.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const piece = answer.substring(from, to);
    const covering = spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.keyPoint);
    if (covering.length === 0) {
      fragment.append(document.createTextNode(piece));
    } else {
      fragment.append(el('mark', { attrs: { 'data-key-points': [...new Set(covering)].join(' ') }, text: piece }));
    }
  }
  return fragment;
}

const statusIcons = { covered: '✓', partial: '◐', missing: '✗' };

export function renderGrade(grade) {
  const statusLabel = (status) => t(`grade.${statusIcons[status] ? status : 'missing'}`);
  const keyPoints = grade.keyPoints ?? [];
  const items = keyPoints.map((keyPoint) => {
    const status = statusIcons[keyPoint.status] ? keyPoint.status : 'missing';
    const quotes = (keyPoint.evidence ?? []).map((span) => span.text).filter((text) => typeof text === 'string' && text.length > 0);
    return el('li', { className: `key-point key-point-${status}`, attrs: { 'data-key-point': keyPoint.id, 'data-status': status } },
      el('span', { className: 'key-point-icon', attrs: { 'aria-hidden': 'true' }, text: statusIcons[status] }),
      el('span', { className: 'key-point-body' },
        el('span', { className: 'key-point-status', text: `${statusLabel(status)}: ` }),
        el('span', { className: 'key-point-text', text: keyPoint.text }),
        quotes.length > 0
          ? el('span', { className: 'key-point-evidence' }, t('grade.evidence'), ...quotes.flatMap((quote, i) => [i > 0 ? ', ' : '', el('q', { text: quote })]))
          : null));
  });
  const flags = (grade.flags ?? []).map((flag) => el('li', { text: t(`grade.flag.${flag}`) === `grade.flag.${flag}` ? flag : t(`grade.flag.${flag}`) }));
  return el('section', { className: 'grade', attrs: { 'aria-label': t('grade.title') } },
    el('p', { className: 'grade-score' },
      el('strong', { text: t('grade.score', { score: formatScore(grade.score) }) })),
    el('meter', { className: 'grade-meter', attrs: { min: 0, max: 100, low: 40, high: 75, optimum: 100, value: Number(grade.score) || 0, 'aria-hidden': 'true' } }),
    grade.degraded ? el('p', { className: 'grade-note', text: t('grade.degraded') }) : null,
    flags.length > 0 ? el('ul', { className: 'grade-flags' }, flags) : null,
    el('h3', { className: 'grade-heading', text: t('grade.keyPoints') }),
    el('ul', { className: 'checklist' }, items),
    grade.feedback ? el('p', { className: 'grade-feedback', text: grade.feedback }) : null,
    renderAnchors(grade.anchors));
}

/** The team's scored answers the grade anchored on ("closest scored answers"); nothing when there are none. */
export function renderAnchors(anchors) {
  if (!Array.isArray(anchors) || anchors.length === 0) return null;
  const describe = (a) => t('grade.anchor', { id: a.exemplarId, score: a.score, max: a.maxScore, similarity: Number(a.similarity).toFixed(2) });
  return el('p', { className: 'grade-anchors hint' }, t('grade.anchors'), anchors.map(describe).join(' · '));
}

/** Puts the grade under its answer and highlights the evidence in the answer's own text. */
export function applyGrade(answerItem, answerText, grade) {
  const textNode = answerItem.querySelector('.answer-text');
  textNode.replaceChildren(highlightEvidence(answerText, grade.keyPoints));
  answerItem.querySelector('.grade')?.remove();
  answerItem.append(renderGrade(grade));
  answerItem.dataset.graded = 'true';
  setAnswerState(answerItem, null);
}

export function setAnswerState(answerItem, text) {
  const state = answerItem.querySelector('.message-state');
  state.hidden = !text;
  state.textContent = text ?? '';
}

export function renderSkipped() {
  return el('li', { className: 'message message-skipped', text: t('interview.skipped') });
}

const statusOf = (status) => (statusIcons[status] ? status : 'missing');

export function renderSummary(summary) {
  const questions = Array.isArray(summary.questions) ? summary.questions : [];
  const strengths = Array.isArray(summary.strengths) ? summary.strengths : [];
  const gaps = Array.isArray(summary.gaps) ? summary.gaps : [];
  const rows = questions.map((question) => el('tr', {},
    el('td', { className: 'number', text: question.index ?? '' }),
    el('td', {}, el('span', { text: question.text ?? question.questionId ?? '' }),
      question.followUpAsked ? el('span', { className: 'hint block', text: t('summary.followUpAsked') }) : null),
    el('td', { className: 'number', text: question.skipped ? t('summary.skipped') : formatScore(question.score) })));
  const strengthItems = strengths.map((strength) => (typeof strength === 'string'
    ? el('li', { text: strength })
    : el('li', {}, el('strong', { text: strength.title ?? strength.category ?? '' }), ` — ${formatScore(strength.score)} / 100`)));
  const gapItems = gaps.map((gap) => (typeof gap === 'string'
    ? el('li', { text: gap })
    : el('li', { className: `gap key-point-${statusOf(gap.status)}` },
      el('span', { className: 'key-point-status', text: `${t(`grade.${statusOf(gap.status)}`)}: ` }),
      el('span', { text: gap.keyPoint ?? gap.text ?? '' }),
      gap.study ? el('details', {}, el('summary', { text: t('summary.study') }), el('p', { text: gap.study })) : null)));
  return el('div', { className: 'summary-body' },
    el('p', { className: 'summary-overall' }, el('strong', { text: t('summary.overall', { score: formatScore(summary.overallScore) }) })),
    el('meter', { attrs: { min: 0, max: 100, low: 40, high: 75, optimum: 100, value: Number(summary.overallScore) || 0, 'aria-hidden': 'true' } }),
    summary.status === 'ended' ? el('p', { className: 'hint', text: t('summary.ended') }) : null,
    rows.length > 0
      ? el('div', { className: 'table-wrap' }, el('table', {},
        el('caption', { text: t('summary.questions') }),
        el('thead', {}, el('tr', {},
          el('th', { className: 'number', attrs: { scope: 'col' }, text: '#' }),
          el('th', { attrs: { scope: 'col' }, text: t('summary.question') }),
          el('th', { className: 'number', attrs: { scope: 'col' }, text: t('summary.score') }))),
        el('tbody', {}, rows)))
      : null,
    el('h3', { text: t('summary.strengths') }),
    strengthItems.length > 0 ? el('ul', { className: 'strengths' }, strengthItems) : el('p', { text: t('summary.none') }),
    el('h3', { text: t('summary.gaps') }),
    gapItems.length > 0 ? el('ul', { className: 'gaps' }, gapItems) : el('p', { text: t('summary.none') }));
}
