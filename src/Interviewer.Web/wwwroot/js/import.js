// The /import.html page: upload an interview guide to POST /api/banks/import with the reviewer key, review the drafted
// bank question by question, download it as a zip or save it on the server. Document text only reaches the page through
// textContent.
import { language, onLanguageChange } from './i18n.js';
import { initLayout } from './layout.js';

const KEY_STORAGE = 'interviewer.reviewerKey';

const strings = {
  en: {
    title: 'Import an interview guide',
    intro: 'Upload your team’s guide — sections of questions, each with what it evaluates and an example answer — as text, Markdown, HTML, Word or PDF. It becomes a draft question bank: review what was found below, then download it or save it.',
    key: 'Reviewer key',
    keyHint: 'Kept in this tab only (sessionStorage), sent as Authorization: Bearer.',
    file: 'Guide',
    fileHint: '.txt, .md, .html, .docx or .pdf',
    id: 'Bank id (optional)',
    bankTitle: 'Title (optional)',
    language: 'Language',
    languageAuto: 'Detect',
    submit: 'Import',
    importing: 'Importing {name}…',
    imported: '{found} questions found, {drafted} drafted.',
    draftTitle: 'Draft: {title} ({id})',
    download: 'Download (zip)',
    save: 'Save on the server',
    saving: 'Saving…',
    saved: 'Saved as bank “{id}”: it is available now.',
    'sum.found': 'Questions found',
    'sum.drafted': 'In the bank',
    'sum.sections': 'Sections',
    'sum.keyPoints': 'Key points',
    'sum.low': 'To check first',
    'sum.valid': 'Validates',
    yes: 'yes',
    no: 'no',
    'col.number': '#',
    'col.question': 'Question',
    'col.found': 'Found',
    'col.keyPoints': 'Key points',
    'col.confidence': 'Confidence',
    'col.check': 'What to check',
    'conf.high': 'high',
    'conf.medium': 'medium',
    'conf.low': 'low',
    'found.description': 'description',
    'found.label': 'answer ({words} words)',
    'found.followingText': 'unlabelled answer ({words} words)',
    'found.none': 'no answer',
    'found.list': '{count} list items',
    'found.table': '{count} table rows',
    'detail.show': 'Show the draft',
    'detail.evaluates': 'Evaluates',
    'detail.answer': 'Model answer',
    'detail.keyPoints': 'Key points',
    'detail.weight': 'weight {weight}',
    'detail.leftOut': 'Left out',
    'skip.caption': 'caption',
    'skip.call_to_action': 'call to action',
    'skip.boilerplate': 'boilerplate',
    noSection: 'Questions',
    'error.key': 'Paste the reviewer key first.',
    'error.file': 'Choose a guide to import.',
    'error.refused': 'Reviewer key refused: check it and try again.',
    'error.network': 'The server could not be reached.',
    'error.server': '{title}: {detail}',
  },
  es: {
    title: 'Importar una guía de entrevista',
    intro: 'Sube la guía de tu equipo —secciones de preguntas, cada una con lo que evalúa y un ejemplo de respuesta— en texto, Markdown, HTML, Word o PDF. Se convierte en un banco de preguntas en borrador: revisa abajo lo que se ha encontrado y después descárgalo o guárdalo.',
    key: 'Clave de revisor',
    keyHint: 'Se guarda solo en esta pestaña (sessionStorage) y se envía como Authorization: Bearer.',
    file: 'Guía',
    fileHint: '.txt, .md, .html, .docx o .pdf',
    id: 'Id del banco (opcional)',
    bankTitle: 'Título (opcional)',
    language: 'Idioma',
    languageAuto: 'Detectar',
    submit: 'Importar',
    importing: 'Importando {name}…',
    imported: '{found} preguntas encontradas, {drafted} en el borrador.',
    draftTitle: 'Borrador: {title} ({id})',
    download: 'Descargar (zip)',
    save: 'Guardar en el servidor',
    saving: 'Guardando…',
    saved: 'Guardado como banco «{id}»: ya está disponible.',
    'sum.found': 'Preguntas encontradas',
    'sum.drafted': 'En el banco',
    'sum.sections': 'Secciones',
    'sum.keyPoints': 'Puntos clave',
    'sum.low': 'Revisar primero',
    'sum.valid': 'Valida',
    yes: 'sí',
    no: 'no',
    'col.number': 'N.º',
    'col.question': 'Pregunta',
    'col.found': 'Encontrado',
    'col.keyPoints': 'Puntos clave',
    'col.confidence': 'Confianza',
    'col.check': 'Qué revisar',
    'conf.high': 'alta',
    'conf.medium': 'media',
    'conf.low': 'baja',
    'found.description': 'descripción',
    'found.label': 'respuesta ({words} palabras)',
    'found.followingText': 'respuesta sin etiqueta ({words} palabras)',
    'found.none': 'sin respuesta',
    'found.list': '{count} elementos de lista',
    'found.table': '{count} filas de tabla',
    'detail.show': 'Ver el borrador',
    'detail.evaluates': 'Evalúa',
    'detail.answer': 'Respuesta modelo',
    'detail.keyPoints': 'Puntos clave',
    'detail.weight': 'peso {weight}',
    'detail.leftOut': 'Descartado',
    'skip.caption': 'pie de imagen',
    'skip.call_to_action': 'llamada a la acción',
    'skip.boilerplate': 'texto de la página',
    noSection: 'Preguntas',
    'error.key': 'Pega primero la clave de revisor.',
    'error.file': 'Elige la guía que quieres importar.',
    'error.refused': 'La clave de revisor no es válida: revísala y vuelve a intentarlo.',
    'error.network': 'No se puede contactar con el servidor.',
    'error.server': '{title}: {detail}',
  },
};

initLayout();
const lang = language();
// This page writes its words once; a change of language from the header redraws it.
onLanguageChange(() => window.location.reload());
function t(key, params = {}) {
  const text = strings[lang][key] ?? strings.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

const $ = (selector) => document.querySelector(selector);
const form = $('#import-form');
const keyInput = $('#reviewer-key');
const fileInput = $('#file');
const importButton = $('#import');
const message = $('#message');
const draft = $('#draft');
const saveButton = $('#save');
const downloadButton = $('#download');
const saveMessage = $('#save-message');

// What the last import sent, to send again for the zip or the save (the server keeps nothing between requests).
let last = null;

document.title = `${t('title')} · Interviewer`;
for (const element of document.querySelectorAll('[data-text]')) {
  element.textContent = t(element.dataset.text);
}
keyInput.value = sessionStorage.getItem(KEY_STORAGE) ?? '';
keyInput.addEventListener('change', () => sessionStorage.setItem(KEY_STORAGE, keyInput.value.trim()));

function say(target, text, isError = false) {
  target.textContent = text;
  target.classList.toggle('error', isError);
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
  let response;
  try {
    response = await fetch(`/api/banks/import${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${keyInput.value.trim()}` },
      body,
    });
  } catch {
    throw new Error(t('error.network'));
  }
  if (response.status === 401 || response.status === 403 && !save) throw new Error(t('error.refused'));
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch { /* not Problem Details */ }
    throw new Error(t('error.server', { title: problem.title ?? response.status, detail: problem.detail ?? response.statusText }));
  }
  return response;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = fileInput.files[0];
  if (!keyInput.value.trim()) return say(message, t('error.key'), true);
  if (!file) return say(message, t('error.file'), true);
  sessionStorage.setItem(KEY_STORAGE, keyInput.value.trim());
  const request = { file, id: $('#bank-id').value.trim(), title: $('#bank-title').value.trim(), language: $('#language').value };
  importButton.disabled = true;
  draft.hidden = true;
  say(message, t('importing', { name: file.name }));
  try {
    const result = await (await post(request)).json();
    // Later requests name the bank as this one did, so the zip and the saved bank match what is shown.
    last = { ...request, id: result.bank.id };
    render(result);
    say(message, t('imported', { found: result.report.questionsFound, drafted: result.report.questionsDrafted }));
  } catch (error) {
    say(message, error.message, true);
  } finally {
    importButton.disabled = false;
  }
});

downloadButton.addEventListener('click', async () => {
  if (!last) return;
  downloadButton.disabled = true;
  try {
    const blob = await (await post(last, { format: 'zip' })).blob();
    const link = element('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${last.id}.zip`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    say(saveMessage, '');
  } catch (error) {
    say(saveMessage, error.message, true);
  } finally {
    downloadButton.disabled = false;
  }
});

saveButton.addEventListener('click', async () => {
  if (!last) return;
  saveButton.disabled = true;
  say(saveMessage, t('saving'));
  try {
    await post(last, { save: true });
    say(saveMessage, t('saved', { id: last.id }));
  } catch (error) {
    say(saveMessage, error.message, true);
    saveButton.disabled = false;
  }
});

function render({ bank, report }) {
  $('#draft-title').textContent = t('draftTitle', { title: bank.title, id: bank.id });
  const summary = $('#summary');
  const low = report.questions.filter((q) => q.confidence === 'low').length;
  const keyPoints = bank.questions.reduce((sum, q) => sum + q.keyPoints.length, 0);
  summary.replaceChildren(...[
    ['sum.found', report.questionsFound],
    ['sum.drafted', report.questionsDrafted],
    ['sum.sections', report.sections.length],
    ['sum.keyPoints', keyPoints],
    ['sum.low', low],
    ['sum.valid', report.valid ? t('yes') : t('no')],
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
  saveButton.disabled = false;
  say(saveMessage, '');
  draft.hidden = false;
}

function renderSection(section, questions, byId) {
  const wrapper = element('section', null, 'import-section');
  const heading = element('h3', section.title || t('noSection'));
  if (section.category) heading.append(' ', element('span', `(${section.category})`, 'category'));
  const table = element('table', null, 'import-table');
  const head = element('tr');
  for (const key of ['col.number', 'col.question', 'col.found', 'col.keyPoints', 'col.confidence', 'col.check']) {
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
  if (review.hasDescription) found.push(t('found.description'));
  found.push(t(`found.${review.answer}`, { words: review.answerWords }));
  if (review.listItems) found.push(t('found.list', { count: review.listItems }));
  if (review.tableRows) found.push(t('found.table', { count: review.tableRows }));
  const confidence = element('td');
  confidence.append(element('span', t(`conf.${review.confidence}`), `badge ${review.confidence}`));
  const check = element('td');
  if (review.warnings.length) {
    const list = element('ul', null, 'warnings');
    list.append(...review.warnings.map((w) => element('li', w.message)));
    check.append(list);
  }
  const cells = [element('td', review.number, 'number'), text, element('td', found.join(', ')), element('td', review.keyPoints, 'number'), confidence, check];
  // Column names for the phone layout, where each row is a card.
  ['col.found', 'col.keyPoints', 'col.confidence', 'col.check'].forEach((key, i) => { cells[i + 2].dataset.label = t(key); });
  row.append(...cells);
  return row;
}

function renderDetail(review, question) {
  const details = element('details', null, 'question-detail');
  details.append(element('summary', t('detail.show')));
  details.append(element('h4', t('detail.evaluates')), element('p', question.evaluates));
  details.append(element('h4', t('detail.answer')), element('p', question.modelAnswer, 'model-answer'));
  details.append(element('h4', t('detail.keyPoints')));
  const list = element('ol');
  for (const keyPoint of question.keyPoints) {
    const item = element('li', `${keyPoint.text} (${t('detail.weight', { weight: keyPoint.weight })})`);
    item.append(element('div', keyPoint.concepts.map((c) => c.phrases.join(' / ')).join(' · '), 'concepts'));
    list.append(item);
  }
  details.append(list);
  if (review.skipped.length) {
    details.append(element('h4', t('detail.leftOut')));
    const skipped = element('ul');
    skipped.append(...review.skipped.map((s) => element('li', `${t(`skip.${s.kind}`)}: ${s.text}`)));
    details.append(skipped);
  }
  return details;
}
