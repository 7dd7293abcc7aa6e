// One interview as reviewers read it: each turn's question, the answer with its evidence marked, the grader's
// checklist, score, flags and markers. The same elements make the page and the exported HTML file.
import { t, formatScore, formatDate } from './i18n.js';
import { highlightEvidence, renderAnchoring, renderAnchors } from './render.js';
import { renderChecklist, flagLabel } from './checklist.js';
import { renderReviews } from './review-form.js';
import { node } from './dom.js';

export const candidateName = (session) => session.candidateName || t('ses.anonymous');

function renderGrade(grade) {
  const reason = grade.degradedReason ? ` (${grade.degradedReason})` : '';
  return node('div', { class: 'turn-grade' },
    // The question's score after this answer (the number the candidate saw); a follow-up's own grade covers its targets only.
    node('p', { class: 'grade-line' }, node('strong', {}, t('ses.score', { score: formatScore(grade.questionScore ?? grade.score), grader: grade.grader }))),
    grade.degraded ? node('p', { class: 'marker degraded', 'data-marker': 'degraded' }, t('ses.degraded', { reason })) : null,
    grade.disagreement
      ? node('p', { class: 'marker disagreement', 'data-marker': 'disagreement' }, t('ses.disagreement', { score: formatScore(grade.keywordGrade?.score) }))
      : null,
    grade.flags?.length ? node('p', { class: 'flags', 'data-marker': 'flags' }, t('ses.flags', { flags: grade.flags.map(flagLabel).join(', ') })) : null,
    renderChecklist(grade.keyPoints),
    grade.feedback ? node('p', { class: 'hint' }, t('ses.feedback', { text: grade.feedback })) : null,
    renderAnchoring(grade.anchoring),
    renderAnchors(grade.anchors));
}

/** One turn; extra is appended (the reviewer's score form on the page, nothing in an export). */
export function renderTurn(entry, extra = null) {
  const { question } = entry;
  const meta = question.isFollowUp
    ? t('ses.followUp', { index: question.index })
    : t('ses.question', { index: question.index, total: question.total });
  let body;
  if (entry.skipped) body = node('p', { class: 'muted' }, t('ses.skipped'));
  else if (!entry.answer) body = node('p', { class: 'muted' }, t('ses.unanswered'));
  else {
    const answer = node('blockquote', { class: 'answer', 'aria-label': t('ses.answer') });
    answer.append(highlightEvidence(entry.answer.text, entry.grade?.keyPoints));
    body = answer;
  }
  return node('li', { class: `turn${question.isFollowUp ? ' follow-up' : ''}`, 'data-turn': String(entry.turn), id: `turn-${entry.turn}`, tabindex: '-1' },
    node('p', { class: 'turn-meta' }, `${t('ses.turn', { turn: entry.turn })} · ${meta}`),
    node('p', { class: 'turn-question' }, question.text),
    body,
    entry.grade ? renderGrade(entry.grade) : (entry.answer ? node('p', { class: 'muted' }, t('ses.notGraded')) : null),
    extra);
}

/** The heading block: who, which bank, status, dates and the overall score. */
export function renderSessionHead(session) {
  const done = session.status !== 'active';
  const dates = [t('ses.meta', { bank: session.bank.title, version: session.bank.version, grader: session.grader, started: formatDate(session.createdAt) }),
    session.finishedAt ? t('ses.finished', { date: formatDate(session.finishedAt) }) : null].filter(Boolean).join(' · ');
  return node('div', { class: 'session-head' },
    node('h2', { id: 'session-title', tabindex: '-1' }, t('ses.detail', { name: candidateName(session) })),
    node('p', { class: 'grade-line' }, node('span', { class: `badge status-${session.status}` }, t(`ses.status.${session.status}`)),
      session.mode ? node('span', { class: 'badge', 'data-mode': session.mode }, t(`ses.mode.${session.mode}`)) : null,
      session.mode === 'assessment' ? node('span', { class: 'muted' }, t('ses.feedbackSeen', { feedback: t(`ses.feedback.${session.feedback}`) })) : null),
    node('p', { class: 'muted' }, dates),
    session.snapshotRecovered ? node('p', { class: 'muted', 'data-snapshot': 'recovered' }, t('ses.snapshotRecovered')) : null,
    node('p', {}, node('strong', {}, t(done ? 'ses.overallDone' : 'ses.overall', { score: formatScore(session.summary?.overallScore) }))));
}

/** The transcript list; extraFor(entry) may add an element under a turn. */
export function renderTranscript(session, extraFor = () => null) {
  return node('section', { 'aria-labelledby': 'transcript-title' },
    node('h3', { id: 'transcript-title' }, t('ses.transcript')),
    node('ol', { class: 'turns' }, ...session.transcript.map((entry) => renderTurn(entry, extraFor(entry)))));
}

/** The reviewers' scores of one turn. */
export const reviewsOf = (session, turn) => (session.reviews ?? []).filter((review) => review.turn === turn);

/** A self-contained HTML file of the interview: the page's own rendering with the stylesheets inlined. */
export async function exportHtml(session) {
  const css = await Promise.all(['/css/site.css', '/css/sessions.css'].map(async (url) => (await fetch(url)).text()));
  const main = node('main', {}, renderSessionHead(session), renderTranscript(session, (entry) => renderReviews(reviewsOf(session, entry.turn))),
    node('p', { class: 'hint' }, t('ses.exported', { date: formatDate(new Date().toISOString()) })));
  const title = `${t('ses.detail', { name: candidateName(session) })} · ${session.bank.title}`;
  const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const html = `<!doctype html>\n<html lang="${document.documentElement.lang}">\n<head>\n<meta charset="utf-8">\n`
    + `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escape(title)}</title>\n`
    + `<style>\n${css.join('\n').replace(/<\/style/gi, '<\\/style')}\n</style>\n</head>\n<body>\n${main.outerHTML}\n</body>\n</html>\n`;
  return new Blob([html], { type: 'text/html;charset=utf-8' });
}
