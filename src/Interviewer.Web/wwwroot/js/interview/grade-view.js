// A grade under its answer; the score and checklist are brought into view when they arrive live.
import { applyGrade } from '../render.js';
import { state } from './state.js';
import { setGrading } from './view.js';

export function gradeAnswer(answerId, grade, { reveal } = { reveal: false }) {
  const answer = state.answers.get(answerId);
  if (!answer) return;
  applyGrade(answer.item, answer.text, { ...grade, targeted: answer.followUp });
  // The score and checklist are what the candidate waits for: bring them into view (the next question follows below).
  if (reveal) answer.item.querySelector('.grade')?.scrollIntoView({ block: 'start', behavior: 'instant' });
  answer.graded = true;
  answer.sending = false;
  if (![...state.answers.values()].some((a) => !a.graded)) setGrading(null);
}
