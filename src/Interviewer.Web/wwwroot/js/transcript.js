// Reads the transcript of ResumeInterview into a flat list of events the page replays:
// { type: 'question', question } | { type: 'answer', answerId, text } | { type: 'grade', answerId, grade }.

function questionFrom(entry, fallback) {
  const q = entry.question && typeof entry.question === 'object' ? entry.question : entry;
  return {
    sessionId: q.sessionId ?? fallback.sessionId,
    questionId: q.questionId ?? q.id ?? entry.questionId,
    text: q.text ?? q.questionText ?? '',
    category: q.category ?? entry.category,
    index: q.index ?? entry.index,
    total: q.total ?? entry.total ?? fallback.total,
    isFollowUp: Boolean(q.isFollowUp ?? entry.isFollowUp),
  };
}

export function readTranscript(entries, fallback) {
  const events = [];
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (!entry || typeof entry !== 'object') continue;
    const kind = String(entry.kind ?? entry.type ?? '').toLowerCase();
    const isQuestion = kind === 'question' || (kind === '' && (typeof entry.question === 'object' || typeof entry.question === 'string'));
    if (isQuestion) {
      const question = typeof entry.question === 'string'
        ? questionFrom({ ...entry, text: entry.question, question: undefined }, fallback)
        : questionFrom(entry, fallback);
      events.push({ type: 'question', question });
    }
    const answer = entry.answer && typeof entry.answer === 'object' ? entry.answer : null;
    const answerText = answer?.text ?? (typeof entry.answer === 'string' ? entry.answer : null)
      ?? entry.answerText ?? (kind === 'answer' ? entry.text : null);
    const answerId = answer?.answerId ?? answer?.id ?? entry.answerId;
    if (typeof answerText === 'string' && answerId) {
      events.push({ type: 'answer', answerId, text: answerText });
    }
    if (entry.skipped === true) events.push({ type: 'skipped' });
    const grade = entry.grade ?? answer?.grade ?? (kind === 'graded' || kind === 'grade' ? entry : null);
    if (grade && typeof grade === 'object' && (answerId || grade.answerId)) {
      events.push({ type: 'grade', answerId: grade.answerId ?? answerId, grade });
    }
  }
  return events;
}
