// One line about an assessment: whose invitation it is, what it asks, and what the candidate will see of grades.
import { t } from '../i18n.js';

export function describeAssessment(session) {
  const parts = [];
  if (session.candidateName) parts.push(t('invite.for', { name: session.candidateName }));
  parts.push(t('invite.plan', { count: session.totalQuestions ?? '?', bank: session.bank?.title ?? '' }));
  const feedback = ['none', 'score', 'full'].includes(session.feedback) ? session.feedback : 'none';
  parts.push(t(`invite.feedback.${feedback}`));
  return parts.join(' ');
}
