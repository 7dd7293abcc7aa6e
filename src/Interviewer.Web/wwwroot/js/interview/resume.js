// After a reload or a reconnect: the session is redrawn from the store, and an answer never acknowledged goes again.
import { t } from '../i18n.js';
import { questionKey, renderSkipped } from '../render.js';
import { readTranscript } from '../transcript.js';
import { session as sessionStore, drafts, pending as pendingStore } from '../storage.js';
import { state } from './state.js';
import {
  ui, resetInterview, showInterview, setFormEnabled, setGrading, showError, describeError, updateCounter, updateProgress,
} from './view.js';
import { hub } from './connection.js';
import { onEvent } from './events.js';
import { appendQuestion, appendAnswer, setCurrentQuestion, sendAnswer } from './live.js';
import { gradeAnswer } from './grade-view.js';
import { complete } from './summary.js';
import { showSetup } from './setup.js';
import { invitationToken, startInvitation } from './invitation.js';
import { describeSession } from './session-record.js';

let resuming = false; // ResumeInterview is in flight: events wait in afterResume and are applied after it
let afterResume = [];
let resumption = null;

/** While a resume is in flight, keeps an event to apply after it (the resume result rebuilds the view); true when kept. */
export function deferWhileResuming(name, payload) {
  if (!resuming) return false;
  afterResume.push([name, payload]);
  return true;
}

export function resume() {
  resumption ??= resumeOnce().finally(() => { resumption = null; });
  return resumption;
}

async function resumeOnce() {
  resuming = true;
  afterResume = [];
  const { sessionId, resumeToken } = state.session;
  let result;
  try {
    result = await hub.invoke('ResumeInterview', { sessionId, resumeToken }, { early: true });
  } catch (error) {
    resuming = false;
    if (error.transport) return; // the reconnect handler resumes again
    if (error.code === 'not_found' || error.code === 'forbidden') {
      sessionStore.clear();
      // An assessment is taken from its link: ask for it again (the server says whether it can be); practice starts anew.
      const invitation = invitationToken();
      if (invitation) startInvitation(invitation);
      else showSetup(t('setup.resumeFailed'));
      return;
    }
    setGrading(null);
    showError(ui.answerError, describeError(error));
    return;
  }
  resuming = false;
  if (!state.session || state.session.sessionId !== sessionId) return;
  applyResume(result);
  const later = afterResume;
  afterResume = [];
  for (const [name, payload] of later) onEvent(name, payload);
}

function applyResume(result) {
  const session = describeSession(state.session, result);
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
