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

/** The question's score after an answer: "85 / 100" for a first answer, "75 → 85 (+10)" when it changed an earlier score. */
export function questionScoreText(grade) {
  const after = Number(grade.questionScore);
  const gained = Number(grade.gained) || 0;
  const before = Math.round((after - gained) * 10) / 10;
  if (before <= 0) return t('grade.questionScore', { score: formatScore(after) });
  const sign = gained < 0 ? '−' : '+';
  return t('grade.questionScoreChange', { before: formatScore(before), after: formatScore(after), gained: `${sign}${formatScore(Math.abs(gained))}` });
}

export function renderGrade(grade) {
  // Feedback "none" (an assessment): the answer was received; no score and no key point reach the candidate.
  if (grade.questionScore === undefined || grade.questionScore === null) {
    return el('section', { className: 'grade grade-received', attrs: { 'aria-label': t('grade.title') } },
      el('p', { className: 'grade-score', text: t('grade.received') }));
  }
  const statusLabel = (status) => t(`grade.${statusIcons[status] ? status : 'missing'}`);
  const keyPoints = grade.keyPoints ?? [];
  const weights = grade.weights ?? {};
  const items = keyPoints.map((keyPoint) => {
    const status = statusIcons[keyPoint.status] ? keyPoint.status : 'missing';
    const weight = weights[keyPoint.id];
    const quotes = (keyPoint.evidence ?? []).map((span) => span.text).filter((text) => typeof text === 'string' && text.length > 0);
    return el('li', { className: `key-point key-point-${status}`, attrs: { 'data-key-point': keyPoint.id, 'data-status': status } },
      el('span', { className: 'key-point-icon', attrs: { 'aria-hidden': 'true' }, text: statusIcons[status] }),
      el('span', { className: 'key-point-body' },
        el('span', { className: 'key-point-status', text: `${statusLabel(status)}: ` }),
        el('span', { className: 'key-point-text', text: keyPoint.text }),
        weight !== undefined ? el('span', { className: 'key-point-weight', text: ` ${t('grade.weight', { weight: formatScore(weight) })}` }) : null,
        quotes.length > 0
          ? el('span', { className: 'key-point-evidence' }, t('grade.evidence'), ...quotes.flatMap((quote, i) => [i > 0 ? ', ' : '', el('q', { text: quote })]))
          : null));
  });
  const flags = (grade.flags ?? []).map((flag) => el('li', { text: t(`grade.flag.${flag}`) === `grade.flag.${flag}` ? flag : t(`grade.flag.${flag}`) }));
  const score = Number(grade.questionScore) || 0;
  return el('section', { className: 'grade', attrs: { 'aria-label': t('grade.title'), tabindex: '-1' } },
    el('p', { className: 'grade-score' }, el('strong', { text: questionScoreText(grade) })),
    el('meter', { className: 'grade-meter', attrs: { min: 0, max: 100, low: 40, high: 75, optimum: 100, value: score, 'aria-hidden': 'true' } }),
    grade.degraded ? el('p', { className: 'grade-note', text: t('grade.degraded') }) : null,
    flags.length > 0 ? el('ul', { className: 'grade-flags' }, flags) : null,
    items.length > 0 ? el('h3', { className: 'grade-heading', text: t(grade.targeted ? 'grade.targets' : 'grade.keyPoints') }) : null,
    items.length > 0 ? el('ul', { className: 'checklist' }, items) : null,
    items.length > 0 ? el('p', { className: 'grade-rule hint', text: t('grade.rule') }) : null,
    renderAnchoring(grade.anchoring),
    renderAnchors(grade.anchors));
}

/** How the score was moved onto the hiring team's scale by their scored answers; nothing when it was not. */
export function renderAnchoring(anchoring) {
  if (!anchoring) return null;
  const shift = Number(anchoring.shift) || 0;
  return el('p', { className: 'grade-anchoring hint', text: t('grade.anchoring', {
    shift: `${shift >= 0 ? '+' : '−'}${formatScore(Math.abs(shift))}`,
    weight: formatScore(Math.round(100 * (Number(anchoring.weight) || 0))),
  }) });
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

const questionStatus = (status) => (['answered', 'skipped', 'not_reached'].includes(status) ? status : 'not_reached');

export function renderSummary(summary) {
  const questions = Array.isArray(summary.questions) ? summary.questions : [];
  const strengths = Array.isArray(summary.strengths) ? summary.strengths : [];
  const gaps = Array.isArray(summary.gaps) ? summary.gaps : [];
  const scored = summary.overallScore !== undefined && summary.overallScore !== null;
  const rows = questions.map((question) => {
    const status = questionStatus(question.status);
    const score = status === 'answered' ? (scored ? formatScore(question.score) : t('summary.answered')) : t(`summary.${status}`);
    return el('tr', { attrs: { 'data-status': status } },
      el('td', { className: 'number', text: question.index ?? '' }),
      el('td', {}, el('span', { text: question.text ?? question.questionId ?? '' }),
        question.followUpAsked ? el('span', { className: 'hint block', text: t('summary.followUpAsked') }) : null),
      el('td', { className: 'number', text: score }));
  });
  const strengthItems = strengths.map((strength) => el('li', {},
    el('strong', { text: strength.text ?? strength.questionId ?? '' }), ` — ${formatScore(strength.score)} / 100`));
  const gapGroups = gaps.map((group) => el('li', { className: 'gap-question' },
    el('p', { className: 'gap-question-text' }, el('strong', { text: group.text ?? group.questionId ?? '' }), ` — ${formatScore(group.score)} / 100`),
    el('ul', { className: 'gaps' }, (group.keyPoints ?? []).map((gap) => el('li', { className: `gap key-point-${statusOf(gap.status)}` },
      el('span', { className: 'key-point-status', text: `${t(`grade.${statusOf(gap.status)}`)}: ` }),
      el('span', { text: gap.keyPoint ?? '' }),
      gap.weight !== undefined ? el('span', { className: 'key-point-weight', text: ` ${t('grade.weight', { weight: formatScore(gap.weight) })}` }) : null,
      gap.study ? el('details', {}, el('summary', { text: t('summary.study') }), el('p', { text: gap.study })) : null)))));
  const answered = t('summary.answeredCount', { answered: summary.answered ?? 0, total: summary.total ?? questions.length });
  return el('div', { className: 'summary-body' },
    scored
      ? el('p', { className: 'summary-overall' }, el('strong', { text: t('summary.overall', { score: formatScore(summary.overallScore) }) }), ` · ${answered}`)
      : el('p', { className: 'summary-overall' }, el('strong', { text: t('summary.received') }), ` · ${answered}`),
    scored ? el('meter', { attrs: { min: 0, max: 100, low: 40, high: 75, optimum: 100, value: Number(summary.overallScore) || 0, 'aria-hidden': 'true' } }) : null,
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
    scored ? el('h3', { text: t('summary.strengths') }) : null,
    scored ? (strengthItems.length > 0 ? el('ul', { className: 'strengths' }, strengthItems) : el('p', { text: t('summary.noStrengths') })) : null,
    gapGroups.length > 0 ? el('h3', { text: t('summary.gaps') }) : null,
    gapGroups.length > 0 ? el('ul', { className: 'gap-questions' }, gapGroups) : null);
}
