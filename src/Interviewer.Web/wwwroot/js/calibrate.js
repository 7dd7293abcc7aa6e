// The /calibrate page: scored answers in, the calibration report drawn as SVG and tables (text nodes only),
// suggestions tried in a what-if and undone with one button; downloads from the saved run, past runs opened again and
// two runs compared.
import { t, formatNumber, formatDate, onLanguageChange } from './i18n.js';
import { apiFetch } from './api.js';
import { takeTypedKey } from './reviewer-key.js';
import { initReviewerPage } from './reviewer-page.js';
import { fillBanks, fillGraders } from './options.js';
import { renderChecklist } from './checklist.js';
import { downloadRun, listRuns, openRun, compareRuns, renderRunList, pickedRuns, renderComparison } from './runs.js';
import calibrateStrings from './strings/calibrate.js';
import runsStrings from './strings/runs.js';
import { node as el } from './dom.js';
import { statusLine } from './status-line.js';

initReviewerPage(calibrateStrings, runsStrings);

const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);

let lastRequest = null; // { file, bankId, grader, folds, cap } of the report shown
let original = null; // the report before any what-if
let shown = null;
let ticked = [];
let pastRuns = null;
let comparison = null;

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

const defined = (m) => m && m.value !== null && m.value !== undefined;
const fmt = (m) => (defined(m) ? formatNumber(m.value, 2) : t('cal.undefined'));
const interval = (m) => (defined(m) && m.ci95 ? t('cal.interval', { low: formatNumber(m.ci95.low, 2), high: formatNumber(m.ci95.high, 2) }) : '');
const withCi = (m) => (interval(m) ? `${fmt(m)} (${interval(m)})` : fmt(m));

/** A figure cell: the value, and its 95% interval (or why it is undefined) on a second line. */
function figureCell(m, label) {
  const note = defined(m) ? interval(m) : (m?.reason ?? '');
  return el('td', { 'data-label': label }, fmt(m), note ? el('span', { class: 'interval' }, note) : null);
}

const { say: setStatus, sayError: setError } = statusLine($('status'));

function contentTypeOf(file) {
  if (/\.(jsonl|ndjson)$/i.test(file.name)) return 'application/x-ndjson';
  return /\.json$/i.test(file.name) ? 'application/json' : 'text/csv';
}

/** Sends the file as it is (CSV, JSON Lines or JSON); the service reads every format the same way. */
async function calibrate(upload, whatIf = []) {
  const query = new URLSearchParams();
  if (upload.bankId) query.set('bankId', upload.bankId);
  if (upload.grader) query.set('grader', upload.grader);
  if (whatIf.length) query.set('whatIf', whatIf.join(','));
  else if (upload.folds) {
    query.set('crossValidate', upload.folds);
    if (upload.cap !== undefined) query.set('exemplars', upload.cap);
  }
  if (upload.save) query.set('saveExemplars', 'true');
  const response = await apiFetch(`/api/calibrate?${query}`, {
    reviewer: true, method: 'POST', headers: { 'Content-Type': contentTypeOf(upload.file), Accept: 'application/json' }, body: upload.file,
  });
  return response.json();
}

async function run(event) {
  event.preventDefault();
  if (!takeTypedKey()) { setStatus('reviewer.missing', {}, true); $('reviewer-key')?.focus(); return; }
  const file = $('file').files[0];
  if (!file) { setStatus('cal.chooseFile', {}, true); $('file').focus(); return; }
  const cap = $('exemplar-cap').value.trim();
  const upload = {
    file, bankId: $('bank').value || undefined, grader: $('grader').value || undefined,
    folds: $('cross-validate').checked ? 5 : undefined, cap: cap === '' ? undefined : cap, save: $('save-exemplars').checked,
  };
  if (upload.save && !upload.bankId) { setStatus('cal.saveNeedsBank', {}, true); $('bank').focus(); return; }
  setStatus('cal.grading');
  $('run').disabled = true;
  try {
    original = await calibrate(upload);
    // Saved once: a what-if afterwards grades again without saving again.
    lastRequest = { ...upload, save: false };
    render(original);
    setStatus(null);
    if (pastRuns) await showPastRuns();
  } catch (error) {
    setError(error.message);
  } finally {
    $('run').disabled = false;
  }
}

// Suggestions always come from the original report: a what-if applies them to the original rubric.
async function tryThese() {
  if (!lastRequest) return;
  const chosen = [...document.querySelectorAll('#suggestions input:checked')].map((box) => box.value);
  if (chosen.length === 0) { setStatus('cal.tickOne', {}, true); return; }
  setStatus('cal.regrading');
  $('try').disabled = true;
  try {
    render(await calibrate(lastRequest, chosen), chosen);
    setStatus(null);
  } catch (error) {
    setError(error.message);
  } finally {
    $('try').disabled = false;
  }
}

async function showPastRuns() {
  if (!takeTypedKey()) { setStatus('reviewer.missing', {}, true); $('reviewer-key')?.focus(); return; }
  try {
    pastRuns = await listRuns('calibration');
    renderPast();
  } catch (error) {
    setError(error.message);
  }
}

function renderPast() {
  renderRunList($('runs'), pastRuns, { onOpen: openPastRun, compare: true });
  $('compare').hidden = pastRuns.length < 2;
}

// A past run is shown as it was saved; its suggestions can be read but not tried (the rows are not kept in the page).
async function openPastRun(id) {
  try {
    const detail = await openRun(id);
    original = { ...detail.report, runId: detail.id };
    lastRequest = null;
    render(original);
    setStatus('runs.opened', { when: formatDate(detail.createdAt), who: detail.reviewer });
    $('report').scrollIntoView({ block: 'start' });
  } catch (error) {
    setError(error.message);
  }
}

async function compare() {
  const ids = pickedRuns($('runs'));
  if (ids.length !== 2) { setStatus('runs.pickTwo', {}, true); return; }
  // A is the older run, so that changes read as what happened since.
  const [a, b] = ids.map((id) => pastRuns.find((r) => r.id === id)).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  setStatus('runs.comparing');
  try {
    comparison = await compareRuns(a.id, b.id);
    renderComparison($('comparison'), comparison);
    $('comparison-section').hidden = false;
    setStatus(null);
    $('comparison-section').scrollIntoView({ block: 'start' });
  } catch (error) {
    setError(error.message);
  }
}

async function downloadShown(format) {
  if (!shown?.runId) return;
  try {
    await downloadRun({ id: shown.runId, kind: 'calibration' }, format);
  } catch (error) {
    setError(t('runs.downloadFailed', { detail: error.message }));
  }
}

function reset() {
  if (!original) return;
  render(original);
  $('run').focus();
}

function render(report, applied = []) {
  shown = report;
  ticked = applied;
  $('report').hidden = false;
  $('headline').textContent = headline(report);
  $('exemplar-note').hidden = !report.crossValidation && !report.exemplarsSaved;
  $('exemplar-note').textContent = [
    report.crossValidation ? t('cal.crossValidated', { folds: report.crossValidation.folds, cap: report.crossValidation.maxExemplars ?? t('cal.all') }) : '',
    report.exemplarsSaved ? t('cal.saved', { added: report.exemplarsSaved.added, replaced: report.exemplarsSaved.replaced, version: report.exemplarsSaved.version }) : '',
  ].filter(Boolean).join(' ');
  $('summary').textContent = t('cal.summary', {
    grader: report.grader, bank: report.bank.id, version: report.bank.version, read: report.rows.read, used: report.rows.used,
    rejected: report.rows.rejected, answers: report.rows.answers, max: formatNumber(report.scale.max, 0),
  });
  $('whatif').hidden = !report.whatIf;
  $('whatif-summary').textContent = report.whatIf
    ? t('cal.whatIf', {
      applied: report.whatIf.applied.length, version: report.whatIf.bankVersion,
      qwkBefore: fmt(report.whatIf.before.qwk), qwk: fmt(report.overall.qwk),
      pearsonBefore: fmt(report.whatIf.before.pearson), pearson: fmt(report.overall.pearson),
      maeBefore: fmt(report.whatIf.before.mae), mae: fmt(report.overall.mae),
    })
    : '';
  renderScatter(report);
  renderConfusion(report);
  renderQuestions(report);
  renderGlossary(report);
  renderRaters(report);
  renderSuggestions();
  renderDisagreements(report);
  $('problems').replaceChildren(...(report.problems.length
    ? report.problems.map((p) => el('li', {}, t('cal.problem', { line: p.line, message: p.message })))
    : [el('li', {}, t('cal.noProblems'))]));
}

/** The report's one-sentence headline, in the page's language, from the report's figures. */
function headline(report) {
  const o = report.overall;
  if (!o.n) return t('cal.h.none');
  const grader = t('cal.h.grader', { n: o.n, qwk: fmt(o.qwk), pearson: fmt(o.pearson), bias: fmt(o.bias) });
  const c = report.comparison;
  if (!c) return `${grader} ${t('cal.h.oneRater')}`;
  const humans = t('cal.h.humans', { human: formatNumber(c.humanQwk, 2), alpha: fmt(report.raters.alphaInterval), grader: formatNumber(c.graderQwk, 2) });
  return `${grader}. ${humans} ${t(`cal.h.${c.verdict}`)}`;
}

/** Round steps for an axis from 0 to max: 4 or 5 ticks. */
function ticks(max) {
  const step = [1, 2, 2.5, 5, 10, 20, 25, 50].find((s) => max / s <= 5) ?? max / 4;
  const values = [];
  for (let v = 0; v <= max + 1e-9; v += step) values.push(v);
  return values;
}

function renderScatter(report) {
  const size = 340; const pad = 44; const max = report.scale.max;
  const x = (v) => pad + (v / max) * (size - 2 * pad);
  const y = (v) => size - pad - (v / max) * (size - 2 * pad);
  const root = svg('svg', {
    viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: 'img',
    'aria-label': t('cal.scatterLabel', { n: report.points.length }), 'data-points': report.points.length,
  });
  root.append(svg('line', { x1: x(0), y1: y(0), x2: x(max), y2: y(max), stroke: 'currentColor', 'stroke-opacity': 0.35, 'stroke-dasharray': 4 }));
  root.append(svg('line', { x1: pad, y1: size - pad, x2: size - pad, y2: size - pad, stroke: 'currentColor' }));
  root.append(svg('line', { x1: pad, y1: pad, x2: pad, y2: size - pad, stroke: 'currentColor' }));
  for (const v of ticks(max)) {
    const label = formatNumber(v, Number.isInteger(v) ? 0 : 1);
    root.append(svg('line', { x1: x(v), y1: size - pad, x2: x(v), y2: size - pad + 4, stroke: 'currentColor' }));
    root.append(svg('text', { x: x(v), y: size - pad + 16, 'text-anchor': 'middle', 'font-size': 11, fill: 'currentColor', class: 'tick-x' }, label));
    root.append(svg('line', { x1: pad - 4, y1: y(v), x2: pad, y2: y(v), stroke: 'currentColor' }));
    root.append(svg('text', { x: pad - 7, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: 'currentColor', class: 'tick-y' }, label));
  }
  root.append(svg('text', { x: size / 2, y: size - 8, 'text-anchor': 'middle', 'font-size': 12, fill: 'currentColor' }, t('cal.human')));
  root.append(svg('text', { x: 4, y: pad - 12, 'font-size': 12, fill: 'currentColor' }, t('cal.graderAxis')));
  report.points.forEach((p, i) => {
    const jitter = (((i * 2654435761) % 1000) / 1000 - 0.5) * max * 0.03;
    const dot = svg('circle', { cx: x(Math.min(max, Math.max(0, p.human + jitter))), cy: y(p.grader), r: 3, fill: '#3b82f6', 'fill-opacity': 0.55 });
    dot.append(svg('title', {}, t('cal.dot', { answer: answerName(p.answerId), human: formatNumber(p.human, 1), grader: formatNumber(p.grader, 1) })));
    root.append(dot);
  });
  $('scatter').querySelector('svg')?.remove();
  $('scatter').prepend(root);
}

function renderConfusion(report) {
  const { points, counts } = report.confusion;
  const cell = Math.max(18, Math.min(40, Math.floor(300 / Math.max(1, points.length))));
  const size = 50 + cell * points.length;
  const peak = Math.max(1, ...counts.flat());
  const root = svg('svg', { viewBox: `0 0 ${size + 10} ${size + 10}`, width: size + 10, height: size + 10, role: 'img', 'aria-label': t('cal.confusionLabel') });
  root.append(svg('text', { x: 50, y: 12, 'font-size': 12, fill: 'currentColor' }, `${t('cal.graderAxis')} →`));
  root.append(svg('text', { x: 2, y: 36, 'font-size': 12, fill: 'currentColor' }, `${t('cal.human')} ↓`));
  points.forEach((p, i) => {
    const label = formatNumber(p, Number.isInteger(p) ? 0 : 1);
    root.append(svg('text', { x: 50 + cell * i + cell / 2, y: 46, 'text-anchor': 'middle', 'font-size': 10, fill: 'currentColor' }, label));
    root.append(svg('text', { x: 44, y: 50 + cell * i + cell / 2 + 4, 'text-anchor': 'end', 'font-size': 10, fill: 'currentColor' }, label));
    points.forEach((_, j) => {
      const count = counts[i][j];
      const rect = svg('rect', { x: 50 + cell * j, y: 50 + cell * i, width: cell - 1, height: cell - 1, fill: i === j ? '#2a9d5c' : '#cc4433', 'fill-opacity': count ? (0.08 + 0.85 * count / peak).toFixed(2) : 0.03 });
      rect.append(svg('title', {}, t('cal.cell', { human: points[i], grader: points[j], count })));
      root.append(rect);
      if (count && cell >= 22) root.append(svg('text', { x: 50 + cell * j + cell / 2, y: 50 + cell * i + cell / 2 + 4, 'text-anchor': 'middle', 'font-size': 10, fill: 'currentColor' }, count));
    });
  });
  $('confusion').querySelector('svg')?.remove();
  $('confusion').prepend(root);
}

const statColumns = [['pearson', 'cal.g.pearson'], ['spearman', 'cal.g.spearman'], ['qwk', 'cal.g.qwk'], ['mae', 'cal.g.mae'], ['bias', 'cal.g.bias']];

function figuresRow(label, f) {
  return el('tr', {}, el('th', { scope: 'row' }, label), el('td', { 'data-label': t('cal.col.n') }, f.n),
    ...statColumns.map(([key, name]) => figureCell(f[key], t(name))));
}

function renderQuestions(report) {
  const head = el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('cal.col.question')), el('th', { scope: 'col' }, t('cal.col.n')),
    ...statColumns.map(([, key]) => el('th', { scope: 'col' }, t(key)))));
  $('questions').replaceChildren(head, el('tbody', {}, figuresRow(t('cal.overall'), report.overall),
    ...report.questions.map((q) => figuresRow(`${q.questionId}${q.drafted ? ` ${t('cal.drafted')}` : ''}`, q.figures))));
}

function renderGlossary(report) {
  const terms = ['pearson', 'spearman', 'qwk', 'mae', 'bias', 'alpha', 'interval'];
  $('glossary').replaceChildren(...terms.flatMap((term) => [
    el('dt', {}, t(`cal.g.${term}`)),
    el('dd', {}, t(`cal.g.${term}Text`, { iterations: report.bootstrap?.iterations ?? '' })),
  ]));
}

function raterName(name) {
  return name === 'grader' ? t('cal.graderName') : name;
}

function renderRaters(report) {
  const r = report.raters;
  if (!r) { $('raters-body').replaceChildren(el('p', { class: 'muted' }, t('cal.oneRater'))); return; }
  const head = el('thead', {}, el('tr', {}, ...[t('cal.col.pair'), t('cal.col.n'), t('cal.g.qwk'), t('cal.g.pearson'), t('cal.g.mae')].map((h) => el('th', { scope: 'col' }, h))));
  const table = el('table', { id: 'rater-table', class: 'figures reflow' }, head, el('tbody', {},
    ...[...r.pairwise, ...r.graderVsRaters].map((p) => el('tr', {}, el('th', { scope: 'row' }, `${raterName(p.a)} – ${raterName(p.b)}`),
      el('td', { 'data-label': t('cal.col.n') }, p.n), figureCell(p.qwk, t('cal.g.qwk')), figureCell(p.pearson, t('cal.g.pearson')), figureCell(p.mae, t('cal.g.mae'))))));
  $('raters-body').replaceChildren(
    el('p', {}, t('cal.alpha', { interval: withCi(r.alphaInterval), ordinal: withCi(r.alphaOrdinal), withGrader: withCi(r.alphaIntervalWithGrader) })),
    table);
}

function keyPointText(report, questionId, keyPointId) {
  return report.keyPoints.find((k) => k.questionId === questionId && k.keyPointId === keyPointId)?.text ?? keyPointId;
}

function renderSuggestions() {
  const report = original;
  $('no-suggestions').hidden = report.suggestions.length > 0;
  $('suggestions').replaceChildren(...report.suggestions.map((s) => {
    const id = `suggestion-${s.id}`;
    const params = { phrase: s.phrase, weight: s.weight, question: s.questionId, keyPoint: keyPointText(report, s.questionId, s.keyPointId) };
    const edit = t(s.kind === 'addPhrase' ? 'cal.addPhrase' : 'cal.setWeight', params);
    return el('li', { 'data-suggestion': s.id },
      el('input', { type: 'checkbox', id, value: s.id, 'aria-describedby': `${id}-why`, ...(ticked.includes(s.id) ? { checked: '' } : {}) }),
      el('div', {}, el('label', { for: id }, edit), el('p', { id: `${id}-why`, class: 'hint' }, why(report, s, params.keyPoint))));
  }));
  $('try').hidden = report.suggestions.length === 0 || !lastRequest;
}

/** Why a phrase is suggested, in the UI language, from the report's figures; the service's own words otherwise. */
function why(report, suggestion, keyPoint) {
  const phrase = suggestion.kind === 'addPhrase'
    && report.diagnostics.candidatePhrases.find((c) => c.questionId === suggestion.questionId && c.phrase === suggestion.phrase);
  if (!phrase) return suggestion.why;
  return t('cal.whyPhrase', {
    phrase: phrase.phrase, high: phrase.highCount, highAnswers: phrase.highAnswers, low: phrase.lowCount, lowAnswers: phrase.lowAnswers, keyPoint,
  });
}

/** An answer's id as given, or "line 4" for an answer the file gave no id. */
function answerName(answerId) {
  const line = /^line-(\d+)$/.exec(answerId ?? '');
  return line ? t('cal.line', { line: line[1] }) : answerId;
}

function renderDisagreements(report) {
  const rows = report.diagnostics.largestDisagreements;
  if (rows.length === 0) {
    $('disagreements').replaceChildren(el('caption', {}, t('cal.noDisagreements')));
    return;
  }
  const headers = [t('cal.col.answer'), t('cal.col.human'), t('cal.col.grader'), t('cal.col.checklist')];
  $('disagreements').replaceChildren(
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((d) => el('tr', { 'data-answer': d.answerId },
      el('td', { 'data-label': headers[0] }, answerName(d.answerId), el('span', { class: 'hint block' }, d.questionId)),
      el('td', { 'data-label': headers[1], class: 'number' }, formatNumber(d.human, 1)),
      el('td', { 'data-label': headers[2], class: 'number' }, formatNumber(d.grader, 1)),
      el('td', { 'data-label': headers[3] }, el('blockquote', { class: 'answer' }, d.answer),
        renderChecklist(d.checklist.map((c) => ({ id: c.keyPointId, text: c.text, status: c.status, evidence: c.evidence }))))))));
}

onLanguageChange(() => {
  if (shown) render(shown, ticked);
  if (pastRuns) renderPast();
  if (comparison) renderComparison($('comparison'), comparison);
});

$('calibrate-form').addEventListener('submit', run);
$('try').addEventListener('click', tryThese);
$('reset').addEventListener('click', reset);
$('show-runs').addEventListener('click', showPastRuns);
$('compare').addEventListener('click', compare);
document.querySelectorAll('[data-download]').forEach((button) => button.addEventListener('click', () => downloadShown(button.dataset.download)));
fillBanks($('bank')).catch(() => setStatus('common.loadBanksFailed', {}, true));
fillGraders($('grader')).catch((error) => setError(error.message));
