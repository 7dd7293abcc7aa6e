// The /import page: upload an interview guide to POST /api/banks/import with the reviewer key, review the drafted
// bank question by question, download it as a zip or save it on the server. Document text only reaches the page through
// textContent; a change of language redraws the draft in place.
import { t, onLanguageChange } from './i18n.js';
import { apiFetch, saveBlob } from './api.js';
import { takeTypedKey } from './reviewer-key.js';
import { initReviewerPage } from './reviewer-page.js';
import importStrings from './strings/import.js';

initReviewerPage(importStrings);

const $ = (selector) => document.querySelector(selector);
const form = $('#import-form');
const fileInput = $('#file');
const importButton = $('#import');
const message = $('#message');
const draft = $('#draft');
const saveButton = $('#save');
const downloadButton = $('#download');
const saveMessage = $('#save-message');

// What the last import sent, to send again for the zip or the save (the server keeps nothing between requests).
let last = null;
let result = null;
// What each status line says, kept as a key and its values so that a change of language can say it again.
const said = new Map();

function say(target, key, params = {}, isError = false) {
  said.set(target, { key, params, isError });
  target.textContent = key ? t(key, params) : '';
  target.classList.toggle('error', isError);
}

function sayError(target, error) {
  said.delete(target);
  target.textContent = error.message;
  target.classList.add('error');
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

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
  if (!takeTypedKey()) { say(message, 'reviewer.missing', {}, true); $('#reviewer-key')?.focus(); return; }
  if (!file) { say(message, 'imp.error.file', {}, true); fileInput.focus(); return; }
  const request = { file, id: $('#bank-id').value.trim(), title: $('#bank-title').value.trim(), language: $('#bank-language').value };
  importButton.disabled = true;
  draft.hidden = true;
  say(message, 'imp.importing', { name: file.name });
  try {
    result = await (await post(request)).json();
    // Later requests name the bank as this one did, so the zip and the saved bank match what is shown.
    last = { ...request, id: result.bank.id };
    render(result);
    say(saveMessage, null);
    saveButton.disabled = false;
    say(message, 'imp.imported', { found: result.report.questionsFound, drafted: result.report.questionsDrafted });
  } catch (error) {
    sayError(message, error);
  } finally {
    importButton.disabled = false;
  }
});

downloadButton.addEventListener('click', async () => {
  if (!last) return;
  downloadButton.disabled = true;
  try {
    saveBlob(await (await post(last, { format: 'zip' })).blob(), `${last.id}.zip`);
    say(saveMessage, null);
  } catch (error) {
    sayError(saveMessage, error);
  } finally {
    downloadButton.disabled = false;
  }
});

saveButton.addEventListener('click', async () => {
  if (!last) return;
  saveButton.disabled = true;
  say(saveMessage, 'imp.saving');
  try {
    await post(last, { save: true });
    say(saveMessage, 'imp.saved', { id: last.id });
  } catch (error) {
    sayError(saveMessage, error);
    saveButton.disabled = false;
  }
});

function render({ bank, report }) {
  $('#draft-title').textContent = t('imp.draftTitle', { title: bank.title, id: bank.id });
  const summary = $('#summary');
  const low = report.questions.filter((q) => q.confidence === 'low').length;
  const keyPoints = bank.questions.reduce((sum, q) => sum + q.keyPoints.length, 0);
  summary.replaceChildren(...[
    ['imp.sum.found', report.questionsFound],
    ['imp.sum.drafted', report.questionsDrafted],
    ['imp.sum.sections', report.sections.length],
    ['imp.sum.keyPoints', keyPoints],
    ['imp.sum.low', low],
    ['imp.sum.valid', report.valid ? t('imp.yes') : t('imp.no')],
  ].map(([key, value]) => {
    const item = element('div');
    item.append(element('dt', t(key)), element('dd', value));
    return item;
  }));
  const problems = $('#problems');
  problems.replaceChildren(...report.problems.map((p) => element('li', p)));
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
  const wrapper = element('section', null, 'import-section');
  const heading = element('h3', section.title || t('imp.noSection'));
  if (section.category) heading.append(' ', element('span', `(${section.category})`, 'category'));
  const table = element('table', null, 'import-table');
  const head = element('tr');
  for (const key of ['imp.col.number', 'imp.col.question', 'imp.col.found', 'imp.col.keyPoints', 'imp.col.confidence', 'imp.col.check']) {
    head.append(element('th', t(key)));
  }
  const thead = element('thead');
  thead.append(head);
  const tbody = element('tbody');
  for (const question of questions) {
    tbody.append(renderQuestion(question, byId.get(question.id)));
  }
  table.append(thead, tbody);
  const wrap = element('div', null, 'table-wrap');
  wrap.append(table);
  wrapper.append(heading, wrap);
  return wrapper;
}

function renderQuestion(review, question) {
  const row = element('tr');
  row.dataset.confidence = review.confidence;
  const text = element('td');
  text.append(element('div', review.text));
  if (question) text.append(renderDetail(review, question));
  const found = [];
  if (review.hasDescription) found.push(t('imp.found.description'));
  found.push(t(`imp.found.${review.answer}`, { words: review.answerWords }));
  if (review.listItems) found.push(t('imp.found.list', { count: review.listItems }));
  if (review.tableRows) found.push(t('imp.found.table', { count: review.tableRows }));
  const confidence = element('td');
  confidence.append(element('span', t(`imp.conf.${review.confidence}`), `badge ${review.confidence}`));
  const check = element('td');
  if (review.warnings.length) {
    const list = element('ul', null, 'warnings');
    list.append(...review.warnings.map((w) => element('li', w.message)));
    check.append(list);
  }
  const cells = [element('td', review.number, 'number'), text, element('td', found.join(', ')), element('td', review.keyPoints, 'number'), confidence, check];
  // Column names for the phone layout, where each row is a card.
  ['imp.col.found', 'imp.col.keyPoints', 'imp.col.confidence', 'imp.col.check'].forEach((key, i) => { cells[i + 2].dataset.label = t(key); });
  row.append(...cells);
  return row;
}

function renderDetail(review, question) {
  const details = element('details', null, 'question-detail');
  details.append(element('summary', t('imp.detail.show')));
  details.append(element('h4', t('imp.detail.evaluates')), element('p', question.evaluates));
  details.append(element('h4', t('imp.detail.answer')), element('p', question.modelAnswer, 'model-answer'));
  details.append(element('h4', t('imp.detail.keyPoints')));
  const list = element('ol');
  for (const keyPoint of question.keyPoints) {
    const item = element('li', `${keyPoint.text} (${t('imp.detail.weight', { weight: keyPoint.weight })})`);
    item.append(element('div', keyPoint.concepts.map((c) => c.phrases.join(' / ')).join(' · '), 'concepts'));
    list.append(item);
  }
  details.append(list);
  if (review.skipped.length) {
    details.append(element('h4', t('imp.detail.leftOut')));
    const skipped = element('ul');
    skipped.append(...review.skipped.map((s) => element('li', `${t(`imp.skip.${s.kind}`)}: ${s.text}`)));
    details.append(skipped);
  }
  return details;
}

onLanguageChange(() => {
  if (result) render(result);
  for (const [target, { key, params, isError }] of said) if (key) say(target, key, params, isError);
});
