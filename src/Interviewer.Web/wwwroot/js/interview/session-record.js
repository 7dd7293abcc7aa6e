// The interview the page shows, as kept in state.session and in localStorage for a reload: one record for a practice
// start, an invitation's start and a resume.
import { session as sessionStore } from '../storage.js';
import { state } from './state.js';
import { resetInterview, showInterview } from './view.js';
import { releaseEvents } from './events.js';

const described = ['bank', 'totalQuestions', 'mode', 'feedback', 'candidateName'];

/** Copies into `record` what a StartInterview or ResumeInterview reply says of the interview; what the reply leaves out stays. */
export function describeSession(record, reply) {
  for (const field of described) {
    if (reply[field] !== undefined && reply[field] !== null) record[field] = reply[field];
  }
  sessionStore.set(record);
  return record;
}

/** Shows the interview StartInterview started (its events held until now); `defaults` stand in for what the reply leaves out. */
export function showStarted(started, defaults) {
  state.session = describeSession({ sessionId: started.sessionId, resumeToken: started.resumeToken, ...defaults }, started);
  resetInterview();
  showInterview();
  releaseEvents({ apply: true });
}
