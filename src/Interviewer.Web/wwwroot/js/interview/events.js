// The hub's events, routed to the part of the page that shows them.
import { t } from '../i18n.js';
import { state } from './state.js';
import { ui, setGrading, setFormEnabled, updateCounter, showError } from './view.js';
import { setCurrentQuestion } from './live.js';
import { gradeAnswer } from './grade-view.js';
import { complete } from './summary.js';
import { resume, deferWhileResuming } from './resume.js';

let held = null; // events that arrive while StartInterview has not returned yet

/** Holds events back until the session they belong to is known (StartInterview in flight). */
export function holdEvents() {
  held = [];
}

/** Applies the held events (after a successful start) or drops them (after a refused one). */
export function releaseEvents({ apply }) {
  const early = held ?? [];
  held = null;
  if (apply) for (const [name, payload] of early) onEvent(name, payload);
}

export function onEvent(name, payload) {
  if (held) {
    held.push([name, payload]);
    return;
  }
  if (!state.session || payload?.sessionId !== state.session.sessionId) return;
  if (deferWhileResuming(name, payload)) return;
  if (name === 'Question') {
    const focusWasHere = !document.activeElement || document.activeElement === document.body
      || ui.answerForm.contains(document.activeElement) || ui.interview.contains(document.activeElement);
    setCurrentQuestion(payload, { focus: focusWasHere });
  } else if (name === 'Graded') {
    // An answer this tab has not seen (sent from another tab): redraw from the store.
    if (!state.answers.has(payload.answerId)) resume();
    else gradeAnswer(payload.answerId, payload, { reveal: true });
  } else if (name === 'GradeFailed') {
    gradeFailed(payload);
  } else if (name === 'Completed') {
    complete(payload);
  }
}

// The answer was withdrawn after grading kept failing: its text goes back into the box to be sent again.
function gradeFailed(payload) {
  const failed = state.answers.get(payload.answerId);
  failed?.item.remove();
  state.answers.delete(payload.answerId);
  state.busy = false;
  setGrading(null);
  setFormEnabled(Boolean(state.current) && !state.completed);
  if (failed && !ui.answer.value) ui.answer.value = failed.text;
  updateCounter();
  showError(ui.answerError, t('error.gradeFailed'));
}
