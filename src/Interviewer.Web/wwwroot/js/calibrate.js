// The /calibrate page: upload scored answers, show the report as SVG/DOM (text nodes only), try suggestions.
const KEY = 'interviewer.reviewerKey';
const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);

let lastRequest = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

const fmt = (m) => (m && m.value !== null && m.value !== undefined) ? m.value.toFixed(3) : 'undefined';
const withCi = (m) => !m || m.value === null || m.value === undefined
  ? `undefined (${m?.reason ?? 'no data'})`
  : m.ci95 ? `${m.value.toFixed(3)} [${m.ci95.low.toFixed(2)}, ${m.ci95.high.toFixed(2)}]` : m.value.toFixed(3);

async function post(body, contentType, query) {
  const key = $('reviewer-key').value.trim();
  sessionStorage.setItem(KEY, key);
  const response = await fetch('/api/calibrate' + query, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Authorization: `Bearer ${key}` },
    body,
  });
  const type = response.headers.get('content-type') ?? '';
  const payload = type.includes('json') ? await response.json() : { title: await response.text() };
  if (!response.ok) {
    const message = response.status === 401 ? 'The reviewer key was not accepted.' : `${payload.title ?? 'Error'}: ${payload.detail ?? ''}`;
    throw new Error(message);
  }
  return payload;
}

function parseJsonLines(text) {
  return text.split(/\r?\n/).filter((line) => line.trim()).map((line, i) => {
    try { return JSON.parse(line); } catch { throw new Error(`line ${i + 1}: invalid JSON`); }
  });
}

async function run(event) {
  event.preventDefault();
  const file = $('file').files[0];
  if (!file) return;
  const text = await file.text();
  const bankId = $('bank').value.trim() || undefined;
  const grader = $('grader').value || undefined;
  const isJson = /\.(jsonl|ndjson|json)$/i.test(file.name) || text.trimStart().startsWith('{');
  setStatus('Grading…');
  try {
    if (isJson) {
      lastRequest = { bankId, grader, items: parseJsonLines(text) };
      render(await post(JSON.stringify(lastRequest), 'application/json', ''));
    } else {
      const params = new URLSearchParams();
      if (bankId) params.set('bankId', bankId);
      if (grader) params.set('grader', grader);
      lastRequest = { csv: text, query: params.size ? `?${params}` : '' };
      render(await post(text, 'text/csv', lastRequest.query));
    }
    setStatus('');
  } catch (error) {
    setStatus(error.message, true);
  }
}

async function tryThese() {
  if (!lastRequest) return;
  const chosen = [...document.querySelectorAll('#suggestions input:checked')].map((box) => JSON.parse(box.dataset.suggestion));
  if (chosen.length === 0) { setStatus('Tick at least one suggestion.', true); return; }
  setStatus('Re-grading with the suggestions…');
  try {
    // CSV uploads are sent again as rows the JSON API reads the same way.
    const items = lastRequest.items ?? csvToItems(lastRequest.csv);
    const body = { bankId: lastRequest.bankId, grader: lastRequest.grader, items, whatIf: chosen };
    render(await post(JSON.stringify(body), 'application/json', ''));
    setStatus('');
  } catch (error) {
    setStatus(error.message, true);
  }
}

function csvToItems(text) {
  // Minimal RFC 4180 reader (quotes, doubled quotes, quoted newlines; comma or semicolon).
  const separator = (text.split(/\r?\n/, 1)[0].match(/;/g)?.length ?? 0) > (text.split(/\r?\n/, 1)[0].match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows = []; let row = []; let field = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...data] = rows;
  return data.filter((r) => r.some((v) => v.trim())).map((r) => Object.fromEntries(header.map((h, i) => [h.trim().replace(/^\uFEFF/, ''), r[i] ?? ''])));
}

function setStatus(message, isError = false) {
  $('status').textContent = message;
  $('status').className = isError ? 'error' : '';
}

function render(report) {
  $('report').hidden = false;
  $('headline').textContent = report.headline;
  $('summary').textContent = `${report.grader} grader, bank ${report.bank.id} v${report.bank.version}: ${report.rows.read} rows read, ${report.rows.used} used, ${report.rows.rejected} left out; ${report.rows.answers} answers; scale 0–${report.scale.max}.`;
  $('whatif-summary').textContent = report.whatIf
    ? `What-if (bank v${report.whatIf.bankVersion}, ${report.whatIf.applied.length} applied): QWK ${fmt(report.whatIf.before.qwk)} → ${fmt(report.overall.qwk)}, Pearson ${fmt(report.whatIf.before.pearson)} → ${fmt(report.overall.pearson)}, MAE ${fmt(report.whatIf.before.mae)} → ${fmt(report.overall.mae)}.`
    : '';
  renderScatter(report);
  renderConfusion(report);
  renderQuestions(report);
  renderRaters(report);
  renderSuggestions(report);
  renderDisagreements(report);
  $('problems').replaceChildren(...report.problems.map((p) => el('li', {}, `line ${p.line}: ${p.message}`)));
}

function renderScatter(report) {
  const size = 340, pad = 36, max = report.scale.max;
  const x = (v) => pad + (v / max) * (size - 2 * pad);
  const y = (v) => size - pad - (v / max) * (size - 2 * pad);
  const root = svg('svg', { width: size, height: size, role: 'img', 'aria-label': 'human vs grader scores', 'data-points': report.points.length });
  root.append(svg('line', { x1: x(0), y1: y(0), x2: x(max), y2: y(max), stroke: '#bbb', 'stroke-dasharray': 4 }));
  root.append(svg('line', { x1: pad, y1: size - pad, x2: size - pad, y2: size - pad, stroke: '#333' }));
  root.append(svg('line', { x1: pad, y1: pad, x2: pad, y2: size - pad, stroke: '#333' }));
  root.append(svg('text', { x: size / 2, y: size - 6, 'text-anchor': 'middle', 'font-size': 12 }, 'human'));
  root.append(svg('text', { x: 4, y: pad - 8, 'font-size': 12 }, 'grader'));
  report.points.forEach((p, i) => {
    const jitter = (((i * 2654435761) % 1000) / 1000 - 0.5) * max * 0.03;
    const dot = svg('circle', { cx: x(Math.min(max, Math.max(0, p.human + jitter))), cy: y(p.grader), r: 2.5, fill: '#3366cc', 'fill-opacity': 0.45 });
    dot.append(svg('title', {}, `${p.answerId}: human ${p.human}, grader ${p.grader}`));
    root.append(dot);
  });
  $('scatter').replaceChildren(root);
}

function renderConfusion(report) {
  const { points, counts } = report.confusion;
  const cell = Math.max(18, Math.min(40, Math.floor(300 / Math.max(1, points.length))));
  const size = 50 + cell * points.length;
  const peak = Math.max(1, ...counts.flat());
  const root = svg('svg', { width: size + 10, height: size + 10, role: 'img', 'aria-label': 'confusion matrix: human rows, grader columns' });
  root.append(svg('text', { x: 50, y: 12, 'font-size': 12 }, 'grader →'));
  points.forEach((p, i) => {
    root.append(svg('text', { x: 50 + cell * i + cell / 2, y: 40, 'text-anchor': 'middle', 'font-size': 10 }, p));
    root.append(svg('text', { x: 44, y: 50 + cell * i + cell / 2 + 4, 'text-anchor': 'end', 'font-size': 10 }, p));
    points.forEach((_, j) => {
      const count = counts[i][j];
      const rect = svg('rect', { x: 50 + cell * j, y: 50 + cell * i, width: cell - 1, height: cell - 1, fill: i === j ? '#2a9d5c' : '#cc4433', 'fill-opacity': count ? (0.08 + 0.85 * count / peak).toFixed(2) : 0.03 });
      rect.append(svg('title', {}, `human ${points[i]}, grader ${points[j]}: ${count}`));
      root.append(rect);
      if (count && cell >= 22) root.append(svg('text', { x: 50 + cell * j + cell / 2, y: 50 + cell * i + cell / 2 + 4, 'text-anchor': 'middle', 'font-size': 10 }, count));
    });
  });
  $('confusion').replaceChildren(root);
}

function figuresRow(label, f) {
  return el('tr', {}, el('td', {}, label), el('td', {}, f.n), el('td', {}, withCi(f.pearson)), el('td', {}, withCi(f.spearman)),
    el('td', {}, withCi(f.qwk)), el('td', {}, withCi(f.mae)), el('td', {}, withCi(f.bias)));
}

function renderQuestions(report) {
  const head = el('tr', {}, ...['question', 'n', 'Pearson', 'Spearman', 'QWK', 'MAE', 'bias'].map((h) => el('th', {}, h)));
  $('questions').replaceChildren(head, figuresRow('overall', report.overall),
    ...report.questions.map((q) => figuresRow(q.questionId + (q.drafted ? ' (drafted)' : ''), q.figures)));
}

function renderRaters(report) {
  const r = report.raters;
  if (!r) { $('raters').replaceChildren(el('p', { class: 'muted' }, 'One human score per answer: no agreement among humans to compare with.')); return; }
  const table = el('table', { id: 'rater-table' }, el('tr', {}, ...['pair', 'n', 'QWK', 'Pearson', 'MAE'].map((h) => el('th', {}, h))),
    ...[...r.pairwise, ...r.graderVsRaters].map((p) => el('tr', {}, el('td', {}, `${p.a} – ${p.b}`), el('td', {}, p.n), el('td', {}, withCi(p.qwk)), el('td', {}, withCi(p.pearson)), el('td', {}, withCi(p.mae)))));
  $('raters').replaceChildren(el('h2', {}, 'Humans beside the grader'),
    el('p', {}, `Krippendorff's alpha among humans: interval ${withCi(r.alphaInterval)}, ordinal ${withCi(r.alphaOrdinal)}; with the grader as one more rater: ${withCi(r.alphaIntervalWithGrader)}.`),
    table);
}

function renderSuggestions(report) {
  $('suggestions').replaceChildren(...report.suggestions.map((s) => {
    const box = el('input', { type: 'checkbox', value: s.id });
    box.dataset.suggestion = JSON.stringify(s);
    const edit = s.kind === 'addPhrase' ? `add “${s.phrase}” to ${s.questionId} / ${s.keyPointId} (concept ${s.conceptIndex})` : `${s.questionId} / ${s.keyPointId}: weight ${s.weight}`;
    return el('li', {}, el('label', {}, box, ` ${s.id}: ${edit}`), el('br'), el('span', { class: 'muted' }, s.why));
  }));
  $('try').disabled = report.suggestions.length === 0;
}

function renderDisagreements(report) {
  $('disagreements').replaceChildren(el('tr', {}, ...['answer', 'human', 'grader', 'text and key points'].map((h) => el('th', {}, h))),
    ...report.diagnostics.largestDisagreements.map((d) => el('tr', {},
      el('td', {}, `${d.answerId} (${d.questionId})`), el('td', {}, d.human), el('td', {}, d.grader),
      el('td', { class: 'disagreement-text' }, d.answer,
        el('ul', {}, ...d.checklist.map((c) => el('li', {}, `${c.status}: ${c.keyPointId}${c.evidence.length ? ` (${c.evidence.join(', ')})` : ''}`)))))));
}

$('reviewer-key').value = sessionStorage.getItem(KEY) ?? '';
$('calibrate-form').addEventListener('submit', run);
$('try').addEventListener('click', tryThese);
