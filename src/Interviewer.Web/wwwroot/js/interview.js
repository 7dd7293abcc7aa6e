// The chat page: setup form → live interview over the hub → summary. Resumes after a reload.
import { t, suggestLanguage, onLanguageChange } from './i18n.js';
import { initLayout } from './layout.js';
import { InterviewHub } from './hub.js';
import {
  el, questionKey, renderQuestion, renderAnswer, renderSkipped, applyGrade, setAnswerState, renderSummary,
} from './render.js';
import { readTranscript } from './transcript.js';
import {
  session as sessionStore, drafts, pending as pendingStore, preferences, newAnswerId,
} from './storage.js';

// The server's default Interviewer:Limits:MaxAnswerLength; the server has the last word.
const maxAnswerLength = 20000;

const $ = (id) => document.getElementById(id);
const ui = {
  connection: $('connection'),
  setup: $('setup'), setupForm: $('setup-form'), setupTitle: $('setup-title'), setupNotice: $('setup-notice'),
  bank: $('bank'), count: $('question-count'), categoryList: $('category-list'), name: $('candidate-name'),
  setupError: $('setup-error'), start: $('start'),
  interview: $('interview'), title: $('interview-title'), progress: $('progress'), progressBar: $('progress-bar'),
  transcript: $('transcript'), grading: $('grading'),
  answerForm: $('answer-form'), answer: $('answer'), answerCount: $('answer-count'), answerError: $('answer-error'),
  send: $('send'), skip: $('skip'), end: $('end'), newInterview: $('new-interview'),
  summary: $('summary'), summaryTitle: $('summary-title'), summaryContent: $('summary-content'), summaryNew: $('summary-new'),
};

const state = {
  banks: [],
  session: null, // { sessionId, resumeToken, bank: { id, title, language, version }, totalQuestions }
  current: null, // the Question being answered
  completed: false,
  answers: new Map(), // answerId → { text, item, graded, sending }
  questionKeys: new Set(),
  busy: false, // an answer or a skip is on its way; the form waits for the next question
  starting: null, // events that arrive while StartInterview has not returned yet
  resuming: false, // ResumeInterview is in flight: events wait in afterResume and are applied after it
  afterResume: [],
  resumption: null,
  inFlight: new Set(), // answerIds whose SubmitAnswer call has not returned
};

const hub = new InterviewHub({ onEvent, onState });

function boot() {
  const saved = sessionStore.get();
  initLayout();
  if (saved?.bank?.language) suggestLanguage(saved.bank.language);
  onLanguageChange(() => {
    updateProgress();
    updateCounter();
  });
  wireForms();
  hub.start();
  if (saved?.sessionId && saved?.resumeToken) {
    // Resumed as soon as the connection is up (onState).
    state.session = saved;
    showInterview();
    setGrading(t('interview.loading'));
  } else {
    showSetup();
  }
}

// ---- Connection ----

let connectingTimer = 0;
let bannerTimer = 0;
let everConnected = false;

function onState(connectionState) {
  clearTimeout(connectingTimer);
  clearTimeout(bannerTimer);
  switch (connectionState) {
    case 'connecting':
      // Only a slow start deserves a message.
      connectingTimer = setTimeout(() => banner('info', t('conn.connecting')), 1500);
      break;
    case 'reconnecting':
      banner('warning', t('conn.reconnecting'));
      markQueued();
      break;
    case 'closed':
      banner('error', t('conn.closed'));
      markQueued();
      break;
    case 'connected':
    case 'reconnected':
      if (everConnected) {
        banner('success', t('conn.reconnected'));
        bannerTimer = setTimeout(() => banner(null), 5000);
      } else {
        banner(null);
      }
      everConnected = true;
      // A new connection must resume the session before acting on it; events may also have been
      // missed while away, and the store is the truth: so resync from it, then let queued calls go.
      if (state.session) resume().finally(() => hub.release());
      else hub.release();
      break;
    default:
      break;
  }
}

function banner(kind, text) {
  ui.connection.hidden = !kind;
  ui.connection.className = kind ? `banner banner-${kind}` : 'banner';
  ui.connection.textContent = text ?? '';
}

function markQueued() {
  for (const answer of state.answers.values()) {
    if (answer.sending) setAnswerState(answer.item, t('interview.queued'));
  }
}

// ---- Setup ----

function wireForms() {
  ui.bank.addEventListener('change', () => selectBank(ui.bank.value));
  ui.setupForm.addEventListener('submit', (event) => {
    event.preventDefault();
    startInterview();
  });
  ui.answerForm.addEventListener('submit', (event) => {
    event.preventDefault();
    submitAnswer();
  });
  ui.answer.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submitAnswer();
    }
  });
  ui.answer.addEventListener('input', () => {
    updateCounter();
    hideError(ui.answerError);
    if (state.session && state.current) drafts.set(state.session.sessionId, questionKey(state.current), ui.answer.value);
  });
  ui.skip.addEventListener('click', skipQuestion);
  ui.end.addEventListener('click', endInterview);
  ui.newInterview.addEventListener('click', newInterview);
  ui.summaryNew.addEventListener('click', newInterview);
}

async function showSetup(notice) {
  state.session = null;
  state.current = null;
  state.completed = false;
  ui.interview.hidden = true;
  ui.setup.hidden = false;
  ui.setupNotice.hidden = !notice;
  ui.setupNotice.textContent = notice ?? '';
  hideError(ui.setupError);
  ui.start.disabled = false;
  ui.start.textContent = t('setup.start');
  if (state.banks.length === 0) await loadBanks();
  else selectBank(ui.bank.value);
}

async function loadBanks() {
  ui.start.disabled = true;
  ui.categoryList.replaceChildren(el('p', { className: 'hint', text: t('setup.loading') }));
  try {
    const response = await fetch('/api/banks', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    state.banks = await response.json();
  } catch {
    showError(ui.setupError, t('setup.banksFailed'));
    ui.categoryList.replaceChildren();
    return;
  }
  if (state.banks.length === 0) {
    showError(ui.setupError, t('setup.noBanks'));
    ui.categoryList.replaceChildren();
    return;
  }
  const saved = preferences.get();
  ui.bank.replaceChildren(...state.banks.map((bank) => el('option', { attrs: { value: bank.id }, text: bank.title })));
  const bankId = state.banks.some((bank) => bank.id === saved.bankId) ? saved.bankId : state.banks[0].id;
  ui.bank.value = bankId;
  if (Number.isInteger(saved.questionCount)) ui.count.value = String(saved.questionCount);
  selectBank(bankId);
  ui.start.disabled = false;
}

function selectBank(bankId) {
  const bank = state.banks.find((b) => b.id === bankId);
  if (!bank) return;
  suggestLanguage(bank.language);
  ui.start.textContent = t('setup.start');
  const max = Math.max(1, bank.questionCount ?? 50);
  ui.count.max = String(max);
  if (Number(ui.count.value) > max) ui.count.value = String(max);
  const saved = preferences.get();
  const chosen = saved.bankId === bank.id && Array.isArray(saved.categories) ? new Set(saved.categories) : null;
  ui.categoryList.replaceChildren(...(bank.categories ?? []).map((category) => {
    const id = `category-${category.id}`;
    const checked = chosen ? chosen.has(category.id) : category.inDefaultPlan !== false;
    return el('div', { className: 'checkbox' },
      el('input', { attrs: { type: 'checkbox', id, name: 'categories', value: category.id, checked } }),
      el('label', { attrs: { for: id }, text: category.title }));
  }));
}

async function startInterview() {
  hideError(ui.setupError);
  const bank = state.banks.find((b) => b.id === ui.bank.value);
  if (!bank) return;
  const count = Number(ui.count.value);
  const max = Number(ui.count.max) || 50;
  if (!Number.isInteger(count) || count < 1 || count > max) {
    showError(ui.setupError, t('setup.badCount', { min: 1, max }));
    ui.count.focus();
    return;
  }
  const categories = [...ui.categoryList.querySelectorAll('input:checked')].map((input) => input.value);
  if (categories.length === 0) {
    showError(ui.setupError, t('setup.noCategory'));
    ui.categoryList.querySelector('input')?.focus();
    return;
  }
  preferences.set({ bankId: bank.id, questionCount: count, categories });
  const request = { bankId: bank.id, questionCount: count, categories };
  const name = ui.name.value.trim();
  if (name) request.candidateName = name;

  ui.start.disabled = true;
  ui.start.textContent = t('setup.starting');
  state.starting = [];
  try {
    const started = await hub.invoke('StartInterview', request);
    state.session = {
      sessionId: started.sessionId,
      resumeToken: started.resumeToken,
      bank: started.bank ?? { id: bank.id, title: bank.title, language: bank.language, version: bank.version },
      totalQuestions: started.totalQuestions,
    };
    sessionStore.set(state.session);
    resetInterview();
    showInterview();
    const early = state.starting;
    state.starting = null;
    for (const [event, payload] of early) onEvent(event, payload);
  } catch (error) {
    state.starting = null;
    showError(ui.setupError, describeError(error));
    ui.start.disabled = false;
    ui.start.textContent = t('setup.start');
  }
}

// ---- Interview view ----

function resetInterview() {
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

function showInterview() {
  const { bank } = state.session;
  suggestLanguage(bank?.language);
  ui.setup.hidden = true;
  ui.interview.hidden = false;
  ui.title.textContent = bank?.title ?? '';
  updateProgress();
  updateCounter();
  setFormEnabled(Boolean(state.current) && !state.busy);
}

function updateProgress() {
  const total = state.current?.total ?? state.session?.totalQuestions ?? 0;
  const index = state.completed ? total : (state.current?.index ?? 0);
  ui.progress.textContent = total > 0 && index > 0 ? t('interview.progress', { index, total }) : '';
  ui.progressBar.max = Math.max(1, total);
  ui.progressBar.value = state.completed ? total : Math.max(0, index - 1);
}

function updateCounter() {
  const count = ui.answer.value.length;
  ui.answerCount.textContent = t('interview.count', { count, max: maxAnswerLength });
  ui.answerCount.classList.toggle('over', count > maxAnswerLength);
}

function setFormEnabled(enabled) {
  for (const control of [ui.answer, ui.send, ui.skip, ui.end]) control.disabled = !enabled;
  // Ending stays possible while waiting, except before the first question.
  ui.end.disabled = !state.current || state.completed;
}

function setGrading(text) {
  ui.grading.textContent = text ?? '';
  ui.grading.classList.toggle('active', Boolean(text));
}

function showError(target, text) {
  target.hidden = false;
  target.replaceChildren(...String(text).split('\n').map((line, i) => (i === 0 ? line : el('span', { className: 'error-detail', text: line }))));
}

function hideError(target) {
  target.hidden = true;
  target.textContent = '';
}

function describeError(error) {
  const headline = t(`error.${error?.code ?? 'unknown'}`);
  return error?.detail ? `${headline}\n${t('error.detail', { detail: error.detail })}` : headline;
}

function appendQuestion(question) {
  const key = questionKey(question);
  if (!state.questionKeys.has(key)) {
    state.questionKeys.add(key);
    ui.transcript.append(renderQuestion(question));
  }
  return key;
}

function appendAnswer(answerId, text, followUp) {
  let answer = state.answers.get(answerId);
  if (!answer) {
    answer = { text, item: renderAnswer(answerId, text), graded: false, sending: false, followUp };
    state.answers.set(answerId, answer);
    ui.transcript.append(answer.item);
  }
  return answer;
}

function gradeAnswer(answerId, grade, { reveal } = { reveal: false }) {
  const answer = state.answers.get(answerId);
  if (!answer) return;
  applyGrade(answer.item, answer.text, { ...grade, targeted: answer.followUp });
  // The score and checklist are what the candidate waits for: bring them into view (the next question follows below).
  if (reveal) answer.item.querySelector('.grade')?.scrollIntoView({ block: 'start', behavior: 'instant' });
  answer.graded = true;
  answer.sending = false;
  if (![...state.answers.values()].some((a) => !a.graded)) setGrading(null);
}

function setCurrentQuestion(question, { focus }) {
  state.current = question;
  state.busy = false;
  appendQuestion(question);
  updateProgress();
  const draft = drafts.get(state.session.sessionId, questionKey(question));
  ui.answer.value = draft;
  updateCounter();
  setFormEnabled(true);
  // Focus without scrolling: the grade just shown stays in view; the new question is right below it.
  if (focus) ui.answer.focus({ preventScroll: true });
}

// ---- Hub events ----

function onEvent(name, payload) {
  if (state.starting) {
    state.starting.push([name, payload]);
    return;
  }
  if (!state.session || payload?.sessionId !== state.session.sessionId) return;
  if (state.resuming) {
    // The resume result rebuilds the view; later events are applied after it.
    state.afterResume.push([name, payload]);
    return;
  }
  if (name === 'Question') {
    const focusWasHere = !document.activeElement || document.activeElement === document.body
      || ui.answerForm.contains(document.activeElement) || ui.interview.contains(document.activeElement);
    setCurrentQuestion(payload, { focus: focusWasHere });
  } else if (name === 'Graded') {
    // An answer this tab has not seen (sent from another tab): redraw from the store.
    if (!state.answers.has(payload.answerId)) resume();
    else gradeAnswer(payload.answerId, payload, { reveal: true });
  } else if (name === 'GradeFailed') {
    // The answer was withdrawn after grading kept failing: its text goes back into the box to be sent again.
    const failed = state.answers.get(payload.answerId);
    failed?.item.remove();
    state.answers.delete(payload.answerId);
    state.busy = false;
    setGrading(null);
    setFormEnabled(Boolean(state.current) && !state.completed);
    if (failed && !ui.answer.value) ui.answer.value = failed.text;
    updateCounter();
    showError(ui.answerError, t('error.gradeFailed'));
  } else if (name === 'Completed') {
    complete(payload);
  }
}

function complete(summary) {
  state.completed = true;
  state.busy = false;
  state.current = null;
  pendingStore.set(state.session.sessionId, null);
  setGrading(null);
  ui.answerForm.hidden = true;
  updateProgress();
  // Over: the header says how many were answered, not which question was last asked.
  if (Number.isInteger(summary?.total)) ui.progress.textContent = t('summary.answeredCount', { answered: summary.answered ?? 0, total: summary.total });
  ui.summaryContent.replaceChildren(renderSummary(summary ?? {}));
  ui.summary.hidden = false;
  ui.summaryTitle.focus();
}

// ---- Resume after a reload or a reconnect ----

function resume() {
  state.resumption ??= resumeOnce().finally(() => { state.resumption = null; });
  return state.resumption;
}

async function resumeOnce() {
  state.resuming = true;
  state.afterResume = [];
  const { sessionId, resumeToken } = state.session;
  let result;
  try {
    result = await hub.invoke('ResumeInterview', { sessionId, resumeToken }, { early: true });
  } catch (error) {
    state.resuming = false;
    if (error.transport) return; // the reconnect handler resumes again
    if (error.code === 'not_found' || error.code === 'forbidden') {
      sessionStore.clear();
      showSetup(t('setup.resumeFailed'));
      return;
    }
    setGrading(null);
    showError(ui.answerError, describeError(error));
    return;
  }
  state.resuming = false;
  if (!state.session || state.session.sessionId !== sessionId) return;
  applyResume(result);
  const later = state.afterResume;
  state.afterResume = [];
  for (const [name, payload] of later) onEvent(name, payload);
}

function applyResume(result) {
  const session = state.session;
  if (result.bank) session.bank = result.bank;
  if (result.totalQuestions) session.totalQuestions = result.totalQuestions;
  sessionStore.set(session);
  const typed = ui.answer.value;
  const typedFor = state.current ? questionKey(state.current) : null;
  resetInterview();
  showInterview();

  let lastQuestion = null;
  for (const event of readTranscript(result.transcript, { sessionId: session.sessionId, total: session.totalQuestions })) {
    if (event.type === 'question') {
      appendQuestion(event.question);
      lastQuestion = event.question;
    } else if (event.type === 'answer') {
      appendAnswer(event.answerId, event.text, Boolean(lastQuestion?.isFollowUp));
    } else if (event.type === 'grade') {
      gradeAnswer(event.answerId, event.grade);
    } else if (event.type === 'skipped') {
      ui.transcript.append(renderSkipped());
    }
  }

  const status = String(result.status ?? '').toLowerCase();
  if (status === 'completed' || status === 'ended') {
    complete(result.summary ?? { status });
    return;
  }

  const current = result.currentQuestion ?? null;
  if (current) {
    setCurrentQuestion({ ...current, sessionId: session.sessionId }, { focus: false });
    // After a reload the page opens where the candidate is: the question awaiting an answer.
    ui.transcript.querySelector(`[data-question-key="${CSS.escape(questionKey(current))}"]`)?.scrollIntoView({ block: 'start', behavior: 'instant' });
    // Keep what was typed in this tab during a reconnect (it is newer than the stored draft).
    if (typedFor === questionKey(current) && typed) {
      ui.answer.value = typed;
      updateCounter();
    }
  } else if (lastQuestion) {
    state.current = lastQuestion;
    updateProgress();
  }

  const ungraded = [...state.answers.values()].filter((answer) => !answer.graded);
  const waiting = pendingStore.get(session.sessionId);
  if (waiting && state.answers.has(waiting.answerId)) {
    // The server has it: the acknowledgement was lost, not the answer.
    pendingStore.set(session.sessionId, null);
    drafts.set(session.sessionId, waiting.questionKey, null);
    if (current && waiting.questionKey === questionKey(current) && ui.answer.value === waiting.text) {
      ui.answer.value = '';
      updateCounter();
    }
  } else if (waiting && current && waiting.questionKey === questionKey(current)) {
    // Sent before the reload or the drop but never acknowledged: send it again, same answerId.
    sendAnswer(waiting);
    return;
  } else if (waiting) {
    pendingStore.set(session.sessionId, null);
  }
  if (ungraded.length > 0) {
    state.busy = true;
    setFormEnabled(false);
    setGrading(t('interview.grading'));
  }
}

// ---- Answers ----

function submitAnswer() {
  if (!state.session || !state.current || state.completed || state.busy) return;
  hideError(ui.answerError);
  const text = ui.answer.value.trim();
  if (text.length === 0) {
    showError(ui.answerError, t('error.empty'));
    ui.answer.focus();
    return;
  }
  if (text.length > maxAnswerLength) {
    showError(ui.answerError, t('error.tooLong', { count: text.length, max: maxAnswerLength }));
    ui.answer.focus();
    return;
  }
  const submission = { answerId: newAnswerId(), text, questionKey: questionKey(state.current), turn: state.current.turn };
  pendingStore.set(state.session.sessionId, submission);
  sendAnswer(submission);
}

async function sendAnswer(submission) {
  const { sessionId } = state.session;
  const { answerId } = submission;
  state.busy = true;
  setFormEnabled(false);
  const answer = appendAnswer(answerId, submission.text, Boolean(state.current?.isFollowUp));
  answer.sending = true;
  setAnswerState(answer.item, t(hub.isConnected ? 'interview.sending' : 'interview.queued'));
  ui.answer.value = '';
  updateCounter();
  setGrading(t('interview.grading'));
  // One call per answer at a time: a resume that finds the answer still pending only redraws it.
  if (state.inFlight.has(answerId)) return;
  state.inFlight.add(answerId);
  // A resume may have redrawn the transcript meanwhile: always look the answer up again.
  const shown = () => state.answers.get(answerId);
  try {
    // The turn answered: if the session moved on elsewhere meanwhile, the server refuses rather than misfiling it.
    await hub.invoke('SubmitAnswer', { sessionId, answerId, text: submission.text, turn: submission.turn });
  } catch (error) {
    state.inFlight.delete(answerId);
    if (error.transport) {
      // The connection dropped mid-send: the answer stays pending and goes again, same answerId, once it is back.
      if (shown()) setAnswerState(shown().item, t('interview.queued'));
      hub.whenReady().then(() => {
        if (state.session?.sessionId === sessionId && pendingStore.get(sessionId)?.answerId === answerId) sendAnswer(submission);
      });
      return;
    }
    if (state.session?.sessionId !== sessionId) return;
    // Refused: nothing is lost, the text goes back into the box with the reason.
    pendingStore.set(sessionId, null);
    shown()?.item.remove();
    state.answers.delete(answerId);
    state.busy = false;
    setGrading(null);
    setFormEnabled(Boolean(state.current) && !state.completed);
    ui.answer.value = submission.text;
    drafts.set(sessionId, submission.questionKey, submission.text);
    updateCounter();
    showError(ui.answerError, describeError(error));
    ui.answer.focus();
    return;
  }
  state.inFlight.delete(answerId);
  if (state.session?.sessionId !== sessionId) return;
  pendingStore.set(sessionId, null);
  drafts.set(sessionId, submission.questionKey, null);
  const acknowledged = shown();
  if (acknowledged) {
    acknowledged.sending = false;
    if (!acknowledged.graded) setAnswerState(acknowledged.item, null);
  }
}

async function skipQuestion() {
  if (!state.session || !state.current || state.busy) return;
  const { sessionId } = state.session;
  const key = questionKey(state.current);
  state.busy = true;
  setFormEnabled(false);
  // Shown before the call: the next question may arrive before the acknowledgement.
  const marker = renderSkipped();
  ui.transcript.append(marker);
  try {
    await hub.invoke('Skip', { sessionId });
    drafts.set(sessionId, key, null);
    if (state.current && questionKey(state.current) === key) {
      ui.answer.value = '';
      updateCounter();
    }
  } catch (error) {
    marker.remove();
    state.busy = false;
    setFormEnabled(true);
    showError(ui.answerError, describeError(error));
  }
}

async function endInterview() {
  if (!state.session || state.completed) return;
  if (!window.confirm(t('interview.endConfirm'))) return;
  try {
    await hub.invoke('EndInterview', { sessionId: state.session.sessionId });
  } catch (error) {
    showError(ui.answerError, describeError(error));
  }
}

function newInterview() {
  if (state.session && !state.completed && state.answers.size > 0 && !window.confirm(t('interview.newConfirm'))) return;
  sessionStore.clear();
  resetInterview();
  showSetup().then(() => ui.setupTitle.focus());
}

boot();
