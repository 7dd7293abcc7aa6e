// What the page knows about the interview it shows, shared by the setup, the live loop, the grades, the summary and resume.
export const state = {
  session: null, // { sessionId, resumeToken, bank, totalQuestions, mode, feedback, candidateName }: see session-record.js
  current: null, // the Question being answered
  completed: false,
  answers: new Map(), // answerId → { text, item, graded, sending, followUp }
  questionKeys: new Set(),
  busy: false, // an answer or a skip is on its way; the form waits for the next question
};
