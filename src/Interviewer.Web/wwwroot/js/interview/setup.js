// The practice setup form: bank, number of questions, categories, grader, name; all of it remembered across reloads.
import { t, suggestLanguage } from '../i18n.js';
import { el } from '../render.js';
import { preferences } from '../storage.js';
import { state } from './state.js';
import { ui, showError, hideError, describeError } from './view.js';
import { startPractice } from './practice-start.js';
import { holdEvents, releaseEvents } from './events.js';
import { showStarted } from './session-record.js';
import { loadGraders, chosenGrader } from './grader-choice.js';

let banks = [];

export function wireSetup() {
  ui.bank.addEventListener('change', () => {
    selectBank(ui.bank.value);
    rememberSetup();
  });
  for (const field of [ui.categoryList, ui.grader]) field.addEventListener('change', rememberSetup);
  for (const field of [ui.count, ui.name]) field.addEventListener('input', rememberSetup);
  ui.setupForm.addEventListener('submit', (event) => {
    event.preventDefault();
    startInterview();
  });
}

export async function showSetup(notice) {
  state.session = null;
  state.current = null;
  state.completed = false;
  ui.interview.hidden = true;
  ui.setup.hidden = false;
  ui.setupNotice.hidden = !notice;
  ui.setupNotice.textContent = notice ?? '';
  hideError(ui.setupError);
  ui.start.disabled = false;
  ui.start.textContent = t('setup.start');
  if (banks.length === 0) await Promise.all([loadBanks(), loadGraders(preferences.get().grader)]);
  else selectBank(ui.bank.value);
}

/**
 * The page opened as /?bank=B&questions=q1,q2 ("practise my weak areas" on the progress page): those questions are
 * started at once. The address is cleaned first, so that a reload resumes this interview instead of starting another.
 */
export async function startPlannedFromAddress() {
  const address = new URLSearchParams(location.search);
  const questionIds = (address.get('questions') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  if (questionIds.length === 0) return;
  history.replaceState(null, '', location.pathname);
  await showSetup();
  const bank = banks.find((b) => b.id === address.get('bank')) ?? banks.find((b) => b.id === ui.bank.value);
  if (!bank) return;
  ui.bank.value = bank.id;
  selectBank(bank.id);
  await begin(bank, { bankId: bank.id, questionIds });
}

// What the candidate typed or chose survives a reload: the form is saved on every change.
function rememberSetup() {
  const categories = [...ui.categoryList.querySelectorAll('input:checked')].map((input) => input.value);
  const count = Number(ui.count.value);
  preferences.set({
    bankId: ui.bank.value,
    questionCount: Number.isInteger(count) && count >= 1 ? count : undefined,
    categories,
    grader: chosenGrader() ?? preferences.get().grader,
    candidateName: ui.name.value,
  });
}

async function loadBanks() {
  ui.start.disabled = true;
  ui.categoryList.replaceChildren(el('p', { className: 'hint', text: t('setup.loading') }));
  try {
    const response = await fetch('/api/banks', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    banks = await response.json();
  } catch {
    showError(ui.setupError, t('setup.banksFailed'));
    ui.categoryList.replaceChildren();
    return;
  }
  if (banks.length === 0) {
    showError(ui.setupError, t('setup.noBanks'));
    ui.categoryList.replaceChildren();
    return;
  }
  const saved = preferences.get();
  ui.bank.replaceChildren(...banks.map((bank) => el('option', { attrs: { value: bank.id }, text: bank.title })));
  const bankId = banks.some((bank) => bank.id === saved.bankId) ? saved.bankId : banks[0].id;
  ui.bank.value = bankId;
  if (Number.isInteger(saved.questionCount)) ui.count.value = String(saved.questionCount);
  if (typeof saved.candidateName === 'string' && !ui.name.value) ui.name.value = saved.candidateName;
  selectBank(bankId);
  ui.start.disabled = false;
}

function selectBank(bankId) {
  const bank = banks.find((b) => b.id === bankId);
  if (!bank) return;
  suggestLanguage(bank.language);
  ui.start.textContent = t('setup.start');
  const max = Math.max(1, bank.questionCount ?? 50);
  ui.count.max = String(max);
  if (Number(ui.count.value) > max) ui.count.value = String(max);
  const saved = preferences.get();
  const chosen = saved.bankId === bank.id && Array.isArray(saved.categories) ? new Set(saved.categories) : null;
  ui.categoryList.replaceChildren(...(bank.categories ?? []).map((category) => {
    const id = `category-${category.id}`;
    const checked = chosen ? chosen.has(category.id) : category.inDefaultPlan !== false;
    return el('div', { className: 'checkbox' },
      el('input', { attrs: { type: 'checkbox', id, name: 'categories', value: category.id, checked } }),
      el('label', { attrs: { for: id }, text: category.title }));
  }));
}

async function startInterview() {
  hideError(ui.setupError);
  const bank = banks.find((b) => b.id === ui.bank.value);
  if (!bank) return;
  const count = Number(ui.count.value);
  const max = Number(ui.count.max) || 50;
  if (!Number.isInteger(count) || count < 1 || count > max) {
    showError(ui.setupError, t('setup.badCount', { min: 1, max }));
    ui.count.focus();
    return;
  }
  const categories = [...ui.categoryList.querySelectorAll('input:checked')].map((input) => input.value);
  if (categories.length === 0) {
    showError(ui.setupError, t('setup.noCategory'));
    ui.categoryList.querySelector('input')?.focus();
    return;
  }
  rememberSetup();
  await begin(bank, { bankId: bank.id, questionCount: count, categories });
}

async function begin(bank, plan) {
  hideError(ui.setupError);
  const request = { ...plan };
  const grader = chosenGrader();
  if (grader) request.grader = grader;
  const name = ui.name.value.trim();
  if (name) request.candidateName = name;

  ui.start.disabled = true;
  ui.start.textContent = t('setup.starting');
  holdEvents();
  try {
    showStarted(await startPractice(request), { bank: { id: bank.id, title: bank.title, language: bank.language, version: bank.version } });
  } catch (error) {
    releaseEvents({ apply: false });
    showError(ui.setupError, describeStartError(error, grader));
    if (grader && refusesGrader(error)) ui.grader.focus();
    ui.start.disabled = false;
    ui.start.textContent = t('setup.start');
  }
}

// A grader this server does not open to practice is refused by the hub (forbidden: or invalid_input:); say which, and why.
const refusesGrader = (error) => ['forbidden', 'invalid_input'].includes(error?.code) && /grader/i.test(error?.detail ?? '');

function describeStartError(error, grader) {
  if (!grader || !refusesGrader(error)) return describeError(error);
  return `${t('setup.graderRefused', { grader })}\n${t('error.detail', { detail: error.detail })}`;
}
