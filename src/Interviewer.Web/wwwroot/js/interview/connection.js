// The hub connection and its banner: slow starts, drops and returns are announced; a new connection resumes first.
import { t } from '../i18n.js';
import { InterviewHub } from '../hub.js';
import { setAnswerState } from '../render.js';
import { state } from './state.js';
import { ui } from './view.js';
import { onEvent } from './events.js';
import { resume } from './resume.js';

export const hub = new InterviewHub({ onEvent, onState });

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
