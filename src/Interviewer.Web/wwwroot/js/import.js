// The /import page: upload an interview guide to POST /api/banks/import with the reviewer key, review the drafted
// bank question by question, download it as a zip or save it on the server. Document text only reaches the page through
// textContent; a change of language redraws the draft in place.
import { t, onLanguageChange } from './i18n.js';
import { apiFetch, saveBlob } from './api.js';
import { takeTypedKey } from './reviewer-key.js';
import { initReviewerPage } from './reviewer-page.js';
import importStrings from './strings/import.js';
import { el } from './render.js';
import { statusLine } from './status-line.js';

initReviewerPage(importStrings);

const $ = (selector) => document.querySelector(selector);
const form = $('#import-form');
const fileInput = $('#file');
const importButton = $('#import');
const draft = $('#draft');
const saveButton = $('#save');
const downloadButton = $('#download');

// What the last import sent, to send again for the zip or the save (the server keeps nothing between requests).
let last = null;
let result = null;
const status = statusLine($('#message'));
const saveStatus = statusLine($('#save-message'));

async function post({ file, id, title, language }, { format, save } = {}) {
  const body = new FormData();
  body.append('file', file, file.name);
  if (id) body.append('id', id);
  if (title) body.append('title', title);
  if (language) body.append('language', language);
  if (save) body.append('save', 'true');
  const query = format ? `?format=${format}` : '';
  return apiFetch(`/api/banks/import${query}`, { reviewer: true, method: 'POST', body });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = fileInput.files[0];
  if (!takeTypedKey()) { status.say('reviewer.missing', {}, true); $('#reviewer-key')?.focus(); return; }
  if (!file) { status.say('imp.error.file', {}, true); fileInput.focus(); return; }
  const request = { file, id: $('#bank-id').value.trim(), title: $('#bank-title').value.trim(), language: $('#bank-language').value };
  importButton.disabled = true;
  draft.hidden = true;
  status.say('imp.importing', { name: file.name });
  try {
    result = await (await post(request)).json();
    // Later requests name the bank as this one did, so the zip and the saved bank match what is shown.
    last = { ...request, id: result.bank.id };
    render(result);
    saveStatus.say(null);
    saveButton.disabled = false;
    status.say('imp.imported', { found: result.report.questionsFound, drafted: result.report.questionsDrafted });
  } catch (error) {
    status.sayError(error.message);
  } finally {
    importButton.disabled = false;
  }
});

downloadButton.addEventListener('click', async () => {
  if (!last) return;
  downloadButton.disabled = true;
  try {
    saveBlob(await (await post(last, { format: 'zip' })).blob(), `${last.id}.zip`);
    saveStatus.say(null);
  } catch (error) {
    saveStatus.sayError(error.message);
  } finally {
    downloadButton.disabled = false;
  }
});

saveButton.addEventListener('click', async () => {
  if (!last) return;
  saveButton.disabled = true;
  saveStatus.say('imp.saving');
  try {
    await post(last, { save: true });
    saveStatus.say('imp.saved', { id: last.id });
  } catch (error) {
    saveStatus.sayError(error.message);
    saveButton.disabled = false;
  }
});

function render({ bank, report }) {
  $('#draft-title').textContent = t('imp.draftTitle', { title: bank.title, id: bank.id });
  const low = report.questions.filter((q) => q.confidence === 'low').length;
  const keyPoints = bank.questions.reduce((sum, q) => sum + q.keyPoints.length, 0);
  $('#summary').replaceChildren(...[
    ['imp.sum.found', report.questionsFound],
    ['imp.sum.drafted', report.questionsDrafted],
    ['imp.sum.sections', report.sections.length],
    ['imp.sum.keyPoints', keyPoints],
    ['imp.sum.low', low],
    ['imp.sum.valid', report.valid ? t('imp.yes') : t('imp.no')],
  ].map(([key, value]) => el('div', {}, el('dt', { text: t(key) }), el('dd', { text: value }))));
  const problems = $('#problems');
  problems.replaceChildren(...report.problems.map((p) => el('li', { text: p })));
  problems.hidden = report.problems.length === 0;

  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const sections = [];
  let first = 0;
  for (const section of report.sections) {
    const questions = report.questions.slice(first, first + section.questions);
    first += section.questions;
    sections.push(renderSection(section, questions, byId));
  }
  $('#sections').replaceChildren(...sections);
  draft.hidden = false;
}

function renderSection(section, questions, byId) {
  const heading = el('h3', { text: section.title || t('imp.noSection') });
  if (section.category) heading.append(' ', el('span', { className: 'category', text: `(${section.category})` }));
  const columns = ['imp.col.number', 'imp.col.question', 'imp.col.found', 'imp.col.keyPoints', 'imp.col.confidence', 'imp.col.check'];
  return el('section', { className: 'import-section' },
    heading,
    el('div', { className: 'table-wrap' },
      el('table', { className: 'import-table' },
        el('thead', {}, el('tr', {}, columns.map((key) => el('th', { text: t(key) })))),
        el('tbody', {}, questions.map((question) => renderQuestion(question, byId.get(question.id)))))));
}

function renderQuestion(review, question) {
  const found = [];
  if (review.hasDescription) found.push(t('imp.found.description'));
  found.push(t(`imp.found.${review.answer}`, { words: review.answerWords }));
  if (review.listItems) found.push(t('imp.found.list', { count: review.listItems }));
  if (review.tableRows) found.push(t('imp.found.table', { count: review.tableRows }));
  // Column names for the phone layout, where each row is a card.
  const label = (key) => ({ 'data-label': t(key) });
  return el('tr', { attrs: { 'data-confidence': review.confidence } },
    el('td', { className: 'number', text: review.number }),
    el('td', {}, el('div', { text: review.text }), question ? renderDetail(review, question) : null),
    el('td', { attrs: label('imp.col.found'), text: found.join(', ') }),
    el('td', { className: 'number', attrs: label('imp.col.keyPoints'), text: review.keyPoints }),
    el('td', { attrs: label('imp.col.confidence') }, el('span', { className: `badge ${review.confidence}`, text: t(`imp.conf.${review.confidence}`) })),
    el('td', { attrs: label('imp.col.check') },
      review.warnings.length ? el('ul', { className: 'warnings' }, review.warnings.map((w) => el('li', { text: w.message }))) : null));
}

function renderDetail(review, question) {
  return el('details', { className: 'question-detail' },
    el('summary', { text: t('imp.detail.show') }),
    el('h4', { text: t('imp.detail.evaluates') }), el('p', { text: question.evaluates }),
    el('h4', { text: t('imp.detail.answer') }), el('p', { className: 'model-answer', text: question.modelAnswer }),
    el('h4', { text: t('imp.detail.keyPoints') }),
    el('ol', {}, question.keyPoints.map((keyPoint) => el('li', { text: `${keyPoint.text} (${t('imp.detail.weight', { weight: keyPoint.weight })})` },
      el('div', { className: 'concepts', text: keyPoint.concepts.map((c) => c.phrases.join(' / ')).join(' · ') })))),
    review.skipped.length ? [
      el('h4', { text: t('imp.detail.leftOut') }),
      el('ul', {}, review.skipped.map((s) => el('li', { text: `${t(`imp.skip.${s.kind}`)}: ${s.text}` }))),
    ] : null);
}

onLanguageChange(() => { if (result) render(result); });
