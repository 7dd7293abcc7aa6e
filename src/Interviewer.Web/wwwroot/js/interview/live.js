// The live loop: the question asked, the answer typed and sent (once, with its own id, even across drops), skip and end.
import { t } from '../i18n.js';
import { questionKey, renderQuestion, renderAnswer, renderSkipped, setAnswerState } from '../render.js';
import { drafts, pending as pendingStore, newAnswerId } from '../storage.js';
import { state } from './state.js';
import {
  ui, maxAnswerLength, setFormEnabled, setGrading, showError, hideError, describeError, updateCounter, updateProgress,
} from './view.js';
import { hub } from './connection.js';

const inFlight = new Set(); // answerIds whose SubmitAnswer call has not returned

export function wireAnswerForm() {
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
}

export function appendQuestion(question) {
  const key = questionKey(question);
  if (!state.questionKeys.has(key)) {
    state.questionKeys.add(key);
    ui.transcript.append(renderQuestion(question));
  }
  return key;
}

export function appendAnswer(answerId, text, followUp) {
  let answer = state.answers.get(answerId);
  if (!answer) {
    answer = { text, item: renderAnswer(answerId, text), graded: false, sending: false, followUp };
    state.answers.set(answerId, answer);
    ui.transcript.append(answer.item);
  }
  return answer;
}

export function setCurrentQuestion(question, { focus }) {
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

/** Sends an answer (again, after a drop or a reload: same answerId); the text leaves the box until it is refused. */
export async function sendAnswer(submission) {
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
  if (inFlight.has(answerId)) return;
  inFlight.add(answerId);
  // A resume may have redrawn the transcript meanwhile: always look the answer up again.
  const shown = () => state.answers.get(answerId);
  try {
    // The turn answered: if the session moved on elsewhere meanwhile, the server refuses rather than misfiling it.
    await hub.invoke('SubmitAnswer', { sessionId, answerId, text: submission.text, turn: submission.turn });
  } catch (error) {
    inFlight.delete(answerId);
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
  inFlight.delete(answerId);
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
