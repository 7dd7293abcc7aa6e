// The /sessions page: the reviewers' list of interviews with filters (kept in the address, so a view can be
// shared), and one interview's transcript with exports. Candidate text only ever reaches the page as text.
import { t, formatScore, formatDate, onLanguageChange } from './i18n.js';
import { getJson, saveBlob, reviewerKey } from './api.js';
import { initReviewerPage } from './reviewer-page.js';
import { fillBanks } from './options.js';
import { renderSessionHead, renderTranscript, exportHtml, candidateName, reviewsOf } from './session-view.js';
import { renderReviews, renderReviewForm } from './review-form.js';
import sessionsStrings from './strings/sessions.js';
import { node } from './dom.js';
import { statusLine } from './status-line.js';

initReviewerPage(sessionsStrings);

const pageSize = 50;
const $ = (id) => document.getElementById(id);
const filterFields = ['status', 'mode', 'bank', 'candidate', 'from', 'to'];
const state = { sessions: [], offset: 0, more: false, detail: null, queue: null };
const status = { list: statusLine($('list-status')), detail: statusLine($('detail-status')), queue: statusLine($('queue-status')) };

// ---- Filters, in the address ----

function filtersFromForm() {
  const query = new URLSearchParams();
  for (const name of filterFields) {
    const value = $(name).value.trim();
    if (value) query.set(name, value);
  }
  return query;
}

function formFromAddress(query) {
  for (const name of filterFields) $(name).value = query.get(name) ?? '';
}

/** The API's query: dates become the start of the day (from) and the start of the next day (to), in local time. */
function apiQuery(query, offset) {
  const api = new URLSearchParams({ offset: String(offset), limit: String(pageSize) });
  for (const name of ['status', 'mode', 'bank', 'candidate']) if (query.get(name)) api.set(name, query.get(name));
  const day = (value, plus) => {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(y, m - 1, d + plus).toISOString();
  };
  if (query.get('from')) api.set('from', day(query.get('from'), 0));
  if (query.get('to')) api.set('to', day(query.get('to'), 1));
  return api;
}

// ---- The list ----

async function loadList(append = false) {
  if (!reviewerKey.get()) { status.list.say('reviewer.missing', {}, true); return; }
  const query = new URLSearchParams(location.search);
  const offset = append ? state.offset : 0;
  status.list.say('ses.loading');
  try {
    const page = await getJson(`/api/sessions?${apiQuery(query, offset)}`, { reviewer: true });
    state.sessions = append ? [...state.sessions, ...page] : page;
    state.offset = offset + page.length;
    state.more = page.length === pageSize;
    renderList();
  } catch (error) {
    status.list.sayError(error.message);
  }
}

function renderList() {
  const rows = state.sessions;
  $('sessions').hidden = rows.length === 0;
  $('more').hidden = !state.more;
  status.list.say(rows.length === 0 ? 'ses.none' : 'ses.count', { count: rows.length });
  const headers = [...document.querySelectorAll('#sessions thead th')].map((th) => th.textContent.trim());
  $('sessions').querySelector('tbody').replaceChildren(...rows.map((s) => {
    const name = candidateName(s);
    const open = node('a', { href: `/sessions.html?id=${encodeURIComponent(s.id)}`, class: 'button', 'data-open': s.id,
      'aria-label': t('ses.openLabel', { name, date: formatDate(s.createdAt) }) }, t('ses.open'));
    open.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      navigate(`?id=${encodeURIComponent(s.id)}`);
    });
    return node('tr', { 'data-session': s.id },
      node('td', { 'data-label': headers[0] }, formatDate(s.createdAt)),
      node('td', { 'data-label': headers[1] }, name),
      node('td', { 'data-label': headers[2] }, s.bankId),
      node('td', { 'data-label': headers[3] }, node('span', { class: 'badge', 'data-mode': s.mode, title: s.mode === 'assessment' ? t('ses.feedbackSeen', { feedback: t(`ses.feedback.${s.feedback}`) }) : '' },
        t(`ses.mode.${s.mode}`))),
      node('td', { 'data-label': headers[4] }, node('span', { class: `badge status-${s.status}` }, t(`ses.status.${s.status}`))),
      node('td', { 'data-label': headers[5] }, t('ses.progress', { turns: s.turns, total: s.totalQuestions })),
      node('td', { 'data-label': headers[6], class: 'number' }, formatScore(s.overallScore)),
      node('td', {}, open));
  }));
}

// ---- One interview ----

async function loadDetail(id) {
  if (!reviewerKey.get()) { status.detail.say('reviewer.missing', {}, true); return; }
  status.detail.say('ses.loading');
  $('detail').replaceChildren();
  try {
    state.detail = await getJson(`/api/sessions/${encodeURIComponent(id)}`, { reviewer: true });
    status.detail.say(null);
    renderDetail();
    if (!/^#turn-\d+$/.test(location.hash)) $('session-title')?.focus();
  } catch (error) {
    state.detail = null;
    if (error.status === 404) status.detail.say('ses.notFound', {}, true);
    else status.detail.sayError(error.message);
  }
}

function renderDetail() {
  const session = state.detail;
  if (!session) return;
  const exportJson = node('button', { type: 'button', class: 'button', id: 'export-json' }, t('ses.exportJson'));
  const exportPage = node('button', { type: 'button', class: 'button', id: 'export-html' }, t('ses.exportHtml'));
  exportJson.addEventListener('click', () => saveBlob(new Blob([JSON.stringify(session, null, 2)], { type: 'application/json' }), `interview-${session.id}.json`));
  exportPage.addEventListener('click', async () => saveBlob(await exportHtml(session), `interview-${session.id}.html`));
  $('detail').replaceChildren(
    renderSessionHead(session),
    node('div', { class: 'actions', role: 'group', 'aria-labelledby': 'export-label' },
      node('span', { id: 'export-label' }, t('ses.export')), exportPage, exportJson),
    renderTranscript(session, (entry) => {
      const answered = entry.answer && !entry.skipped;
      const reviews = renderReviews(reviewsOf(session, entry.turn));
      if (!answered) return reviews;
      const wrap = document.createElement('div');
      wrap.className = 'turn-reviews';
      wrap.append(...[reviews, renderReviewForm(session.id, entry, (review) => saved(entry.turn, review))].filter(Boolean));
      return wrap;
    }));
  const turn = location.hash.match(/^#turn-(\d+)$/)?.[1];
  if (turn) document.getElementById(`turn-${turn}`)?.focus();
}

/** A saved review replaces that reviewer's earlier one on the turn. */
function saved(turn, review) {
  const session = state.detail;
  session.reviews = [...(session.reviews ?? []).filter((r) => !(r.turn === turn && r.reviewer === review.reviewer)), review];
  renderDetail();
  const item = document.getElementById(`turn-${turn}`);
  const note = document.createElement('p');
  note.className = 'status-line';
  note.setAttribute('role', 'status');
  note.textContent = t('rev.saved');
  item?.append(note);
  item?.focus();
}

// ---- The review queue ----

async function loadQueue() {
  if (!reviewerKey.get()) { status.queue.say('reviewer.missing', {}, true); return; }
  status.queue.say('ses.loading');
  try {
    state.queue = await getJson(`/api/reviews/queue?status=${$('show-all').checked ? 'all' : 'unreviewed'}&limit=100`, { reviewer: true });
    renderQueue();
  } catch (error) {
    status.queue.sayError(error.message);
  }
}

function renderQueue() {
  const items = state.queue ?? [];
  status.queue.say(items.length ? null : 'rev.queueEmpty');
  $('queue').replaceChildren(...items.map((item) => {
    const href = `/sessions.html?id=${encodeURIComponent(item.sessionId)}#turn-${item.turn}`;
    const open = node('a', { href, class: 'button' }, t('rev.openTurn', { turn: item.turn }));
    open.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      navigate(`?id=${encodeURIComponent(item.sessionId)}#turn-${item.turn}`);
    });
    return node('li', { class: 'queue-item', 'data-session': item.sessionId, 'data-turn': String(item.turn) },
      node('p', { class: 'grade-line' },
        ...item.reasons.map((reason) => node('span', { class: `badge ${reason === 'disagreement' ? 'danger' : 'warning'}` }, t(`rev.reason.${reason}`))),
        node('strong', {}, candidateName(item)), ` · ${item.bankId} · ${formatScore(item.score)} / 100`,
        item.reviews ? node('span', { class: 'hint' }, t('rev.reviewedBy', { count: item.reviews })) : null),
      node('p', { class: 'turn-question' }, item.question),
      node('blockquote', { class: 'answer' }, item.answer),
      open);
  }));
}

// ---- Views ----

function navigate(search) {
  history.pushState(null, '', `/sessions.html${search}`);
  show();
}

function show() {
  const query = new URLSearchParams(location.search);
  const id = query.get('id');
  const queue = !id && query.get('view') === 'queue';
  $('list-view').hidden = Boolean(id) || queue;
  $('detail-view').hidden = !id;
  $('queue-view').hidden = !queue;
  $('to-list').setAttribute('aria-current', String(!id && !queue));
  $('to-queue').setAttribute('aria-current', String(queue));
  if (id) loadDetail(id);
  else if (queue) loadQueue();
  else {
    formFromAddress(query);
    loadList();
  }
}

$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  const query = filtersFromForm();
  navigate(query.size ? `?${query}` : '');
});
$('clear').addEventListener('click', () => {
  for (const name of filterFields) $(name).value = '';
  navigate('');
});
$('more').addEventListener('click', () => loadList(true));
$('back').addEventListener('click', (event) => {
  if (event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  if (history.length > 1 && document.referrer.includes('/sessions')) history.back();
  else navigate('');
});
window.addEventListener('popstate', show);
$('show-all').addEventListener('change', loadQueue);
for (const [id, search] of [['to-list', ''], ['to-queue', '?view=queue']]) {
  $(id).addEventListener('click', (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    navigate(search);
  });
}
reviewerKey.onChange((key) => { if (key) show(); });
onLanguageChange(() => {
  renderList();
  renderDetail();
  if (state.queue) renderQueue();
});

fillBanks($('bank'), { anyKey: 'ses.any' })
  .then(() => formFromAddress(new URLSearchParams(location.search)))
  .catch(() => status.list.say('common.loadBanksFailed', {}, true));
show();
