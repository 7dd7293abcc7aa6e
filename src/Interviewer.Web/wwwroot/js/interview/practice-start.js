// StartInterview for practice, as this browser's candidate: the id and token the server issued on the first practice
// interview go with every later one (so that /progress.html can list them); a first start gets them back and keeps them.
import { candidate as candidateStore } from '../storage.js';
import { hub } from './connection.js';

// The server no longer knows the stored candidate (or its token): practise as a new one rather than not at all.
const staleCandidate = (error) => ['not_found', 'forbidden'].includes(error?.code) && /candidate/i.test(error?.detail ?? '');

export async function startPractice(request) {
  const me = candidateStore.get();
  try {
    return keep(await hub.invoke('StartInterview', me ? { ...request, candidateId: me.id, candidateToken: me.token } : request));
  } catch (error) {
    if (!me || !staleCandidate(error)) throw error;
    candidateStore.set(null);
    return keep(await hub.invoke('StartInterview', request));
  }
}

function keep(started) {
  if (started?.candidateId && started?.candidateToken) candidateStore.set({ id: started.candidateId, token: started.candidateToken });
  return started;
}
