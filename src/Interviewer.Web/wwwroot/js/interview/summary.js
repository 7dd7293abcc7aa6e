// The end of an interview: the answer form gives way to the summary.
import { t } from '../i18n.js';
import { renderSummary } from '../render.js';
import { pending as pendingStore } from '../storage.js';
import { state } from './state.js';
import { ui, setGrading, updateProgress } from './view.js';

export function complete(summary) {
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
