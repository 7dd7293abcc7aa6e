// An assessment opened from a reviewer's invitation (/?invite=TOKEN): no setup form; started once with the token, then
// resumed from this browser; a link already used, expired, revoked or unknown is explained in the candidate's words.
import { t } from '../i18n.js';
import { state } from './state.js';
import { ui, showError, hideError } from './view.js';
import { hub } from './connection.js';
import { holdEvents, releaseEvents } from './events.js';
import { showStarted } from './session-record.js';

let token = null;

/** The invitation token of the address (/?invite=TOKEN), or null for a practice visit. */
export function invitationToken() {
  const value = new URLSearchParams(location.search).get('invite')?.trim();
  return value ? value : null;
}

export function wireInvitation() {
  ui.inviteRetry.addEventListener('click', () => startInvitation(token));
}

export async function startInvitation(invitation) {
  token = invitation;
  state.session = null;
  ui.setup.hidden = true;
  ui.interview.hidden = true;
  ui.invite.hidden = false;
  ui.inviteRetry.hidden = true;
  hideError(ui.inviteError);
  ui.inviteStatus.textContent = t('invite.starting');
  holdEvents();
  try {
    showStarted(await hub.invoke('StartInterview', { invitation }), { mode: 'assessment', feedback: 'none' });
  } catch (error) {
    releaseEvents({ apply: false });
    refused(error);
  }
}

function refused(error) {
  const final = ['conflict', 'forbidden', 'not_found'].includes(error?.code);
  ui.inviteStatus.textContent = '';
  const headline = final ? t(`invite.${error.code}`) : t('invite.failed');
  // A used, expired, revoked or unknown link is said in the candidate's words; anything else also gives the server's reason.
  const reason = final ? [] : [t(`error.${error?.code ?? 'unknown'}`), error?.detail ? t('error.detail', { detail: error.detail }) : ''];
  showError(ui.inviteError, [headline, ...reason].filter(Boolean).join('\n'));
  // Used, expired, revoked and unknown links stay so; a busy server or a lost connection is worth another try.
  ui.inviteRetry.hidden = final;
  ui.inviteTitle.focus();
}
