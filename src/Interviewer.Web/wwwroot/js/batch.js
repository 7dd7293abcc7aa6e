// The /batch page: upload a CSV or JSON Lines file to POST /api/grade with the reviewer key, show progress,
// a sortable results table and report downloads. User text only ever reaches the page through textContent.
const KEY_STORAGE = 'interviewer.reviewerKey';

const $ = (selector) => document.querySelector(selector);
const form = $('#batch-form');
const keyInput = $('#reviewer-key');
const bankSelect = $('#bank');
const graderSelect = $('#grader');
const fileInput = $('#file');
const gradeButton = $('#grade');
const progress = $('#progress');
const message = $('#message');
const resultsSection = $('#results');
const tbody = $('#results-table tbody');

let lastResponse = null;
let rows = [];
let sort = { key: 'line', type: 'number', direction: 1 };

keyInput.value = sessionStorage.getItem(KEY_STORAGE) ?? '';
keyInput.addEventListener('change', () => sessionStorage.setItem(KEY_STORAGE, keyInput.value.trim()));

function say(text, isError = false) {
  message.textContent = text;
  message.classList.toggle('error', isError);
}

async function loadBanks() {
  try {
    const response = await fetch('/api/banks');
    const banks = await response.json();
    bankSelect.replaceChildren(...banks.map((bank) => {
      const option = document.createElement('option');
      option.value = bank.id;
      option.textContent = `${bank.title} (${bank.id})`;
      return option;
    }));
  } catch {
    say('Could not load the question banks.', true);
  }
}

function contentTypeOf(file) {
  return /\.(jsonl|ndjson)$/i.test(file.name) ? 'application/x-ndjson' : 'text/csv';
}

// XMLHttpRequest rather than fetch: it reports upload progress.
function post(file, format, onUploadProgress) {
  return new Promise((resolve, reject) => {
    const query = new URLSearchParams({ bankId: bankSelect.value, grader: graderSelect.value });
    if (format) query.set('format', format);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/grade?${query}`);
    xhr.setRequestHeader('Authorization', `Bearer ${keyInput.value.trim()}`);
    xhr.setRequestHeader('Content-Type', contentTypeOf(file));
    xhr.responseType = format && format !== 'json' ? 'blob' : 'text';
    xhr.upload.addEventListener('progress', (e) => onUploadProgress?.(e));
    xhr.addEventListener('load', () => resolve(xhr));
    xhr.addEventListener('error', () => reject(new Error('The server could not be reached.')));
    xhr.send(file);
  });
}

async function problemText(xhr) {
  try {
    const text = xhr.response instanceof Blob ? await xhr.response.text() : xhr.responseText;
    const problem = JSON.parse(text);
    return [problem.title, problem.detail].filter(Boolean).join(': ');
  } catch {
    return `The server answered ${xhr.status}.`;
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = fileInput.files[0];
  if (!keyInput.value.trim()) { say('Paste the reviewer key first.', true); keyInput.focus(); return; }
  if (!file) { say('Choose a CSV or JSON Lines file.', true); fileInput.focus(); return; }
  sessionStorage.setItem(KEY_STORAGE, keyInput.value.trim());

  gradeButton.disabled = true;
  resultsSection.hidden = true;
  progress.hidden = false;
  progress.value = 0;
  say(`Uploading ${file.name}…`);
  try {
    const xhr = await post(file, null, (e) => {
      if (e.lengthComputable) {
        progress.value = Math.round((e.loaded / e.total) * 100);
        if (e.loaded === e.total) { progress.removeAttribute('value'); say(`Grading ${file.name}…`); }
      }
    });
    if (xhr.status !== 200) {
      say(`${xhr.status === 401 || xhr.status === 403 ? 'Reviewer key refused' : 'Not graded'}: ${await problemText(xhr)}`, true);
      return;
    }
    lastResponse = xhr.responseText;
    const report = JSON.parse(lastResponse);
    rows = report.results;
    renderSummary(report.summary);
    renderRows();
    resultsSection.hidden = false;
    const failed = report.summary.failed;
    say(`Graded ${report.summary.graded} of ${report.summary.rows} rows${failed ? `; ${failed} could not be graded (see the table)` : ''}.`);
  } catch (error) {
    say(error.message, true);
  } finally {
    progress.hidden = true;
    gradeButton.disabled = false;
  }
});

function renderSummary(summary) {
  const items = [
    ['Rows', summary.rows], ['Graded', summary.graded], ['Failed', summary.failed],
    ['Mean score', summary.meanScore ?? '—'], ['Median', summary.medianScore ?? '—'],
    ['Degraded', summary.degraded], ['Flagged', summary.flagged], ['Time', `${summary.elapsedSeconds} s`],
  ];
  $('#summary').replaceChildren(...items.map(([name, value]) => {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    const dd = document.createElement('dd');
    dt.textContent = name;
    dd.textContent = String(value);
    div.append(dt, dd);
    return div;
  }));
}

function cellValue(row, key) {
  switch (key) {
    case 'score': return row.error ? -1 : row.score;
    case 'keyPoints': return row.keyPoints ? row.keyPoints.filter((k) => k.status === 'covered').length : -1;
    case 'flags': return row.error ?? (row.flags ?? []).join(', ');
    default: return row[key] ?? '';
  }
}

/** The team's scored answers a grade anchored on, as one note for the flags column. */
function anchorsText(anchors) {
  if (!Array.isArray(anchors) || anchors.length === 0) return [];
  return [`closest scored answers: ${anchors.map((a) => `${a.exemplarId} ${a.score}/${a.maxScore} (${Number(a.similarity).toFixed(2)})`).join(' · ')}`];
}

function renderRows() {
  const sorted = [...rows].sort((a, b) => {
    const x = cellValue(a, sort.key);
    const y = cellValue(b, sort.key);
    const order = sort.type === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
    return order * sort.direction || a.line - b.line;
  });
  tbody.replaceChildren(...sorted.map((row) => {
    const tr = document.createElement('tr');
    if (row.error) tr.className = 'failed';
    const keyPoints = row.keyPoints
      ? `${row.keyPoints.filter((k) => k.status === 'covered').length}/${row.keyPoints.length} covered`
      : '';
    const cells = [
      [row.line, true], [row.id ?? '', false], [row.candidate ?? '', false], [row.questionId ?? '', false],
      [row.error ? '—' : row.score, true], [keyPoints, false],
      [row.error ? `error: ${row.error}` : [...(row.flags ?? []), ...(row.degraded ? ['degraded'] : []), ...anchorsText(row.anchors)].join(', '), false],
    ];
    for (const [value, numeric] of cells) {
      const td = document.createElement('td');
      td.textContent = String(value);
      if (numeric) td.className = 'num';
      tr.append(td);
    }
    return tr;
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

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

document.querySelectorAll('[data-download]').forEach((button) => {
  button.addEventListener('click', async () => {
    const format = button.dataset.download;
    if (format === 'json' && lastResponse) {
      save(new Blob([lastResponse], { type: 'application/json' }), 'grades.json');
      return;
    }
    // The CSV and HTML reports are written by the server, from the same file graded again.
    const file = fileInput.files[0];
    if (!file) { say('Choose the file again to download its report.', true); return; }
    button.disabled = true;
    try {
      const xhr = await post(file, format);
      if (xhr.status !== 200) { say(`Download failed: ${await problemText(xhr)}`, true); return; }
      save(xhr.response, `grades.${format}`);
    } finally {
      button.disabled = false;
    }
  });
});

loadBanks();
