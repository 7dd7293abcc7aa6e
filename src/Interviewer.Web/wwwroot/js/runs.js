// Saved runs on the batch and calibration pages: past runs listed, downloads made from the saved run (never by
// grading again), and two runs compared. Text from runs only ever reaches the page as text nodes.
import { t, formatNumber, formatDate } from './i18n.js';
import { download, getJson } from './api.js';
import { node as el } from './dom.js';

const enc = encodeURIComponent;

/** Downloads a saved run's report (csv, json, html or md), written by the service from the stored run. */
export function downloadRun(run, format) {
  const name = run.kind === 'grade' ? 'grades' : 'calibration';
  return download(`/api/runs/${enc(run.id)}?format=${format}`, `${name}-${run.id}.${format}`);
}

export const listRuns = (kind) => getJson(`/api/runs?kind=${enc(kind)}&limit=20`, { reviewer: true });
export const openRun = (id) => getJson(`/api/runs/${enc(id)}`, { reviewer: true });
export const compareRuns = (a, b) => getJson(`/api/runs/compare?a=${enc(a)}&b=${enc(b)}`, { reviewer: true });

/** One line on what a run measured: the batch's mean score, or the calibration's QWK. */
function outcome(run) {
  if (run.kind === 'grade') return t('runs.mean', { mean: formatNumber(run.summary.meanScore, 1), failed: run.summary.failed });
  const qwk = run.summary.overall?.qwk?.value;
  return t('runs.qwk', { qwk: qwk === null || qwk === undefined ? t('cal.undefined') : formatNumber(qwk, 2) });
}

/**
 * The table of past runs. Each row opens its run; with <c>compare</c>, two rows can be ticked and compared.
 * @param {HTMLTableElement} table
 * @param {object[]} runs as GET /api/runs lists them
 * @param {{ onOpen: (id: string) => void, compare?: boolean }} actions
 */
export function renderRunList(table, runs, { onOpen, compare = false }) {
  if (runs.length === 0) {
    table.replaceChildren(el('caption', {}, t('runs.none')));
    return;
  }
  const headers = [...(compare ? [t('runs.col.pick')] : []), t('runs.col.when'), t('runs.col.who'), t('runs.col.bank'), t('runs.col.grader'), t('runs.col.rows'), t('runs.col.outcome'), ''];
  table.replaceChildren(
    el('caption', { class: 'visually-hidden' }, t('runs.title')),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...runs.map((run) => {
      const open = el('button', { type: 'button', class: 'button', 'data-open': run.id }, t('runs.open'));
      open.addEventListener('click', () => onOpen(run.id));
      const cells = [
        formatDate(run.createdAt), run.reviewer, run.bank ? `${run.bank.id} v${run.bank.version}` : '—',
        run.model ? `${run.grader} (${run.model})` : run.grader, run.rows, outcome(run), open,
      ];
      const pick = compare ? [el('td', { 'data-label': headers[0] }, el('input', {
        type: 'checkbox', value: run.id, 'aria-label': t('runs.pickLabel', { when: formatDate(run.createdAt) }),
      }))] : [];
      const offset = pick.length;
      return el('tr', { 'data-run': run.id }, ...pick, ...cells.map((value, i) => el('td', headers[i + offset] ? { 'data-label': headers[i + offset] } : {}, value)));
    })));
}

/** The ids of the runs ticked in a run list. */
export const pickedRuns = (table) => [...table.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);

// Counts are whole numbers; rates and agreement figures get two decimals.
const counts = new Set(['n', 'graded', 'failed', 'degraded', 'flagged']);
const figure = (value, name) => (value === null || value === undefined ? '—' : formatNumber(value, counts.has(name) ? 0 : 2));
const delta = (value, name) => (value === null || value === undefined ? '—' : `${value > 0 ? '+' : ''}${figure(value, name)}`);
const figureName = (name) => t(`runs.f.${name}`);

let tables = 0;

// A heading rather than a caption: a caption does not reflow on a phone.
function changesTable(title, rows) {
  const headers = [t('runs.col.what'), 'A', 'B', t('runs.col.change')];
  const id = `changes-${++tables}`;
  return el('section', { class: 'changes' }, el('h3', { id }, title), el('table', { class: 'figures reflow', 'aria-labelledby': id },
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((f) => el('tr', { 'data-figure': f.name },
      el('th', { scope: 'row' }, figureName(f.name)),
      el('td', { 'data-label': 'A', class: 'number' }, figure(f.a, f.name)),
      el('td', { 'data-label': 'B', class: 'number' }, figure(f.b, f.name)),
      el('td', { 'data-label': headers[3], class: 'number' }, delta(f.delta, f.name)))))));
}

/** What changed from run A to run B: figures overall, per question and per key point, and (batches) the answers. */
export function renderComparison(container, comparison) {
  const origin = (o) => t('runs.origin', { bank: o.bankId, version: o.bankVersion, grader: o.grader });
  const parts = [
    el('p', {}, t('runs.compared', { a: origin(comparison.a), b: origin(comparison.b), onlyA: comparison.onlyInA, onlyB: comparison.onlyInB })),
    changesTable(t('runs.overall'), comparison.overall),
  ];
  for (const q of comparison.questions) {
    parts.push(changesTable(t('runs.question', { id: q.questionId }), q.figures));
  }
  const moved = comparison.keyPoints.filter((k) => k.up || k.down || k.figures.some((f) => f.delta));
  if (moved.length) {
    parts.push(el('h3', {}, t('runs.keyPoints')), el('ul', {}, ...moved.map((k) => el('li', {},
      `${k.text ?? k.keyPointId} (${k.questionId}): `,
      k.figures.map((f) => `${figureName(f.name)} ${figure(f.a, f.name)} → ${figure(f.b, f.name)}`).join(', '),
      k.up || k.down ? ` · ${t('runs.flips', { up: k.up, down: k.down })}` : ''))));
  }
  if (comparison.answers.length) {
    parts.push(el('h3', {}, t('runs.answers', { n: comparison.answers.length })), el('ul', {}, ...comparison.answers.slice(0, 50).map((a) => el('li', {},
      `${a.id}${a.questionId ? ` (${a.questionId})` : ''}: ${figure(a.scoreA, 'score')} → ${figure(a.scoreB, 'score')}`,
      a.flips.length ? ` · ${a.flips.map((f) => `${f.keyPointId} ${t(`grade.${f.from}`)} → ${t(`grade.${f.to}`)}`).join(', ')}` : ''))));
  }
  container.replaceChildren(...parts);
}
