// The /batch page: a CSV or JSON Lines file to POST /api/grade, upload progress, a sortable results table whose rows
// open on their key-point checklist, report downloads from the saved run, and past runs opened again.
// User text only ever reaches the page as text nodes.
import { t, formatScore, formatDate, onLanguageChange } from './i18n.js';
import { problemMessage, reviewerKey, ApiError } from './api.js';
import { takeTypedKey } from './reviewer-key.js';
import { initReviewerPage } from './reviewer-page.js';
import { fillBanks, fillGraders } from './options.js';
import { renderChecklist, flagLabel } from './checklist.js';
import { downloadRun, listRuns, openRun, renderRunList } from './runs.js';
import batchStrings from './strings/batch.js';
import runsStrings from './strings/runs.js';
import { node } from './dom.js';
import { statusLine } from './status-line.js';

initReviewerPage(batchStrings, runsStrings);

const $ = (selector) => document.querySelector(selector);
const form = $('#batch-form');
const bankSelect = $('#bank');
const graderSelect = $('#grader');
const fileInput = $('#file');
const gradeButton = $('#grade');
const progress = $('#progress');
const resultsSection = $('#results');
const tbody = $('#results-table tbody');
const columns = [...document.querySelectorAll('#results-table thead th')].map((th) => th.querySelector('button').dataset.i18n);

let run = null; // { id, kind } of the saved run shown
let report = null;
let pastRuns = null;
let sort = { key: 'line', type: 'number', direction: 1 };
const expanded = new Set();
const { say, sayError } = statusLine($('#message'));

function contentTypeOf(file) {
  return /\.(jsonl|ndjson)$/i.test(file.name) ? 'application/x-ndjson' : 'text/csv';
}

// XMLHttpRequest rather than fetch: it reports upload progress.
function post(file, onUploadProgress) {
  return new Promise((resolve, reject) => {
    const query = new URLSearchParams({ bankId: bankSelect.value, grader: graderSelect.value });
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/grade?${query}`);
    xhr.setRequestHeader('Authorization', `Bearer ${reviewerKey.get()}`);
    xhr.setRequestHeader('Content-Type', contentTypeOf(file));
    xhr.responseType = 'text';
    xhr.upload.addEventListener('progress', (e) => onUploadProgress?.(e));
    xhr.addEventListener('load', () => resolve(xhr));
    xhr.addEventListener('error', () => reject(new ApiError(t('http.unreachable'))));
    xhr.send(file);
  });
}

async function failure(xhr) {
  if (xhr.status === 401 || (xhr.status === 403 && xhr.getResponseHeader('WWW-Authenticate'))) {
    reviewerKey.set('');
    return t('reviewer.refused');
  }
  return problemMessage(new Response(new Blob([xhr.responseText]), { status: xhr.status }));
}

function show(saved, body) {
  run = saved;
  report = body;
  expanded.clear();
  render();
  resultsSection.hidden = false;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = fileInput.files[0];
  if (!takeTypedKey()) { say('reviewer.missing', {}, true); $('#reviewer-key')?.focus(); return; }
  if (!file) { say('batch.chooseFile', {}, true); fileInput.focus(); return; }

  gradeButton.disabled = true;
  resultsSection.hidden = true;
  progress.hidden = false;
  progress.value = 0;
  say('batch.uploading', { name: file.name });
  try {
    const xhr = await post(file, (e) => {
      if (e.lengthComputable) {
        progress.value = Math.round((e.loaded / e.total) * 100);
        if (e.loaded === e.total) { progress.removeAttribute('value'); say('batch.grading', { name: file.name }); }
      }
    });
    if (xhr.status !== 200) {
      sayError(t('batch.notGraded', { detail: await failure(xhr) }));
      return;
    }
    const body = JSON.parse(xhr.responseText);
    show({ id: body.runId, kind: 'grade' }, body);
    const { summary } = body;
    say(summary.failed ? 'batch.doneFailed' : 'batch.done', { graded: summary.graded, rows: summary.rows, failed: summary.failed });
    if (pastRuns) await showPastRuns();
  } catch (error) {
    sayError(error.message);
  } finally {
    progress.hidden = true;
    gradeButton.disabled = false;
  }
});

function render() {
  if (!report) return;
  renderSummary(report.summary);
  renderRows();
}

function seconds(value) {
  return value < 0.1 ? t('batch.underTenth') : t('batch.seconds', { value: formatScore(value) });
}

function renderSummary(summary) {
  const items = [
    ['batch.sum.rows', summary.rows], ['batch.sum.graded', summary.graded], ['batch.sum.failed', summary.failed],
    ['batch.sum.mean', formatScore(summary.meanScore)], ['batch.sum.median', formatScore(summary.medianScore)],
    ['batch.sum.degraded', summary.degraded], ['batch.sum.flagged', summary.flagged], ['batch.sum.time', seconds(summary.elapsedSeconds)],
  ];
  $('#summary').replaceChildren(...items.map(([key, value]) => node('div', {}, node('dt', {}, t(key)), node('dd', {}, value))));
}

const covered = (row) => (row.keyPoints ?? []).filter((k) => k.status === 'covered').length;

function cellValue(row, key) {
  switch (key) {
    case 'score': return row.error ? -1 : row.score;
    case 'keyPoints': return row.keyPoints ? covered(row) : -1;
    case 'flags': return row.error ?? (row.flags ?? []).join(', ');
    default: return row[key] ?? '';
  }
}

/** The team's scored answers a grade anchored on, as one note for the flags column. */
function anchorsText(anchors) {
  if (!Array.isArray(anchors) || anchors.length === 0) return [];
  return [t('grade.anchors') + anchors.map((a) => t('grade.anchor', {
    id: a.exemplarId, score: a.score, max: a.maxScore, similarity: Number(a.similarity).toFixed(2),
  })).join(' · ')];
}

function flagsText(row) {
  if (row.error) return t('batch.error', { error: row.error });
  return [...(row.flags ?? []).map(flagLabel), ...(row.degraded ? [t('batch.degraded')] : []), ...anchorsText(row.anchors)].join(', ');
}

function toggle(line) {
  if (expanded.has(line)) expanded.delete(line);
  else expanded.add(line);
  renderRows();
  document.querySelector(`#results-table button[data-line="${line}"]`)?.focus();
}

function renderRows() {
  const sorted = [...report.results].sort((a, b) => {
    const x = cellValue(a, sort.key);
    const y = cellValue(b, sort.key);
    const order = sort.type === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
    return order * sort.direction || a.line - b.line;
  });
  const label = (i) => t(columns[i]);
  tbody.replaceChildren(...sorted.flatMap((row) => {
    const open = expanded.has(row.line);
    const detailId = `detail-${row.line}`;
    let keyPoints = '';
    if (row.keyPoints) {
      const button = node('button', { type: 'button', class: 'link', 'aria-expanded': String(open), 'aria-controls': detailId, 'data-line': row.line },
        t('batch.covered', { covered: covered(row), total: row.keyPoints.length }));
      button.addEventListener('click', () => toggle(row.line));
      keyPoints = button;
    }
    const cells = [row.line, row.id ?? '', row.candidate ?? '', row.questionId ?? '', row.error ? '—' : formatScore(row.score), keyPoints, flagsText(row)];
    const tr = node('tr', row.error ? { class: 'failed' } : {}, ...cells.map((value, i) => node('td', {
      'data-label': label(i), ...(i === 0 || i === 4 ? { class: 'number' } : {}),
    }, value)));
    if (!open) return [tr];
    const detail = node('tr', { class: 'detail', id: detailId },
      node('td', { colspan: String(cells.length) }, renderChecklist(row.keyPoints),
        row.feedback ? node('p', { class: 'hint' }, `${t('batch.feedback')}: ${row.feedback}`) : null));
    return [tr, detail];
  }));
}

document.querySelectorAll('th[data-sort]').forEach((th) => {
  th.querySelector('button').addEventListener('click', () => {
    const key = th.dataset.sort;
    sort = { key, type: th.dataset.type ?? 'text', direction: sort.key === key ? -sort.direction : 1 };
    document.querySelectorAll('th[data-sort]').forEach((other) => other.removeAttribute('aria-sort'));
    th.setAttribute('aria-sort', sort.direction === 1 ? 'ascending' : 'descending');
    renderRows();
  });
});

// Every report comes from the saved run: nothing is uploaded or graded again.
document.querySelectorAll('[data-download]').forEach((button) => {
  button.addEventListener('click', async () => {
    if (!run) return;
    button.disabled = true;
    try {
      await downloadRun(run, button.dataset.download);
    } catch (error) {
      sayError(t('runs.downloadFailed', { detail: error.message }));
    } finally {
      button.disabled = false;
    }
  });
});

async function showPastRuns() {
  if (!takeTypedKey()) { say('reviewer.missing', {}, true); $('#reviewer-key')?.focus(); return; }
  try {
    pastRuns = await listRuns('grade');
    renderRunList($('#runs'), pastRuns, { onOpen: openPastRun });
  } catch (error) {
    sayError(error.message);
  }
}

async function openPastRun(id) {
  try {
    const detail = await openRun(id);
    show({ id: detail.id, kind: detail.kind }, detail.report);
    say('runs.opened', { when: formatDate(detail.createdAt), who: detail.reviewer });
    $('#results-title').scrollIntoView({ block: 'start' });
  } catch (error) {
    sayError(error.message);
  }
}

$('#show-runs').addEventListener('click', showPastRuns);

onLanguageChange(() => {
  render();
  if (pastRuns) renderRunList($('#runs'), pastRuns, { onOpen: openPastRun });
});

fillBanks(bankSelect).catch(() => say('common.loadBanksFailed', {}, true));
fillGraders(graderSelect).catch((error) => sayError(error.message));
