// The /progress page: a practising candidate's past interviews in this browser and the key points they miss most,
// from GET /api/candidates/{id}/progress with the candidate's own token; "practise my weak areas" opens the interview
// page with those questions planned.
import { t, addStrings, formatScore, formatDate, onLanguageChange } from './i18n.js';
import { initLayout } from './layout.js';
import { getJson } from './api.js';
import { el } from './render.js';
import { statusLine } from './status-line.js';
import { candidate as candidateStore } from './storage.js';
import candidateStrings from './strings/candidate.js';

addStrings(candidateStrings);
initLayout();

const $ = (id) => document.getElementById(id);
const ui = {
  status: $('progress-status'), weak: $('weak'), weakQuestions: $('weak-questions'), weakPoints: $('weak-points'), weakCategories: $('weak-categories'),
  practise: $('practise'), history: $('history'), interviews: $('interviews'),
};

const status = statusLine(ui.status);
let progress = null;

async function load() {
  const me = candidateStore.get();
  if (!me) {
    status.say('progress.none');
    return;
  }
  status.say('progress.loading');
  try {
    progress = await getJson(`/api/candidates/${encodeURIComponent(me.id)}/progress`, { headers: { 'X-Candidate-Token': me.token } });
  } catch (error) {
    if (error.status === 404 || error.status === 403) {
      // The server no longer knows this id (or the token): the next practice interview issues a new one.
      candidateStore.set(null);
      status.say('progress.unknown');
    } else if (error.status) {
      status.sayError(`${t('progress.failed')} ${t('http.status', { status: error.status })}`);
    } else {
      status.say('http.unreachable', {}, true);
    }
    return;
  }
  render();
}

function render() {
  const interviews = progress.interviews ?? [];
  status.say(interviews.length === 0 ? 'progress.none' : null);
  renderWeak(progress.weakAreas ?? {}, progress.practice);
  ui.interviews.replaceChildren(...interviews.map(renderInterview));
  ui.history.hidden = interviews.length === 0;
}

function renderWeak(weak, practice) {
  const questions = weak.questions ?? [];
  const keyPoints = weak.keyPoints ?? [];
  const categories = weak.categories ?? [];
  ui.weak.hidden = (progress.interviews ?? []).length === 0;
  ui.weakQuestions.replaceChildren(...questions.map((question) => el('li', { className: 'weak-point', attrs: { 'data-question': question.questionId } },
    el('span', { className: 'weak-point-text', text: question.text }),
    el('span', { className: 'hint block', text: question.asked > 1 ? `${t('progress.lastScore', { score: formatScore(question.lastScore) })} · ${t('progress.asked', { count: question.asked })}` : t('progress.lastScore', { score: formatScore(question.lastScore) }) }))));
  if (questions.length === 0) ui.weakQuestions.replaceChildren(el('li', { className: 'hint', text: t('progress.noWeak') }));
  ui.weakPoints.replaceChildren(...keyPoints.map((point) => el('li', { className: 'weak-point', attrs: { 'data-key-point': point.keyPointId } },
    el('span', { className: 'weak-point-text', text: point.text }),
    el('span', { className: 'hint block', text: point.question }),
    el('span', { className: 'badge warning', text: t('progress.missed', { count: point.missed, seen: point.seen }) }))));
  if (keyPoints.length === 0) ui.weakPoints.replaceChildren(el('li', { className: 'hint', text: t('progress.noWeakKeyPoints') }));
  ui.weakCategories.replaceChildren(...(categories.length > 0
    ? [el('h3', { text: t('progress.categories') }), el('ul', { className: 'category-scores' }, categories.map(renderCategory))]
    : []));
  const planned = practice?.questionIds ?? [];
  ui.practise.hidden = planned.length === 0;
  if (planned.length > 0) {
    const address = new URLSearchParams({ bank: practice.bankId, questions: planned.join(',') });
    ui.practise.href = `/?${address}`;
  }
}

function renderCategory(category) {
  return el('li', { className: 'category-score', attrs: { 'data-category': category.id } },
    el('span', { text: category.title ?? category.id }),
    el('strong', { className: 'number', text: t('progress.score', { score: formatScore(category.score) }) }),
    el('meter', { attrs: { min: 0, max: 100, low: 40, high: 75, optimum: 100, value: Number(category.score) || 0, 'aria-hidden': 'true' } }));
}

function renderInterview(interview) {
  const status = ['active', 'completed', 'ended'].includes(interview.status) ? interview.status : 'completed';
  const rows = (interview.questions ?? []).map((question) => el('tr', { attrs: { 'data-status': question.status } },
    el('td', { className: 'number', text: question.index }),
    el('td', { text: question.text }),
    el('td', { className: 'number', text: question.status === 'answered' ? formatScore(question.score) : t(`summary.${question.status}`) })));
  return el('li', { className: 'interview-card', attrs: { 'data-session': interview.sessionId } },
    el('p', { className: 'interview-meta' },
      el('span', { text: formatDate(interview.startedAt) }), ' · ',
      el('span', { text: interview.bank?.title ?? interview.bank?.id ?? '' }), ' ',
      el('span', { className: `badge${status === 'active' ? ' warning' : ''}`, text: t(`progress.status.${status}`) })),
    el('p', { className: 'interview-overall' },
      el('strong', { text: t('summary.overall', { score: formatScore(interview.overallScore) }) }),
      ` · ${t('summary.answeredCount', { answered: interview.answered ?? 0, total: interview.total ?? 0 })}`),
    (interview.categories ?? []).length > 0 ? el('ul', { className: 'category-scores' }, interview.categories.map(renderCategory)) : null,
    rows.length > 0
      ? el('details', {}, el('summary', { text: t('progress.questions') }),
        el('div', { className: 'table-wrap' }, el('table', {},
          el('thead', {}, el('tr', {},
            el('th', { className: 'number', attrs: { scope: 'col' }, text: '#' }),
            el('th', { attrs: { scope: 'col' }, text: t('summary.question') }),
            el('th', { className: 'number', attrs: { scope: 'col' }, text: t('summary.score') }))),
          el('tbody', {}, rows))))
      : null);
}

// Messages are drawn from the strings, so a language change redraws what is shown (or asks again).
onLanguageChange(() => (progress ? render() : load()));
load();
