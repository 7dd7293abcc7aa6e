// The chat page: setup form → live interview over the hub → summary. Resumes after a reload.
// Opened as /?invite=TOKEN it is an assessment instead: no setup form (js/interview/invitation.js).
// Each part lives in js/interview/: setup, invitation, live (question and answer loop), grade-view, summary, resume, connection.
import { t, addStrings, suggestLanguage, onLanguageChange } from './i18n.js';
import { initLayout } from './layout.js';
import { session as sessionStore, useInvitation } from './storage.js';
import { state } from './interview/state.js';
import { ui, resetInterview, showInterview, showMode, setGrading, updateProgress, updateCounter } from './interview/view.js';
import { hub } from './interview/connection.js';
import { wireSetup, showSetup, startPlannedFromAddress } from './interview/setup.js';
import { wireAnswerForm } from './interview/live.js';
import { invitationToken, wireInvitation, startInvitation } from './interview/invitation.js';
import candidateStrings from './strings/candidate.js';

function boot() {
  const invitation = invitationToken();
  if (invitation) useInvitation(invitation);
  const saved = sessionStore.get();
  addStrings(candidateStrings);
  initLayout();
  if (saved?.bank?.language) suggestLanguage(saved.bank.language);
  onLanguageChange(() => {
    updateProgress();
    updateCounter();
    if (state.session) showMode();
  });
  wireSetup();
  wireInvitation();
  wireAnswerForm();
  ui.newInterview.addEventListener('click', newInterview);
  ui.summaryNew.addEventListener('click', newInterview);
  hub.start();
  if (!invitation && new URLSearchParams(location.search).has('questions')) {
    // "Practise my weak areas": a new practice interview replaces the one kept here (it stays on the server and in progress).
    sessionStore.clear();
    startPlannedFromAddress();
  } else if (saved?.sessionId && saved?.resumeToken) {
    // Resumed as soon as the connection is up (see connection.js).
    state.session = saved;
    showInterview();
    setGrading(t('interview.loading'));
  } else if (invitation) {
    startInvitation(invitation);
  } else {
    showSetup();
  }
}

function newInterview() {
  if (state.session && !state.completed && state.answers.size > 0 && !window.confirm(t('interview.newConfirm'))) return;
  sessionStore.clear();
  resetInterview();
  showSetup().then(() => ui.setupTitle.focus());
}

boot();
