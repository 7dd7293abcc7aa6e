// The /invitations page: reviewers invite a candidate to an assessment (a fixed plan, a grader, what the candidate
// sees), copy the link — shown once, the service keeps only its hash — follow each invitation's status and revoke one.
import { t, formatDate, onLanguageChange } from './i18n.js';
import { apiFetch, getJson, reviewerKey } from './api.js';
import { initReviewerPage } from './reviewer-page.js';
import { fillBanks, fillGraders } from './options.js';
import invitationStrings from './strings/invitations.js';
import { node } from './dom.js';
import { statusLine } from './status-line.js';

initReviewerPage(invitationStrings);

const $ = (id) => document.getElementById(id);
const lifetimeDays = 7;
const state = { invitations: null, banks: [] };
const status = { create: statusLine($('create-status')), copy: statusLine($('copy-status')), list: statusLine($('list-status')) };

function localDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// ---- The form ----

function renderCategories() {
  const bank = state.banks.find((b) => b.id === $('bank').value);
  const ticked = new Set([...document.querySelectorAll('#category-list input:checked')].map((input) => input.value));
  $('category-list').replaceChildren(...(bank?.categories ?? []).map((category) => {
    const input = node('input', { type: 'checkbox', name: 'category', value: category.id });
    input.checked = ticked.has(category.id);
    return node('label', {}, input, `${category.title} (${category.id})`);
  }));
}

async function loadChoices() {
  try {
    state.banks = await fillBanks($('bank'));
    await fillGraders($('grader'));
    renderCategories();
  } catch (error) {
    status.create.sayError(error.message);
  }
}

function request() {
  const body = { bankId: $('bank').value || undefined, feedback: $('feedback').value };
  const count = $('count').value.trim();
  if (count) body.questionCount = Number(count);
  const categories = [...document.querySelectorAll('#category-list input:checked')].map((input) => input.value);
  if (categories.length) body.categories = categories;
  if ($('grader').value) body.grader = $('grader').value;
  const name = $('candidate').value.trim();
  if (name) body.candidateName = name;
  const expires = $('expires').value;
  if (expires) {
    // The end of the chosen day, in the reviewer's time zone.
    const [y, m, d] = expires.split('-').map(Number);
    body.expiresAt = new Date(y, m - 1, d, 23, 59, 59).toISOString();
  }
  return body;
}

async function create(event) {
  event.preventDefault();
  if (!reviewerKey.get()) { status.create.say('reviewer.missing', {}, true); return; }
  const count = Number($('count').value);
  if ($('count').value.trim() && !(Number.isInteger(count) && count >= 1 && count <= 50)) {
    status.create.say('inv.badCount', {}, true);
    $('count').focus();
    return;
  }
  $('submit').disabled = true;
  status.create.say('inv.creating');
  try {
    const response = await apiFetch('/api/invitations', {
      reviewer: true,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(request()),
    });
    const created = await response.json();
    status.create.say(null);
    $('link').value = created.url;
    status.copy.say(null);
    $('created').hidden = false;
    $('created').focus();
    await loadList();
  } catch (error) {
    // A refused field comes back as "Invalid invitation: field: why", in the server's words.
    status.create.sayError(error.message);
  } finally {
    $('submit').disabled = false;
  }
}

async function copyLink() {
  const link = $('link');
  link.select();
  try {
    await navigator.clipboard.writeText(link.value);
    status.copy.say('inv.copied');
  } catch {
    // No clipboard permission: the link is selected, ready for Ctrl+C.
    status.copy.say('inv.copyByHand');
  }
}

// ---- The list ----

async function loadList() {
  if (!reviewerKey.get()) { status.list.say('reviewer.missing', {}, true); return; }
  status.list.say('inv.loading');
  try {
    state.invitations = await getJson('/api/invitations?limit=200', { reviewer: true });
    renderList();
  } catch (error) {
    status.list.sayError(error.message);
  }
}

const statusBadge = { pending: '', started: 'warning', completed: 'success', expired: 'danger', revoked: 'danger' };

function renderList() {
  const rows = state.invitations;
  if (!rows) return;
  $('invitations').hidden = rows.length === 0;
  status.list.say(rows.length ? 'inv.count' : 'inv.none', { count: rows.length });
  const headers = [...document.querySelectorAll('#invitations thead th')].map((th) => th.textContent.trim());
  $('invitations').querySelector('tbody').replaceChildren(...rows.map((invitation) => {
    const name = invitation.candidateName || t('inv.noName');
    const actions = node('div', { class: 'row-actions' });
    if (invitation.sessionId) {
      actions.append(node('a', { class: 'button', href: `/sessions.html?id=${encodeURIComponent(invitation.sessionId)}`,
        'aria-label': t('inv.openLabel', { name }) }, t('inv.open')));
    }
    if (invitation.status === 'pending') {
      const revoke = node('button', { type: 'button', class: 'button subtle', 'data-revoke': invitation.id,
        'aria-label': t('inv.revokeLabel', { name }) }, t('inv.revoke'));
      revoke.addEventListener('click', () => revokeInvitation(invitation, revoke));
      actions.append(revoke);
    }
    return node('tr', { 'data-invitation': invitation.id },
      node('td', { 'data-label': headers[0] }, formatDate(invitation.createdAt)),
      node('td', { 'data-label': headers[1] }, name),
      node('td', { 'data-label': headers[2] }, t('inv.plan', { count: invitation.questionIds.length, bank: invitation.bankId, grader: invitation.grader })),
      node('td', { 'data-label': headers[3] }, t(`inv.feedbackShort.${invitation.feedback}`)),
      node('td', { 'data-label': headers[4] },
        node('span', { class: `badge ${statusBadge[invitation.status] ?? ''}`.trim(), 'data-status': invitation.status }, t(`inv.status.${invitation.status}`))),
      node('td', { 'data-label': headers[5] }, formatDate(invitation.expiresAt)),
      node('td', {}, actions));
  }));
}

async function revokeInvitation(invitation, button) {
  button.disabled = true;
  try {
    await apiFetch(`/api/invitations/${encodeURIComponent(invitation.id)}`, { reviewer: true, method: 'DELETE' });
    await loadList();
    status.list.say('inv.revoked', { name: invitation.candidateName || t('inv.noName') });
  } catch (error) {
    button.disabled = false;
    status.list.sayError(error.message);
  }
}

// ---- Start ----

$('expires').value = localDate(new Date(Date.now() + lifetimeDays * 86_400_000));
$('expires').min = localDate(new Date());
$('bank').addEventListener('change', renderCategories);
$('create').addEventListener('submit', create);
$('copy').addEventListener('click', copyLink);
$('refresh').addEventListener('click', loadList);
reviewerKey.onChange((key) => { if (key) loadList(); });
onLanguageChange(() => renderList());
loadChoices();
loadList();
