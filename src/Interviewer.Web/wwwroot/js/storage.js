// What survives a reload, in localStorage: the session (id + resume token), the draft of each
// question's answer, an answer sent but not yet acknowledged (resent with the same answerId), the setup form,
// and the practising candidate's id and token.
const prefix = 'interviewer.';

function read(key) {
  try {
    const raw = localStorage.getItem(prefix + key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    if (value === null || value === undefined) localStorage.removeItem(prefix + key);
    else localStorage.setItem(prefix + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the interview still works, only reload-resume is lost.
  }
}

// A practice interview is kept under 'session'; an assessment under its invitation, so that neither replaces the other.
let sessionKey = 'session';

/** Keeps the session of the invitation with this token (the page was opened as /?invite=TOKEN). */
export function useInvitation(token) {
  sessionKey = `session.invite.${token}`;
}

export const session = {
  get: () => read(sessionKey),
  set: (value) => write(sessionKey, value),
  clear() {
    const current = read(sessionKey);
    write(sessionKey, null);
    if (current?.sessionId) {
      write(`pending.${current.sessionId}`, null);
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith(`${prefix}draft.${current.sessionId}.`)) localStorage.removeItem(key);
      }
    }
  },
};

export const drafts = {
  get: (sessionId, questionKey) => read(`draft.${sessionId}.${questionKey}`) ?? '',
  set: (sessionId, questionKey, text) => write(`draft.${sessionId}.${questionKey}`, text ? text : null),
};

export const pending = {
  get: (sessionId) => read(`pending.${sessionId}`),
  set: (sessionId, value) => write(`pending.${sessionId}`, value),
};

export const preferences = {
  get: () => read('preferences') ?? {},
  set: (value) => write('preferences', value),
};

/** The practising candidate of this browser: { id, token } issued by the server on a first practice interview. */
export const candidate = {
  get() {
    const value = read('candidate');
    return typeof value?.id === 'string' && typeof value?.token === 'string' ? value : null;
  },
  set: (value) => write('candidate', value),
};

/** A random id for an answer; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newAnswerId() {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
