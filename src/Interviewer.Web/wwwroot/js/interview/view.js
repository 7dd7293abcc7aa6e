// The page's elements and what every part of it does to them: errors, the grading line, progress, the answer form.
import { t, suggestLanguage } from '../i18n.js';
import { el } from '../render.js';
import { state } from './state.js';
import { describeAssessment } from './assessment-info.js';

// The server's default Interviewer:Limits:MaxAnswerLength; the server has the last word.
export const maxAnswerLength = 20000;

const $ = (id) => document.getElementById(id);
export const ui = {
  connection: $('connection'),
  setup: $('setup'), setupForm: $('setup-form'), setupTitle: $('setup-title'), setupNotice: $('setup-notice'),
  bank: $('bank'), count: $('question-count'), categoryList: $('category-list'), name: $('candidate-name'),
  graderField: $('grader-field'), grader: $('grader'),
  setupError: $('setup-error'), start: $('start'),
  invite: $('invite'), inviteTitle: $('invite-title'), inviteStatus: $('invite-status'), inviteError: $('invite-error'), inviteRetry: $('invite-retry'),
  assessmentInfo: $('assessment-info'),
  interview: $('interview'), title: $('interview-title'), progress: $('progress'), progressBar: $('progress-bar'),
  transcript: $('transcript'), grading: $('grading'),
  answerForm: $('answer-form'), answer: $('answer'), answerCount: $('answer-count'), answerError: $('answer-error'),
  send: $('send'), skip: $('skip'), end: $('end'), newInterview: $('new-interview'),
  summary: $('summary'), summaryTitle: $('summary-title'), summaryContent: $('summary-content'), summaryNew: $('summary-new'),
};

/** Clears the interview view for a new or redrawn session. */
export function resetInterview() {
  state.current = null;
  state.completed = false;
  state.busy = false;
  state.answers.clear();
  state.questionKeys.clear();
  ui.transcript.replaceChildren();
  ui.summary.hidden = true;
  ui.summaryContent.replaceChildren();
  ui.answerForm.hidden = false;
  ui.answer.value = '';
  hideError(ui.answerError);
  setGrading(null);
  updateCounter();
}

export function showInterview() {
  const { bank } = state.session;
  suggestLanguage(bank?.language);
  ui.setup.hidden = true;
  ui.invite.hidden = true;
  ui.interview.hidden = false;
  ui.title.textContent = bank?.title ?? '';
  showMode();
  updateProgress();
  updateCounter();
  setFormEnabled(Boolean(state.current) && !state.busy);
}

// An assessment says whose it is, what it asks and what the candidate will see; it cannot be swapped for a new interview.
export function showMode() {
  const assessment = state.session?.mode === 'assessment';
  ui.assessmentInfo.hidden = !assessment;
  ui.assessmentInfo.textContent = assessment ? describeAssessment(state.session) : '';
  ui.newInterview.hidden = assessment;
  ui.summaryNew.hidden = assessment;
}

export function updateProgress() {
  const total = state.current?.total ?? state.session?.totalQuestions ?? 0;
  const index = state.completed ? total : (state.current?.index ?? 0);
  ui.progress.textContent = total > 0 && index > 0 ? t('interview.progress', { index, total }) : '';
  ui.progressBar.max = Math.max(1, total);
  ui.progressBar.value = state.completed ? total : Math.max(0, index - 1);
}

export function updateCounter() {
  const count = ui.answer.value.length;
  ui.answerCount.textContent = t('interview.count', { count, max: maxAnswerLength });
  ui.answerCount.classList.toggle('over', count > maxAnswerLength);
}

export function setFormEnabled(enabled) {
  for (const control of [ui.answer, ui.send, ui.skip, ui.end]) control.disabled = !enabled;
  // Ending stays possible while waiting, except before the first question.
  ui.end.disabled = !state.current || state.completed;
}

export function setGrading(text) {
  ui.grading.textContent = text ?? '';
  ui.grading.classList.toggle('active', Boolean(text));
}

export function showError(target, text) {
  target.hidden = false;
  target.replaceChildren(...String(text).split('\n').map((line, i) => (i === 0 ? line : el('span', { className: 'error-detail', text: line }))));
}

export function hideError(target) {
  target.hidden = true;
  target.textContent = '';
}

/** A hub error in the candidate's language: the code's headline, then the server's detail. */
export function describeError(error) {
  const headline = t(`error.${error?.code ?? 'unknown'}`);
  return error?.detail ? `${headline}\n${t('error.detail', { detail: error.detail })}` : headline;
}
