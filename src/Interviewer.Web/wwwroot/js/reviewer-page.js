// What every reviewer page does first: its words, the shared header and the reviewer key field.
import { addStrings } from './i18n.js';
import { initLayout } from './layout.js';
import { mountReviewerKey } from './reviewer-key.js';
import reviewerStrings from './strings/reviewer.js';

export function initReviewerPage(...pageStrings) {
  addStrings(reviewerStrings);
  pageStrings.forEach(addStrings);
  initLayout();
  mountReviewerKey(document.getElementById('reviewer'));
}
